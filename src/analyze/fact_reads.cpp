#include "analyze/fact_reads.hpp"

#include "expr/program.hpp"

namespace scarwise::internal {
namespace {

class ReadCollector {
 public:
  explicit ReadCollector(const Vocabulary& vocabulary) {
    reads_.facts.resize(vocabulary.facts().size());
  }

  void add_condition(std::uint32_t rule, const CompiledExpr& when) {
    const ExprProgram* program = when.program();
    if (program == nullptr) return;
    const ProgramCode& code = program->code();
    // Every instruction of a compiled program is reachable from its root, so reading them in
    // order visits every leaf once.
    for (const Instr& instr : code.instrs) add_instruction(rule, code, instr);
  }

  // The weeks are the fact's exact value put through arithmetic, and they reach the output.
  void add_weeks(std::uint32_t rule, const CompiledNumber& weeks) {
    for (const FactId fact : weeks.referenced_facts()) {
      read(rule, fact);
      inexact(rule, fact, fact, InexactReason::ReevaluateWeeks,
              kReevaluateWeeks | kCompleteness);
    }
  }

  RuleSetReads finish() { return std::move(reads_); }

 private:
  void add_instruction(std::uint32_t rule, const ProgramCode& code, const Instr& instr) {
    switch (instr.code) {
      case Opcode::Known:
      case Opcode::InMask:
        read(rule, instr.fact);
        return;
      case Opcode::Compare:
        read(rule, instr.fact);
        add_compare_cuts(instr.fact, instr.cmp, instr.number);
        return;
      case Opcode::InList:
        read(rule, instr.fact);
        if (instr.kind != Value::Kind::Number) return;  // bool and enum: every value a class
        for (std::uint32_t i = 0; i < instr.count; ++i) {
          add_point_cuts(instr.fact, code.numbers[instr.first + i]);
        }
        return;
      case Opcode::Contains:
        read(rule, instr.fact);
        reads_.facts[instr.fact].masks.push_back(instr.mask);
        return;
      case Opcode::CompareFacts:
        add_fact_comparison(rule, instr);
        return;
      case Opcode::NumFact:  // only under CompareNum in a condition
        read(rule, instr.fact);
        inexact(rule, instr.fact, instr.fact, InexactReason::Arithmetic, kRuleOutcome);
        return;
      default:
        return;
    }
  }

  // Bool and enum facts compared with each other are exact: every value is its own class.
  void add_fact_comparison(std::uint32_t rule, const Instr& instr) {
    read(rule, instr.fact);
    read(rule, instr.other);
    if (instr.kind != Value::Kind::Number) return;
    inexact(rule, instr.fact, instr.other, InexactReason::ComparedWithFact, kRuleOutcome);
    inexact(rule, instr.other, instr.fact, InexactReason::ComparedWithFact, kRuleOutcome);
  }

  void add_compare_cuts(FactId fact, CmpOp op, const Numeric& at) {
    std::vector<Cut>& cuts = reads_.facts[fact].cuts;
    switch (op) {
      case CmpOp::Lt:
      case CmpOp::Ge:
        cuts.push_back(Cut{at, false});
        return;
      case CmpOp::Le:
      case CmpOp::Gt:
        cuts.push_back(Cut{at, true});
        return;
      case CmpOp::Eq:
      case CmpOp::Ne:
        add_point_cuts(fact, at);
        return;
    }
  }

  // Equality singles the value out: it is a class of its own.
  void add_point_cuts(FactId fact, const Numeric& at) {
    reads_.facts[fact].cuts.push_back(Cut{at, false});
    reads_.facts[fact].cuts.push_back(Cut{at, true});
  }

  void read(std::uint32_t rule, FactId fact) {
    std::vector<std::uint32_t>& rules = reads_.facts[fact].rules;
    if (rules.empty() || rules.back() != rule) rules.push_back(rule);
  }

  void inexact(std::uint32_t rule, FactId fact, FactId other, InexactReason reason,
               std::uint8_t affects) {
    for (const Inexactness& seen : reads_.inexactness) {
      if (seen.rule == rule && seen.fact == fact && seen.other == other &&
          seen.reason == reason) {
        return;
      }
    }
    reads_.inexactness.push_back(Inexactness{fact, rule, reason, other, affects});
  }

  RuleSetReads reads_;
};

}  // namespace

const char* to_string(InexactReason reason) noexcept {
  switch (reason) {
    case InexactReason::ComparedWithFact:
      return "compared with another fact";
    case InexactReason::Arithmetic:
      return "used in arithmetic in a condition";
    case InexactReason::ReevaluateWeeks:
      return "used in a reevaluate_after_weeks expression";
  }
  return "?";
}

RuleSetReads collect_reads(const RuleSetModel& model) {
  ReadCollector collector(model.vocabulary);
  for (std::uint32_t rule = 0; rule < model.rules.size(); ++rule) {
    const Rule& r = model.rules[rule];
    collector.add_condition(rule, r.when);
    if (r.then.reevaluate_weeks_expression) {
      collector.add_weeks(rule, *r.then.reevaluate_weeks_expression);
    }
  }
  return collector.finish();
}

}  // namespace scarwise::internal
