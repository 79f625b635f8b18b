// The classes of a set fact. Rules only ask whether a set holds any value of a mask
// (`contains`), so two sets are alike when they answer every mask the same: a class is one
// achievable combination of answers (its signature, bit i for mask i). Declared values that
// answer every mask alike are interchangeable, so the combinations are built from one value of
// each such group: exact, and for the single-value masks `contains` compiles to, one class per
// subset of the values the rules mention.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

namespace scarwise::internal {

struct SetClass {
  std::uint64_t signature = 0;       ///< bit i: the set holds a value of mask i
  std::uint64_t representative = 0;  ///< a set with that signature, as Value::bits
};

/// Sorted masks without repeats, and the classes they give.
struct SetClasses {
  std::vector<std::uint64_t> masks;
  std::vector<SetClass> classes;  ///< ascending signature

  std::uint64_t signature(std::uint64_t bits) const;
  /// The class of a set value; every signature a value can have has a class.
  std::size_t classify(std::uint64_t bits) const;
};

/// The classes of a set fact with `value_count` declared values tested against `masks`, or
/// nothing when there would be more than `max_classes` of them (or more than 64 masks).
std::optional<SetClasses> set_classes(std::size_t value_count, std::vector<std::uint64_t> masks,
                                      std::size_t max_classes);

}  // namespace scarwise::internal
