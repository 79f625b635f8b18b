// Completeness: which unknown facts could still make a scar's assessment more restrictive.
//
// A rule whose condition is unknown does not fire. If firing it would have raised the
// suitability, added a treatment to avoid or added a precaution, the assessment is incomplete,
// and the unknown facts that keep that rule undecided are reported with the rule's id — the
// questions clinic software should ask next. For a deferred scar, a rule that would push the
// re-evaluation date later counts too, and so do the unknown facts a fired deferral's
// `reevaluate_after_weeks` expression reads. Omitting a fact never makes an assessment look
// safer than it is.
#pragma once

#include "eval/scar_merge.hpp"
#include "model/ruleset_model.hpp"
#include "model/value.hpp"
#include "model/vocabulary.hpp"

namespace scarwise::internal {

/// Sets `m.complete` and `m.missing` (by fact name; each fact's rules in priority then
/// declaration order). `m` must already hold the merge of the fired rules.
void assess_completeness(const RuleSetModel& rules, const Tri* outcomes, const FactEnv& env,
                         MergedScar& m);

}  // namespace scarwise::internal
