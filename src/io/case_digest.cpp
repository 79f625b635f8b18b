#include "io/case_digest.hpp"

#include "support/sha256.hpp"

namespace scarwise::internal {

std::string case_digest(const ValidatedCase& validated) {
  return sha256_tagged(validated.canonical_json);
}

}  // namespace scarwise::internal
