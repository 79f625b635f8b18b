# Installs the built scarwise into a scratch prefix, builds a consumer project against it with
# find_package(scarwise), runs the consumer on the installed default rules, and checks the
# pkg-config file. Invoked by CTest with -DBUILD_DIR, -DSOURCE_DIR, -DWORK_DIR and -DLIBDIR
# (the build's CMAKE_INSTALL_LIBDIR).
file(REMOVE_RECURSE ${WORK_DIR})
set(prefix ${WORK_DIR}/prefix)

include(${CMAKE_CURRENT_LIST_DIR}/helpers.cmake)

run(${CMAKE_COMMAND} --install ${BUILD_DIR} --prefix ${prefix})
foreach(installed include/scarwise/scarwise.hpp include/scarwise/scarwise.h share/scarwise/rules/default/ruleset.yaml
                  bin/scarwise ${LIBDIR}/cmake/scarwise/scarwiseConfigVersion.cmake
                  ${LIBDIR}/pkgconfig/scarwise.pc share/scarwise/schema/ruleset.schema.json
                  share/scarwise/schema/ruleset-include.schema.json
                  share/scarwise/schema/tests.schema.json share/scarwise/schema/case.schema.json
                  share/scarwise/schema/assessment.schema.json)
  if(NOT EXISTS ${prefix}/${installed})
    message(FATAL_ERROR "not installed: ${installed}")
  endif()
endforeach()
# The installed default rules name their schema by a relative path that holds once installed.
file(STRINGS ${prefix}/share/scarwise/rules/default/ruleset.yaml modeline LIMIT_COUNT 1)
string(REGEX REPLACE "^# yaml-language-server: \\$schema=" "" schema_path "${modeline}")
if(schema_path STREQUAL modeline OR
   NOT EXISTS ${prefix}/share/scarwise/rules/default/${schema_path})
  message(FATAL_ERROR "the installed ruleset.yaml names no installed schema: ${modeline}")
endif()

read_build_compilers()
run(${CMAKE_COMMAND} -S ${SOURCE_DIR}/tests/package -B ${WORK_DIR}/consumer -G Ninja
    -DCMAKE_CXX_COMPILER=${cxx_compiler} -DCMAKE_C_COMPILER=${c_compiler}
    -DCMAKE_PREFIX_PATH=${prefix}
    -DEXAMPLE_SOURCE=${SOURCE_DIR}/examples/cpp/assess_case.cpp
    -DEXAMPLE_C_SOURCE=${SOURCE_DIR}/examples/c/assess_case.c)
run(${CMAKE_COMMAND} --build ${WORK_DIR}/consumer)
run(${WORK_DIR}/consumer/assess_case ${prefix}/share/scarwise/rules/default
    ${SOURCE_DIR}/examples/cases/rolling-acne-dark-skin.yaml --json)
if(NOT last_output MATCHES "\"format\": \"scarwise.assessment/1\"")
  message(FATAL_ERROR "consumer printed no assessment:\n${last_output}")
endif()
run(${WORK_DIR}/consumer/assess_case_c ${prefix}/share/scarwise/rules/default
    ${SOURCE_DIR}/examples/cases/surgical-scar.json)
if(NOT last_output MATCHES "\"format\": \"scarwise.assessment/1\"")
  message(FATAL_ERROR "C consumer printed no assessment:\n${last_output}")
endif()

# find_package must refuse an incompatible major version.
file(WRITE ${WORK_DIR}/major/CMakeLists.txt
  "cmake_minimum_required(VERSION 3.20)\nproject(p NONE)\nfind_package(scarwise 1.0 CONFIG REQUIRED)\n")
execute_process(COMMAND ${CMAKE_COMMAND} -S ${WORK_DIR}/major -B ${WORK_DIR}/major/build
                -DCMAKE_PREFIX_PATH=${prefix} RESULT_VARIABLE status OUTPUT_QUIET ERROR_QUIET)
if(status EQUAL 0)
  message(FATAL_ERROR "find_package(scarwise 1.0) accepted version 0.1")
endif()

find_program(PKG_CONFIG pkg-config)
if(PKG_CONFIG)
  set(ENV{PKG_CONFIG_PATH} ${prefix}/${LIBDIR}/pkgconfig)
  run(${PKG_CONFIG} --modversion scarwise)
  if(NOT last_output MATCHES "^0\\.1\\.0")
    message(FATAL_ERROR "pkg-config reports version '${last_output}'")
  endif()
endif()
