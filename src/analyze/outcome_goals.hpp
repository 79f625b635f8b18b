// Goals over rule outcomes that say what the engine's merge (eval/scar_merge.cpp) concludes for
// a scar: its verdict, which rule gives its plan, whether it gets one. Findings are built from
// these, so that they follow the engine's semantics in one place.
#pragma once

#include "analyze/region_search.hpp"
#include "model/ruleset_model.hpp"

#include <cstdint>
#include <vector>

namespace scarwise::internal {

/// The rules that set suitability `s`.
std::vector<std::uint32_t> rules_setting(const RuleSetModel& model, Suitability s);
/// The rules with a plan, in the order the merge tries them (priority, then declaration).
std::vector<std::uint32_t> plan_rules_by_priority(const RuleSetModel& model);

/// No fired rule makes the verdict worse than `s`.
Goal verdict_at_most(const RuleSetModel& model, Suitability s);
/// The verdict is exactly `s`.
Goal verdict_is(const RuleSetModel& model, Suitability s);
/// Rule `plan_rule` gives the scar's plan: it fires, no plan rule before it in priority order
/// fires, and the verdict is not not_suitable (which withholds plans).
Goal plan_given_by(const RuleSetModel& model, std::uint32_t plan_rule);
/// The scar is not not_suitable and gets no plan.
Goal no_plan(const RuleSetModel& model);
/// None of `rules` but `except` fires.
Goal none_fires(const std::vector<std::uint32_t>& rules, std::uint32_t except);
/// Some plan is given (so session adjustments and combinations show).
Goal some_plan(const RuleSetModel& model);

/// Whether rule `rule`, when it fires, contributes something to the assessment that no other
/// fired rule already concludes or overrides (docs/analysis.md, A-SHADOWED). A rule with no
/// conclusion but its reason (a message, `suitable`) always contributes that reason.
Goal contributes(const RuleSetModel& model, std::uint32_t rule);

}  // namespace scarwise::internal
