#include "eval/completeness.hpp"

#include "eval/reevaluation.hpp"

#include <algorithm>

namespace scarwise::internal {
namespace {

// Would firing the deferral `then` push a deferred scar's date later? Only a dated scar's can
// move: an undated deferral would take its date away, and a dated one lengthen it if its
// weeks are more or cannot be computed yet.
bool could_lengthen_date(const Action& then, const MergedScar& merged, const FactEnv& env) {
  if (then.suitability != Suitability::defer || merged.suitability != Suitability::defer ||
      !merged.reevaluate_after_weeks) {
    return false;
  }
  const std::optional<int> weeks = deferral_weeks(then, env);
  return !weeks || *weeks > *merged.reevaluate_after_weeks;
}

// Would firing `rule` on top of what already fired make the outcome more restrictive?
bool could_restrict(const Rule& rule, const MergedScar& merged, const FactEnv& env) {
  const Action& then = rule.then;
  if (then.suitability && *then.suitability > merged.suitability) return true;
  if (could_lengthen_date(then, merged, env)) return true;
  for (CatalogueId id : then.avoid) {
    if (!merged.avoid.contains(id)) return true;
  }
  for (CatalogueId id : then.precautions) {
    if (!merged.precautions.contains(id)) return true;
  }
  return false;
}

}  // namespace

void assess_completeness(const RuleSetModel& rules, const Tri* outcomes, const FactEnv& env,
                         MergedScar& m) {
  const bool deferred = m.suitability == Suitability::defer;
  for (std::uint32_t index : rules.rules_by_priority) {
    // Most rules are settled false, or fired on a scar that is not deferred: those say
    // nothing about completeness, and are passed over without reading the rule.
    const Tri outcome = outcomes[index];
    if (outcome == Tri::False || (outcome == Tri::True && !deferred)) continue;
    const Rule& rule = rules.rules[index];
    m.facts.clear();
    if (outcome == Tri::True) {
      // A fired deferral whose date reads unknown facts: the scar's date is not known yet.
      const Action& then = rule.then;
      if (then.suitability != Suitability::defer || !then.reevaluate_weeks_expression) continue;
      then.reevaluate_weeks_expression->unknown_facts(env, m.facts);
    } else {
      if (!could_restrict(rule, m, env)) continue;
      m.complete = false;
      rule.when.unknown_facts(env, m.facts);
    }
    if (!m.facts.empty()) m.complete = false;
    for (FactId fact : m.facts) m.missing.push_back({fact, index});
  }
  // By fact name; stable, so that each fact's rules stay in priority order.
  const Vocabulary& vocabulary = rules.vocabulary;
  std::stable_sort(m.missing.begin(), m.missing.end(), [&](const ItemRef& a, const ItemRef& b) {
    return a.item != b.item && vocabulary.fact(a.item).name < vocabulary.fact(b.item).name;
  });
}

}  // namespace scarwise::internal
