// Evaluation of a validated case against a compiled rule set: every rule's condition per scar
// with three-valued logic, then the merge of the fired rules' conclusions (DESIGN §3).
// Pure: reads its inputs, allocates only the result; safe to call from many threads at once.
#pragma once

#include "model/assessment_data.hpp"
#include "model/ruleset_model.hpp"
#include "model/validated_case.hpp"

#include <string>

namespace scarwise::internal {

/// Assesses every scar of `c` and the patient as a whole. `case_digest` is copied into the
/// result; with `explain`, each scar gets a trace entry for every rule.
AssessmentData evaluate_case(const RuleSetModel& rules, const ValidatedCase& c,
                             std::string case_digest, bool explain);

}  // namespace scarwise::internal
