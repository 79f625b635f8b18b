// When a deferred scar should be assessed again: the weeks one fired deferral sets for one
// scar, and the merge of all of them (docs/rule-format.md §10).
#pragma once

#include "model/numeric.hpp"
#include "model/ruleset_model.hpp"
#include "model/vocabulary.hpp"

#include <optional>

namespace scarwise::internal {

/// A computed number of weeks as a deferral reports it: rounded up to a whole week, and at
/// least 1 (a value at or below zero means "now", and a deferral always waits a week) and at
/// most the largest int.
int weeks_from(const Numeric& value) noexcept;

/// The weeks `then` (a deferral) sets for the scar in `env`: its literal, or its expression's
/// value through weeks_from(). Nothing when it is undated: `until_resolved`, no
/// `reevaluate_after_weeks` at all, or an expression without a value (an unknown fact or a
/// division by zero).
std::optional<int> deferral_weeks(const Action& then, const FactEnv& env);

/// Whether `then` is a deferral whose weeks depend on the scar's facts.
inline bool is_dated_by_expression(const Action& then) noexcept {
  return then.reevaluate_weeks_expression.has_value();
}

}  // namespace scarwise::internal
