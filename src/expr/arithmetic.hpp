// The four arithmetic operators and unary minus over exact numbers (Numeric), shared by the
// checker (which folds constant divisors to find a division by zero) and the evaluator.
//
// An int stays an int through `+`, `-`, `*` and unary minus while the result fits 64 bits; a
// result that does not fit is computed as a number (double) instead. `/` always gives a number.
// A result that is not a finite number (a division by zero, or a double overflowing) is no
// number at all: std::nullopt, which evaluation turns into unknown.
#pragma once

#include <cmath>
#include <cstdint>
#include <optional>

#include "model/numeric.hpp"

namespace scarwise::internal {

enum class ArithOp : std::uint8_t { Add, Sub, Mul, Div };

/// The operator as written: "+", "-", "*", "/".
inline const char* spelling(ArithOp op) noexcept {
  switch (op) {
    case ArithOp::Add:
      return "+";
    case ArithOp::Sub:
      return "-";
    case ArithOp::Mul:
      return "*";
    case ArithOp::Div:
      return "/";
  }
  return "?";
}

/// The value of `n` as a double (an int beyond 2^53 is rounded to the nearest double).
inline double to_double(const Numeric& n) noexcept {
  return n.integral ? static_cast<double>(n.integer) : n.real;
}

/// Whether `n` is zero.
inline bool is_zero(const Numeric& n) noexcept {
  return n.integral ? n.integer == 0 : n.real == 0;
}

inline std::optional<Numeric> finite(double d) noexcept {
  if (!std::isfinite(d)) return std::nullopt;
  return Numeric::of_real(d);
}

/// `a op b`; nothing for a division by zero or a result that is not a finite number.
inline std::optional<Numeric> apply(ArithOp op, const Numeric& a, const Numeric& b) noexcept {
  if (op == ArithOp::Div) {
    if (is_zero(b)) return std::nullopt;
    return finite(to_double(a) / to_double(b));
  }
  if (a.integral && b.integral) {
    std::int64_t result = 0;
    const bool overflow =
        op == ArithOp::Add   ? __builtin_add_overflow(a.integer, b.integer, &result)
        : op == ArithOp::Sub ? __builtin_sub_overflow(a.integer, b.integer, &result)
                             : __builtin_mul_overflow(a.integer, b.integer, &result);
    if (!overflow) return Numeric::of_int(result);
  }
  const double x = to_double(a);
  const double y = to_double(b);
  return finite(op == ArithOp::Add ? x + y : op == ArithOp::Sub ? x - y : x * y);
}

/// `-a`; an int that has no negative int (the lowest int64) becomes a number.
inline Numeric negate(const Numeric& a) noexcept {
  if (a.integral && a.integer != INT64_MIN) return Numeric::of_int(-a.integer);
  return Numeric::of_real(-to_double(a));
}

}  // namespace scarwise::internal
