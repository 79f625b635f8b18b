#include "eval/explainer.hpp"

#include <algorithm>

#include "eval/evaluator.hpp"
#include "eval/rule_explainer.hpp"

namespace scarwise::internal {
namespace {

// The fired rules that set the verdict: those whose suitability is the scar's, which is the
// most restrictive one set. In priority order, as the merge lists reasons.
std::vector<std::string> deciding_rules(const RuleSetModel& rules, const ScarRun& run) {
  std::vector<std::string> out;
  for (std::uint32_t index : rules.rules_by_priority) {
    const Rule& rule = rules.rules[index];
    if (run.outcomes[index] == Tri::True && rule.then.suitability == run.assessment.suitability) {
      out.push_back(rule.id);
    }
  }
  return out;
}

// One entry per suppression, named from the catalogue: SuppressedSuggestion and
// SuppressedAlternative have the same four members, in the same order.
template <typename Described>
std::vector<Described> describe(const RuleSetModel& rules,
                                const std::vector<Suppression>& suppressions) {
  std::vector<Described> out;
  for (const Suppression& s : suppressions) {
    const TreatmentEntry& treatment = rules.treatments[s.treatment];
    out.push_back({treatment.id, treatment.name, rules.rules[s.suggested_by].id,
                   rules.rules[s.avoided_by].id});
  }
  return out;
}

const Rule* find_rule(const RuleSetModel& rules, const std::string& id) {
  for (const Rule& rule : rules.rules) {
    if (rule.id == id) return &rule;
  }
  return nullptr;
}

// The evidence cited by the deciding rules, then by the plan's rule, then by the rules that
// recommended the alternatives, each entry once.
std::vector<EvidenceCitation> evidence(const RuleSetModel& rules, const ScarExplanation& scar) {
  std::vector<std::string> sources = scar.deciding_rules;
  if (scar.assessment.plan) sources.push_back(scar.assessment.plan->rule);
  for (const Alternative& a : scar.assessment.alternatives) sources.push_back(a.rule);
  std::vector<EvidenceCitation> out;
  for (const std::string& id : sources) {
    const Rule* rule = find_rule(rules, id);
    if (!rule) continue;
    for (CatalogueId e : rule->evidence) {
      const EvidenceEntry& entry = rules.evidence[e];
      auto cited = std::find_if(out.begin(), out.end(),
                                [&](const EvidenceCitation& c) { return c.id == entry.id; });
      if (cited == out.end()) cited = out.insert(out.end(), {entry.id, entry.cite, entry.url, {}, entry.missing});
      if (std::find(cited->rules.begin(), cited->rules.end(), id) == cited->rules.end()) {
        cited->rules.push_back(id);
      }
    }
  }
  return out;
}

ScarExplanation explain_scar(const RuleSetModel& rules, const FactEnv& env, const std::string& id,
                             const std::string& focus_rule) {
  ScarRun run = run_scar(rules, env, id, true);
  ScarExplanation out;
  out.deciding_rules = deciding_rules(rules, run);
  for (std::size_t i = 0; i < rules.rules.size(); ++i) {
    const Rule& rule = rules.rules[i];
    if (!focus_rule.empty() && rule.id != focus_rule) continue;
    out.rules.push_back(
        explain_rule(rules, rule, run.outcomes[i], env, std::move(run.notes.by_rule[i])));
  }
  out.suppressed = describe<SuppressedSuggestion>(rules, run.notes.suppressed);
  out.suppressed_alternatives =
      describe<SuppressedAlternative>(rules, run.notes.suppressed_alternatives);
  run.assessment.trace.clear();  // the rules' explanations say all the trace says, and more
  out.assessment = std::move(run.assessment);
  out.evidence = evidence(rules, out);
  return out;
}

}  // namespace

ExplanationData explain_case(const RuleSetModel& rules, const ValidatedCase& c,
                             std::string case_digest, const ExplainFocus& focus) {
  ExplanationData data;
  data.focus_rule = focus.rule;
  data.ruleset_id = rules.id;
  data.ruleset_version = rules.version;
  data.ruleset_digest = rules.digest;
  data.case_digest = std::move(case_digest);
  for (const ValidatedScar& scar : c.scars) {
    if (!focus.scar.empty() && scar.id != focus.scar) continue;
    const FactEnv env{&rules.vocabulary, c.patient.data(), scar.slots.data()};
    data.scars.push_back(explain_scar(rules, env, scar.id, focus.rule));
  }
  return data;
}

}  // namespace scarwise::internal
