// The class space two rule sets share, for comparing them (`scarwise diff`): every fact either
// declares, cut into the common refinement of both sets' classes. An int or number fact is cut
// at the union of both sets' cuts, a set fact by the union of both sets' `contains` masks, so
// that within one joint class neither rule set can tell two values apart. Each class carries
// the value each rule set reads for it: a declared `default` or unknown when the case leaves
// the fact out, nothing at all for a rule set that does not declare the fact.
//
// Values only one rule set accepts (an enum value one set lacks, a number outside one set's
// min or max) would be rejected by the other rule set as a case error, so they are left out of
// the space; so is leaving out a fact one set requires and the other does not. A fact declared
// by both with different types cannot be compared at all: building the space throws
// IncompatibleFacts naming it.
#pragma once

#include "analyze/fact_classes.hpp"
#include "model/ruleset_model.hpp"
#include "model/value.hpp"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace scarwise::internal {

class IncompatibleFacts : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// One class of a joint fact.
struct JointClass {
  bool omitted = false;   ///< the case leaves the fact out
  std::string text;       ///< for people: `not given`, `true`, `rolling`, `[0, 17]`
  /// What each rule set reads (index 0 old, 1 new): a representative, the default or unknown
  /// when omitted. Unused for a rule set that does not declare the fact.
  Value value[2];
  std::uint64_t set_bits = 0;  ///< set facts: the representative, bit i = JointFact::values[i]
};

struct JointFact {
  std::string name;  ///< "patient.age"
  std::string key;   ///< "age"
  Scope scope = Scope::Patient;
  FactType type = FactType::Bool;
  std::optional<FactId> side[2];  ///< the fact in each rule set, if declared there
  bool read = false;              ///< some rule of either set reads it
  std::vector<JointClass> classes;
  std::vector<std::string> values;  ///< enum and set facts: the values both sets declare
};

class JointSpace {
 public:
  /// Throws IncompatibleFacts, or ClassBudgetExceeded when a fact would have more than
  /// `limits.max_classes_per_fact` classes.
  static JointSpace build(const RuleSetModel& old_model, const RuleSetModel& new_model,
                          const FactClassLimits& limits = {});

  const std::vector<JointFact>& facts() const noexcept { return facts_; }
  /// The joint fact of fact `id` of rule set `side` (0 old, 1 new).
  std::size_t joint_of(int side, FactId id) const { return joint_of_[side][id]; }
  /// Why parts of either rule set's values are left out of the space, one line each.
  const std::vector<std::string>& notes() const noexcept { return notes_; }

 private:
  std::vector<JointFact> facts_;
  std::vector<std::size_t> joint_of_[2];
  std::vector<std::string> notes_;
};

/// A case file (YAML, one scar with id `scar_id`) that gives, for each joint fact, the value of
/// class `classes[f]` as rule set `side` declares it: facts left out (omitted class) and facts
/// the rule set does not declare are not written.
std::string joint_case_yaml(const JointSpace& space, const std::vector<std::uint32_t>& classes,
                            int side, const std::string& scar_id = "witness");

}  // namespace scarwise::internal
