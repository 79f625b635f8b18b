// What each rule concludes, laid out for merging the rules that fired: one small record per
// rule, in priority order, and every catalogue id the rules list in one array. Merging walks
// the records in order and touches a Rule itself only for the rare deferral; with thousands of
// rules, reading each fired Rule (several hundred bytes, its lists on the heap) made the merge
// wait on memory (docs/performance.md).
#pragma once

#include <scarwise/assessment.hpp>

#include <array>
#include <cstdint>
#include <vector>

namespace scarwise::internal {

class RuleEffects {
 public:
  /// The catalogue lists of a rule's `then`, in the order the merge adds them.
  enum List : std::uint8_t { kSuggest, kAlternatives, kAvoid, kPrecautions, kAftercare, kLists };

  struct Effect {
    std::uint32_t rule = 0;  ///< index into RuleSetModel::rules
    /// List l of this rule is ids[begin[l], begin[l + 1]).
    std::array<std::uint32_t, kLists + 1> begin{};
    std::int32_t adjust_sessions = 0;
    bool has_suitability = false;
    Suitability suitability = Suitability::suitable;
    bool has_plan = false;
    bool has_adjust = false;
  };

  struct Ids {
    const std::uint32_t* first;
    const std::uint32_t* last;
    const std::uint32_t* begin() const noexcept { return first; }
    const std::uint32_t* end() const noexcept { return last; }
  };

  /// Priority order, like RuleSetModel::rules_by_priority.
  const std::vector<Effect>& by_priority() const noexcept { return effects_; }
  Ids list(const Effect& effect, List l) const noexcept {
    return {ids_.data() + effect.begin[l], ids_.data() + effect.begin[l + 1]};
  }

  /// Appends the next rule in priority order; `lists` are its catalogue lists in List order.
  void add(Effect effect, const std::array<const std::vector<std::uint32_t>*, kLists>& lists) {
    for (int l = 0; l < kLists; ++l) {
      effect.begin[l] = static_cast<std::uint32_t>(ids_.size());
      ids_.insert(ids_.end(), lists[l]->begin(), lists[l]->end());
    }
    effect.begin[kLists] = static_cast<std::uint32_t>(ids_.size());
    effects_.push_back(effect);
  }

 private:
  std::vector<Effect> effects_;
  std::vector<std::uint32_t> ids_;
};

}  // namespace scarwise::internal
