// scarwise/export.hpp — symbol visibility for the scarwise library.
//
// The library is built with hidden default visibility; only declarations marked SCARWISE_API
// are exported from the shared library. Static builds define SCARWISE_STATIC (the CMake package
// does this for consumers automatically).
#ifndef SCARWISE_EXPORT_HPP
#define SCARWISE_EXPORT_HPP

#if defined(SCARWISE_STATIC)
#define SCARWISE_API
#elif defined(_WIN32)
#if defined(SCARWISE_BUILDING)
#define SCARWISE_API __declspec(dllexport)
#else
#define SCARWISE_API __declspec(dllimport)
#endif
#else
#define SCARWISE_API __attribute__((visibility("default")))
#endif

#endif  // SCARWISE_EXPORT_HPP
