#include "model/ruleset_model.hpp"

#include <algorithm>
#include <numeric>

namespace scarwise::internal {

void index_rules(RuleSetModel& model) {
  std::vector<std::uint32_t>& order = model.rules_by_priority;
  order.resize(model.rules.size());
  std::iota(order.begin(), order.end(), std::uint32_t{0});
  std::stable_sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
    return model.rules[a].priority > model.rules[b].priority;
  });
  std::vector<const CompiledExpr*> conditions;
  conditions.reserve(model.rules.size());
  for (const Rule& rule : model.rules) conditions.push_back(&rule.when);
  model.conditions = ConditionTable(conditions, model.vocabulary);
}

}  // namespace scarwise::internal
