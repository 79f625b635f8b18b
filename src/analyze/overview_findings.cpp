// The overview of what each scar type can get, and A-GAP: a scar type for which a scar that is
// not not_suitable can get no plan, located at the plan rules that cover the rest of that type.
#include "analyze/analysis.hpp"
#include "analyze/outcome_goals.hpp"
#include "support/quote.hpp"

#include <algorithm>

namespace scarwise::internal {
namespace {

// The enum fact `scar.type`, by which the overview is split; none when there is no such fact.
std::optional<FactId> scar_type_fact(const RuleSetModel& model) {
  const std::optional<FactId> id = model.vocabulary.find("scar.type");
  if (!id || model.vocabulary.fact(*id).type != FactType::Enum) return std::nullopt;
  return id;
}

// Searches `goal` and says whether it can hold; an undecided search is noted and counts as
// possible in the overview (which then says it may be incomplete).
bool reachable(AnalysisContext& context, const Goal& goal, const Domain& domain,
               OverviewEntry& entry, std::optional<Witness>* witness = nullptr) {
  SearchResult found = context.search.find(goal, domain);
  if (found.status == SearchStatus::Undecided) entry.undecided = true;
  if (found.status != SearchStatus::Found) return false;
  if (witness) *witness = std::move(found.witness);
  return true;
}

void overview_entry(AnalysisContext& context, const Domain& domain, OverviewEntry& entry) {
  const RuleSetModel& model = context.model;
  for (Suitability s : {Suitability::suitable, Suitability::suitable_with_caution,
                        Suitability::defer, Suitability::not_suitable}) {
    if (reachable(context, verdict_is(model, s), domain, entry)) entry.verdicts.push_back(s);
  }
  for (std::uint32_t r : plan_rules_by_priority(model)) {
    if (!context.firing[r]) continue;
    if (reachable(context, plan_given_by(model, r), domain, entry)) entry.plan_rules.push_back(r);
  }
  std::optional<Witness> gap;
  entry.no_plan = reachable(context, no_plan(model), domain, entry, &gap);
  if (!entry.no_plan) return;
  AnalysisFinding finding;
  finding.code = "A-GAP";
  finding.level = FindingLevel::Error;
  // The witness's verdict, as the merge takes it: the most restrictive fired one.
  Suitability verdict = Suitability::suitable;
  for (std::uint32_t r = 0; r < model.rules.size(); ++r) {
    const std::optional<Suitability>& s = model.rules[r].then.suitability;
    if (gap->outcomes[r] == Tri::True && s) verdict = std::max(verdict, *s);
  }
  finding.message = (entry.scar_type.empty() ? std::string("a scar")
                                             : "a scar of type " + quote(entry.scar_type)) +
                    " can be assessed " + to_string(verdict) + " and get no plan";
  finding.hint = entry.plan_rules.empty()
                     ? "add a plan rule that covers the witness case, or a rule that makes it "
                       "not_suitable"
                     : "widen one of these plan rules to the witness case, add one that covers "
                       "it, or add a rule that makes it not_suitable";
  // The plan rules this scar type can get are where the gap is mended (and where an author
  // allows it); none of them fires for the witness.
  finding.rules = entry.plan_rules;
  finding.witness = std::move(gap);
  context.result.findings.push_back(std::move(finding));
}

}  // namespace

void find_overview_and_gaps(AnalysisContext& context) {
  const RuleSetModel& model = context.model;
  const std::optional<FactId> type = scar_type_fact(model);
  if (!type) {
    OverviewEntry entry;
    overview_entry(context, Domain::full(context.table), entry);
    context.result.overview.push_back(std::move(entry));
    return;
  }
  const FactClasses& classes = context.table.fact(*type);
  for (std::uint32_t c = 0; c < classes.classes.size(); ++c) {
    Domain domain = Domain::full(context.table);
    domain.fix(*type, c);
    OverviewEntry entry;
    const Value& value = classes.classes[c].representative;
    entry.scar_type =
        value.known() ? model.vocabulary.fact(*type).values[value.index] : std::string("unknown");
    overview_entry(context, domain, entry);
    context.result.overview.push_back(std::move(entry));
  }
}

}  // namespace scarwise::internal
