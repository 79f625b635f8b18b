# Shared by the package tests (cmake -P scripts).

# Runs a command; stops the test with its output unless it exits 0. Its standard output is left
# in last_output.
function(run)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "failed (${status}): ${ARGN}\n${out}\n${err}")
  endif()
  set(last_output "${out}" PARENT_SCOPE)
endfunction()

# Sets cxx_compiler and c_compiler to the compilers the build in BUILD_DIR used. A consumer
# uses the library's compilers: a static C++ library (and a sanitized one all the more) is only
# meant to link with the toolchain that built it.
function(read_build_compilers)
  foreach(language CXX C)
    file(STRINGS ${BUILD_DIR}/CMakeCache.txt compiler REGEX "^CMAKE_${language}_COMPILER:")
    string(REGEX REPLACE "^[^=]*=" "" compiler "${compiler}")
    string(TOLOWER ${language} name)
    set(${name}_compiler "${compiler}" PARENT_SCOPE)
  endforeach()
endfunction()
