# The warning set of STYLE.md, applied to every project target through pipecrm_warnings().
set(PIPECRM_WARNING_FLAGS
  -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion
  -Wnon-virtual-dtor -Wold-style-cast -Wcast-align -Wunused -Woverloaded-virtual
  -Wnull-dereference -Wdouble-promotion -Wformat=2 -Wimplicit-fallthrough
  -Wmisleading-indentation)
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
  list(APPEND PIPECRM_WARNING_FLAGS -Wduplicated-cond -Wlogical-op
    # g++ 12 at -O2/-O3 reports false -Wrestrict errors inside libstdc++ for
    # `"literal" + std::string&&` (GCC bug 105329); the check finds nothing real in our code.
    -Wno-restrict)
elseif(CMAKE_CXX_COMPILER_ID MATCHES "Clang")
  list(APPEND PIPECRM_WARNING_FLAGS
    # RapidJSON's member iterators trip clang 14's C++20 reversed-operator check.
    -Wno-ambiguous-reversed-operator
    # The embedded OpenAPI document is one long raw string literal, which g++ and clang accept.
    -Wno-overlength-strings)
endif()

function(pipecrm_warnings target)
  target_compile_options(${target} PRIVATE ${PIPECRM_WARNING_FLAGS})
  if(PIPECRM_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()
