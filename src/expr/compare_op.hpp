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

/// Whether `a op b` holds, given how a and b compare: -1, 0 or 1 as a is below, equal to or
/// above b (compare_numeric).
inline bool holds(CmpOp op, int order) noexcept {
  switch (op) {
    case CmpOp::Eq:
      return order == 0;
    case CmpOp::Ne:
      return order != 0;
    case CmpOp::Lt:
      return order < 0;
    case CmpOp::Le:
      return order <= 0;
    case CmpOp::Gt:
      return order > 0;
    case CmpOp::Ge:
      return order >= 0;
  }
  return false;
}

}  // namespace scarwise::internal
