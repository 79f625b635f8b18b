// The compiled, evaluable form of a `when:` expression: a flat array of instructions whose
// operands are fact ids, value indices, bit masks and numbers. Evaluation compares no strings
// and allocates nothing.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "expr/arithmetic.hpp"
#include "expr/compare_op.hpp"
#include "expr/condition_outcome.hpp"
#include "model/value.hpp"
#include "model/vocabulary.hpp"

namespace scarwise::internal {

enum class Opcode : std::uint8_t {
  Constant,      ///< `constant`
  Known,         ///< whether `fact` is known
  InMask,        ///< bit (ordinal of `fact`) of `mask`: bool and enum `==`, `!=`, `in`
  InList,        ///< ordinal of `fact` among the sorted numbers [first, first + count)
  Compare,       ///< `fact` `cmp` `number`, exactly (compare_numeric)
  CompareFacts,  ///< `fact` `cmp` `other`
  Contains,      ///< set `fact` has any bit of `mask`
  Not,           ///< not operands[first]
  And,           ///< Kleene and of operands [first, first + count)
  Or,            ///< Kleene or of operands [first, first + count)
  CompareNum,    ///< number operands[first] `cmp` number operands[first + 1], exactly
  // Numbers (arithmetic): these give a number, or none when unknown, not a truth value.
  NumConst,      ///< `number`
  NumFact,       ///< the value of int or number `fact`
  Arith,         ///< operands [first, first + count) joined left to right by arith_ops
  Negate,        ///< minus operands[first]
};

/// Whether instructions with this code give numbers (evaluate_number) rather than truth.
inline bool is_number_code(Opcode code) noexcept { return code >= Opcode::NumConst; }

/// One step of a program. The ordinal of a value is 0/1 for a bool, the declared-value index
/// for an enum, and the number itself for an int or number; ordinals compare exactly.
struct Instr {
  Opcode code = Opcode::Constant;
  CmpOp cmp = CmpOp::Eq;
  bool negate = false;                   ///< InMask, InList: `!=` and `not in`
  Value::Kind kind = Value::Kind::Bool;  ///< the kind `fact` (and `other`) must hold
  Tri constant = Tri::False;
  FactId fact = 0;
  FactId other = 0;
  std::uint32_t first = 0;
  std::uint32_t count = 0;
  Numeric number;
  std::uint64_t mask = 0;
};

/// Where a leaf instruction came from, for explanations; evaluation never reads it.
struct LeafSource {
  std::size_t begin = 0;     ///< the leaf's characters in the expression text, [begin, end)
  std::size_t end = 0;
  bool has_literal = false;  ///< a literal is compared with (not a lone bool fact, known())
  bool list = false;         ///< that literal is a list: `in [...]`, `not in [...]`
  std::size_t literal_begin = 0;  ///< the literal's characters; a list's from its first value
  std::size_t literal_end = 0;    ///< to its closing bracket
};

/// Everything a program is made of; the root is the last instruction, and every instruction
/// comes after the ones it refers to.
struct ProgramCode {
  std::vector<Instr> instrs;
  std::vector<LeafSource> sources;      ///< indexed like instrs; default for Not, And and Or
  /// Instruction indices, for Not, And, Or, CompareNum, Arith and Negate.
  std::vector<std::uint32_t> operands;
  /// Indexed like operands: for an Arith operand after the first, the operator before it.
  std::vector<ArithOp> arith_ops;
  std::vector<Numeric> numbers;         ///< runs sorted by numeric_less, for InList
};

/// Evaluates instruction `index` of `code` and what it refers to: the truth of a condition.
/// ExprProgram runs one program's code through these; ConditionTable runs many programs
/// joined into one code.
Tri evaluate_code(const ProgramCode& code, std::uint32_t index, const FactEnv& env);
/// The truth of one instruction that is no Not, And or Or.
Tri evaluate_code_leaf(const ProgramCode& code, const Instr& instr, const FactEnv& env);
/// The value of a number instruction; nothing when a fact it needs is unknown or it divides
/// by zero.
std::optional<Numeric> evaluate_code_number(const ProgramCode& code, std::uint32_t index,
                                            const FactEnv& env);

class ExprProgram {
 public:
  ExprProgram(std::string text, ProgramCode code, std::vector<FactId> referenced_facts);

  Tri evaluate(const FactEnv& env) const { return evaluate(root(), env); }
  /// The value of a program compiled from a number expression (its root gives a number);
  /// nothing when a fact it needs is unknown or it divides by zero.
  std::optional<Numeric> evaluate_number(const FactEnv& env) const {
    return evaluate_number(root(), env);
  }
  /// Whether the root gives a number (a `reevaluate_after_weeks` expression) rather than truth.
  bool is_number() const noexcept { return is_number_code(code_.instrs[root()].code); }
  /// Appends the facts that keep the program unknown, then sorts and deduplicates what it
  /// appended (what `out` held before is left as it was).
  void unknown_facts(const FactEnv& env, std::vector<FactId>& out) const;
  /// Every leaf evaluated against `env`, in source order, with the ones that settled the
  /// result marked (program_explain.cpp). Slower than evaluate(): only for explanations.
  ConditionOutcome explain(const FactEnv& env) const;
  const std::vector<FactId>& referenced_facts() const noexcept { return referenced_facts_; }
  const std::string& text() const noexcept { return text_; }
  const ProgramCode& code() const noexcept { return code_; }

 private:
  std::uint32_t root() const noexcept {
    return static_cast<std::uint32_t>(code_.instrs.size() - 1);
  }
  Tri evaluate(std::uint32_t index, const FactEnv& env) const {
    return evaluate_code(code_, index, env);
  }
  Tri evaluate_leaf(const Instr& instr, const FactEnv& env) const {
    return evaluate_code_leaf(code_, instr, env);
  }
  std::optional<Numeric> evaluate_number(std::uint32_t index, const FactEnv& env) const {
    return evaluate_code_number(code_, index, env);
  }
  void collect_unknown_number(std::uint32_t index, const FactEnv& env,
                              std::vector<FactId>& out) const;
  void mark_decisive(std::uint32_t index, const std::vector<Tri>& results,
                     std::vector<bool>& decisive) const;
  LeafOutcome leaf_outcome(std::uint32_t index, Tri result, bool decisive,
                           const FactEnv& env) const;
  LeafOutcome::Side number_side(std::uint32_t index, const FactEnv& env) const;
  void collect_unknown(std::uint32_t index, const FactEnv& env, std::vector<FactId>& out) const;

  std::string text_;
  ProgramCode code_;
  std::vector<FactId> referenced_facts_;
};

}  // namespace scarwise::internal
