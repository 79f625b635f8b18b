// Findings about rules that fire together and disagree: A-PLAN-CONFLICT and A-SUGGEST-AVOID.
#include "analyze/analysis.hpp"
#include "analyze/outcome_goals.hpp"
#include "support/quote.hpp"

#include <algorithm>

namespace scarwise::internal {
namespace {

bool same_range(const Range& a, const Range& b) { return a.min == b.min && a.max == b.max; }

bool same_plan(const PlanSpec& a, const PlanSpec& b) {
  if (!same_range(a.sessions, b.sessions) || !same_range(a.interval_weeks, b.interval_weeks)) {
    return false;
  }
  if (a.needle_depth_mm.has_value() != b.needle_depth_mm.has_value()) return false;
  return !a.needle_depth_mm || same_range(*a.needle_depth_mm, *b.needle_depth_mm);
}

bool lists(const std::vector<CatalogueId>& items, CatalogueId id) {
  return std::find(items.begin(), items.end(), id) != items.end();
}

}  // namespace

void find_plan_conflicts(AnalysisContext& context) {
  const RuleSetModel& model = context.model;
  const std::vector<std::uint32_t> plans = plan_rules_by_priority(model);
  const Domain domain = Domain::full(context.table);
  for (std::size_t i = 0; i < plans.size(); ++i) {
    const std::uint32_t first = plans[i];
    if (!context.firing[first]) continue;
    for (std::size_t j = i + 1; j < plans.size(); ++j) {
      const std::uint32_t second = plans[j];
      const Rule& a = model.rules[first];
      const Rule& b = model.rules[second];
      if (b.priority != a.priority) break;  // by priority: no more ties for `first`
      if (!context.firing[second] || same_plan(*a.then.plan, *b.then.plan)) continue;
      // Both fire, the scar gets a plan, and no plan rule of higher priority settles it.
      std::vector<Goal> parts{Goal::fires(first), Goal::fires(second),
                              verdict_at_most(model, Suitability::defer)};
      for (std::uint32_t r : plans) {
        if (model.rules[r].priority <= a.priority) break;
        parts.push_back(Goal::not_fires(r));
      }
      SearchResult found = context.search.find(Goal::all_of(std::move(parts)), domain);
      if (found.status != SearchStatus::Found) continue;
      AnalysisFinding finding;
      finding.code = "A-PLAN-CONFLICT";
      finding.level = FindingLevel::Error;
      finding.message = "plan rules " + quote(a.id) + " and " + quote(b.id) +
                        " have the same priority (" + std::to_string(a.priority) +
                        ") and can fire together with different plans; " + quote(a.id) +
                        " wins only because it is declared first";
      finding.hint = "give the rule that should win a higher priority, or make the conditions "
                     "exclude each other";
      finding.rules = {first, second};
      finding.witness = std::move(found.witness);
      context.result.findings.push_back(std::move(finding));
    }
  }
}

void find_suggest_avoid(AnalysisContext& context) {
  const RuleSetModel& model = context.model;
  const Domain domain = Domain::full(context.table);
  for (std::uint32_t s : model.rules_by_priority) {
    if (!context.firing[s]) continue;
    for (CatalogueId t : model.rules[s].then.suggest) {
      for (std::uint32_t a : model.rules_by_priority) {
        if (a == s || !context.firing[a] || !lists(model.rules[a].then.avoid, t)) continue;
        // The suggestion is meant where it would be shown: the scar gets a plan.
        Goal goal = Goal::all_of({Goal::fires(s), Goal::fires(a), some_plan(model)});
        SearchResult found = context.search.find(goal, domain);
        if (found.status != SearchStatus::Found) continue;
        AnalysisFinding finding;
        finding.code = "A-SUGGEST-AVOID";
        finding.level = FindingLevel::Info;
        finding.message = "treatment " + quote(model.treatments[t].id) + " is suggested by " +
                          quote(model.rules[s].id) + " and avoided by " +
                          quote(model.rules[a].id) +
                          ", which can fire together for a scar with a plan; the avoid wins";
        finding.hint = "intended when the avoid is a safety exception; otherwise narrow one of "
                       "the conditions";
        finding.rules = {s, a};
        finding.witness = std::move(found.witness);
        context.result.findings.push_back(std::move(finding));
      }
    }
  }
}

}  // namespace scarwise::internal
