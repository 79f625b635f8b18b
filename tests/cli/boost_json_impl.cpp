// The one translation unit of the CLI tests that compiles Boost.JSON (header-only mode), so
// that tests can parse what the tool prints. Other files include <boost/json.hpp>.
#include <boost/json/src.hpp>
