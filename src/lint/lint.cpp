#include "lint/lint.hpp"

namespace scarwise::internal {

const std::vector<Lint>& all_lints() {
  static const std::vector<Lint> lints = {
      {"W-UNUSED-FACT", lint_unused_facts},
      {"W-UNUSED-TREATMENT", lint_unused_treatments},
      {"W-UNUSED-PRECAUTION", lint_unused_precautions},
      {"W-UNUSED-AFTERCARE", lint_unused_aftercare},
      {"W-UNUSED-EVIDENCE", lint_unused_evidence},
      {"W-NO-MESSAGE", lint_restricting_without_message},
      {"W-PLAN-RANGE", lint_plan_sessions_over_limit},
      {"W-EVIDENCE-INCOMPLETE", lint_incomplete_evidence},
  };
  return lints;
}

void run_lints(const RuleSetModel& model, DiagnosticSink& sink) {
  for (const Lint& lint : all_lints()) {
    LintReport report(lint.code, sink);
    lint.run(model, report);
  }
}

}  // namespace scarwise::internal
