// An interval of the numbers an int or number fact can hold, with exact open or closed ends,
// and the one value analysis hands on for it. Ends are Numerics, so an int fact compared with a
// fraction (`scar.severity < 2.5`) or a number fact with a large integer keeps its exact cut.
#pragma once

#include "model/numeric.hpp"
#include "model/vocabulary.hpp"

#include <optional>

namespace scarwise::internal {

/// One end of an interval: none (unbounded), or a number that is inside (closed) or not.
struct Bound {
  bool finite = false;
  Numeric at;
  bool closed = false;

  static Bound unbounded() { return Bound{}; }
  static Bound at_value(Numeric value, bool closed) { return Bound{true, value, closed}; }
};

/// The numbers between `lower` and `upper`.
struct NumericInterval {
  Bound lower;
  Bound upper;

  bool contains(const Numeric& value) const;
  /// The part of this interval inside `other`.
  NumericInterval intersect(const NumericInterval& other) const;
};

/// The int64s of `interval` as an interval with closed whole-number ends (an unbounded end
/// stays unbounded), so that `(2, 7)` reads `[3, 6]`; nothing when it holds no int64.
std::optional<NumericInterval> whole_numbers(const NumericInterval& interval);

/// The interval of values a fact's declaration allows: its min and max, both inclusive.
NumericInterval declared_interval(const FactDecl& decl);

/// A value of type `type` (int or number) inside `interval`, or nothing when the interval
/// holds none (an open interval between adjacent integers, for an int fact). Prefers a value a
/// person would write: an integer, then a midpoint, then the lowest value just past an end.
std::optional<Numeric> representative(const NumericInterval& interval, FactType type);

}  // namespace scarwise::internal
