#include "eval/completeness.hpp"

#include <algorithm>
#include <map>

namespace scarwise::internal {
namespace {

template <typename Entry>
bool lists(const std::vector<Entry>& entries, const std::string& id) {
  return std::any_of(entries.begin(), entries.end(),
                     [&](const Entry& e) { return e.id == id; });
}

// Would firing `rule` on top of what already fired make the outcome more restrictive?
bool could_restrict(const RuleSetModel& rules, const Rule& rule, const ScarAssessment& merged) {
  const Action& then = rule.then;
  if (then.suitability && *then.suitability > merged.suitability) return true;
  for (CatalogueId id : then.avoid) {
    if (!lists(merged.avoid, rules.treatments[id].id)) return true;
  }
  for (CatalogueId id : then.precautions) {
    if (!lists(merged.precautions, rules.precautions[id].id)) return true;
  }
  return false;
}

}  // namespace

void assess_completeness(const RuleSetModel& rules, const std::vector<Tri>& outcomes,
                         const FactEnv& env, ScarAssessment& out) {
  std::map<std::string, std::vector<std::string>> missing;  // sorted by fact name
  std::vector<FactId> facts;
  for (std::uint32_t index : rules.rules_by_priority) {
    if (outcomes[index] != Tri::Unknown) continue;
    const Rule& rule = rules.rules[index];
    if (!could_restrict(rules, rule, out)) continue;
    out.complete = false;
    facts.clear();
    rule.when.unknown_facts(env, facts);
    for (FactId fact : facts) missing[rules.vocabulary.fact(fact).name].push_back(rule.id);
  }
  for (auto& [fact, rule_ids] : missing) out.missing_facts.push_back({fact, std::move(rule_ids)});
}

}  // namespace scarwise::internal
