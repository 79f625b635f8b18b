# Installation: headers, library, CLI, default rules, JSON Schemas, CMake package, pkg-config
# file and docs.
install(DIRECTORY ${PROJECT_SOURCE_DIR}/include/scarwise DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(TARGETS scarwise EXPORT scarwiseTargets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
  RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR}
  INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/rules/default
  DESTINATION ${CMAKE_INSTALL_DATADIR}/scarwise/rules)
# Next to the rules, so that their `$schema=../../schema/...` first lines hold once installed.
install(DIRECTORY ${PROJECT_SOURCE_DIR}/schema/
  DESTINATION ${CMAKE_INSTALL_DATADIR}/scarwise/schema FILES_MATCHING PATTERN "*.schema.json")

set(scarwise_cmake_dir ${CMAKE_INSTALL_LIBDIR}/cmake/scarwise)
install(EXPORT scarwiseTargets NAMESPACE scarwise:: DESTINATION ${scarwise_cmake_dir})
configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/scarwiseConfig.cmake.in
  ${PROJECT_BINARY_DIR}/scarwiseConfig.cmake INSTALL_DESTINATION ${scarwise_cmake_dir}
  PATH_VARS CMAKE_INSTALL_DATADIR)
write_basic_package_version_file(${PROJECT_BINARY_DIR}/scarwiseConfigVersion.cmake
  COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/scarwiseConfig.cmake
              ${PROJECT_BINARY_DIR}/scarwiseConfigVersion.cmake
        DESTINATION ${scarwise_cmake_dir})

# The libraries scarwise links: private to a shared library, and on every link line of a static
# one, which leaves them for its consumer to link.
if(BUILD_SHARED_LIBS)
  set(SCARWISE_PC_CFLAGS "")
  set(SCARWISE_PC_PRIVATE_REQUIRES "yaml-cpp libcrypto")
  set(SCARWISE_PC_REQUIRES "")
else()
  set(SCARWISE_PC_CFLAGS "-DSCARWISE_STATIC")
  set(SCARWISE_PC_PRIVATE_REQUIRES "")
  set(SCARWISE_PC_REQUIRES "yaml-cpp libcrypto")
endif()
# The library is C++: a C program that links it statically also needs the C++ compiler's own
# libraries (libstdc++, libm), less those every C link brings anyway.
set(SCARWISE_PC_LIBS_PRIVATE "")
foreach(library IN LISTS CMAKE_CXX_IMPLICIT_LINK_LIBRARIES)
  if(NOT library MATCHES "^(c|gcc|gcc_s)$")
    list(APPEND SCARWISE_PC_LIBS_PRIVATE "-l${library}")
  endif()
endforeach()
list(REMOVE_DUPLICATES SCARWISE_PC_LIBS_PRIVATE)
list(JOIN SCARWISE_PC_LIBS_PRIVATE " " SCARWISE_PC_LIBS_PRIVATE)
# The file finds the prefix from its own directory, however deep the (multiarch) libdir is.
file(RELATIVE_PATH SCARWISE_PC_PREFIX_FROM_PCFILEDIR
     /prefix/${CMAKE_INSTALL_LIBDIR}/pkgconfig /prefix)
string(REGEX REPLACE "/$" "" SCARWISE_PC_PREFIX_FROM_PCFILEDIR ${SCARWISE_PC_PREFIX_FROM_PCFILEDIR})
configure_file(${PROJECT_SOURCE_DIR}/cmake/scarwise.pc.in ${PROJECT_BINARY_DIR}/scarwise.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/scarwise.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)

# The docs keep the source tree's layout, so the README's links to docs/ resolve.
install(FILES ${PROJECT_SOURCE_DIR}/README.md ${PROJECT_SOURCE_DIR}/CHANGELOG.md
              ${PROJECT_SOURCE_DIR}/LICENSE
        DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/docs/ DESTINATION ${CMAKE_INSTALL_DOCDIR}/docs
        FILES_MATCHING PATTERN "*.md")
