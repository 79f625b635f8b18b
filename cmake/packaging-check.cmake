# Read by cpack before it packages (CPACK_PROJECT_CONFIG_FILE). A Debian package installs under
# /usr, and the build must have been configured for that prefix: the build compiles the bundled
# rule sets' installed location into the library.
if(CPACK_GENERATOR STREQUAL "DEB" AND NOT CPACK_PACKAGING_INSTALL_PREFIX STREQUAL "/usr")
  message(FATAL_ERROR "A Debian package installs under /usr, but this build was configured with "
                      "CMAKE_INSTALL_PREFIX=${CPACK_PACKAGING_INSTALL_PREFIX}. Configure with "
                      "-DCMAKE_INSTALL_PREFIX=/usr (the presets do), build, then run cpack again.")
endif()
