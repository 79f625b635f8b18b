# Debian package of everything cmake/install.cmake installs: `cpack -G DEB` in a build directory.
# The package holds one component-less install, so whatever later install rules add (schemas,
# more rule sets) is packaged without a change here.

set(SCARWISE_PACKAGE_MAINTAINER "scarwise maintainers <maintainers@scarwise.invalid>" CACHE STRING
    "Maintainer field of the Debian package (\"Name <email>\")")

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME scarwise)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_VENDOR "scarwise")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY ${PROJECT_DESCRIPTION})
# Wrapped for the control file, where each line of the long description stays short.
string(JOIN "\n" CPACK_PACKAGE_DESCRIPTION
  "scarwise evaluates versioned YAML rule sets against a patient's scar sites"
  "and reports, per site, whether microneedling is suitable, the session plan,"
  "combinations, precautions and aftercare, with the evidence behind each rule."
  ""
  "This package holds the scarwise command (eval, check, test, batch), the C++"
  "and C library with its headers, CMake package and pkg-config file, the"
  "bundled default rule set with its clinical tests, and the documentation.")
set(CPACK_RESOURCE_FILE_LICENSE ${PROJECT_SOURCE_DIR}/LICENSE)
set(CPACK_RESOURCE_FILE_README ${PROJECT_SOURCE_DIR}/README.md)

# The package installs where the build was configured to: the build compiles the bundled rule
# sets' installed location into the library (SCARWISE_DEFAULT_RULES_DIR), and GNUInstallDirs
# picks the multiarch library directory only for /usr. The presets configure /usr;
# packaging-check.cmake refuses any other.
set(CPACK_PACKAGING_INSTALL_PREFIX ${CMAKE_INSTALL_PREFIX})
set(CPACK_PROJECT_CONFIG_FILE ${PROJECT_SOURCE_DIR}/cmake/packaging-check.cmake)

# As Debian ships them: the command and the library without their debug sections.
set(CPACK_STRIP_FILES ON)
set(CPACK_SCARWISE_STRIP ${CMAKE_STRIP})
set(CPACK_PRE_BUILD_SCRIPTS ${PROJECT_SOURCE_DIR}/cmake/packaging-strip.cmake)

set(CPACK_DEBIAN_PACKAGE_MAINTAINER ${SCARWISE_PACKAGE_MAINTAINER})
set(CPACK_DEBIAN_PACKAGE_SECTION science)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_RELEASE 1)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
# Run-time dependencies (libyaml-cpp0.7, libssl3, libstdc++6, libc6, ...) come from
# dpkg-shlibdeps, which reads the packaged binaries and works offline.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
if(BUILD_SHARED_LIBS)
  # The command links the library packaged beside it: let dpkg-shlibdeps find it there, and
  # register it with ldconfig on install.
  set(CPACK_DEBIAN_PACKAGE_GENERATE_SHLIBS ON)
  set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS_PRIVATE_DIRS ${PROJECT_BINARY_DIR}/src)
else()
  # Linking the static library needs the development files of yaml-cpp and of OpenSSL's
  # libcrypto (the CMake package and the pkg-config file name both); the command alone does not.
  set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "libyaml-cpp-dev, libssl-dev, pkg-config")
endif()

include(CPack)
