#include "eval/evaluator.hpp"

#include "eval/completeness.hpp"
#include "eval/scar_merge.hpp"
#include "eval/trace.hpp"

#include <algorithm>

namespace scarwise::internal {
namespace {

ScarAssessment assess_scar(const RuleSetModel& rules, const FactEnv& env, const std::string& id,
                           bool explain) {
  std::vector<Tri> outcomes;
  outcomes.reserve(rules.rules.size());
  for (const Rule& rule : rules.rules) outcomes.push_back(rule.when.evaluate(env));

  ScarAssessment out;
  out.id = id;
  std::vector<std::vector<std::string>> notes;
  if (explain) notes.resize(rules.rules.size());
  merge_fired_rules(rules, outcomes, out, explain ? &notes : nullptr);
  assess_completeness(rules, outcomes, env, out);
  if (explain) out.trace = build_trace(rules, outcomes, env, std::move(notes));
  return out;
}

}  // namespace

AssessmentData evaluate_case(const RuleSetModel& rules, const ValidatedCase& c,
                             std::string case_digest, bool explain) {
  AssessmentData data;
  data.ruleset_id = rules.id;
  data.ruleset_version = rules.version;
  data.ruleset_digest = rules.digest;
  data.case_digest = std::move(case_digest);
  data.explained = explain;
  for (const ValidatedScar& scar : c.scars) {
    const FactEnv env{&rules.vocabulary, c.patient.data(), scar.slots.data()};
    ScarAssessment assessed = assess_scar(rules, env, scar.id, explain);
    data.suitability = std::max(data.suitability, assessed.suitability);
    data.complete = data.complete && assessed.complete;
    data.scars.push_back(std::move(assessed));
  }
  return data;
}

}  // namespace scarwise::internal
