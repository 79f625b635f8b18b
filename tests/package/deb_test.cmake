# Builds the Debian package with cpack, checks its control fields and contents, extracts it into
# a scratch root with dpkg -x, builds the C example with pkg-config and the C++ example with
# find_package against that root, and runs them and the packaged command on the packaged rules.
# Invoked by CTest with -DBUILD_DIR, -DSOURCE_DIR, -DWORK_DIR, -DCPACK, -DVERSION, -DPREFIX and
# -DLIBDIR (the build's CMAKE_INSTALL_PREFIX and CMAKE_INSTALL_LIBDIR).
include(${CMAKE_CURRENT_LIST_DIR}/helpers.cmake)
file(REMOVE_RECURSE ${WORK_DIR})
set(root ${WORK_DIR}/root)
set(usr ${root}${PREFIX})
set(rules ${usr}/share/scarwise/rules/default)
set(cases ${SOURCE_DIR}/examples/cases)
set(scarwise ${usr}/bin/scarwise)

# Runs a program from the extracted package; its standard output must match `expected`.
# One line a step: `installed_step("what it shows" "regex" program args...)`.
function(installed_step what expected)
  run(${ARGN})
  if(NOT last_output MATCHES "${expected}")
    message(FATAL_ERROR "${what}: output does not match '${expected}':\n${last_output}")
  endif()
  message(STATUS "ok: ${what}")
endfunction()

function(require_file path)
  if(NOT EXISTS ${path})
    message(FATAL_ERROR "not in the package: ${path}")
  endif()
endfunction()

# --- the package
run(${CPACK} -G DEB --config ${BUILD_DIR}/CPackConfig.cmake -B ${WORK_DIR}/cpack)
file(GLOB debs ${WORK_DIR}/cpack/*.deb)
list(LENGTH debs count)
if(NOT count EQUAL 1)
  message(FATAL_ERROR "cpack made ${count} .deb files, not one: ${debs}")
endif()

run(dpkg-deb --field ${debs} Package Version Section Maintainer Depends)
foreach(field "Package: scarwise\n" "Version: ${VERSION}-1\n" "Section: science\n"
              "Maintainer: [^\n]+ <[^\n]+@[^\n]+>\n" "Depends: [^\n]*libyaml-cpp0\\.7"
              "Depends: [^\n]*libssl3")
  if(NOT last_output MATCHES "${field}")
    message(FATAL_ERROR "control fields do not match '${field}':\n${last_output}")
  endif()
endforeach()

run(dpkg-deb --contents ${debs})
string(REGEX MATCHALL "\\./[^\n]*" paths "${last_output}")
foreach(path IN LISTS paths)
  if(NOT path MATCHES "^\\./(|usr/.*)$")
    message(FATAL_ERROR "the package installs outside /usr: ${path}")
  endif()
endforeach()

run(dpkg-deb -x ${debs} ${root})
foreach(path bin/scarwise include/scarwise/scarwise.h include/scarwise/scarwise.hpp
             ${LIBDIR}/pkgconfig/scarwise.pc ${LIBDIR}/cmake/scarwise/scarwiseConfig.cmake
             share/doc/scarwise/README.md share/doc/scarwise/CHANGELOG.md
             share/doc/scarwise/LICENSE)
  require_file(${usr}/${path})
endforeach()
file(GLOB libraries ${usr}/${LIBDIR}/libscarwise.*)
if(NOT libraries)
  message(FATAL_ERROR "no libscarwise in ${usr}/${LIBDIR}")
endif()
# Every file of the bundled rules, its tests included, and every doc ships unchanged.
function(require_same_tree from to)
  file(GLOB_RECURSE sources RELATIVE ${from} ${from}/*)
  foreach(source IN LISTS sources)
    require_file(${to}/${source})
    file(SHA256 ${from}/${source} want)
    file(SHA256 ${to}/${source} got)
    if(NOT want STREQUAL got)
      message(FATAL_ERROR "packaged ${source} differs from ${from}/${source}")
    endif()
  endforeach()
endfunction()
require_same_tree(${SOURCE_DIR}/rules/default ${rules})
file(GLOB docs RELATIVE ${SOURCE_DIR} ${SOURCE_DIR}/docs/*.md)
foreach(doc IN LISTS docs)
  require_file(${usr}/share/doc/scarwise/${doc})
endforeach()
if(IS_DIRECTORY ${SOURCE_DIR}/schema)
  require_file(${usr}/share/scarwise/schema)
endif()

# --- consumers built against the extracted root
read_build_compilers()
# A shared build's library is not on the loader's path when only extracted.
set(ENV{LD_LIBRARY_PATH} ${usr}/${LIBDIR})

# C with pkg-config alone: its flags point into the root, and --static brings the C++ runtime.
set(ENV{PKG_CONFIG_PATH} ${usr}/${LIBDIR}/pkgconfig)
run(pkg-config --cflags scarwise)
string(STRIP "${last_output}" cflags)
run(pkg-config --static --libs scarwise)
string(STRIP "${last_output}" libs)
if(NOT cflags MATCHES "-I${root}" OR NOT libs MATCHES "-L${root}")
  message(FATAL_ERROR "pkg-config flags do not point into ${root}: ${cflags} ${libs}")
endif()
separate_arguments(cflags UNIX_COMMAND "${cflags}")
separate_arguments(libs UNIX_COMMAND "${libs}")
run(${c_compiler} -std=c99 ${cflags} ${SOURCE_DIR}/examples/c/assess_case.c
    -o ${WORK_DIR}/assess_case_c ${libs})

# C++ with find_package, the package found under the root.
run(${CMAKE_COMMAND} -S ${SOURCE_DIR}/tests/package -B ${WORK_DIR}/consumer -G Ninja
    -DCMAKE_CXX_COMPILER=${cxx_compiler} -DCMAKE_C_COMPILER=${c_compiler}
    -DCMAKE_PREFIX_PATH=${usr}
    -DEXAMPLE_SOURCE=${SOURCE_DIR}/examples/cpp/assess_case.cpp
    -DEXAMPLE_C_SOURCE=${SOURCE_DIR}/examples/c/assess_case.c)
file(STRINGS ${WORK_DIR}/consumer/CMakeCache.txt found REGEX "^scarwise_DIR:")
if(NOT found MATCHES "=${usr}/")
  message(FATAL_ERROR "find_package did not use the extracted package: ${found}")
endif()
run(${CMAKE_COMMAND} --build ${WORK_DIR}/consumer --target assess_case)

# --- what the package does, one step a line
set(record "\"format\": \"scarwise.assessment/1\"")
set(acne ${cases}/rolling-acne-dark-skin.yaml)
set(c_example ${WORK_DIR}/assess_case_c)
set(cpp_example ${WORK_DIR}/consumer/assess_case)
installed_step("C example" "${record}" ${c_example} ${rules} ${cases}/surgical-scar.json)
installed_step("C++ example" "${record}" ${cpp_example} ${rules} ${acne} --json)
installed_step("scarwise eval" "Overall verdict: " ${scarwise} eval -r ${rules} ${acne})
installed_step("scarwise test" "\n[1-9][0-9]* passed, 0 failed\n$" ${scarwise} test ${rules})
installed_step("clinic overlay over the packaged scarwise:default" "\n11 passed, 0 failed\n"
               ${scarwise} test ${SOURCE_DIR}/examples/clinic-overlay)
