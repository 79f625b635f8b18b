// Abstract evaluation of rules' conditions over a region of the class space: the outcomes a
// condition can still have when some facts are fixed to a class and the others range over the
// classes a Domain allows (region_search.hpp).
#pragma once

#include "analyze/fact_classes.hpp"
#include "analyze/region_search.hpp"
#include "expr/program.hpp"
#include "model/ruleset_model.hpp"

#include <cstdint>
#include <vector>

namespace scarwise::internal {

class AbstractRules {
 public:
  AbstractRules(const RuleSetModel& model, const FactClassTable& table);

  /// The outcomes rule `rule` can have when fact f is fixed to class assigned[f] (or, for
  /// assigned[f] < 0, ranges over domain.allowed[f]). A superset of what the cases of the
  /// region give; exact once every fact the rule reads is fixed, but for inexact readings.
  OutcomeSet outcomes(std::uint32_t rule, const std::vector<std::int32_t>& assigned,
                      const Domain& domain) const;
  /// The facts rule `rule`'s condition reads, sorted.
  const std::vector<FactId>& facts(std::uint32_t rule) const { return rules_[rule].facts; }

 private:
  struct RuleCode {
    const ProgramCode* code = nullptr;  ///< null: the condition is always unknown
    /// By instruction: for a leaf reading one fact, its outcome for each class of the fact.
    std::vector<std::vector<OutcomeSet>> by_class;
    std::vector<FactId> facts;
  };
  struct Region;

  OutcomeSet eval(const RuleCode& rule, std::uint32_t index, const Region& region) const;
  OutcomeSet eval_leaf(const RuleCode& rule, std::uint32_t index, const Region& region) const;
  OutcomeSet compare_facts(const Instr& instr, const RuleCode& rule, const Region& region) const;

  const FactClassTable& table_;
  std::vector<RuleCode> rules_;
};

}  // namespace scarwise::internal
