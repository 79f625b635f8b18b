// Evaluation of a validated case against a compiled rule set: every rule's condition per scar
// with three-valued logic, then the merge of the fired rules' conclusions (DESIGN §3).
// Pure: reads its inputs and writes only the result; safe to call from many threads at once.
// Each thread keeps its working buffers from case to case (EvalScratch), so that a warm
// evaluation allocates only the result it hands back.
#pragma once

#include "eval/scar_merge.hpp"
#include "io/case_fast_reader.hpp"
#include "model/assessment_data.hpp"
#include "model/ruleset_model.hpp"
#include "model/validated_case.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace scarwise::internal {

/// The working buffers of one scar's evaluation.
struct EvalScratch {
  std::vector<Tri> outcomes;  ///< every rule's condition, indexed like rules.rules
  MergedScar merged;
};

/// This thread's buffers.
EvalScratch& thread_scratch();

/// Evaluates every rule for the scar in `env` into `scratch.outcomes`, merges the fired ones
/// and assesses completeness into `scratch.merged`; with `notes`, records how the merge went.
void evaluate_scar(const RuleSetModel& rules, const FactEnv& env, EvalScratch& scratch,
                   MergeNotes* notes);

/// Merges the rules fired by `scratch.outcomes` (already evaluated for the scar in `env`) and
/// assesses completeness into `scratch.merged`.
void settle_scar(const RuleSetModel& rules, const FactEnv& env, EvalScratch& scratch,
                 MergeNotes* notes);

/// Appends the merged scar `merged`, with id `id`, to `out`.
void append_scar(const MergedScar& merged, std::string_view id, CompactAssessment& out);

/// Starts an assessment of `rules` (shared or, for tests, only referred to): no scars yet.
void start_assessment(const RuleSetModel& rules, std::shared_ptr<const RuleSetModel> shared,
                      std::string case_digest, AssessmentData& data);

/// Adds the merged scar to `data` and to its patient-level verdict.
void add_scar(const MergedScar& merged, std::string_view id, AssessmentData& data);

/// One scar's evaluation with what an explanation needs besides the assessment.
struct ScarRun {
  std::vector<Tri> outcomes;  ///< every rule's condition, indexed like rules.rules
  ScarAssessment assessment;  ///< with its trace when explanation was asked for
  MergeNotes notes;           ///< filled only when explanation was asked for
};

/// Evaluates every rule for one scar and merges the result; with `explain`, records the merge
/// notes and the trace.
ScarRun run_scar(const RuleSetModel& rules, const FactEnv& env, const std::string& id,
                 bool explain);

/// Assesses every scar of `c` and the patient as a whole into `data`. With `explain`, each
/// scar gets a trace entry for every rule.
void evaluate_case(const RuleSetModel& rules, std::shared_ptr<const RuleSetModel> shared,
                   const ValidatedCase& c, std::string case_digest, bool explain,
                   AssessmentData& data);

/// The same for a case read straight into slots (io/case_fast_reader.hpp); its digest is taken
/// over its canonical JSON.
void evaluate_slots(const RuleSetModel& rules, std::shared_ptr<const RuleSetModel> shared,
                    const SlotCase& c, bool explain, AssessmentData& data);

/// The same for a rule set that outlives the result (tests), returned by value.
AssessmentData evaluate_case(const RuleSetModel& rules, const ValidatedCase& c,
                             std::string case_digest, bool explain);

}  // namespace scarwise::internal
