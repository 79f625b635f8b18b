// Findings about single rules: A-UNREACHABLE, A-SHADOWED and A-UNKNOWN-STUCK.
#include "analyze/analysis.hpp"
#include "analyze/outcome_goals.hpp"
#include "eval/rule_explainer.hpp"
#include "support/quote.hpp"

namespace scarwise::internal {
namespace {

std::string undecided_note(const RuleSetModel& model, std::uint32_t rule, const char* question) {
  return "rule " + quote(model.rules[rule].id) + ": " + question +
         " stays open (it reads a fact inexactly)";
}

// The other rules that fired in `outcomes` and conclude something `rule` concludes: the
// ones that cover it.
std::vector<std::uint32_t> covering_rules(const RuleSetModel& model, std::uint32_t rule,
                                          const std::vector<Tri>& outcomes) {
  const Action& then = model.rules[rule].then;
  const auto shares = [](const std::vector<CatalogueId>& a, const std::vector<CatalogueId>& b) {
    for (CatalogueId x : a) {
      for (CatalogueId y : b) {
        if (x == y) return true;
      }
    }
    return false;
  };
  std::vector<std::uint32_t> out;
  for (std::uint32_t r : model.rules_by_priority) {
    if (r == rule || outcomes[r] != Tri::True) continue;
    const Action& other = model.rules[r].then;
    const bool covers =
        (then.suitability && other.suitability && *other.suitability >= *then.suitability) ||
        (then.plan && other.plan) || shares(then.suggest, other.suggest) ||
        shares(then.suggest, other.avoid) || shares(then.avoid, other.avoid) ||
        shares(then.alternatives, other.alternatives) ||
        shares(then.alternatives, other.avoid) || shares(then.precautions, other.precautions) ||
        shares(then.aftercare, other.aftercare) ||
        (other.suitability == Suitability::not_suitable && (then.plan || then.adjust_sessions ||
                                                           !then.suggest.empty()));
    if (covers) out.push_back(r);
  }
  return out;
}

}  // namespace

void find_unreachable_rules(AnalysisContext& context) {
  const RuleSetModel& model = context.model;
  context.firing.assign(model.rules.size(), std::nullopt);
  context.unreachable.assign(model.rules.size(), false);
  const Domain domain = Domain::full(context.table);
  for (std::uint32_t r = 0; r < model.rules.size(); ++r) {
    SearchResult found = context.search.find(Goal::fires(r), domain);
    if (found.status == SearchStatus::Found) {
      context.firing[r] = std::move(found.witness);
      continue;
    }
    if (found.status == SearchStatus::Undecided) {
      context.result.undecided.push_back(undecided_note(model, r, "whether it can fire"));
      continue;
    }
    context.unreachable[r] = true;
    AnalysisFinding finding;
    finding.code = "A-UNREACHABLE";
    finding.level = FindingLevel::Warning;
    finding.message = "rule " + quote(model.rules[r].id) +
                      " can never fire: its condition is never true within the declared facts";
    finding.hint =
        "check its comparisons against the facts' values, min and max, and against each other";
    finding.rules = {r};
    context.result.findings.push_back(std::move(finding));
  }
}

void find_shadowed_rules(AnalysisContext& context) {
  const RuleSetModel& model = context.model;
  const Domain domain = Domain::full(context.table);
  for (std::uint32_t r = 0; r < model.rules.size(); ++r) {
    if (!context.firing[r]) continue;  // unreachable or undecided: nothing to shadow
    const SearchResult found = context.search.find(contributes(model, r), domain);
    if (found.status == SearchStatus::Found) continue;
    if (found.status == SearchStatus::Undecided) {
      context.result.undecided.push_back(undecided_note(model, r, "whether it adds anything"));
      continue;
    }
    AnalysisFinding finding;
    finding.code = "A-SHADOWED";
    finding.level = FindingLevel::Warning;
    finding.message = "rule " + quote(model.rules[r].id) +
                      " is shadowed: whenever it fires, everything it concludes is overridden or "
                      "already concluded by other rules";
    finding.hint =
        "remove it, or narrow the rules that cover it; the witness is a case where it fires";
    finding.rules = {r};
    const std::vector<std::uint32_t> covering =
        covering_rules(model, r, context.firing[r]->outcomes);
    finding.rules.insert(finding.rules.end(), covering.begin(), covering.end());
    finding.witness = context.firing[r];
    context.result.findings.push_back(std::move(finding));
  }
}

void find_unknown_stuck_rules(AnalysisContext& context) {
  const RuleSetModel& model = context.model;
  for (std::uint32_t r = 0; r < model.rules.size(); ++r) {
    const Rule& rule = model.rules[r];
    if (!is_restricting(rule)) continue;
    Domain domain = Domain::full(context.table);
    for (FactId fact : rule.when.referenced_facts()) domain.require_known(context.table, fact);
    const SearchResult found =
        context.search.find(Goal::outcome_in(r, kOutcomeUnknown), domain);
    if (found.status != SearchStatus::Found) continue;
    AnalysisFinding finding;
    finding.code = "A-UNKNOWN-STUCK";
    finding.level = FindingLevel::Warning;
    finding.message = "restricting rule " + quote(rule.id) +
                      " can stay unknown even when every fact it reads is given, so it neither "
                      "fires nor lets the assessment be complete";
    finding.hint = "guard divisions and comparisons so that known facts always decide it";
    finding.rules = {r};
    finding.witness = found.witness;
    context.result.findings.push_back(std::move(finding));
  }
}

}  // namespace scarwise::internal
