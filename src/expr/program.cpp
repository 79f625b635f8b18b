#include "expr/program.hpp"

#include "expr/program_eval.hpp"

#include <algorithm>
#include <cassert>

namespace scarwise::internal {

ExprProgram::ExprProgram(std::string text, ProgramCode code, std::vector<FactId> referenced_facts)
    : text_(std::move(text)),
      code_(std::move(code)),
      referenced_facts_(std::move(referenced_facts)) {
  assert(!code_.instrs.empty());
}

Tri evaluate_code(const ProgramCode& code, std::uint32_t index, const FactEnv& env) {
  return program_eval::truth(code, index, env);
}

Tri evaluate_code_leaf(const ProgramCode& code, const Instr& instr, const FactEnv& env) {
  return program_eval::leaf(code, instr, env);
}

std::optional<Numeric> evaluate_code_number(const ProgramCode& code, std::uint32_t index,
                                            const FactEnv& env) {
  return program_eval::number(code, index, env);
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
