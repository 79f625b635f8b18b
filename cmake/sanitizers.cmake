# Sanitizer and fuzzing instrumentation for the whole build (SCARWISE_SANITIZE,
# SCARWISE_LIBFUZZER). Included before any target is defined, so that the library, the tools,
# the tests and the fuzz targets are all instrumented alike: mixing instrumented and plain code
# hides bugs (ASan) or reports false races (TSan).
if(SCARWISE_SANITIZE)
  # Every report is fatal, so a test or CI run cannot pass over one.
  add_compile_options(-fsanitize=${SCARWISE_SANITIZE} -fno-sanitize-recover=all
                      -fno-omit-frame-pointer)
  add_link_options(-fsanitize=${SCARWISE_SANITIZE})
endif()

if(SCARWISE_LIBFUZZER)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "SCARWISE_LIBFUZZER needs clang (libFuzzer); without it the fuzz "
                        "targets still build as corpus replay executables")
  endif()
  # Coverage feedback for libFuzzer everywhere; only the fuzz targets link its main().
  add_compile_options(-fsanitize=fuzzer-no-link)
endif()

# A sanitized static library needs its runtime in every program that links it, including
# programs built against the installed package.
function(scarwise_export_sanitizers target)
  if(SCARWISE_SANITIZE)
    target_link_options(${target} INTERFACE $<INSTALL_INTERFACE:-fsanitize=${SCARWISE_SANITIZE}>)
  endif()
endfunction()
