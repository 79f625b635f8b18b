// Rules that load and run, but leave the clinician without a reason, or promise a plan that the
// rule set's own limits will change.
#include <string>

#include "lint/lint.hpp"
#include "support/quote.hpp"

namespace scarwise::internal {
namespace {

bool is_blank(const std::string& text) {
  return text.find_first_not_of(" \t\r\n") == std::string::npos;
}

std::string whole(double number) { return std::to_string(static_cast<long long>(number)); }

}  // namespace

// A verdict worse than suitable changes what the clinician may do; the assessment's reasons
// show the message, so without one the clinician sees a restriction but not why.
void lint_restricting_without_message(const RuleSetModel& model, LintReport& report) {
  for (const Rule& rule : model.rules) {
    const std::optional<Suitability>& verdict = rule.then.suitability;
    if (!verdict || *verdict == Suitability::suitable || !is_blank(rule.then.message)) continue;
    report.warn(
        rule.loc,
        "rule " + quote(rule.id) + " asks for '" + to_string(*verdict) + "' but gives no 'message'",
        "say in 'then: message' why the rule restricts treatment, so that the "
        "clinician sees the reason");
  }
}

// limits.max_sessions clamps every planned session count (the evaluator clamps after
// adjustments), so a plan that starts out above it never appears as written. The format
// declares no bounds for interval_weeks or needle_depth_mm (neither `limits` nor the treatment
// catalogue has any), so the session count is the only range there is to check.
void lint_plan_sessions_over_limit(const RuleSetModel& model, LintReport& report) {
  for (const Rule& rule : model.rules) {
    if (!rule.then.plan) continue;
    const PlanSpec& plan = *rule.then.plan;
    if (plan.sessions.max <= model.max_sessions) continue;
    report.warn(plan.sessions_loc,
                "the plan of rule " + quote(rule.id) + " has up to " + whole(plan.sessions.max) +
                    " sessions, more than limits.max_sessions (" +
                    std::to_string(model.max_sessions) + "): assessments show at most " +
                    std::to_string(model.max_sessions),
                "lower 'sessions: max' to " + std::to_string(model.max_sessions) +
                    " or less, or raise 'limits: max_sessions' in the root file");
  }
}

}  // namespace scarwise::internal
