#include "analyze/analysis.hpp"

#include "analyze/fact_reads.hpp"
#include "support/quote.hpp"

namespace scarwise::internal {

const char* to_string(FindingLevel level) noexcept {
  switch (level) {
    case FindingLevel::Error:
      return "error";
    case FindingLevel::Warning:
      return "warning";
    case FindingLevel::Info:
      break;
  }
  return "info";
}

AnalysisResult analyze_rule_set(const RuleSetModel& model, const AnalysisLimits& limits) {
  const FactClassTable table = FactClassTable::build(model);
  AnalysisResult result;
  SearchBudget budget;
  budget.max_classes = limits.max_classes;
  RegionSearch search(model, table, budget);
  AnalysisContext context{model, table, search, result, {}, {}};
  for (const Inexactness& inexact : table.inexactness()) {
    result.undecided.push_back("rule " + quote(model.rules[inexact.rule].id) + " reads " +
                               quote(model.vocabulary.fact(inexact.fact).name) + " inexactly (" +
                               to_string(inexact.reason) + ")");
  }
  // Reachability first: every later search skips rules that can never fire, and A-SHADOWED
  // shows the case found here.
  void (*const steps[])(AnalysisContext&) = {
      find_unreachable_rules, find_overview_and_gaps, find_plan_conflicts,
      find_unknown_stuck_rules, find_shadowed_rules,  find_suggest_avoid};
  try {
    for (const auto step : steps) step(context);
  } catch (const SearchBudgetExceeded& e) {
    result.stopped = std::string(e.what()) + " (--max-classes " +
                     std::to_string(limits.max_classes) + ")";
  }
  result.classes_searched = budget.used;
  apply_allow_markers(model, result.findings);
  return result;
}

}  // namespace scarwise::internal
