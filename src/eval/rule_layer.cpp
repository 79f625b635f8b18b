#include "eval/rule_layer.hpp"

namespace scarwise::internal {

const std::string& rule_layer(const RuleSetModel& rules, const Rule& rule) {
  return rules.layers.at(rule.layer).id;
}

}  // namespace scarwise::internal
