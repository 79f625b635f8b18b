// The finite abstraction of a rule set: each fact's domain cut into the classes the rules can
// tell apart. A bool has false and true; an enum each declared value; a set one class per
// combination of answers to the `contains` tests the rules make (set_classes.hpp); an int or
// number the intervals between the numbers the rules compare it with, within its min and max
// (interval_classes.hpp); and a fact a case may leave out (neither required nor defaulted)
// also `unknown`. Two cases whose facts fall in the same classes get the same assessment (but
// for the case digest and an explanation's trace, which quote the values), apart from what the
// table lists as inexact: readings that no classes of a single fact can decide, each with its
// fact, rule and the parts of the assessment it can change. Analysis builds on
// this: it searches classes, never values, and hands on representatives as witness cases.
#pragma once

#include "analyze/fact_reads.hpp"
#include "analyze/numeric_interval.hpp"
#include "model/ruleset_model.hpp"
#include "model/value.hpp"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace scarwise::internal {

struct FactClass {
  enum class Kind : std::uint8_t { Unknown, Bool, Enum, Set, Interval };
  Kind kind = Kind::Unknown;
  /// A value of the class (Value::Kind::Unknown for `unknown`), usable in a case.
  Value representative;
  NumericInterval interval;         ///< Interval: the values of the class
  std::uint64_t set_signature = 0;  ///< Set: bit i set when the set holds a value of mask i
};

struct FactClasses {
  FactId fact = 0;
  Scope scope = Scope::Patient;
  /// Neither required nor defaulted: a case may leave it unknown.
  bool may_be_unknown = false;
  /// Rules whose `when` or `reevaluate_after_weeks` read the fact, ascending. Empty: no
  /// assessment depends on the fact, whatever its classes.
  std::vector<std::uint32_t> rules;
  /// `unknown` first when the fact may be unknown; then bools false, true; enum values in
  /// declaration order; sets by signature; intervals ascending.
  std::vector<FactClass> classes;
  std::vector<std::uint64_t> set_masks;  ///< Set facts: the masks signatures refer to
  bool exact = true;                     ///< no Inexactness names this fact

  /// The class of `value`; nothing for a value the fact cannot hold (of another kind, outside
  /// min and max, or unknown when the fact cannot be).
  std::optional<std::size_t> classify(const Value& value) const;
};

/// A count of combinations of classes, held up at the largest uint64.
struct ClassCount {
  std::uint64_t count = 1;
  bool saturated = false;
};

struct FactClassLimits {
  /// Beyond this many classes for one fact (a set fact tested against many values), building
  /// stops with ClassBudgetExceeded rather than listing them.
  std::size_t max_classes_per_fact = std::size_t{1} << 16;
};

class ClassBudgetExceeded : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class FactClassTable {
 public:
  /// Throws ClassBudgetExceeded naming the fact that would pass `limits`.
  static FactClassTable build(const RuleSetModel& model, const FactClassLimits& limits = {});

  /// Indexed by FactId.
  const std::vector<FactClasses>& facts() const noexcept { return facts_; }
  const FactClasses& fact(FactId id) const { return facts_[id]; }
  /// Every reading the classes do not decide; empty when the abstraction is exact.
  const std::vector<Inexactness>& inexactness() const noexcept { return inexactness_; }
  bool exact() const noexcept { return inexactness_.empty(); }
  /// The OutputPart bits some inexact reading can change; 0 when exact.
  std::uint8_t inexact_parts() const noexcept;

  std::optional<std::size_t> classify(FactId fact, const Value& value) const {
    return facts_[fact].classify(value);
  }
  const Value& representative(FactId fact, std::size_t class_index) const {
    return facts_[fact].classes[class_index].representative;
  }
  /// How many combinations of classes the facts of `scope` that rules read have: the size of
  /// the space analysis searches for one patient, or for one scar.
  ClassCount class_space(Scope scope) const;

 private:
  std::vector<FactClasses> facts_;
  std::vector<Inexactness> inexactness_;
};

}  // namespace scarwise::internal
