// Evaluation of a validated case against a compiled rule set: every rule's condition per scar
// with three-valued logic, then the merge of the fired rules' conclusions (DESIGN §3).
// Pure: reads its inputs, allocates only the result; safe to call from many threads at once.
#pragma once

#include "eval/scar_merge.hpp"
#include "model/assessment_data.hpp"
#include "model/ruleset_model.hpp"
#include "model/validated_case.hpp"

#include <string>
#include <vector>

namespace scarwise::internal {

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

/// Assesses every scar of `c` and the patient as a whole. `case_digest` is copied into the
/// result; with `explain`, each scar gets a trace entry for every rule.
AssessmentData evaluate_case(const RuleSetModel& rules, const ValidatedCase& c,
                             std::string case_digest, bool explain);

}  // namespace scarwise::internal
