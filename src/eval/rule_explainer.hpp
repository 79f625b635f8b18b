// One rule explained for one scar: its outcome, every comparison in its condition with the
// values the engine compared, the facts that would settle it, and what it concludes.
#pragma once

#include <scarwise/explanation.hpp>
#include <string>
#include <vector>

#include "model/ruleset_model.hpp"
#include "model/value.hpp"
#include "model/vocabulary.hpp"

namespace scarwise::internal {

/// Whether firing `rule` would make an assessment more restrictive: it sets a verdict worse
/// than suitable, avoids a treatment or adds a precaution.
bool is_restricting(const Rule& rule);

/// The explanation of `rule`, whose condition came out as `outcome` in `env`; `notes` are
/// what the merge said about it.
RuleExplanation explain_rule(const RuleSetModel& rules, const Rule& rule, Tri outcome,
                             const FactEnv& env, std::vector<std::string> notes);

}  // namespace scarwise::internal
