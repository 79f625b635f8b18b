#include "analyze/numeric_interval.hpp"

#include <cfloat>
#include <cmath>
#include <cstdint>
#include <limits>

namespace scarwise::internal {
namespace {

constexpr double kTwoTo63 = 9223372036854775808.0;
constexpr std::int64_t kIntMin = std::numeric_limits<std::int64_t>::min();
constexpr std::int64_t kIntMax = std::numeric_limits<std::int64_t>::max();

bool above_lower(const Bound& lower, const Numeric& value) {
  if (!lower.finite) return true;
  const int order = compare_numeric(value, lower.at);
  return order > 0 || (order == 0 && lower.closed);
}

bool below_upper(const Bound& upper, const Numeric& value) {
  if (!upper.finite) return true;
  const int order = compare_numeric(value, upper.at);
  return order < 0 || (order == 0 && upper.closed);
}

// The tighter of two lower bounds (or, with `sign` -1, of two upper bounds).
Bound tighter(const Bound& a, const Bound& b, int sign) {
  if (!a.finite) return b;
  if (!b.finite) return a;
  const int order = compare_numeric(a.at, b.at) * sign;
  if (order != 0) return order > 0 ? a : b;
  return Bound::at_value(a.at, a.closed && b.closed);
}

// The lowest int64 the bound lets in; nothing when none does.
std::optional<std::int64_t> lowest_int(const Bound& lower) {
  if (!lower.finite) return kIntMin;
  if (lower.at.integral) {
    if (lower.closed) return lower.at.integer;
    if (lower.at.integer == kIntMax) return std::nullopt;
    return lower.at.integer + 1;
  }
  const double d = lower.at.real;
  if (d >= kTwoTo63) return std::nullopt;
  if (d < -kTwoTo63) return kIntMin;
  const double up = std::ceil(d);  // below 2^63: a double this large is already whole
  const auto n = static_cast<std::int64_t>(up);
  if (up != d || lower.closed) return n;
  if (n == kIntMax) return std::nullopt;
  return n + 1;
}

// The highest int64 the bound lets in; nothing when none does.
std::optional<std::int64_t> highest_int(const Bound& upper) {
  if (!upper.finite) return kIntMax;
  if (upper.at.integral) {
    if (upper.closed) return upper.at.integer;
    if (upper.at.integer == kIntMin) return std::nullopt;
    return upper.at.integer - 1;
  }
  const double d = upper.at.real;
  if (d < -kTwoTo63) return std::nullopt;
  if (d >= kTwoTo63) return kIntMax;
  const double down = std::floor(d);
  const auto n = static_cast<std::int64_t>(down);
  if (down != d || upper.closed) return n;
  if (n == kIntMin) return std::nullopt;
  return n - 1;
}

// The lowest finite double the bound lets in (with `toward` +inf), or the highest (with
// `toward` -inf); nothing when none does. An int end may fall between two doubles: the
// nearest double is stepped inside.
std::optional<double> extreme_double(const Bound& bound, double toward) {
  if (!bound.finite) return toward > 0 ? -DBL_MAX : DBL_MAX;
  double d = bound.at.integral ? static_cast<double>(bound.at.integer) : bound.at.real;
  const int inward = toward > 0 ? 1 : -1;
  while (compare_numeric(Numeric::of_real(d), bound.at) * inward < 0) {
    d = std::nextafter(d, toward);
  }
  if (!bound.closed && compare_numeric(Numeric::of_real(d), bound.at) == 0) {
    d = std::nextafter(d, toward);
  }
  if (!std::isfinite(d)) return std::nullopt;
  return d;
}

std::optional<Numeric> int_representative(const NumericInterval& interval) {
  const std::optional<NumericInterval> whole = whole_numbers(interval);
  if (!whole) return std::nullopt;
  // The member next to a stated end, so that a witness reads like the threshold it tests.
  if (whole->lower.finite) return whole->lower.at;
  if (whole->upper.finite) return whole->upper.at;
  return Numeric::of_int(0);
}

double to_real(const Numeric& n) {
  return n.integral ? static_cast<double>(n.integer) : n.real;
}

double without_negative_zero(double d) { return d == 0 ? 0.0 : d; }

std::optional<Numeric> number_representative(const NumericInterval& interval) {
  const std::optional<double> lo = extreme_double(interval.lower, HUGE_VAL);
  const std::optional<double> hi = extreme_double(interval.upper, -HUGE_VAL);
  if (!lo || !hi || *lo > *hi) return std::nullopt;
  std::optional<double> candidates[3];
  if (interval.lower.finite) {
    candidates[0] = std::ceil(*lo);
    // Halfway between the ends as written, which reads better than between the extremes.
    if (interval.upper.finite) {
      candidates[1] = to_real(interval.lower.at) / 2 + to_real(interval.upper.at) / 2;
    }
    candidates[2] = *lo;
  } else if (interval.upper.finite) {
    candidates[0] = std::floor(*hi);
    candidates[2] = *hi;
  } else {
    candidates[0] = 0.0;
  }
  for (const std::optional<double>& candidate : candidates) {
    if (!candidate) continue;
    const Numeric value = Numeric::of_real(without_negative_zero(*candidate));
    if (interval.contains(value)) return value;
  }
  return std::nullopt;  // unreachable: *lo lies inside
}

}  // namespace

bool NumericInterval::contains(const Numeric& value) const {
  return above_lower(lower, value) && below_upper(upper, value);
}

NumericInterval NumericInterval::intersect(const NumericInterval& other) const {
  return NumericInterval{tighter(lower, other.lower, 1), tighter(upper, other.upper, -1)};
}

std::optional<NumericInterval> whole_numbers(const NumericInterval& interval) {
  const std::optional<std::int64_t> lo = lowest_int(interval.lower);
  const std::optional<std::int64_t> hi = highest_int(interval.upper);
  if (!lo || !hi || *lo > *hi) return std::nullopt;
  NumericInterval whole;
  if (interval.lower.finite) whole.lower = Bound::at_value(Numeric::of_int(*lo), true);
  if (interval.upper.finite) whole.upper = Bound::at_value(Numeric::of_int(*hi), true);
  return whole;
}

NumericInterval declared_interval(const FactDecl& decl) {
  // Int bounds are whole numbers within 2^53 (the loader checks), so the cast is exact.
  const auto end = [&](const std::optional<double>& limit) {
    if (!limit) return Bound::unbounded();
    const Numeric at = decl.type == FactType::Int
                           ? Numeric::of_int(static_cast<std::int64_t>(*limit))
                           : Numeric::of_real(*limit);
    return Bound::at_value(at, true);
  };
  return NumericInterval{end(decl.min), end(decl.max)};
}

std::optional<Numeric> representative(const NumericInterval& interval, FactType type) {
  return type == FactType::Int ? int_representative(interval) : number_representative(interval);
}

}  // namespace scarwise::internal
