#include "eval/evaluator.hpp"

#include "eval/completeness.hpp"
#include "eval/materialize.hpp"
#include "eval/trace.hpp"
#include "support/sha256.hpp"

#include <algorithm>

namespace scarwise::internal {
namespace {

RefSpan append_refs(const std::vector<ItemRef>& items, CompactAssessment& out) {
  const RefSpan span{static_cast<std::uint32_t>(out.refs.size()),
                     static_cast<std::uint32_t>(items.size())};
  out.refs.insert(out.refs.end(), items.begin(), items.end());
  return span;
}

RefSpan append_rules(const std::vector<std::uint32_t>& rules, CompactAssessment& out) {
  const RefSpan span{static_cast<std::uint32_t>(out.refs.size()),
                     static_cast<std::uint32_t>(rules.size())};
  for (std::uint32_t rule : rules) out.refs.push_back({0, rule});
  return span;
}

}  // namespace

EvalScratch& thread_scratch() {
  thread_local EvalScratch scratch;
  return scratch;
}

void evaluate_scar(const RuleSetModel& rules, const FactEnv& env, EvalScratch& scratch,
                   MergeNotes* notes) {
  scratch.outcomes.resize(rules.rules.size());
  rules.conditions.evaluate_all(env, scratch.outcomes.data());
  settle_scar(rules, env, scratch, notes);
}

void settle_scar(const RuleSetModel& rules, const FactEnv& env, EvalScratch& scratch,
                 MergeNotes* notes) {
  merge_fired_rules(rules, scratch.outcomes.data(), env, scratch.merged, notes);
  assess_completeness(rules, scratch.outcomes.data(), env, scratch.merged);
}

void append_scar(const MergedScar& merged, std::string_view id, CompactAssessment& out) {
  CompactScar scar;
  scar.id_begin = static_cast<std::uint32_t>(out.ids.size());
  scar.id_size = static_cast<std::uint32_t>(id.size());
  out.ids.append(id);
  scar.suitability = merged.suitability;
  scar.complete = merged.complete;
  if (merged.reevaluate_after_weeks) scar.reevaluate_weeks = *merged.reevaluate_after_weeks;
  scar.plan_rule = merged.plan_rule;
  scar.sessions_min = merged.sessions_min;
  scar.sessions_max = merged.sessions_max;
  scar.missing = append_refs(merged.missing, out);
  scar.reevaluate_when = append_rules(merged.reevaluate_when, out);
  scar.combinations = append_refs(merged.combinations, out);
  scar.alternatives = append_refs(merged.kept_alternatives, out);
  scar.avoid = append_refs(merged.avoid.items(), out);
  scar.precautions = append_refs(merged.precautions.items(), out);
  scar.aftercare = append_refs(merged.aftercare.items(), out);
  scar.reasons = append_rules(merged.fired, out);
  out.scars.push_back(scar);
}

void start_assessment(const RuleSetModel& rules, std::shared_ptr<const RuleSetModel> shared,
                      std::string case_digest, AssessmentData& data) {
  data.model = &rules;
  data.ruleset = std::move(shared);
  if (!data.ruleset) {
    data.ruleset_id = rules.id;
    data.ruleset_version = rules.version;
    data.ruleset_digest = rules.digest;
  }
  data.case_digest = std::move(case_digest);
}

void add_scar(const MergedScar& merged, std::string_view id, AssessmentData& data) {
  append_scar(merged, id, data.compact);
  data.suitability = std::max(data.suitability, merged.suitability);
  data.complete = data.complete && merged.complete;
}

ScarRun run_scar(const RuleSetModel& rules, const FactEnv& env, const std::string& id,
                 bool explain) {
  EvalScratch& scratch = thread_scratch();
  ScarRun run;
  if (explain) run.notes.by_rule.resize(rules.rules.size());
  evaluate_scar(rules, env, scratch, explain ? &run.notes : nullptr);
  run.outcomes = scratch.outcomes;
  CompactAssessment one;
  append_scar(scratch.merged, id, one);
  run.assessment = materialize_scar(rules, one, one.scars.front());
  if (explain) run.assessment.trace = build_trace(rules, run.outcomes, env, run.notes.by_rule);
  return run;
}

namespace {

/// Evaluates scars 0 .. count-1, `scar_slots(i)` and `id(i)` giving each one's facts and id.
template <typename SlotsOf, typename IdOf>
void evaluate_scars(const RuleSetModel& rules, const Value* patient, std::size_t count,
                    SlotsOf scar_slots, IdOf id, bool explain, AssessmentData& data) {
  data.explained = explain;
  EvalScratch& scratch = thread_scratch();
  if (!explain) {
    // Room for a typical scar's lists, so that the result is a few allocations, not one per
    // doubling of its arrays.
    constexpr std::size_t kRefsPerScar = 48;
    data.compact.scars.reserve(count);
    data.compact.refs.reserve(count * kRefsPerScar);
  }
  // Conditions on patient facts alone come out alike for every scar: evaluated once.
  scratch.outcomes.resize(rules.rules.size());
  rules.conditions.evaluate_patient(FactEnv{&rules.vocabulary, patient, nullptr},
                                    scratch.outcomes.data());
  for (std::size_t i = 0; i < count; ++i) {
    const FactEnv env{&rules.vocabulary, patient, scar_slots(i)};
    if (explain) {
      // An explained scar is kept in full, with its trace; the compact form has no room for it.
      ScarRun run = run_scar(rules, env, std::string(id(i)), true);
      data.suitability = std::max(data.suitability, run.assessment.suitability);
      data.complete = data.complete && run.assessment.complete;
      data.scars.push_back(std::move(run.assessment));
      continue;
    }
    rules.conditions.evaluate_scar(env, scratch.outcomes.data());
    settle_scar(rules, env, scratch, nullptr);
    add_scar(scratch.merged, id(i), data);
  }
}

}  // namespace

void evaluate_case(const RuleSetModel& rules, std::shared_ptr<const RuleSetModel> shared,
                   const ValidatedCase& c, std::string case_digest, bool explain,
                   AssessmentData& data) {
  start_assessment(rules, std::move(shared), std::move(case_digest), data);
  evaluate_scars(
      rules, c.patient.data(), c.scars.size(),
      [&](std::size_t i) { return c.scars[i].slots.data(); },
      [&](std::size_t i) -> std::string_view { return c.scars[i].id; }, explain, data);
}

void evaluate_slots(const RuleSetModel& rules, std::shared_ptr<const RuleSetModel> shared,
                    const SlotCase& c, bool explain, AssessmentData& data) {
  start_assessment(rules, std::move(shared), sha256_tagged(c.canonical.view()), data);
  evaluate_scars(
      rules, c.patient(), c.ids.size(), [&](std::size_t i) { return c.scar(i); },
      [&](std::size_t i) { return c.ids[i]; }, explain, data);
}

AssessmentData evaluate_case(const RuleSetModel& rules, const ValidatedCase& c,
                             std::string case_digest, bool explain) {
  AssessmentData data;
  evaluate_case(rules, nullptr, c, std::move(case_digest), explain, data);
  return data;
}

}  // namespace scarwise::internal
