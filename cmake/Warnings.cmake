# The warning set of STYLE.md, applied to every project target through pipecrm_warnings().
set(PIPECRM_WARNING_FLAGS
  -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion
  -Wnon-virtual-dtor -Wold-style-cast -Wcast-align -Wunused -Woverloaded-virtual
  -Wnull-dereference -Wdouble-promotion -Wformat=2 -Wimplicit-fallthrough
  -Wmisleading-indentation -Wduplicated-cond -Wlogical-op
  # g++ 12 at -O2/-O3 reports false -Wrestrict errors inside libstdc++ for
  # `"literal" + std::string&&` (GCC bug 105329); the check finds nothing real in our code.
  -Wno-restrict)

function(pipecrm_warnings target)
  target_compile_options(${target} PRIVATE ${PIPECRM_WARNING_FLAGS})
  if(PIPECRM_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()
