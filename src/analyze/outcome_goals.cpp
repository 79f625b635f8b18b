#include "analyze/outcome_goals.hpp"

#include "model/compact_assessment.hpp"

#include <algorithm>

namespace scarwise::internal {

std::vector<std::uint32_t> rules_setting(const RuleSetModel& model, Suitability s) {
  std::vector<std::uint32_t> out;
  for (std::uint32_t r = 0; r < model.rules.size(); ++r) {
    if (model.rules[r].then.suitability == s) out.push_back(r);
  }
  return out;
}

std::vector<std::uint32_t> plan_rules_by_priority(const RuleSetModel& model) {
  std::vector<std::uint32_t> out;
  for (std::uint32_t r : model.rules_by_priority) {
    if (model.rules[r].then.plan) out.push_back(r);
  }
  return out;
}

Goal none_fires(const std::vector<std::uint32_t>& rules, std::uint32_t except) {
  std::vector<Goal> parts;
  for (std::uint32_t r : rules) {
    if (r != except) parts.push_back(Goal::not_fires(r));
  }
  return Goal::all_of(std::move(parts));
}

Goal verdict_at_most(const RuleSetModel& model, Suitability s) {
  std::vector<Goal> parts;
  for (std::uint32_t r = 0; r < model.rules.size(); ++r) {
    const std::optional<Suitability>& set = model.rules[r].then.suitability;
    if (set && *set > s) parts.push_back(Goal::not_fires(r));
  }
  return Goal::all_of(std::move(parts));
}

Goal verdict_is(const RuleSetModel& model, Suitability s) {
  if (s == Suitability::suitable) return verdict_at_most(model, s);
  std::vector<Goal> setters;
  for (std::uint32_t r : rules_setting(model, s)) setters.push_back(Goal::fires(r));
  return Goal::all_of({Goal::any_of(std::move(setters)), verdict_at_most(model, s)});
}

Goal plan_given_by(const RuleSetModel& model, std::uint32_t plan_rule) {
  std::vector<Goal> parts{Goal::fires(plan_rule)};
  for (std::uint32_t r : plan_rules_by_priority(model)) {
    if (r == plan_rule) break;
    parts.push_back(Goal::not_fires(r));
  }
  parts.push_back(verdict_at_most(model, Suitability::defer));
  return Goal::all_of(std::move(parts));
}

Goal no_plan(const RuleSetModel& model) {
  return Goal::all_of({none_fires(plan_rules_by_priority(model), kNoRule),
                       verdict_at_most(model, Suitability::defer)});
}

Goal some_plan(const RuleSetModel& model) {
  std::vector<Goal> any;
  for (std::uint32_t r : plan_rules_by_priority(model)) any.push_back(Goal::fires(r));
  return Goal::all_of({Goal::any_of(std::move(any)), verdict_at_most(model, Suitability::defer)});
}

namespace {

using ListOf = const std::vector<CatalogueId>& (*)(const Action&);

// The other rules whose `list` holds `id`.
std::vector<std::uint32_t> others_listing(const RuleSetModel& model, std::uint32_t rule,
                                          ListOf list, CatalogueId id) {
  std::vector<std::uint32_t> out;
  for (std::uint32_t r = 0; r < model.rules.size(); ++r) {
    const std::vector<CatalogueId>& items = list(model.rules[r].then);
    if (r != rule && std::find(items.begin(), items.end(), id) != items.end()) out.push_back(r);
  }
  return out;
}

const std::vector<CatalogueId>& suggest_of(const Action& a) { return a.suggest; }
const std::vector<CatalogueId>& avoid_of(const Action& a) { return a.avoid; }
const std::vector<CatalogueId>& precautions_of(const Action& a) { return a.precautions; }
const std::vector<CatalogueId>& aftercare_of(const Action& a) { return a.aftercare; }
const std::vector<CatalogueId>& alternatives_of(const Action& a) { return a.alternatives; }

bool undated_deferral(const Action& then) {
  return then.suitability == Suitability::defer && !then.reevaluate_after_weeks &&
         !then.reevaluate_weeks_expression;
}

// What a deferral contributes to the date: it sets or lengthens it unless another fired
// deferral already waits as long, or an undated one takes the date away. A date computed from
// facts is inexact, so such a deferral is taken to contribute whenever the scar is deferred.
Goal date_contribution(const RuleSetModel& model, std::uint32_t rule) {
  const Action& then = model.rules[rule].then;
  std::vector<std::uint32_t> blocking;
  for (std::uint32_t r = 0; r < model.rules.size(); ++r) {
    const Action& other = model.rules[r].then;
    if (r == rule || other.suitability != Suitability::defer) continue;
    if (undated_deferral(other)) {
      blocking.push_back(r);
    } else if (then.reevaluate_after_weeks && other.reevaluate_after_weeks &&
               *other.reevaluate_after_weeks >= *then.reevaluate_after_weeks) {
      blocking.push_back(r);
    }
  }
  return Goal::all_of({verdict_at_most(model, Suitability::defer), none_fires(blocking, rule)});
}

}  // namespace

Goal contributes(const RuleSetModel& model, std::uint32_t rule) {
  const Action& then = model.rules[rule].then;
  std::vector<Goal> ways;
  if (then.suitability && *then.suitability > Suitability::suitable) {
    std::vector<std::uint32_t> as_strict;
    for (std::uint32_t r = 0; r < model.rules.size(); ++r) {
      const std::optional<Suitability>& s = model.rules[r].then.suitability;
      if (s && *s >= *then.suitability) as_strict.push_back(r);
    }
    ways.push_back(none_fires(as_strict, rule));
  }
  if (then.suitability == Suitability::defer) {
    ways.push_back(date_contribution(model, rule));
    if (!then.reevaluate_when.empty()) {
      ways.push_back(verdict_at_most(model, Suitability::defer));
    }
  }
  if (then.plan) ways.push_back(plan_given_by(model, rule));
  if (then.adjust_sessions && *then.adjust_sessions != 0) ways.push_back(some_plan(model));
  const Goal shown = verdict_at_most(model, Suitability::defer);
  for (CatalogueId t : then.suggest) {
    ways.push_back(Goal::all_of({shown, none_fires(others_listing(model, rule, suggest_of, t), rule),
                                 none_fires(others_listing(model, rule, avoid_of, t), rule)}));
  }
  for (CatalogueId t : then.alternatives) {
    ways.push_back(
        Goal::all_of({none_fires(others_listing(model, rule, alternatives_of, t), rule),
                      none_fires(others_listing(model, rule, avoid_of, t), rule)}));
  }
  for (CatalogueId t : then.avoid) {
    ways.push_back(none_fires(others_listing(model, rule, avoid_of, t), rule));
  }
  for (CatalogueId p : then.precautions) {
    ways.push_back(none_fires(others_listing(model, rule, precautions_of, p), rule));
  }
  for (CatalogueId a : then.aftercare) {
    ways.push_back(none_fires(others_listing(model, rule, aftercare_of, a), rule));
  }
  // Nothing but a reason: the reason itself is what the rule adds.
  if (ways.empty()) return Goal::fires(rule);
  return Goal::all_of({Goal::fires(rule), Goal::any_of(std::move(ways))});
}
}  // namespace scarwise::internal
