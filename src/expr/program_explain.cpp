// ExprProgram::explain: the leaves of a program evaluated one by one, for explanations. It
// walks the same instructions evaluate() runs, so what it reports is what the engine did; it
// does not short-circuit, so that every comparison has a value to show.
#include <algorithm>

#include "expr/program.hpp"

namespace scarwise::internal {
namespace {

bool is_junction(Opcode code) {
  return code == Opcode::Not || code == Opcode::And || code == Opcode::Or;
}

// Whether an operand helped settle its junction's result: a false operand settles a false
// `and`, a true one a true `or`; every operand counts when all of them agree, and the unknown
// ones are what keep an unknown junction unknown.
bool settles(Opcode code, Tri junction, Tri operand) {
  if (code == Opcode::Not) return true;
  const Tri all_agree = code == Opcode::And ? Tri::True : Tri::False;
  return junction == all_agree || operand == junction;
}

// The literal on the other side of a leaf, as values of the tested fact's kind.
std::vector<Value> literal_values(const Instr& instr, const std::vector<Numeric>& numbers) {
  std::vector<Value> out;
  switch (instr.code) {
    case Opcode::Compare: {
      Value value;
      value.kind = Value::Kind::Number;
      value.number = instr.number;
      out.push_back(value);
      break;
    }
    case Opcode::InMask:
    case Opcode::Contains:
      for (std::uint32_t bit = 0; bit < 64; ++bit) {
        if (((instr.mask >> bit) & 1) == 0) continue;
        out.push_back(instr.kind == Value::Kind::Bool ? Value::of_bool(bit == 1)
                                                      : Value::of_enum(bit));
      }
      break;
    case Opcode::InList:
      for (std::uint32_t i = 0; i < instr.count; ++i) {
        Value value;
        value.kind = Value::Kind::Number;
        value.number = numbers[instr.first + i];
        out.push_back(value);
      }
      break;
    default:
      break;
  }
  return out;
}

// A list's span starts at its first value; its opening bracket is the last one before that.
std::string_view literal_text(std::string_view text, const LeafSource& source) {
  std::size_t begin = source.literal_begin;
  if (source.list) begin = text.rfind('[', begin);
  if (begin == std::string_view::npos) begin = source.literal_begin;
  return text.substr(begin, source.literal_end - begin);
}

}  // namespace

ConditionOutcome ExprProgram::explain(const FactEnv& env) const {
  const std::size_t count = code_.instrs.size();
  // Every instruction comes after its operands, so one pass in order evaluates them all.
  std::vector<Tri> results(count, Tri::Unknown);
  for (std::uint32_t i = 0; i < count; ++i) {
    const Instr& instr = code_.instrs[i];
    if (!is_junction(instr.code)) {
      results[i] = evaluate_leaf(instr, env);
      continue;
    }
    const std::uint32_t* operands = code_.operands.data() + instr.first;
    Tri result = instr.code == Opcode::Or ? Tri::False : Tri::True;
    for (std::uint32_t k = 0; k < instr.count; ++k) {
      const Tri operand = results[operands[k]];
      if (instr.code == Opcode::Not) result = tri_not(operand);
      if (instr.code == Opcode::And) result = tri_and(result, operand);
      if (instr.code == Opcode::Or) result = tri_or(result, operand);
    }
    results[i] = result;
  }
  std::vector<bool> decisive(count, false);
  mark_decisive(root(), results, decisive);

  ConditionOutcome out;
  out.result = results[root()];
  for (std::uint32_t i = 0; i < count; ++i) {
    const Opcode code = code_.instrs[i].code;
    if (!is_junction(code) && !is_number_code(code))
      out.leaves.push_back(leaf_outcome(i, results[i], decisive[i], env));
  }
  return out;
}

void ExprProgram::mark_decisive(std::uint32_t index, const std::vector<Tri>& results,
                                std::vector<bool>& decisive) const {
  decisive[index] = true;
  const Instr& instr = code_.instrs[index];
  if (!is_junction(instr.code)) return;
  for (std::uint32_t k = 0; k < instr.count; ++k) {
    const std::uint32_t operand = code_.operands[instr.first + k];
    if (settles(instr.code, results[index], results[operand])) {
      mark_decisive(operand, results, decisive);
    }
  }
}

LeafOutcome::Side ExprProgram::number_side(std::uint32_t index, const FactEnv& env) const {
  const LeafSource& source = code_.sources[index];
  LeafOutcome::Side side;
  side.text = std::string_view(text_).substr(source.begin, source.end - source.begin);
  if (code_.instrs[index].code == Opcode::NumFact) side.fact = code_.instrs[index].fact;
  side.value = evaluate_number(index, env);
  return side;
}

LeafOutcome ExprProgram::leaf_outcome(std::uint32_t index, Tri result, bool decisive,
                                      const FactEnv& env) const {
  const Instr& instr = code_.instrs[index];
  const LeafSource& source = code_.sources[index];
  LeafOutcome leaf;
  leaf.text = std::string_view(text_).substr(source.begin, source.end - source.begin);
  leaf.result = result;
  leaf.decisive = decisive;
  if (instr.code == Opcode::CompareNum) {
    leaf.arithmetic = true;
    leaf.left = number_side(code_.operands[instr.first], env);
    leaf.right = number_side(code_.operands[instr.first + 1], env);
    return leaf;
  }
  if (instr.code != Opcode::Constant) leaf.fact = instr.fact;
  if (instr.code == Opcode::CompareFacts) leaf.other = instr.other;
  leaf.has_literal = source.has_literal;
  leaf.list = source.list;
  if (leaf.has_literal) {
    leaf.literal_text = literal_text(text_, source);
    leaf.literals = literal_values(instr, code_.numbers);
  }
  leaf.result = result;
  leaf.decisive = decisive;
  return leaf;
}

}  // namespace scarwise::internal
