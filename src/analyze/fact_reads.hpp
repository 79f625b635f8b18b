// What the rules of a rule set read of each fact: the numbers an int or number fact is
// compared with, the masks a set fact is tested against, the rules that read it, and every
// reading that no finite set of classes of one fact can decide (another fact, arithmetic, or a
// value copied into the output). Gathered by walking every compiled program once.
#pragma once

#include "model/numeric.hpp"
#include "model/ruleset_model.hpp"

#include <cstdint>
#include <vector>

namespace scarwise::internal {

/// A place where a comparison splits a number line: just below `at` (between `x < at` and
/// `x >= at`), or just above it (`after`: between `x <= at` and `x > at`).
struct Cut {
  Numeric at;
  bool after = false;
};

/// Why the classes of a fact cannot decide everything the rules do with it.
enum class InexactReason : std::uint8_t {
  ComparedWithFact,  ///< `when` compares the number with another fact's number
  Arithmetic,        ///< `when` computes with the number before comparing
  ReevaluateWeeks,   ///< a `reevaluate_after_weeks` expression turns the number into weeks
};

const char* to_string(InexactReason reason) noexcept;

/// Parts of an assessment that an inexact reading can change between two values of one class.
enum OutputPart : std::uint8_t {
  /// Whether the rule fires, and so anything the rule concludes.
  kRuleOutcome = 1,
  /// The scar's reevaluate_after_weeks.
  kReevaluateWeeks = 2,
  /// complete and missing_facts: a dated deferral is incomplete when an undecided deferral
  /// could push the date later, so moving the date moves that comparison.
  kCompleteness = 4,
};

/// One reading of a fact that its classes do not decide.
struct Inexactness {
  FactId fact = 0;
  std::uint32_t rule = 0;  ///< index into RuleSetModel::rules
  InexactReason reason = InexactReason::ComparedWithFact;
  FactId other = 0;        ///< the fact compared with, for ComparedWithFact; else `fact`
  std::uint8_t affects = 0;  ///< OutputPart bits
};

/// What the rules read of one fact.
struct FactReads {
  std::vector<Cut> cuts;               ///< int and number facts; unsorted, may repeat
  std::vector<std::uint64_t> masks;    ///< set facts: each `contains` mask; may repeat
  std::vector<std::uint32_t> rules;    ///< rules that read the fact, ascending, no repeats
};

struct RuleSetReads {
  std::vector<FactReads> facts;            ///< indexed by FactId
  std::vector<Inexactness> inexactness;    ///< by rule, then as found in the program
};

/// Walks every rule's `when` and `reevaluate_after_weeks` expression.
RuleSetReads collect_reads(const RuleSetModel& model);

}  // namespace scarwise::internal
