// Every rule's condition joined into one program: the instructions of all rules in one array,
// so that evaluating a rule set walks contiguous memory instead of a heap object per rule.
// Conditions that read only patient facts are listed apart: their outcome is the same for
// every scar of a case, so a case evaluates them once.
#pragma once

#include <cstdint>
#include <vector>

#include "expr/expression.hpp"
#include "expr/program.hpp"

namespace scarwise::internal {

class ConditionTable {
 public:
  ConditionTable() = default;
  /// The table of `conditions`, indexed like it, over the facts of `vocabulary`. A condition
  /// without a program is unknown.
  ConditionTable(const std::vector<const CompiledExpr*>& conditions, const Vocabulary& vocabulary);

  std::size_t size() const noexcept { return roots_.size(); }
  /// Writes the outcome of every condition that reads only patient facts (or none) into
  /// `out[i]`, i its index; leaves the others as they were. Reads env.patient only.
  void evaluate_patient(const FactEnv& env, Tri* out) const { run(patient_, env, out); }
  /// Writes the outcome of every condition that reads a scar fact into `out[i]`.
  void evaluate_scar(const FactEnv& env, Tri* out) const { run(scar_, env, out); }
  /// Both: every condition.
  void evaluate_all(const FactEnv& env, Tri* out) const {
    evaluate_patient(env, out);
    evaluate_scar(env, out);
  }

 private:
  /// Fact values by slot reference (Vocabulary::slot_ref), which the table's instructions
  /// hold in place of fact ids.
  struct SlotEnv {
    const Value* patient;
    const Value* scar;
    const Value& get(std::uint32_t ref) const {
      return (ref & Vocabulary::kScarSlot) ? scar[ref & ~Vocabulary::kScarSlot] : patient[ref];
    }
  };

  void run(const std::vector<std::uint32_t>& which, const FactEnv& env, Tri* out) const;
  void append(const ProgramCode& program, const Vocabulary& vocabulary);

  ProgramCode code_;
  std::vector<std::uint32_t> roots_;    ///< each condition's root instruction in code_
  std::vector<std::uint32_t> patient_;  ///< conditions that read no scar fact
  std::vector<std::uint32_t> scar_;     ///< conditions that read a scar fact
};

}  // namespace scarwise::internal
