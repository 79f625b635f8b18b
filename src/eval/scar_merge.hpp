// Merging the conclusions of the rules that fired for one scar (DESIGN §3 "Merge semantics"):
// most restrictive suitability, the winning plan plus session adjustments, suggestions minus
// avoids, ordered unions of precautions, aftercare and reasons.
#pragma once

#include "model/ruleset_model.hpp"
#include "model/value.hpp"

#include <scarwise/assessment.hpp>

#include <string>
#include <vector>

namespace scarwise::internal {

/// Fills the verdict, plan, combinations, avoid, precautions, aftercare and reasons of `out`
/// from the rules whose outcome is True. `outcomes` is indexed like `rules.rules`. When
/// `notes` is not null, explanations of suppressed suggestions and overridden plans are added
/// to it, indexed like `rules.rules`.
void merge_fired_rules(const RuleSetModel& rules, const std::vector<Tri>& outcomes,
                       ScarAssessment& out, std::vector<std::vector<std::string>>* notes);

}  // namespace scarwise::internal
