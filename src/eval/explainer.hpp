// Explanation of a validated case: each scar evaluated as evaluate_case() does, then the
// rules that decided its verdict, every rule's explanation, the suggestions and alternatives
// an avoid suppressed and the evidence behind the decisions. Pure, like the evaluator.
#pragma once

#include <string>

#include "model/explanation_data.hpp"
#include "model/ruleset_model.hpp"
#include "model/validated_case.hpp"

namespace scarwise::internal {

/// What to explain; the ids have been checked against the case and the rule set.
struct ExplainFocus {
  std::string scar;  ///< only this scar; empty for all
  std::string rule;  ///< only this rule's explanation; empty for all
};

ExplanationData explain_case(const RuleSetModel& rules, const ValidatedCase& c,
                             std::string case_digest, const ExplainFocus& focus);

}  // namespace scarwise::internal
