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
  model.effects = RuleEffects();
  for (std::uint32_t index : order) {
    const Action& then = model.rules[index].then;
    RuleEffects::Effect effect;
    effect.rule = index;
    effect.has_suitability = then.suitability.has_value();
    effect.suitability = then.suitability.value_or(Suitability::suitable);
    effect.has_plan = then.plan.has_value();
    effect.has_adjust = then.adjust_sessions.has_value();
    effect.adjust_sessions = then.adjust_sessions.value_or(0);
    model.effects.add(effect, {&then.suggest, &then.alternatives, &then.avoid, &then.precautions,
                               &then.aftercare});
  }
}

}  // namespace scarwise::internal
