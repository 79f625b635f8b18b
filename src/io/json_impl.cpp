// The one translation unit that compiles Boost.JSON (header-only mode). Every other file includes
// <boost/json.hpp>; including <boost/json/src.hpp> twice would define its symbols twice.
#include <boost/json/src.hpp>
