#include <scarwise/version.hpp>

namespace scarwise {

const char* version() noexcept { return SCARWISE_VERSION_STRING; }
int version_number() noexcept { return SCARWISE_VERSION_NUMBER; }

}  // namespace scarwise
