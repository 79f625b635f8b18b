#include "analyze/set_classes.hpp"

#include <algorithm>
#include <map>

namespace scarwise::internal {
namespace {

constexpr std::size_t kMaxMasks = 64;

// One declared value for each distinct non-empty signature a single value has.
std::map<std::uint64_t, std::uint64_t> value_groups(const SetClasses& sets,
                                                    std::size_t value_count) {
  std::map<std::uint64_t, std::uint64_t> groups;  // signature -> the lowest value's bit
  for (std::size_t v = 0; v < value_count && v < 64; ++v) {
    const std::uint64_t bit = std::uint64_t{1} << v;
    const std::uint64_t signature = sets.signature(bit);
    if (signature != 0) groups.emplace(signature, bit);
  }
  return groups;
}

}  // namespace

std::uint64_t SetClasses::signature(std::uint64_t bits) const {
  std::uint64_t result = 0;
  for (std::size_t i = 0; i < masks.size(); ++i) {
    if ((bits & masks[i]) != 0) result |= std::uint64_t{1} << i;
  }
  return result;
}

std::size_t SetClasses::classify(std::uint64_t bits) const {
  const std::uint64_t wanted = signature(bits);
  const auto it = std::lower_bound(
      classes.begin(), classes.end(), wanted,
      [](const SetClass& c, std::uint64_t s) { return c.signature < s; });
  return static_cast<std::size_t>(it - classes.begin());
}

std::optional<SetClasses> set_classes(std::size_t value_count, std::vector<std::uint64_t> masks,
                                      std::size_t max_classes) {
  SetClasses sets;
  std::sort(masks.begin(), masks.end());
  masks.erase(std::unique(masks.begin(), masks.end()), masks.end());
  if (masks.size() > kMaxMasks) return std::nullopt;
  sets.masks = std::move(masks);
  // A set's signature is the union of its values' signatures: close the empty set's under
  // adding one value of each group.
  std::map<std::uint64_t, std::uint64_t> reached{{0, 0}};
  for (const auto& [group_signature, bit] : value_groups(sets, value_count)) {
    const std::map<std::uint64_t, std::uint64_t> before = reached;
    for (const auto& [signature, representative] : before) {
      reached.emplace(signature | group_signature, representative | bit);
      if (reached.size() > max_classes) return std::nullopt;
    }
  }
  for (const auto& [signature, representative] : reached) {
    sets.classes.push_back(SetClass{signature, representative});
  }
  return sets;
}

}  // namespace scarwise::internal
