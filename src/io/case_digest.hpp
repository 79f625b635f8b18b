// The case digest of an assessment: proof of which input produced which verdict.
#pragma once

#include <string>

#include "model/validated_case.hpp"

namespace scarwise::internal {

/// "sha256:<hex>" of the case's canonical JSON (ValidatedCase::canonical_json): two cases that
/// give the same facts, in whatever key order or format, have the same digest.
std::string case_digest(const ValidatedCase& validated);

}  // namespace scarwise::internal
