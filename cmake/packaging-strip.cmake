# Run by cpack once the package's files are staged (CPACK_PRE_BUILD_SCRIPTS). CPACK_STRIP_FILES
# strips the command and a shared library but leaves static archives alone; their debug
# sections would make most of the package, so they go too, as Debian strips its static
# libraries. Archives are rewritten deterministically, so the same build packs the same bytes.
file(GLOB_RECURSE archives ${CPACK_TEMPORARY_INSTALL_DIRECTORY}/*.a)
foreach(archive IN LISTS archives)
  execute_process(COMMAND ${CPACK_SCARWISE_STRIP} --strip-debug --enable-deterministic-archives
                          ${archive}
                  RESULT_VARIABLE status ERROR_VARIABLE err)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "${CPACK_SCARWISE_STRIP} failed on ${archive}: ${err}")
  endif()
endforeach()
