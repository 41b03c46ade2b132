# pipecrm_add_library(NAME SOURCES ... DEPS ...): one static library per layer.
# DEPS lists only the layers this one may use, so a wrong include fails to link or compile.
function(pipecrm_add_library name)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPS" ${ARGN})
  add_library(${name} STATIC ${ARG_SOURCES})
  target_include_directories(${name} PUBLIC ${PROJECT_SOURCE_DIR}/src)
  target_link_libraries(${name} PUBLIC ${ARG_DEPS})
  pipecrm_warnings(${name})
endfunction()

# pipecrm_add_test(NAME SOURCES ... DEPS ... LABELS ...): one GoogleTest binary, each test a ctest.
function(pipecrm_add_test name)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPS;LABELS" ${ARGN})
  if(NOT ARG_LABELS)
    set(ARG_LABELS fast)
  endif()
  add_executable(${name} ${ARG_SOURCES})
  target_link_libraries(${name} PRIVATE ${ARG_DEPS} GTest::gtest GTest::gtest_main)
  target_include_directories(${name} PRIVATE ${PROJECT_SOURCE_DIR}/tests ${PROJECT_SOURCE_DIR}/src)
  pipecrm_warnings(${name})
  gtest_discover_tests(${name}
    PROPERTIES LABELS "${ARG_LABELS}"
    ENVIRONMENT "PIPECRM_BINARY=$<TARGET_FILE:pipecrm>"
    DISCOVERY_TIMEOUT 30)
endfunction()
