#include "expr/condition_table.hpp"

#include "expr/program_eval.hpp"

namespace scarwise::internal {
namespace {

/// Whether `code`'s `first` indexes operands (rather than numbers, or nothing).
bool first_is_operand(Opcode code) {
  switch (code) {
    case Opcode::Not:
    case Opcode::And:
    case Opcode::Or:
    case Opcode::CompareNum:
    case Opcode::Arith:
    case Opcode::Negate:
      return true;
    default:
      return false;
  }
}

/// Whether instruction `code` reads `fact` (and, for CompareFacts, `other`).
bool reads_fact(Opcode code) {
  switch (code) {
    case Opcode::Known:
    case Opcode::InMask:
    case Opcode::InList:
    case Opcode::Compare:
    case Opcode::CompareFacts:
    case Opcode::Contains:
    case Opcode::NumFact:
      return true;
    default:
      return false;
  }
}

ProgramCode unknown_program() {
  ProgramCode code;
  Instr unknown;
  unknown.code = Opcode::Constant;
  unknown.constant = Tri::Unknown;
  code.instrs.push_back(unknown);
  return code;
}

}  // namespace

ConditionTable::ConditionTable(const std::vector<const CompiledExpr*>& conditions,
                               const Vocabulary& vocabulary) {
  static const ProgramCode kUnknown = unknown_program();
  roots_.reserve(conditions.size());
  for (std::size_t i = 0; i < conditions.size(); ++i) {
    const ExprProgram* program = conditions[i]->program();
    append(program ? program->code() : kUnknown, vocabulary);
    bool reads_scar = false;
    if (program) {
      for (FactId fact : program->referenced_facts()) {
        reads_scar = reads_scar || vocabulary.fact(fact).scope == Scope::Scar;
      }
    }
    (reads_scar ? scar_ : patient_).push_back(static_cast<std::uint32_t>(i));
  }
}

void ConditionTable::run(const std::vector<std::uint32_t>& which, const FactEnv& env,
                         Tri* out) const {
  const SlotEnv slots{env.patient, env.scar};
  for (std::uint32_t i : which) {
    const Instr& root = code_.instrs[roots_[i]];
    out[i] = program_eval::is_connective(root.code) ? program_eval::truth(code_, roots_[i], slots)
                                                    : program_eval::leaf(code_, root, slots);
  }
}

void ConditionTable::append(const ProgramCode& program, const Vocabulary& vocabulary) {
  const auto instr_base = static_cast<std::uint32_t>(code_.instrs.size());
  const auto operand_base = static_cast<std::uint32_t>(code_.operands.size());
  const auto number_base = static_cast<std::uint32_t>(code_.numbers.size());
  for (Instr instr : program.instrs) {
    if (first_is_operand(instr.code)) {
      instr.first += operand_base;
    } else if (instr.code == Opcode::InList) {
      instr.first += number_base;
    }
    if (reads_fact(instr.code)) {
      instr.fact = vocabulary.slot_ref(instr.fact);
      if (instr.code == Opcode::CompareFacts) instr.other = vocabulary.slot_ref(instr.other);
    }
    code_.instrs.push_back(instr);
  }
  for (std::uint32_t operand : program.operands) code_.operands.push_back(operand + instr_base);
  code_.arith_ops.insert(code_.arith_ops.end(), program.arith_ops.begin(), program.arith_ops.end());
  code_.numbers.insert(code_.numbers.end(), program.numbers.begin(), program.numbers.end());
  roots_.push_back(static_cast<std::uint32_t>(code_.instrs.size() - 1));
}

}  // namespace scarwise::internal
