// Merging the conclusions of the rules that fired for one scar (DESIGN §3 "Merge semantics"):
// most restrictive suitability, the winning plan plus session adjustments, suggestions minus
// avoids, ordered unions of precautions, aftercare and reasons.
//
// The merge works on indices and keeps its lists in a MergedScar that is reused from scar to
// scar: once its buffers have grown, merging allocates nothing, and every union is kept in an
// indexed set, so the cost grows with the rules that fire, never with their product with the
// catalogue.
#pragma once

#include "model/compact_assessment.hpp"
#include "model/ruleset_model.hpp"
#include "model/value.hpp"
#include "model/vocabulary.hpp"

#include <scarwise/assessment.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace scarwise::internal {

/// An ordered set of catalogue ids, each with the first rule that brought it in. Adding and
/// looking up cost O(1): each catalogue entry has a stamp that says whether it belongs to the
/// current scar, and starting the next scar renews the stamp instead of clearing the set.
class FirstRuleSet {
 public:
  /// Empties the set for ids below `universe`.
  void reset(std::size_t universe);
  /// Adds `id` with `rule` unless it is already there.
  void add(std::uint32_t id, std::uint32_t rule) {
    if (stamp_[id] == epoch_) return;
    stamp_[id] = epoch_;
    rule_of_[id] = rule;
    items_.push_back({id, rule});
  }
  bool contains(std::uint32_t id) const { return stamp_[id] == epoch_; }
  /// The rule that added `id`; only when contains(id).
  std::uint32_t rule_of(std::uint32_t id) const { return rule_of_[id]; }
  /// The ids in the order first added.
  const std::vector<ItemRef>& items() const noexcept { return items_; }

 private:
  std::vector<std::uint32_t> stamp_;
  std::vector<std::uint32_t> rule_of_;
  std::vector<ItemRef> items_;
  std::uint32_t epoch_ = 0;
};

/// One scar's merged result, with the buffers it is built in. Reuse one per thread.
struct MergedScar {
  Suitability suitability = Suitability::suitable;
  /// Set only for a defer verdict whose fired deferrals are all dated: the longest of them.
  std::optional<int> reevaluate_after_weeks;
  std::vector<std::uint32_t> reevaluate_when;  ///< fired deferrals with a text (defer only)
  std::uint32_t plan_rule = kNoRule;           ///< the plan given, none when not_suitable
  double sessions_min = 0;
  double sessions_max = 0;
  FirstRuleSet suggest, alternatives, avoid, precautions, aftercare;
  std::vector<ItemRef> combinations;       ///< suggestions no avoid suppressed
  std::vector<ItemRef> kept_alternatives;  ///< alternatives no avoid suppressed
  std::vector<std::uint32_t> fired;        ///< by priority, then declaration
  bool complete = true;
  std::vector<ItemRef> missing;  ///< {fact, rule}: by fact name, each fact's rules by priority
  std::vector<FactId> facts;     ///< scratch for completeness
};

/// A suggestion the merge dropped because a fired rule asked to avoid the treatment.
struct Suppression {
  CatalogueId treatment = 0;      ///< into treatments
  std::uint32_t suggested_by = 0;  ///< the first rule that suggested it (into rules)
  std::uint32_t avoided_by = 0;    ///< the first rule that asked to avoid it (into rules)
};

/// What the merge did beyond its result, for traces and explanations.
struct MergeNotes {
  std::vector<std::vector<std::string>> by_rule;  ///< notes indexed like rules.rules
  std::vector<Suppression> suppressed;            ///< in the order suggestions were listed
  /// Alternatives left out by an avoid (`suggested_by` is the rule that recommended it), in
  /// the order they were recommended.
  std::vector<Suppression> suppressed_alternatives;
};

/// Fills `out` (everything but completeness) from the rules whose outcome is True.
/// `outcomes` is indexed like `rules.rules`; `env` holds the scar's facts, which
/// `reevaluate_after_weeks` expressions read. When `notes` is not null (its by_rule sized like
/// `rules.rules`), explanations of suppressed suggestions and overridden plans are added to it.
void merge_fired_rules(const RuleSetModel& rules, const Tri* outcomes, const FactEnv& env,
                       MergedScar& out, MergeNotes* notes);

}  // namespace scarwise::internal
