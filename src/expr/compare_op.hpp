// The six comparison operators, shared by the parser, the checker and the evaluator.
#pragma once

#include <cstdint>

namespace scarwise::internal {

enum class CmpOp : std::uint8_t { Eq, Ne, Lt, Le, Gt, Ge };

/// The operator as written: "==", "<=", ...
inline const char* spelling(CmpOp op) noexcept {
  switch (op) {
    case CmpOp::Eq:
      return "==";
    case CmpOp::Ne:
      return "!=";
    case CmpOp::Lt:
      return "<";
    case CmpOp::Le:
      return "<=";
    case CmpOp::Gt:
      return ">";
    case CmpOp::Ge:
      return ">=";
  }
  return "?";
}

/// The operator that gives the same result with its operands swapped (`3 < x` is `x > 3`).
inline CmpOp flipped(CmpOp op) noexcept {
  switch (op) {
    case CmpOp::Lt:
      return CmpOp::Gt;
    case CmpOp::Le:
      return CmpOp::Ge;
    case CmpOp::Gt:
      return CmpOp::Lt;
    case CmpOp::Ge:
      return CmpOp::Le;
    case CmpOp::Eq:
    case CmpOp::Ne:
      break;
  }
  return op;
}

inline bool is_ordering(CmpOp op) noexcept { return op != CmpOp::Eq && op != CmpOp::Ne; }

/// `a op b` on numbers.
inline bool compare(CmpOp op, double a, double b) noexcept {
  switch (op) {
    case CmpOp::Eq:
      return a == b;
    case CmpOp::Ne:
      return a != b;
    case CmpOp::Lt:
      return a < b;
    case CmpOp::Le:
      return a <= b;
    case CmpOp::Gt:
      return a > b;
    case CmpOp::Ge:
      return a >= b;
  }
  return false;
}

}  // namespace scarwise::internal
