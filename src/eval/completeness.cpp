#include "eval/completeness.hpp"

#include "eval/reevaluation.hpp"

#include <algorithm>
#include <map>

namespace scarwise::internal {
namespace {

template <typename Entry>
bool lists(const std::vector<Entry>& entries, const std::string& id) {
  return std::any_of(entries.begin(), entries.end(),
                     [&](const Entry& e) { return e.id == id; });
}

// Would firing the deferral `then` push a deferred scar's date later? Only a dated scar's can
// move: an undated deferral would take its date away, and a dated one lengthen it if its
// weeks are more or cannot be computed yet.
bool could_lengthen_date(const Action& then, const ScarAssessment& merged, const FactEnv& env) {
  if (then.suitability != Suitability::defer || merged.suitability != Suitability::defer ||
      !merged.reevaluate_after_weeks) {
    return false;
  }
  const std::optional<int> weeks = deferral_weeks(then, env);
  return !weeks || *weeks > *merged.reevaluate_after_weeks;
}

// Would firing `rule` on top of what already fired make the outcome more restrictive?
bool could_restrict(const RuleSetModel& rules, const Rule& rule, const ScarAssessment& merged,
                    const FactEnv& env) {
  const Action& then = rule.then;
  if (then.suitability && *then.suitability > merged.suitability) return true;
  if (could_lengthen_date(then, merged, env)) return true;
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
    const Rule& rule = rules.rules[index];
    facts.clear();
    if (outcomes[index] == Tri::True) {
      // A fired deferral whose date reads unknown facts: the scar's date is not known yet.
      const Action& then = rule.then;
      if (out.suitability != Suitability::defer || then.suitability != Suitability::defer ||
          !then.reevaluate_weeks_expression) {
        continue;
      }
      then.reevaluate_weeks_expression->unknown_facts(env, facts);
    } else if (outcomes[index] == Tri::Unknown) {
      if (!could_restrict(rules, rule, out, env)) continue;
      out.complete = false;
      rule.when.unknown_facts(env, facts);
    }
    if (!facts.empty()) out.complete = false;
    for (FactId fact : facts) missing[rules.vocabulary.fact(fact).name].push_back(rule.id);
  }
  for (auto& [fact, rule_ids] : missing) out.missing_facts.push_back({fact, std::move(rule_ids)});
}

}  // namespace scarwise::internal
