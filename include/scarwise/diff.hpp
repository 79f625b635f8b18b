// scarwise/diff.hpp — what changes between two rule sets, for rule authors and reviewers
// (`scarwise diff OLD NEW`): two versions of a rule set, or a rule set and a clinic overlay.
//
// diff() lists the declarations that differ (rules added, removed and changed by id, with the
// parts that changed and how an overlay did it; catalogue entries, facts and limits), then
// searches the cases both rule sets accept, one patient with one scar at a time, over a finite
// abstraction of the facts (docs/analysis.md), for every region of cases whose assessments
// differ: verdict, re-evaluation date, plan, combinations, alternatives, avoid, precautions,
// aftercare and the missing facts changed rules ask for. Each region comes with the changes
// that hold for all of its cases, the changed rules behind them and a witness case that both
// rule sets' evaluators confirm.
//
// Thread-safety: diff() only reads the rule sets; any number of threads may call it at once.
// Stability: new in 0.2; part names are API, texts may be reworded.
#ifndef SCARWISE_DIFF_HPP
#define SCARWISE_DIFF_HPP

#include <scarwise/export.hpp>
#include <scarwise/ruleset.hpp>

#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

namespace scarwise {

/// A rule that differs between the rule sets. @since 0.2
struct DiffRuleChange {
  std::string id;
  std::string kind;                ///< "added", "removed" or "changed"
  std::vector<std::string> parts;  ///< changed: "when", "priority", "then.plan", ...
  std::string how;                 ///< "disabled by LAYER", "overridden by LAYER", or empty
  bool affects_assessment = false;  ///< false when only a message, title or citation changed
};

/// A fact, catalogue entry or limit that differs. @since 0.2
struct DiffEntryChange {
  std::string section;  ///< "facts", "treatments", "precautions", "aftercare", "evidence", "limits"
  std::string id;
  std::string kind;                ///< "added", "removed" or "changed"
  std::vector<std::string> parts;  ///< changed: "text", "default", "type", ...
};

/// One part of an assessment that differs over a region. For verdict, reevaluate_after_weeks,
/// plan and missing_facts both values are given; for the lists (combinations, alternatives,
/// avoid, precautions, aftercare) one item per change: old_value empty when the new rule set
/// adds it, new_value empty when it drops it. @since 0.2
struct DiffChange {
  std::string part;
  std::string old_value;
  std::string new_value;
};

/// A fact a region restricts, and the classes of values it allows there. @since 0.2
struct DiffCondition {
  std::string fact;                  ///< "patient.pregnant"
  std::vector<std::string> classes;  ///< "true", "not given", "[0, 17]", "rolling", ...
};

/// A region of cases whose assessments differ in the same way. Facts it does not name may
/// take any value. @since 0.2
struct DiffRegion {
  std::vector<DiffCondition> conditions;
  std::vector<DiffChange> changes;  ///< hold for every case of the region
  /// Parts that also differ for some of its cases but not all.
  std::vector<std::string> may_also_differ;
  std::vector<std::string> causes;  ///< ids of changed, added or removed rules that take part
  /// The witness: a case file (YAML, one scar with id "witness") for each rule set. The two
  /// texts are equal unless one rule set declares facts the other does not.
  std::string old_case;
  std::string new_case;
  bool confirmed = false;  ///< both evaluators give the changes for the witness
};

/// Cases that one change covers, as a union of boxes of fact classes. @since 0.2
struct DiffArea {
  std::vector<DiffCondition> conditions;  ///< empty: every case
  std::string old_case;                   ///< a witness, as for DiffRegion
  std::string new_case;
};

/// One change with every case it holds for: the regions that have it, joined where they can
/// be. A region with three changes is counted in three summaries. @since 0.2
struct DiffSummary {
  DiffChange change;
  std::vector<std::string> causes;  ///< the changed, added or removed rules behind it
  std::vector<DiffArea> areas;      ///< together, exactly the cases with this change
  std::size_t regions = 0;          ///< how many regions have it
  /// False when the search for this part alone ran past its share of the budget: `areas` are
  /// then the regions that report the change, which may leave out cases where it is flagged
  /// under may_also_differ only.
  bool complete = true;
};

/// The outcome of diff(). @since 0.2
struct DiffReport {
  std::string old_id, old_version, new_id, new_version;
  std::vector<DiffRuleChange> rules;     ///< removed and changed in old order, then added
  std::vector<DiffEntryChange> entries;  ///< by section, then id
  std::vector<std::string> notes;        ///< cases left out of the comparison, and why
  /// Disjoint regions; every case whose assessments differ lies in exactly one.
  std::vector<DiffRegion> regions;
  /// Each change by itself, verdicts first, then dates, plans, lists and missing facts.
  std::vector<DiffSummary> summaries;
  std::uint64_t classes_fixed = 0;  ///< the search's work, counted against max_classes

  /// Whether some case is assessed differently. @since 0.2
  bool assessments_differ() const noexcept { return !regions.empty(); }
  /// For people: declarations, then each change with the cases it covers and a witness for
  /// each; the regions themselves are in to_json(). @since 0.2
  SCARWISE_API std::string to_text() const;
  /// The "scarwise.diff/1" JSON document (docs/analysis.md). @since 0.2
  SCARWISE_API std::string to_json() const;
};

/// Limits of one comparison. @since 0.2
struct DiffOptions {
  /// The most fact classes the search may fix over all regions; past it diff() throws
  /// DiffError. Default 500,000: the default rule set against its clinic overlay example
  /// needs about 136,000, and reaching the limit takes seconds, not minutes.
  std::uint64_t max_classes = 500'000;
};

/// Thrown when two rule sets cannot be compared: a fact declared by both with different types,
/// or a search past DiffOptions::max_classes. @since 0.2
class SCARWISE_API DiffError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// Compares `old_rules` with `new_rules`. Throws DiffError. @since 0.2
SCARWISE_API DiffReport diff(const RuleSet& old_rules, const RuleSet& new_rules,
                             const DiffOptions& options = {});

}  // namespace scarwise

#endif  // SCARWISE_DIFF_HPP
