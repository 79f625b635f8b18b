#include "analyze/abstract_rules.hpp"

#include "expr/program_eval.hpp"

#include <algorithm>

namespace scarwise::internal {
namespace {

const Value kUnknownValue{};

/// Fact values for one leaf: at most two facts, each at one value.
struct LeafEnv {
  FactId a = 0;
  const Value* va = &kUnknownValue;
  FactId b = 0;
  const Value* vb = &kUnknownValue;
  const Value& get(FactId id) const {
    if (id == a) return *va;
    if (id == b) return *vb;
    return kUnknownValue;
  }
};

bool reads_one_fact(Opcode code) {
  return code == Opcode::Known || code == Opcode::InMask || code == Opcode::InList ||
         code == Opcode::Compare || code == Opcode::Contains;
}

// The facts a number sub-expression reads.
void number_facts(const ProgramCode& code, std::uint32_t index, std::vector<FactId>& out) {
  const Instr& instr = code.instrs[index];
  if (instr.code == Opcode::NumFact) {
    out.push_back(instr.fact);
    return;
  }
  if (instr.code == Opcode::Arith || instr.code == Opcode::Negate ||
      instr.code == Opcode::CompareNum) {
    const std::uint32_t n = instr.code == Opcode::Negate ? 1 : (instr.code == Opcode::CompareNum ? 2 : instr.count);
    for (std::uint32_t i = 0; i < n; ++i) number_facts(code, code.operands[instr.first + i], out);
  }
}

}  // namespace

/// The classes each fact can be in: one when fixed, else the domain's.
struct AbstractRules::Region {
  const std::vector<std::int32_t>& assigned;
  const Domain& domain;

  template <typename F>
  void for_each_class(FactId fact, F&& f) const {
    if (assigned[fact] >= 0) {
      f(static_cast<std::uint32_t>(assigned[fact]));
      return;
    }
    for (std::uint32_t c : domain.allowed[fact]) f(c);
  }
};

AbstractRules::AbstractRules(const RuleSetModel& model, const FactClassTable& table)
    : table_(table) {
  rules_.resize(model.rules.size());
  for (std::size_t r = 0; r < model.rules.size(); ++r) {
    RuleCode& rule = rules_[r];
    const ExprProgram* program = model.rules[r].when.program();
    if (!program) continue;
    rule.code = &program->code();
    rule.facts = program->referenced_facts();
    rule.by_class.resize(rule.code->instrs.size());
    for (std::size_t i = 0; i < rule.code->instrs.size(); ++i) {
      const Instr& instr = rule.code->instrs[i];
      if (!reads_one_fact(instr.code)) continue;
      const FactClasses& classes = table.fact(instr.fact);
      std::vector<OutcomeSet>& by_class = rule.by_class[i];
      by_class.reserve(classes.classes.size());
      for (const FactClass& c : classes.classes) {
        LeafEnv env;
        env.a = instr.fact;
        env.va = &c.representative;
        by_class.push_back(outcome_of(program_eval::leaf(*rule.code, instr, env)));
      }
    }
  }
}

OutcomeSet AbstractRules::outcomes(std::uint32_t rule, const std::vector<std::int32_t>& assigned,
                                   const Domain& domain) const {
  const RuleCode& code = rules_[rule];
  if (!code.code) return kOutcomeUnknown;
  const Region region{assigned, domain};
  return eval(code, static_cast<std::uint32_t>(code.code->instrs.size() - 1), region);
}

OutcomeSet AbstractRules::eval(const RuleCode& rule, std::uint32_t index,
                               const Region& region) const {
  const ProgramCode& code = *rule.code;
  const Instr& instr = code.instrs[index];
  if (instr.code == Opcode::Not) {
    return negate_outcomes(eval(rule, code.operands[instr.first], region));
  }
  if (instr.code != Opcode::And && instr.code != Opcode::Or) return eval_leaf(rule, index, region);
  const bool is_and = instr.code == Opcode::And;
  // Settled once the operands so far can only give the value that settles the connective.
  const OutcomeSet settles = is_and ? kOutcomeFalse : kOutcomeTrue;
  OutcomeSet result = is_and ? kOutcomeTrue : kOutcomeFalse;
  for (std::uint32_t i = 0; i < instr.count && result != settles; ++i) {
    result = join_outcomes(result, eval(rule, code.operands[instr.first + i], region), is_and);
  }
  return result;
}

OutcomeSet AbstractRules::eval_leaf(const RuleCode& rule, std::uint32_t index,
                                    const Region& region) const {
  const ProgramCode& code = *rule.code;
  const Instr& instr = code.instrs[index];
  if (instr.code == Opcode::Constant) return outcome_of(instr.constant);
  if (reads_one_fact(instr.code)) {
    const std::vector<OutcomeSet>& by_class = rule.by_class[index];
    OutcomeSet out = 0;
    region.for_each_class(instr.fact, [&](std::uint32_t c) { out |= by_class[c]; });
    return out;
  }
  if (instr.code == Opcode::CompareFacts) return compare_facts(instr, rule, region);
  if (instr.code == Opcode::CompareNum) {
    // Arithmetic is inexact: whatever the classes, the comparison may go either way, or be
    // unknown through a division by zero. Only a fact that is surely unknown settles it.
    std::vector<FactId> facts;
    number_facts(code, index, facts);
    for (FactId fact : facts) {
      bool may_be_known = false;
      region.for_each_class(fact, [&](std::uint32_t c) {
        if (table_.representative(fact, c).known()) may_be_known = true;
      });
      if (!may_be_known) return kOutcomeUnknown;
    }
    return kAnyOutcome;
  }
  return kOutcomeUnknown;  // a number is no truth value
}

OutcomeSet AbstractRules::compare_facts(const Instr& instr, const RuleCode& rule,
                                        const Region& region) const {
  const bool exact = instr.kind == Value::Kind::Bool || instr.kind == Value::Kind::Enum;
  OutcomeSet out = 0;
  if (exact) {
    // Every value of a bool or enum is a class of its own: the pairs of classes decide.
    region.for_each_class(instr.fact, [&](std::uint32_t ca) {
      region.for_each_class(instr.other, [&](std::uint32_t cb) {
        LeafEnv env;
        env.a = instr.fact;
        env.va = &table_.representative(instr.fact, ca);
        env.b = instr.other;
        env.vb = &table_.representative(instr.other, cb);
        out |= outcome_of(program_eval::leaf(*rule.code, instr, env));
      });
    });
    return out;
  }
  // Two numbers: their classes do not decide the comparison unless one is unknown.
  bool a_known = false, a_unknown = false, b_known = false, b_unknown = false;
  region.for_each_class(instr.fact, [&](std::uint32_t c) {
    (table_.representative(instr.fact, c).known() ? a_known : a_unknown) = true;
  });
  region.for_each_class(instr.other, [&](std::uint32_t c) {
    (table_.representative(instr.other, c).known() ? b_known : b_unknown) = true;
  });
  if (a_unknown || b_unknown) out |= kOutcomeUnknown;
  if (a_known && b_known) out |= kOutcomeTrue | kOutcomeFalse;
  return out;
}

}  // namespace scarwise::internal
