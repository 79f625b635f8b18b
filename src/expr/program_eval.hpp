// How instructions evaluate, written once for every way of reaching fact values: `Env` has
// `const Value& get(std::uint32_t operand) const` for an instruction's `fact` and `other`.
// ExprProgram evaluates with FactEnv (operands are fact ids); ConditionTable with SlotEnv
// (operands already resolved to slots at load, one lookup fewer per leaf).
#pragma once

#include <algorithm>
#include <cstdint>
#include <optional>

#include "expr/program.hpp"

namespace scarwise::internal::program_eval {

inline Numeric ordinal(const Value& value) {
  switch (value.kind) {
    case Value::Kind::Bool:
      return Numeric::of_int(value.boolean ? 1 : 0);
    case Value::Kind::Enum:
      return Numeric::of_int(value.index);
    default:
      return value.number;
  }
}

inline bool in_mask(std::uint64_t mask, const Value& value) {
  const std::uint32_t bit = value.kind == Value::Kind::Bool ? (value.boolean ? 1 : 0) : value.index;
  return bit < 64 && ((mask >> bit) & 1) != 0;
}

// Bools and enums compare for (in)equality only; the checker never lets through anything else.
inline bool compare_values(CmpOp op, const Value& a, const Value& b) {
  return holds(op, compare_numeric(ordinal(a), ordinal(b)));
}

template <typename Env>
std::optional<Numeric> number(const ProgramCode& code, std::uint32_t index, const Env& env) {
  const Instr& instr = code.instrs[index];
  const std::uint32_t* operands = code.operands.data() + instr.first;
  switch (instr.code) {
    case Opcode::NumConst:
      return instr.number;
    case Opcode::NumFact: {
      const Value& value = env.get(instr.fact);
      if (value.kind != Value::Kind::Number) return std::nullopt;
      return value.number;
    }
    case Opcode::Negate: {
      const std::optional<Numeric> inner = number(code, operands[0], env);
      if (!inner) return std::nullopt;
      return negate(*inner);
    }
    case Opcode::Arith: {
      std::optional<Numeric> result = number(code, operands[0], env);
      for (std::uint32_t i = 1; i < instr.count && result; ++i) {
        const std::optional<Numeric> next = number(code, operands[i], env);
        result = next ? apply(code.arith_ops[instr.first + i], *result, *next) : std::nullopt;
      }
      return result;
    }
    default:
      return std::nullopt;
  }
}

/// The truth of one instruction that is no Not, And or Or. Inlined into its callers: most
/// conditions are a leaf or two, and a call per leaf cost more than the leaf.
template <typename Env>
[[gnu::always_inline]] inline Tri leaf(const ProgramCode& code, const Instr& instr,
                                       const Env& env) {
  // An unknown value (or, defensively, one of another kind) settles nothing.
  const auto fact_value = [&]() -> const Value* {
    const Value& value = env.get(instr.fact);
    return value.kind == instr.kind ? &value : nullptr;
  };
  switch (instr.code) {
    case Opcode::Constant:
      return instr.constant;
    case Opcode::Known:
      return tri_of(env.get(instr.fact).known());
    case Opcode::InMask: {
      const Value* value = fact_value();
      return value ? tri_of(in_mask(instr.mask, *value) != instr.negate) : Tri::Unknown;
    }
    case Opcode::InList: {
      const Value* value = fact_value();
      if (!value) return Tri::Unknown;
      const Numeric* first = code.numbers.data() + instr.first;
      const bool found =
          std::binary_search(first, first + instr.count, ordinal(*value), numeric_less);
      return tri_of(found != instr.negate);
    }
    case Opcode::Compare: {
      const Value* value = fact_value();
      if (!value) return Tri::Unknown;
      return tri_of(holds(instr.cmp, compare_numeric(value->number, instr.number)));
    }
    case Opcode::CompareFacts: {
      const Value* value = fact_value();
      if (!value) return Tri::Unknown;
      const Value& other = env.get(instr.other);
      if (other.kind != instr.kind) return Tri::Unknown;
      return tri_of(compare_values(instr.cmp, *value, other));
    }
    case Opcode::Contains: {
      const Value* value = fact_value();
      return value ? tri_of((value->bits & instr.mask) != 0) : Tri::Unknown;
    }
    case Opcode::CompareNum: {
      // Unknown when either side has no value: an unknown fact or a division by zero.
      const std::optional<Numeric> left = number(code, code.operands[instr.first], env);
      if (!left) return Tri::Unknown;
      const std::optional<Numeric> right = number(code, code.operands[instr.first + 1], env);
      if (!right) return Tri::Unknown;
      return tri_of(holds(instr.cmp, compare_numeric(*left, *right)));
    }
    default:  // a number is no truth value; Not, And and Or are no leaves
      return Tri::Unknown;
  }
}

/// Whether instruction `code` combines others (Not, And, Or) rather than deciding by itself.
inline bool is_connective(Opcode code) {
  return code == Opcode::Not || code == Opcode::And || code == Opcode::Or;
}

/// The truth of instruction `index` and what it refers to.
template <typename Env>
Tri truth(const ProgramCode& code, std::uint32_t index, const Env& env) {
  const Instr& instr = code.instrs[index];
  if (!is_connective(instr.code)) return leaf(code, instr, env);
  const std::uint32_t* operands = code.operands.data() + instr.first;
  if (instr.code == Opcode::Not) return tri_not(truth(code, operands[0], env));
  // And and Or stop at the first operand that settles them. Most operands are leaves, which
  // are evaluated here rather than through another call.
  const bool is_and = instr.code == Opcode::And;
  const Tri settles = is_and ? Tri::False : Tri::True;
  Tri result = is_and ? Tri::True : Tri::False;
  for (std::uint32_t i = 0; i < instr.count && result != settles; ++i) {
    const Instr& operand = code.instrs[operands[i]];
    const Tri value = is_connective(operand.code) ? truth(code, operands[i], env)
                                                  : leaf(code, operand, env);
    result = is_and ? tri_and(result, value) : tri_or(result, value);
  }
  return result;
}

}  // namespace scarwise::internal::program_eval
