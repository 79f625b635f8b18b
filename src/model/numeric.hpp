// A number as int facts, number facts and expression literals hold it: an exact 64-bit integer
// or a finite double. Comparisons between the two are exact, so that no integer is ever rounded
// to the nearest double (2^53 + 1 is not 2^53) and no double is ever cast to an integer it does
// not fit.
#pragma once

#include <cmath>
#include <cstdint>

namespace scarwise::internal {

struct Numeric {
  bool integral = false;     ///< the value is `integer`; otherwise it is `real`
  std::int64_t integer = 0;  ///< when integral
  double real = 0;           ///< otherwise; finite

  static Numeric of_int(std::int64_t i) noexcept {
    Numeric n;
    n.integral = true;
    n.integer = i;
    return n;
  }
  static Numeric of_real(double d) noexcept {
    Numeric n;
    n.real = d;
    return n;
  }
};

/// -1, 0 or 1 as `i` is below, equal to or above `d` (not NaN), exactly: `d` is cut to its
/// integer part only once it is known to fit an int64, and the fraction decides a tie.
inline int compare_int_real(std::int64_t i, double d) noexcept {
  constexpr double kTwoTo63 = 9223372036854775808.0;
  if (d >= kTwoTo63) return -1;
  if (d < -kTwoTo63) return 1;
  const double whole = std::trunc(d);
  const auto w = static_cast<std::int64_t>(whole);
  if (i != w) return i < w ? -1 : 1;
  const double fraction = d - whole;  // exact
  return fraction > 0 ? -1 : (fraction < 0 ? 1 : 0);
}

/// -1, 0 or 1 as `a` is below, equal to or above `b`, as the real numbers they stand for.
inline int compare_numeric(const Numeric& a, const Numeric& b) noexcept {
  if (a.integral && b.integral) return (a.integer > b.integer) - (a.integer < b.integer);
  if (a.integral) return compare_int_real(a.integer, b.real);
  if (b.integral) return -compare_int_real(b.integer, a.real);
  return (a.real > b.real) - (a.real < b.real);
}

inline bool numeric_less(const Numeric& a, const Numeric& b) noexcept {
  return compare_numeric(a, b) < 0;
}

}  // namespace scarwise::internal
