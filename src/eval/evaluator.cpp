#include "eval/evaluator.hpp"

#include "eval/completeness.hpp"
#include "eval/scar_merge.hpp"
#include "eval/trace.hpp"

#include <algorithm>

namespace scarwise::internal {

ScarRun run_scar(const RuleSetModel& rules, const FactEnv& env, const std::string& id,
                 bool explain) {
  ScarRun run;
  run.outcomes.reserve(rules.rules.size());
  for (const Rule& rule : rules.rules) run.outcomes.push_back(rule.when.evaluate(env));

  ScarAssessment& out = run.assessment;
  out.id = id;
  if (explain) run.notes.by_rule.resize(rules.rules.size());
  merge_fired_rules(rules, run.outcomes, env, out, explain ? &run.notes : nullptr);
  assess_completeness(rules, run.outcomes, env, out);
  if (explain) out.trace = build_trace(rules, run.outcomes, env, run.notes.by_rule);
  return run;
}

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
    ScarAssessment assessed = run_scar(rules, env, scar.id, explain).assessment;
    data.suitability = std::max(data.suitability, assessed.suitability);
    data.complete = data.complete && assessed.complete;
    data.scars.push_back(std::move(assessed));
  }
  return data;
}

}  // namespace scarwise::internal
