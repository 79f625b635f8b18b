// Checking what an explanation is asked for: a scar the case holds, a rule the rule set holds.
// Both come from a person (a command line, a form), so a mistake gets a did-you-mean hint and
// the list of what exists.
#pragma once

#include <scarwise/diagnostic.hpp>
#include <scarwise/explanation.hpp>
#include <vector>

#include "model/raw_case.hpp"
#include "model/ruleset_model.hpp"

namespace scarwise::internal {

/// E-EXPLAIN-UNKNOWN-SCAR (at the case's first scar) and E-EXPLAIN-UNKNOWN-RULE (at the rule
/// set's root file) for ids that do not exist; empty when both are fine.
std::vector<Diagnostic> check_explain_options(const ExplainOptions& options, const RawCase& c,
                                              const RuleSetModel& rules);

}  // namespace scarwise::internal
