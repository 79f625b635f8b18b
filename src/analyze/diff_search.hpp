// Where two rule sets assess differently: a search of the joint class space (joint_space.hpp)
// of one patient with one scar for the regions whose assessments differ, each with a witness
// case that both rule sets' evaluators confirm.
//
// A region is a product of sets of classes, one set per fact (most facts keep every class).
// Every rule's condition is evaluated abstractly over a region into the outcomes it can still
// have (a subset of {false, true, unknown}), leaf by leaf from the classes' values. The rules
// that are the same in both rule sets (same condition, priority and conclusions, reading facts
// both declare alike) give the same outcome on both sides, so the two assessments can only
// part where a rule that changed, or exists on one side only, can fire or stay unknown. For
// each part of the assessment the search decides over the region whether it is the same for
// every case, determined and different, or still open; it prunes a region where every part is
// the same, reports one where some part is determined and different, and otherwise splits one
// fact's classes into the groups that a still-open rule tells apart. So facts only enter a
// region's description when some rule needs them to decide the difference.
//
// Exactness is that of the abstraction (docs/analysis.md): a reading the classes do not decide
// (a fact compared with another, arithmetic, a date computed from a fact) is settled only once
// every fact it reads is fixed, and a date is reported for the witness's values.
#pragma once

#include "analyze/joint_space.hpp"
#include "analyze/rule_diff.hpp"
#include "model/ruleset_model.hpp"

#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

namespace scarwise::internal {

class DiffBudgetExceeded : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// One part of the assessment that differs, as people read it.
struct PartChange {
  std::string part;  ///< "verdict", "reevaluate_after_weeks", "plan", "combinations",
                     ///< "alternatives", "avoid", "precautions", "aftercare", "missing_facts"
  std::string old_value;
  std::string new_value;
};

/// A fact a region restricts, and the classes it allows.
struct RegionCondition {
  std::string fact;
  std::vector<std::string> classes;  ///< class texts, in class order
};

struct DiffRegion {
  std::vector<RegionCondition> conditions;  ///< facts the region restricts, patient first
  std::vector<PartChange> changes;          ///< the same for every case of the region
  /// Parts that may also differ for some cases of the region but not others.
  std::vector<std::string> may_also_differ;
  std::vector<std::string> causes;  ///< ids of the changed rules that can fire (or stay unknown)
  /// The first `fired_causes` causes can fire in the region; the rest only ask for a missing
  /// fact, and so explain nothing but that.
  std::size_t fired_causes = 0;
  std::string old_case;             ///< the witness as the old rule set reads it (YAML)
  std::string new_case;             ///< and as the new one does; the same text when both declare
                                    ///< the same facts
  bool confirmed = false;  ///< both evaluators give the changes for the witness
};

/// One change, over every region that has it: the regions joined where they can be.
struct ChangeSummary {
  PartChange change;
  std::vector<std::string> causes;  ///< the changed rules behind it
  struct Area {
    std::vector<RegionCondition> conditions;
    std::string old_case;
    std::string new_case;
  };
  std::vector<Area> areas;  ///< together, exactly the cases with the change
  std::size_t regions = 0;  ///< how many regions have it
  /// The areas are exactly the cases with the change. False when the search for this part
  /// alone ran out of its budget: the areas are then the regions that report the change, which
  /// may leave out cases where it is only flagged (DiffRegion::may_also_differ).
  bool complete = true;
};

struct DiffLimits {
  /// The most classes the search may fix, counted over every region it looks at; past it the
  /// search throws DiffBudgetExceeded.
  std::uint64_t max_classes = 500'000;
  /// The most regions kept; past it the search throws DiffBudgetExceeded as well.
  std::size_t max_regions = 50'000;
};

struct DiffResult {
  RuleSetDelta declarations;
  std::vector<std::string> notes;  ///< what the joint space leaves out (JointSpace::notes)
  std::vector<DiffRegion> regions;
  std::vector<ChangeSummary> summaries;  ///< by part, then as first found
  std::uint64_t classes_fixed = 0;  ///< the search's work, for the budget
};

/// Compares the two rule sets. Throws IncompatibleFacts, ClassBudgetExceeded or
/// DiffBudgetExceeded.
DiffResult diff_rule_sets(const RuleSetModel& old_model, const RuleSetModel& new_model,
                          const DiffLimits& limits = {});

}  // namespace scarwise::internal
