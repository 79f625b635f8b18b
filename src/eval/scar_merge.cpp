#include "eval/scar_merge.hpp"

#include <algorithm>

#include "eval/reevaluation.hpp"
#include "support/quote.hpp"

namespace scarwise::internal {

void FirstRuleSet::reset(std::size_t universe) {
  if (stamp_.size() < universe) {
    stamp_.resize(universe, 0);
    rule_of_.resize(universe, 0);
  }
  items_.clear();
  if (++epoch_ == 0) {  // after 2^32 scars the stamps could be mistaken: start them afresh
    std::fill(stamp_.begin(), stamp_.end(), 0);
    epoch_ = 1;
  }
}

namespace {

void start(const RuleSetModel& rules, MergedScar& m) {
  m.suitability = Suitability::suitable;
  m.reevaluate_after_weeks.reset();
  m.reevaluate_when.clear();
  m.plan_rule = kNoRule;
  m.sessions_min = m.sessions_max = 0;
  m.suggest.reset(rules.treatments.size());
  m.alternatives.reset(rules.treatments.size());
  m.avoid.reset(rules.treatments.size());
  m.precautions.reset(rules.precautions.size());
  m.aftercare.reset(rules.aftercare.size());
  m.combinations.clear();
  m.kept_alternatives.clear();
  m.fired.clear();
  m.complete = true;
  m.missing.clear();
}

void add_all(FirstRuleSet& set, RuleEffects::Ids ids, std::uint32_t rule) {
  for (CatalogueId id : ids) set.add(id, rule);
}

void add_note(MergeNotes* notes, std::uint32_t rule, std::string note) {
  if (notes) notes->by_rule[rule].push_back(std::move(note));
}

// The fired rules in priority order: rules_by_priority is priority descending then
// declaration order, so "first seen" is the plan winner and the order unions are listed in.
// Returns the winning plan rule (kNoRule when none) and the sum of session adjustments.
std::uint32_t collect(const RuleSetModel& rules, const Tri* outcomes, const FactEnv& env,
                      MergedScar& m, double& session_adjustment) {
  std::uint32_t plan_rule = kNoRule;
  std::optional<int> longest;   // the largest of the dated deferrals
  bool undated_deferral = false;  // a fired deferral without a date for this scar
  const RuleEffects& effects = rules.effects;
  for (const RuleEffects::Effect& effect : effects.by_priority()) {
    const std::uint32_t index = effect.rule;
    if (outcomes[index] != Tri::True) continue;
    m.fired.push_back(index);
    if (effect.has_suitability) {
      m.suitability = std::max(m.suitability, effect.suitability);
      if (effect.suitability == Suitability::defer) {
        const Action& then = rules.rules[index].then;
        // Every deferral must have lapsed: the longest date, and none while one is undated.
        if (const std::optional<int> weeks = deferral_weeks(then, env)) {
          longest = std::max(longest.value_or(0), *weeks);
        } else {
          undated_deferral = true;
        }
        if (!then.reevaluate_when.empty()) m.reevaluate_when.push_back(index);
      }
    }
    if (effect.has_plan && plan_rule == kNoRule) plan_rule = index;
    // Each adjustment may be as large as an int, and every rule may fire: summing in int would
    // overflow. A double holds any realistic sum exactly, and the result is clamped anyway.
    if (effect.has_adjust) session_adjustment += effect.adjust_sessions;
    add_all(m.suggest, effects.list(effect, RuleEffects::kSuggest), index);
    add_all(m.alternatives, effects.list(effect, RuleEffects::kAlternatives), index);
    add_all(m.avoid, effects.list(effect, RuleEffects::kAvoid), index);
    add_all(m.precautions, effects.list(effect, RuleEffects::kPrecautions), index);
    add_all(m.aftercare, effects.list(effect, RuleEffects::kAftercare), index);
  }
  if (m.suitability == Suitability::defer) {
    if (!undated_deferral) m.reevaluate_after_weeks = longest;
  } else {
    m.reevaluate_when.clear();
  }
  return plan_rule;
}

// Keeps the entries of `offered` that no fired rule avoids; an avoided one is noted as
// suppressed, with `what` ("suggestion", "alternative") naming its kind in the rule's notes.
void keep_unavoided(const RuleSetModel& rules, const MergedScar& m, const FirstRuleSet& offered,
                    std::vector<ItemRef>& kept, const char* what,
                    std::vector<Suppression>* suppressed, MergeNotes* notes) {
  for (const ItemRef& item : offered.items()) {
    if (!m.avoid.contains(item.item)) {
      kept.push_back(item);
      continue;
    }
    const std::uint32_t avoid_rule = m.avoid.rule_of(item.item);
    if (!notes) continue;
    suppressed->push_back({item.item, item.rule, avoid_rule});
    add_note(notes, item.rule,
             std::string(what) + " " + quote(rules.treatments[item.item].id) +
                 " suppressed by avoid in rule " + quote(rules.rules[avoid_rule].id));
  }
}

}  // namespace

void merge_fired_rules(const RuleSetModel& rules, const Tri* outcomes, const FactEnv& env,
                       MergedScar& m, MergeNotes* notes) {
  start(rules, m);
  double session_adjustment = 0;
  const std::uint32_t plan_rule = collect(rules, outcomes, env, m, session_adjustment);

  // Alternatives are kept for every verdict, since a scar that must not be needled is where
  // they matter most.
  keep_unavoided(rules, m, m.alternatives, m.kept_alternatives, "alternative",
                 notes ? &notes->suppressed_alternatives : nullptr, notes);
  if (notes && plan_rule != kNoRule) {
    for (std::uint32_t index : m.fired) {
      if (rules.rules[index].then.plan && index != plan_rule) {
        add_note(notes, index, "plan overridden by rule " + quote(rules.rules[plan_rule].id));
      }
    }
  }

  // A scar that is not suitable gets neither a plan nor combinations: offering them would
  // read as a recommendation to treat.
  if (m.suitability == Suitability::not_suitable) {
    if (plan_rule != kNoRule) add_note(notes, plan_rule, "plan withheld: verdict is not_suitable");
    return;
  }
  if (plan_rule != kNoRule) {
    const Range& sessions = rules.rules[plan_rule].then.plan->sessions;
    const auto clamp_sessions = [&](double count) {
      return std::clamp(count + session_adjustment, 1.0, double(rules.max_sessions));
    };
    m.plan_rule = plan_rule;
    m.sessions_min = clamp_sessions(sessions.min);
    m.sessions_max = clamp_sessions(sessions.max);
  }
  keep_unavoided(rules, m, m.suggest, m.combinations, "suggestion",
                 notes ? &notes->suppressed : nullptr, notes);
}

}  // namespace scarwise::internal
