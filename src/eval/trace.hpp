// The explanation trace: for every rule, how its condition came out for a scar and the values
// of the facts it refers to.
#pragma once

#include "model/ruleset_model.hpp"
#include "model/value.hpp"
#include "model/vocabulary.hpp"

#include <scarwise/assessment.hpp>

#include <string>
#include <vector>

namespace scarwise::internal {

/// The value of a fact as a case would give it, or nothing when unknown.
std::optional<FactValue> to_fact_value(const FactDecl& decl, const Value& value);

/// One entry per rule, in declaration order, with `notes` (indexed like rules.rules) attached.
std::vector<TraceEntry> build_trace(const RuleSetModel& rules, const std::vector<Tri>& outcomes,
                                    const FactEnv& env,
                                    std::vector<std::vector<std::string>> notes);

}  // namespace scarwise::internal
