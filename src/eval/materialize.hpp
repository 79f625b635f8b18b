// The public form of an evaluator's result: the names, texts and ids of the rule set filled in
// for the indices a CompactScar holds. Built only when a host asks for the scars.
#pragma once

#include "model/compact_assessment.hpp"
#include "model/ruleset_model.hpp"

#include <scarwise/assessment.hpp>

namespace scarwise::internal {

/// Scar `scar` of `compact` as the public API gives it (without a trace).
ScarAssessment materialize_scar(const RuleSetModel& rules, const CompactAssessment& compact,
                                const CompactScar& scar);

}  // namespace scarwise::internal
