// scarwise/assessment.hpp — the result of evaluating a case against a rule set.
//
// An Assessment gives, per scar site, a suitability verdict, whether that verdict is complete
// (no unknown fact could make it more restrictive), the facts still missing, a session plan,
// combinations to consider or avoid, alternatives to microneedling, precautions, aftercare and the
// reasons (rules and evidence) behind each. to_json() renders the "scarwise.assessment/1" contract;
// to_text() a readable report for clinicians. This is decision support, never a diagnosis.
//
// Thread-safety: immutable after creation; cheap to copy. Stability: stable since 0.1.
#ifndef SCARWISE_ASSESSMENT_HPP
#define SCARWISE_ASSESSMENT_HPP

#include <scarwise/case.hpp>
#include <scarwise/export.hpp>

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace scarwise {

/// Verdicts from least to most restrictive; the order is meaningful (operator< compares
/// restrictiveness). @since 0.1
enum class Suitability { suitable = 0, suitable_with_caution = 1, defer = 2, not_suitable = 3 };

/// The contract name of a verdict, e.g. "suitable_with_caution". @since 0.1
SCARWISE_API const char* to_string(Suitability suitability) noexcept;

/// A closed range of numbers. @since 0.1
struct Range {
  double min = 0;  ///< lower bound
  double max = 0;  ///< upper bound, >= min
};

/// A session plan. @since 0.1
struct Plan {
  Range sessions;                          ///< number of sessions, after adjustments
  Range interval_weeks;                    ///< weeks between sessions
  std::optional<Range> needle_depth_mm;    ///< needle depth, when the rule gives one
  std::string rule;                        ///< the rule the plan came from
};

/// A treatment to consider combining. @since 0.1
struct Combination {
  std::string id;    ///< treatment id
  std::string name;  ///< treatment name from the catalogue
  std::string rule;  ///< first rule (by priority, then declaration) that suggested it
};

/// A treatment to avoid. @since 0.1
struct Avoidance {
  std::string id;    ///< treatment id
  std::string name;  ///< treatment name from the catalogue
  std::string rule;  ///< first rule that asked to avoid it
};

/// A treatment to consider instead of microneedling for a scar site (a rule's
/// `then.alternatives`). Unlike a Combination it is kept for every verdict, not_suitable and
/// defer included; a fired rule's `avoid` of the same treatment leaves it out. @since 0.2
struct Alternative {
  std::string id;    ///< treatment id
  std::string name;  ///< treatment name from the catalogue
  std::string rule;  ///< first rule (by priority, then declaration) that recommended it
};

/// A precaution or an aftercare instruction. @since 0.1
struct Instruction {
  std::string id;    ///< catalogue id
  std::string text;  ///< text to hand on, from the catalogue
  std::string rule;  ///< first rule that attached it
};

/// A fired rule and why it matters. @since 0.1
struct Reason {
  std::string rule;                   ///< rule id
  std::string title;                  ///< rule title
  std::string message;                ///< rule message (may be empty)
  std::vector<std::string> evidence;  ///< evidence ids
};

/// A fact whose value would settle rules that could make the verdict more restrictive. @since 0.1
struct MissingFact {
  std::string fact;                ///< full fact name, e.g. "patient.pregnant"
  std::vector<std::string> rules;  ///< ids of the unresolved rules that depend on it
};

/// What must resolve before a deferred scar is assessed again: the `reevaluate_when` text of
/// a fired deferral. @since 0.2
struct ReevaluationCondition {
  std::string rule;  ///< id of the deferral rule
  std::string text;  ///< its `reevaluate_when`, e.g. "the herpes lesion has healed"
};

/// How one rule's condition came out for one scar. @since 0.1
enum class RuleOutcome { fired, not_fired, unknown };

/// The contract name of an outcome: "fired", "not_fired" or "unknown". @since 0.1
SCARWISE_API const char* to_string(RuleOutcome outcome) noexcept;

/// A fact value as the trace reports it; no value means unknown. @since 0.1
struct TraceFact {
  std::string fact;                ///< full fact name
  std::optional<FactValue> value;  ///< the value used, or nothing when unknown
};

/// One rule's evaluation for one scar (present only when explanation was asked for). @since 0.1
struct TraceEntry {
  std::string rule;              ///< rule id
  RuleOutcome result = RuleOutcome::not_fired;  ///< condition outcome
  std::vector<TraceFact> facts;  ///< facts the condition refers to, with their values
  std::vector<std::string> notes;  ///< e.g. "suggestion prp suppressed by avoid.x"
};

/// The assessment of one scar site. @since 0.1
struct ScarAssessment {
  std::string id;                                   ///< scar id from the case
  Suitability suitability = Suitability::suitable;  ///< most restrictive fired verdict
  bool complete = true;                      ///< false when missing facts could restrict more
  std::vector<MissingFact> missing_facts;    ///< sorted by fact name
  /// Set only when the verdict is defer and every fired deferral is dated: the largest of
  /// their weeks. @since 0.1
  std::optional<int> reevaluate_after_weeks;
  std::optional<Plan> plan;                  ///< no plan when not suitable or no plan rule fired
  std::vector<Combination> combinations;     ///< suggestions minus avoids
  std::vector<Avoidance> avoid;              ///< treatments to avoid
  std::vector<Instruction> precautions;      ///< precautions
  std::vector<Instruction> aftercare;        ///< aftercare instructions
  std::vector<Reason> reasons;               ///< fired rules, by priority then declaration
  std::vector<TraceEntry> trace;             ///< every rule, when explanation was asked for
  /// Treatments to consider instead of microneedling: every alternative of a fired rule that no
  /// fired rule avoids, each once, by priority then declaration; kept for every verdict.
  /// @since 0.2
  std::vector<Alternative> alternatives;
  /// For a defer verdict: the `reevaluate_when` of every fired deferral that has one, by
  /// priority then declaration. When one of them is undated, reevaluate_after_weeks is empty
  /// and these say what to wait for. Empty for any other verdict. @since 0.2
  std::vector<ReevaluationCondition> reevaluate_when;
};

namespace internal {
struct AssessmentData;
}

/// The assessment of a whole case. @since 0.1
class SCARWISE_API Assessment {
 public:
  /// Wraps the engine's result; hosts receive assessments from Engine::evaluate(). @since 0.1
  explicit Assessment(std::shared_ptr<const internal::AssessmentData> data);
  /// Patient-level verdict: the most restrictive scar verdict. @since 0.1
  Suitability suitability() const noexcept;
  /// True only when every scar's verdict is complete. @since 0.1
  bool complete() const noexcept;
  /// Per-scar assessments, in case order. @since 0.1
  const std::vector<ScarAssessment>& scars() const noexcept;
  /// Rule set id, version and digest ("sha256:<hex>"). @since 0.1
  const std::string& ruleset_id() const noexcept;
  const std::string& ruleset_version() const noexcept;  ///< @since 0.1
  const std::string& ruleset_digest() const noexcept;   ///< @since 0.1
  /// "sha256:<hex>" of the validated case in canonical JSON form. @since 0.1
  const std::string& case_digest() const noexcept;
  /// Whether the trace was recorded. @since 0.1
  bool explained() const noexcept;
  /// The "scarwise.assessment/1" JSON document, pretty-printed with two-space indentation and a
  /// final newline; byte-identical for the same rule set and case. @since 0.1
  std::string to_json() const;
  /// The same document on a single line with no whitespace between tokens and no final
  /// newline, for JSON Lines streams (`scarwise batch`); same keys, order and numbers as
  /// to_json(). @since 0.1
  std::string to_json_line() const;
  /// Appends to_json_line() to `out`, reusing its capacity: a stream writer that keeps one
  /// buffer renders each record without allocating. @since 0.2
  void append_json_line(std::string& out) const;
  /// A readable report for clinicians, ending with the decision-support disclaimer. @since 0.1
  std::string to_text() const;

 private:
  std::shared_ptr<const internal::AssessmentData> data_;
};

}  // namespace scarwise

#endif  // SCARWISE_ASSESSMENT_HPP
