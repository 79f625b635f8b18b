// scarwise/version.hpp — compile-time and run-time version information.
//
// Thread-safety: everything here is constant. Stability: stable since 0.1.
#ifndef SCARWISE_VERSION_HPP
#define SCARWISE_VERSION_HPP

#include <scarwise/export.hpp>

/// Major version: incremented for incompatible API or ABI changes. @since 0.1
#define SCARWISE_VERSION_MAJOR 0
/// Minor version: incremented for backwards-compatible additions. @since 0.1
#define SCARWISE_VERSION_MINOR 1
/// Patch version: incremented for backwards-compatible fixes. @since 0.1
#define SCARWISE_VERSION_PATCH 0
/// The version as a string literal, "MAJOR.MINOR.PATCH". @since 0.1
#define SCARWISE_VERSION_STRING "0.1.0"
/// The version as one comparable number: MAJOR * 10000 + MINOR * 100 + PATCH. @since 0.1
#define SCARWISE_VERSION_NUMBER \
  (SCARWISE_VERSION_MAJOR * 10000 + SCARWISE_VERSION_MINOR * 100 + SCARWISE_VERSION_PATCH)

namespace scarwise {

/// The version of the library actually linked, as "MAJOR.MINOR.PATCH". Compare it with
/// SCARWISE_VERSION_STRING to detect a header/library mismatch. The pointer is to a static
/// string and never needs freeing. @since 0.1
SCARWISE_API const char* version() noexcept;

/// The linked library's version as SCARWISE_VERSION_NUMBER would compute it. @since 0.1
SCARWISE_API int version_number() noexcept;

}  // namespace scarwise

#endif  // SCARWISE_VERSION_HPP
