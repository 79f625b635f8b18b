#include "expr/program.hpp"

#include <algorithm>
#include <cassert>

namespace scarwise::internal {
namespace {

Numeric ordinal(const Value& value) {
  switch (value.kind) {
    case Value::Kind::Bool:
      return Numeric::of_int(value.boolean ? 1 : 0);
    case Value::Kind::Enum:
      return Numeric::of_int(value.index);
    default:
      return value.number;
  }
}

bool in_mask(std::uint64_t mask, const Value& value) {
  const std::uint32_t bit = value.kind == Value::Kind::Bool ? (value.boolean ? 1 : 0) : value.index;
  return bit < 64 && ((mask >> bit) & 1) != 0;
}

// Bools and enums compare for (in)equality only; the checker never lets through anything else.
bool compare_values(CmpOp op, const Value& a, const Value& b) {
  return holds(op, compare_numeric(ordinal(a), ordinal(b)));
}

}  // namespace

ExprProgram::ExprProgram(std::string text, ProgramCode code, std::vector<FactId> referenced_facts)
    : text_(std::move(text)),
      code_(std::move(code)),
      referenced_facts_(std::move(referenced_facts)) {
  assert(!code_.instrs.empty());
}

Tri evaluate_code(const ProgramCode& code, std::uint32_t index, const FactEnv& env) {
  const Instr& instr = code.instrs[index];
  const std::uint32_t* operands = code.operands.data() + instr.first;
  switch (instr.code) {
    case Opcode::Not:
      return tri_not(evaluate_code(code, operands[0], env));
    case Opcode::And: {
      Tri result = Tri::True;
      for (std::uint32_t i = 0; i < instr.count && result != Tri::False; ++i) {
        result = tri_and(result, evaluate_code(code, operands[i], env));
      }
      return result;
    }
    case Opcode::Or: {
      Tri result = Tri::False;
      for (std::uint32_t i = 0; i < instr.count && result != Tri::True; ++i) {
        result = tri_or(result, evaluate_code(code, operands[i], env));
      }
      return result;
    }
    default:
      return evaluate_code_leaf(code, instr, env);
  }
}

std::optional<Numeric> evaluate_code_number(const ProgramCode& code, std::uint32_t index,
                                            const FactEnv& env) {
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
      const std::optional<Numeric> inner = evaluate_code_number(code, operands[0], env);
      if (!inner) return std::nullopt;
      return negate(*inner);
    }
    case Opcode::Arith: {
      std::optional<Numeric> result = evaluate_code_number(code, operands[0], env);
      for (std::uint32_t i = 1; i < instr.count && result; ++i) {
        const std::optional<Numeric> next = evaluate_code_number(code, operands[i], env);
        result = next ? apply(code.arith_ops[instr.first + i], *result, *next) : std::nullopt;
      }
      return result;
    }
    default:
      return std::nullopt;
  }
}

Tri evaluate_code_leaf(const ProgramCode& code, const Instr& instr, const FactEnv& env) {
  if (instr.code == Opcode::Constant) return instr.constant;
  if (is_number_code(instr.code)) return Tri::Unknown;  // a number is no truth value
  if (instr.code == Opcode::CompareNum) {
    // Unknown when either side has no value: an unknown fact or a division by zero.
    const std::optional<Numeric> left = evaluate_code_number(code, code.operands[instr.first], env);
    if (!left) return Tri::Unknown;
    const std::optional<Numeric> right =
        evaluate_code_number(code, code.operands[instr.first + 1], env);
    if (!right) return Tri::Unknown;
    return tri_of(holds(instr.cmp, compare_numeric(*left, *right)));
  }
  const Value& value = env.get(instr.fact);
  if (instr.code == Opcode::Known) return tri_of(value.known());
  // An unknown value (or, defensively, one of another kind) settles nothing.
  if (value.kind != instr.kind) return Tri::Unknown;
  switch (instr.code) {
    case Opcode::InMask:
      return tri_of(in_mask(instr.mask, value) != instr.negate);
    case Opcode::InList: {
      const Numeric* first = code.numbers.data() + instr.first;
      const bool found =
          std::binary_search(first, first + instr.count, ordinal(value), numeric_less);
      return tri_of(found != instr.negate);
    }
    case Opcode::Compare:
      return tri_of(holds(instr.cmp, compare_numeric(value.number, instr.number)));
    case Opcode::CompareFacts: {
      const Value& other = env.get(instr.other);
      if (other.kind != instr.kind) return Tri::Unknown;
      return tri_of(compare_values(instr.cmp, value, other));
    }
    case Opcode::Contains:
      return tri_of((value.bits & instr.mask) != 0);
    default:
      return Tri::Unknown;
  }
}

void ExprProgram::unknown_facts(const FactEnv& env, std::vector<FactId>& out) const {
  const auto start = static_cast<std::ptrdiff_t>(out.size());
  if (is_number()) {
    collect_unknown_number(root(), env, out);
  } else {
    collect_unknown(root(), env, out);
  }
  std::sort(out.begin() + start, out.end());
  out.erase(std::unique(out.begin() + start, out.end()), out.end());
}

// Descends only into sub-expressions that are themselves unknown: a known operand of an
// unknown `and`/`or` cannot be what keeps it unknown.
void ExprProgram::collect_unknown(std::uint32_t index, const FactEnv& env,
                                  std::vector<FactId>& out) const {
  const Instr& instr = code_.instrs[index];
  if (evaluate(index, env) != Tri::Unknown) return;
  switch (instr.code) {
    case Opcode::Not:
    case Opcode::And:
    case Opcode::Or:
      for (std::uint32_t i = 0; i < instr.count; ++i) {
        collect_unknown(code_.operands[instr.first + i], env, out);
      }
      return;
    case Opcode::CompareNum:
      collect_unknown_number(code_.operands[instr.first], env, out);
      collect_unknown_number(code_.operands[instr.first + 1], env, out);
      return;
    case Opcode::CompareFacts:
      if (env.get(instr.other).kind != instr.kind) out.push_back(instr.other);
      [[fallthrough]];
    default:
      if (env.get(instr.fact).kind != instr.kind) out.push_back(instr.fact);
      return;
  }
}

// The unknown facts a number reads, and only those that filling in could give it a value: a
// term that divides by a known zero has no value whatever the other facts are, so it lists
// none of them.
void ExprProgram::collect_unknown_number(std::uint32_t index, const FactEnv& env,
                                         std::vector<FactId>& out) const {
  const Instr& instr = code_.instrs[index];
  const std::uint32_t* operands = code_.operands.data() + instr.first;
  switch (instr.code) {
    case Opcode::NumFact:
      if (env.get(instr.fact).kind != Value::Kind::Number) out.push_back(instr.fact);
      return;
    case Opcode::Negate:
      collect_unknown_number(operands[0], env, out);
      return;
    case Opcode::Arith: {
      for (std::uint32_t i = 1; i < instr.count; ++i) {
        if (code_.arith_ops[instr.first + i] != ArithOp::Div) continue;
        const std::optional<Numeric> divisor = evaluate_number(operands[i], env);
        if (divisor && is_zero(*divisor)) return;
      }
      for (std::uint32_t i = 0; i < instr.count; ++i) {
        if (!evaluate_number(operands[i], env)) collect_unknown_number(operands[i], env, out);
      }
      return;
    }
    default:
      return;
  }
}

}  // namespace scarwise::internal
