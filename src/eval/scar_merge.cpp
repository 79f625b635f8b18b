#include "eval/scar_merge.hpp"

#include <algorithm>
#include <numeric>

#include "eval/reevaluation.hpp"
#include "support/quote.hpp"

namespace scarwise::internal {
namespace {

// An ordered set of catalogue ids, each remembering the first rule that brought it in.
struct Collected {
  std::vector<CatalogueId> ids;
  std::vector<std::uint32_t> rule_of;

  bool contains(CatalogueId id) const { return std::find(ids.begin(), ids.end(), id) != ids.end(); }
  void add(CatalogueId id, std::uint32_t rule) {
    if (contains(id)) return;
    ids.push_back(id);
    rule_of.push_back(rule);
  }
  void add_all(const std::vector<CatalogueId>& more, std::uint32_t rule) {
    for (CatalogueId id : more) add(id, rule);
  }
};

struct Merged {
  Suitability suitability = Suitability::suitable;
  std::optional<int> reevaluate_after_weeks;  // the largest of the dated deferrals
  bool undated_deferral = false;  // a fired deferral without a date for this scar
  std::vector<ReevaluationCondition> reevaluate_when;
  std::optional<std::uint32_t> plan_rule;
  // Each adjustment may be as large as an int, and every rule may fire: summing in int would
  // overflow. A double holds any realistic sum exactly, and the result is clamped anyway.
  double session_adjustment = 0;
  Collected suggest, alternatives, avoid, precautions, aftercare;
  std::vector<std::uint32_t> fired;  // in priority order
};

Merged collect(const RuleSetModel& rules, const std::vector<Tri>& outcomes, const FactEnv& env) {
  Merged m;
  // rules_by_priority is priority descending then declaration order, so "first seen" is the
  // plan winner and the order in which unions are listed.
  for (std::uint32_t index : rules.rules_by_priority) {
    if (outcomes[index] != Tri::True) continue;
    const Action& then = rules.rules[index].then;
    m.fired.push_back(index);
    if (then.suitability) m.suitability = std::max(m.suitability, *then.suitability);
    if (then.suitability == Suitability::defer) {
      // Every deferral must have lapsed: the longest date, and none while one is undated.
      if (const std::optional<int> weeks = deferral_weeks(then, env)) {
        m.reevaluate_after_weeks = std::max(m.reevaluate_after_weeks.value_or(0), *weeks);
      } else {
        m.undated_deferral = true;
      }
      if (!then.reevaluate_when.empty()) {
        m.reevaluate_when.push_back({rules.rules[index].id, then.reevaluate_when});
      }
    }
    if (then.plan && !m.plan_rule) m.plan_rule = index;
    if (then.adjust_sessions) m.session_adjustment += *then.adjust_sessions;
    m.suggest.add_all(then.suggest, index);
    m.alternatives.add_all(then.alternatives, index);
    m.avoid.add_all(then.avoid, index);
    m.precautions.add_all(then.precautions, index);
    m.aftercare.add_all(then.aftercare, index);
  }
  return m;
}

Plan make_plan(const RuleSetModel& rules, const Merged& m) {
  const Rule& source = rules.rules[*m.plan_rule];
  const PlanSpec& spec = *source.then.plan;
  const auto clamp_sessions = [&](double sessions) {
    return std::clamp(sessions + m.session_adjustment, 1.0, double(rules.max_sessions));
  };
  Plan plan;
  plan.sessions = {clamp_sessions(spec.sessions.min), clamp_sessions(spec.sessions.max)};
  plan.interval_weeks = spec.interval_weeks;
  plan.needle_depth_mm = spec.needle_depth_mm;
  plan.rule = source.id;
  return plan;
}

std::vector<Instruction> instructions(const RuleSetModel& rules, const Collected& collected,
                                      const std::vector<InstructionEntry>& catalogue) {
  std::vector<Instruction> out;
  for (std::size_t i = 0; i < collected.ids.size(); ++i) {
    const InstructionEntry& entry = catalogue[collected.ids[i]];
    out.push_back({entry.id, entry.text, rules.rules[collected.rule_of[i]].id});
  }
  return out;
}

void add_note(MergeNotes* notes, std::uint32_t rule, std::string note) {
  if (notes) notes->by_rule[rule].push_back(std::move(note));
}

void fill_combinations(const RuleSetModel& rules, const Merged& m, ScarAssessment& out,
                       MergeNotes* notes) {
  for (std::size_t i = 0; i < m.suggest.ids.size(); ++i) {
    const CatalogueId id = m.suggest.ids[i];
    const TreatmentEntry& treatment = rules.treatments[id];
    const std::string& suggested_by = rules.rules[m.suggest.rule_of[i]].id;
    const auto avoided = std::find(m.avoid.ids.begin(), m.avoid.ids.end(), id);
    if (avoided != m.avoid.ids.end()) {
      const std::uint32_t avoid_rule = m.avoid.rule_of[avoided - m.avoid.ids.begin()];
      if (notes) notes->suppressed.push_back({id, m.suggest.rule_of[i], avoid_rule});
      add_note(notes, m.suggest.rule_of[i],
               "suggestion " + quote(treatment.id) + " suppressed by avoid in rule " +
                   quote(rules.rules[avoid_rule].id));
      continue;
    }
    out.combinations.push_back({treatment.id, treatment.name, suggested_by});
  }
}

// Alternatives to microneedling: like combinations, an avoid leaves one out, but they are kept
// for every verdict, since a scar that must not be needled is where they matter most.
void fill_alternatives(const RuleSetModel& rules, const Merged& m, ScarAssessment& out,
                       MergeNotes* notes) {
  for (std::size_t i = 0; i < m.alternatives.ids.size(); ++i) {
    const CatalogueId id = m.alternatives.ids[i];
    const TreatmentEntry& treatment = rules.treatments[id];
    const std::uint32_t recommended_by = m.alternatives.rule_of[i];
    const auto avoided = std::find(m.avoid.ids.begin(), m.avoid.ids.end(), id);
    if (avoided != m.avoid.ids.end()) {
      const std::uint32_t avoid_rule = m.avoid.rule_of[avoided - m.avoid.ids.begin()];
      if (notes) notes->suppressed_alternatives.push_back({id, recommended_by, avoid_rule});
      add_note(notes, recommended_by,
               "alternative " + quote(treatment.id) + " suppressed by avoid in rule " +
                   quote(rules.rules[avoid_rule].id));
      continue;
    }
    out.alternatives.push_back({treatment.id, treatment.name, rules.rules[recommended_by].id});
  }
}

}  // namespace

void merge_fired_rules(const RuleSetModel& rules, const std::vector<Tri>& outcomes,
                       const FactEnv& env, ScarAssessment& out, MergeNotes* notes) {
  Merged m = collect(rules, outcomes, env);
  out.suitability = m.suitability;
  if (m.suitability == Suitability::defer) {
    out.reevaluate_after_weeks =
        m.undated_deferral ? std::nullopt : m.reevaluate_after_weeks;
    out.reevaluate_when = std::move(m.reevaluate_when);
  }

  for (std::size_t i = 0; i < m.avoid.ids.size(); ++i) {
    const TreatmentEntry& treatment = rules.treatments[m.avoid.ids[i]];
    out.avoid.push_back({treatment.id, treatment.name, rules.rules[m.avoid.rule_of[i]].id});
  }
  out.precautions = instructions(rules, m.precautions, rules.precautions);
  out.aftercare = instructions(rules, m.aftercare, rules.aftercare);
  fill_alternatives(rules, m, out, notes);
  for (std::uint32_t index : m.fired) {
    const Rule& rule = rules.rules[index];
    Reason reason{rule.id, rule.title, rule.then.message, {}};
    for (CatalogueId e : rule.evidence) reason.evidence.push_back(rules.evidence[e].id);
    out.reasons.push_back(std::move(reason));
    if (rule.then.plan && m.plan_rule && index != *m.plan_rule) {
      add_note(notes, index, "plan overridden by rule " + quote(rules.rules[*m.plan_rule].id));
    }
  }

  // A scar that is not suitable gets neither a plan nor combinations: offering them would
  // read as a recommendation to treat.
  if (m.suitability == Suitability::not_suitable) {
    if (m.plan_rule) add_note(notes, *m.plan_rule, "plan withheld: verdict is not_suitable");
    return;
  }
  if (m.plan_rule) out.plan = make_plan(rules, m);
  fill_combinations(rules, m, out, notes);
}

}  // namespace scarwise::internal
