// Which layer a rule comes from: the id of the rule set that declares it. The one place that
// answers it, so that rule sets layered over other rule sets change only this function.
#pragma once

#include <string>

#include "model/ruleset_model.hpp"

namespace scarwise::internal {

/// The id of the layer `rule` came from: the rule set that declared it, or that overrode it.
const std::string& rule_layer(const RuleSetModel& rules, const Rule& rule);

}  // namespace scarwise::internal
