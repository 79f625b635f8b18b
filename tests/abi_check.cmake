# Compares the built shared library with the committed ABI baseline (abi/scarwise.abi) using
# libabigail's abidiff. Any difference fails, additions included: a change to the ABI must come
# with a new baseline (scripts/update-abi-baseline.sh), so that it is seen and reviewed.
# Invoked by CTest with -DABIDIFF, -DLIBRARY, -DSOURCE_DIR.
execute_process(
  COMMAND ${ABIDIFF} --exported-interfaces-only
          --suppressions ${SOURCE_DIR}/abi/suppressions.ini
          ${SOURCE_DIR}/abi/scarwise.abi ${LIBRARY}
  RESULT_VARIABLE status OUTPUT_VARIABLE report ERROR_VARIABLE errors)
if(NOT status EQUAL 0)
  message(FATAL_ERROR
    "The ABI of ${LIBRARY} differs from abi/scarwise.abi (abidiff status ${status}):\n"
    "${report}${errors}\n"
    "If the change is intended, run scripts/update-abi-baseline.sh and commit abi/scarwise.abi.")
endif()
message(STATUS "ABI matches abi/scarwise.abi")
