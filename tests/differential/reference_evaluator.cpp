#include "reference_evaluator.hpp"

#include "eval/reevaluation.hpp"
#include "io/assessment_json.hpp"
#include "io/case_digest.hpp"
#include "io/case_reader.hpp"
#include "model/assessment_data.hpp"
#include "model/validated_case.hpp"

#include <algorithm>
#include <map>

namespace scarwise::reference {
namespace {

using namespace scarwise::internal;

// An ordered set of catalogue ids, each remembering the first rule that brought it in.
struct Collected {
  std::vector<CatalogueId> ids;
  std::vector<std::uint32_t> rule_of;

  std::optional<std::size_t> find(CatalogueId id) const {
    for (std::size_t i = 0; i < ids.size(); ++i) {
      if (ids[i] == id) return i;
    }
    return std::nullopt;
  }
  void add_all(const std::vector<CatalogueId>& more, std::uint32_t rule) {
    for (CatalogueId id : more) {
      if (find(id)) continue;
      ids.push_back(id);
      rule_of.push_back(rule);
    }
  }
};

struct Merged {
  Suitability suitability = Suitability::suitable;
  std::optional<int> longest;
  bool undated = false;
  std::vector<ReevaluationCondition> when;
  std::optional<std::uint32_t> plan_rule;
  double adjustment = 0;
  Collected suggest, alternatives, avoid, precautions, aftercare;
  std::vector<std::uint32_t> fired;
};

Merged collect(const RuleSetModel& rules, const std::vector<Tri>& outcomes, const FactEnv& env) {
  Merged m;
  for (std::uint32_t index : rules.rules_by_priority) {
    if (outcomes[index] != Tri::True) continue;
    const Rule& rule = rules.rules[index];
    const Action& then = rule.then;
    m.fired.push_back(index);
    if (then.suitability) m.suitability = std::max(m.suitability, *then.suitability);
    if (then.suitability == Suitability::defer) {
      if (const std::optional<int> weeks = deferral_weeks(then, env)) {
        m.longest = std::max(m.longest.value_or(0), *weeks);
      } else {
        m.undated = true;
      }
      if (!then.reevaluate_when.empty()) m.when.push_back({rule.id, then.reevaluate_when});
    }
    if (then.plan && !m.plan_rule) m.plan_rule = index;
    if (then.adjust_sessions) m.adjustment += *then.adjust_sessions;
    m.suggest.add_all(then.suggest, index);
    m.alternatives.add_all(then.alternatives, index);
    m.avoid.add_all(then.avoid, index);
    m.precautions.add_all(then.precautions, index);
    m.aftercare.add_all(then.aftercare, index);
  }
  return m;
}

template <typename Item>
std::vector<Item> treatments(const RuleSetModel& rules, const Collected& c, const Collected* avoid) {
  std::vector<Item> out;
  for (std::size_t i = 0; i < c.ids.size(); ++i) {
    if (avoid && avoid->find(c.ids[i])) continue;
    const TreatmentEntry& t = rules.treatments[c.ids[i]];
    out.push_back({t.id, t.name, rules.rules[c.rule_of[i]].id});
  }
  return out;
}

std::vector<Instruction> instructions(const RuleSetModel& rules, const Collected& c,
                                      const std::vector<InstructionEntry>& catalogue) {
  std::vector<Instruction> out;
  for (std::size_t i = 0; i < c.ids.size(); ++i) {
    const InstructionEntry& e = catalogue[c.ids[i]];
    out.push_back({e.id, e.text, rules.rules[c.rule_of[i]].id});
  }
  return out;
}

ScarAssessment merge(const RuleSetModel& rules, const std::vector<Tri>& outcomes,
                     const FactEnv& env) {
  const Merged m = collect(rules, outcomes, env);
  ScarAssessment out;
  out.suitability = m.suitability;
  if (m.suitability == Suitability::defer) {
    if (!m.undated) out.reevaluate_after_weeks = m.longest;
    out.reevaluate_when = m.when;
  }
  out.avoid = treatments<Avoidance>(rules, m.avoid, nullptr);
  out.precautions = instructions(rules, m.precautions, rules.precautions);
  out.aftercare = instructions(rules, m.aftercare, rules.aftercare);
  out.alternatives = treatments<Alternative>(rules, m.alternatives, &m.avoid);
  for (std::uint32_t index : m.fired) {
    const Rule& rule = rules.rules[index];
    Reason reason{rule.id, rule.title, rule.then.message, {}};
    for (CatalogueId e : rule.evidence) reason.evidence.push_back(rules.evidence[e].id);
    out.reasons.push_back(std::move(reason));
  }
  if (m.suitability == Suitability::not_suitable) return out;
  if (m.plan_rule) {
    const Rule& source = rules.rules[*m.plan_rule];
    const PlanSpec& spec = *source.then.plan;
    const auto clamp = [&](double n) {
      return std::clamp(n + m.adjustment, 1.0, double(rules.max_sessions));
    };
    out.plan = Plan{{clamp(spec.sessions.min), clamp(spec.sessions.max)}, spec.interval_weeks,
                    spec.needle_depth_mm, source.id};
  }
  out.combinations = treatments<Combination>(rules, m.suggest, &m.avoid);
  return out;
}

template <typename Entry>
bool lists(const std::vector<Entry>& entries, const std::string& id) {
  return std::any_of(entries.begin(), entries.end(), [&](const Entry& e) { return e.id == id; });
}

bool could_restrict(const RuleSetModel& rules, const Rule& rule, const ScarAssessment& merged,
                    const FactEnv& env) {
  const Action& then = rule.then;
  if (then.suitability && *then.suitability > merged.suitability) return true;
  if (then.suitability == Suitability::defer && merged.suitability == Suitability::defer &&
      merged.reevaluate_after_weeks) {
    const std::optional<int> weeks = deferral_weeks(then, env);
    if (!weeks || *weeks > *merged.reevaluate_after_weeks) return true;
  }
  for (CatalogueId id : then.avoid) {
    if (!lists(merged.avoid, rules.treatments[id].id)) return true;
  }
  for (CatalogueId id : then.precautions) {
    if (!lists(merged.precautions, rules.precautions[id].id)) return true;
  }
  return false;
}

void completeness(const RuleSetModel& rules, const std::vector<Tri>& outcomes, const FactEnv& env,
                  ScarAssessment& out) {
  std::map<std::string, std::vector<std::string>> missing;
  for (std::uint32_t index : rules.rules_by_priority) {
    const Rule& rule = rules.rules[index];
    std::vector<FactId> facts;
    if (outcomes[index] == Tri::True) {
      const Action& then = rule.then;
      if (out.suitability != Suitability::defer || then.suitability != Suitability::defer ||
          !then.reevaluate_weeks_expression) {
        continue;
      }
      then.reevaluate_weeks_expression->unknown_facts(env, facts);
    } else if (outcomes[index] == Tri::Unknown) {
      if (!could_restrict(rules, rule, out, env)) continue;
      out.complete = false;
      rule.when.unknown_facts(env, facts);
    }
    if (!facts.empty()) out.complete = false;
    for (FactId fact : facts) missing[rules.vocabulary.fact(fact).name].push_back(rule.id);
  }
  for (auto& [fact, ids] : missing) out.missing_facts.push_back({fact, std::move(ids)});
}

}  // namespace

std::string assess_json_line(const std::shared_ptr<const RuleSetModel>& rules,
                             const std::string& case_json) {
  DiagnosticSink sink;
  std::unique_ptr<RawCase> raw = read_case_json(case_json, "<case>", sink);
  std::optional<ValidatedCase> validated;
  if (raw) validated = validate_case(*raw, rules->vocabulary, sink);
  if (!validated) {
    std::string codes = "rejected";
    for (const Diagnostic& d : sink.take()) codes += " " + d.code;
    return codes;
  }
  AssessmentData data;
  data.ruleset = rules;
  data.case_digest = case_digest(*validated);
  for (const ValidatedScar& scar : validated->scars) {
    const FactEnv env{&rules->vocabulary, validated->patient.data(), scar.slots.data()};
    std::vector<Tri> outcomes;
    for (const Rule& rule : rules->rules) outcomes.push_back(rule.when.evaluate(env));
    ScarAssessment assessed = merge(*rules, outcomes, env);
    assessed.id = scar.id;
    completeness(*rules, outcomes, env, assessed);
    data.suitability = std::max(data.suitability, assessed.suitability);
    data.complete = data.complete && assessed.complete;
    data.scars.push_back(std::move(assessed));
  }
  return assessment_to_json_line(data);
}

}  // namespace scarwise::reference
