// scarwise/explanation.hpp — why a case was assessed the way it was, for clinicians and tools.
//
// Engine::explain() evaluates a case as Engine::evaluate() does and also keeps, for every scar
// and every rule, how the rule's condition came out and the value of each comparison in it,
// taken from the compiled condition the engine ran. An Explanation then answers: which rules
// decided the verdict and the plan, which restricting rules did not apply and which fact kept
// them from applying, which rules are unknown and which facts would settle them, which
// suggestions and alternatives an avoid suppressed, and the evidence behind the decisions.
// to_text() words it for a clinician; to_json() gives the same content as a
// "scarwise.explanation/1" document. This is decision support, never a diagnosis.
//
// Thread-safety: an Explanation is immutable after creation and cheap to copy.
// Stability: new in 0.2; additions only from then on.
#ifndef SCARWISE_EXPLANATION_HPP
#define SCARWISE_EXPLANATION_HPP

#include <memory>
#include <optional>
#include <scarwise/assessment.hpp>
#include <scarwise/case.hpp>
#include <scarwise/diagnostic.hpp>
#include <scarwise/export.hpp>
#include <string>
#include <vector>

namespace scarwise {

/// What to explain. Empty strings mean "no restriction". @since 0.2
struct ExplainOptions {
  /// Explain only the scar with this id; an id the case does not hold is E-EXPLAIN-UNKNOWN-SCAR.
  /// @since 0.2
  std::string scar;
  /// Answer "why (not) this rule" for this rule id: the explanation then holds only this rule
  /// for each scar. An id the rule set does not hold is E-EXPLAIN-UNKNOWN-RULE. @since 0.2
  std::string rule;
};

/// One side of a comparison. @since 0.2
struct ExplainedOperand {
  /// The fact's full name ("patient.fitzpatrick") or the literal as written ("4",
  /// "[boxcar, rolling]"). @since 0.2
  std::string text;
  /// True for a fact, whose value comes from the case; false for a literal. @since 0.2
  bool is_fact = false;
  /// The value compared: a fact's value (nothing when the case leaves it unknown), or a
  /// single literal's value. Nothing for a list literal, whose values are in `list`. @since 0.2
  std::optional<FactValue> value;
  /// The values of a list literal (`in [...]`, `not in [...]`), in declaration order for enum
  /// values and ascending for numbers. Empty otherwise. @since 0.2
  std::vector<FactValue> list;
};

/// One comparison of a rule's condition (also `in`, `contains`, `known()`, a lone bool fact
/// and the constants `true` and `false`) with its values for one scar. @since 0.2
struct ExplainedComparison {
  std::string text;  ///< as written in the rule, e.g. "patient.fitzpatrick >= 4"
  /// The fact tested; for a constant, its text and no value. @since 0.2
  ExplainedOperand left;
  /// What it is compared with: a literal or another fact; nothing for a lone bool fact,
  /// `known()` and constants. @since 0.2
  std::optional<ExplainedOperand> right;
  /// true or false, or nothing when unknown (a fact it needs is unknown). @since 0.2
  std::optional<bool> result;
  /// True for the comparisons that settled the condition: the false ones of a false `and`,
  /// the true ones of a true `or`, the unknown ones of an unknown condition, and every
  /// operand where all agree. @since 0.2
  bool decisive = false;
};

/// What a rule concludes when it fires (its `then:`), with catalogue ids. @since 0.2
struct RuleEffect {
  std::optional<Suitability> suitability;     ///< verdict it sets
  /// Weeks before re-evaluation: the literal, or an expression's value for this scar.
  std::optional<int> reevaluate_after_weeks;
  std::string message;                        ///< message for the clinician; may be empty
  std::optional<Plan> plan;                   ///< its plan, before session adjustments
  std::optional<int> adjust_sessions;         ///< added to both ends of the session range
  std::vector<std::string> suggest;           ///< treatment ids it suggests
  std::vector<std::string> avoid;             ///< treatment ids it asks to avoid
  std::vector<std::string> precautions;       ///< precaution ids
  std::vector<std::string> aftercare;         ///< aftercare ids
  /// Treatment ids it recommends instead of microneedling (`then.alternatives`). @since 0.2
  std::vector<std::string> alternatives;
  /// `reevaluate_after_weeks` written as an expression: its text (empty for a literal or
  /// none); reevaluate_after_weeks then holds its value for this scar, rounded up and at least
  /// 1, or nothing when a fact it reads is unknown. @since 0.2
  std::string reevaluate_after_weeks_expression;
  /// `reevaluate_after_weeks: until_resolved`: no date; see reevaluate_when. @since 0.2
  bool reevaluate_until_resolved = false;
  /// The rule's `reevaluate_when`: what must resolve first; may be empty. @since 0.2
  std::string reevaluate_when;
};

/// How one rule came out for one scar, and why. @since 0.2
struct RuleExplanation {
  std::string rule;                              ///< rule id
  std::string title;                             ///< rule title (may be empty)
  std::string layer;                             ///< id of the rule set the rule comes from
  std::string condition;                         ///< the `when:` as written
  RuleOutcome outcome = RuleOutcome::not_fired;  ///< fired, not_fired or unknown
  /// The rule sets a verdict worse than suitable, avoids a treatment or adds a precaution:
  /// one whose firing would make the assessment more restrictive. @since 0.2
  bool restricting = false;
  std::vector<ExplainedComparison> comparisons;  ///< every comparison, in the order written
  /// For an unknown rule, the facts that would settle it (sorted); empty otherwise. @since 0.2
  std::vector<std::string> settled_by;
  RuleEffect effect;                  ///< what the rule concludes when it fires
  std::vector<std::string> evidence;  ///< evidence ids the rule cites
  /// What the merge did with the rule's conclusions (a suppressed suggestion, an overridden
  /// or withheld plan). @since 0.2
  std::vector<std::string> notes;
};

/// A suggested treatment left out because a fired rule asked to avoid it. @since 0.2
struct SuppressedSuggestion {
  std::string treatment;      ///< treatment id
  std::string name;           ///< treatment name from the catalogue
  std::string suggested_by;   ///< first rule that suggested it
  std::string suppressed_by;  ///< first rule that asked to avoid it
};

/// An alternative to microneedling left out because a fired rule asked to avoid the treatment.
/// @since 0.2
struct SuppressedAlternative {
  std::string treatment;       ///< treatment id
  std::string name;            ///< treatment name from the catalogue
  std::string recommended_by;  ///< first rule that recommended it
  std::string suppressed_by;   ///< first rule that asked to avoid it
};

/// An evidence entry behind the decisions for a scar. @since 0.2
struct EvidenceCitation {
  std::string id;                  ///< evidence id
  std::string cite;                ///< full citation
  std::string url;                 ///< URL or DOI; may be empty
  /// The deciding rules, the plan's rule and the rules behind the alternatives that cite it.
  std::vector<std::string> rules;
  /// Parts of the citation not seen in the source ("authors", "title", "journal", "year",
  /// "volume", "pages", "url"), as the rule set declares them.
  std::vector<std::string> missing;
};

/// The explanation of one scar site. @since 0.2
struct ScarExplanation {
  /// The scar's assessment, exactly as Engine::evaluate() gives it (without a trace). @since 0.2
  ScarAssessment assessment;
  /// The fired rules that set the scar's verdict (the most restrictive suitability), by
  /// priority then declaration; empty when no fired rule sets a suitability. @since 0.2
  std::vector<std::string> deciding_rules;
  /// Every rule in declaration order, or only ExplainOptions::rule when one was asked for.
  /// @since 0.2
  std::vector<RuleExplanation> rules;
  std::vector<SuppressedSuggestion> suppressed;  ///< in the order they were suggested
  /// Evidence cited by the deciding rules, the plan's rule and the rules that recommended the
  /// alternatives (in that order), in the order first cited. @since 0.2
  std::vector<EvidenceCitation> evidence;
  /// Alternatives to microneedling left out by an avoid, in the order they were recommended.
  /// @since 0.2
  std::vector<SuppressedAlternative> suppressed_alternatives;
};

namespace internal {
struct ExplanationData;
}

/// The explanation of a whole case. @since 0.2
class SCARWISE_API Explanation {
 public:
  /// Wraps the engine's result; hosts receive explanations from Engine::explain(). @since 0.2
  explicit Explanation(std::shared_ptr<const internal::ExplanationData> data);
  /// Per-scar explanations in case order (one scar when ExplainOptions::scar was set). @since 0.2
  const std::vector<ScarExplanation>& scars() const noexcept;
  /// The rule asked about (ExplainOptions::rule), or empty. @since 0.2
  const std::string& focus_rule() const noexcept;
  /// Rule set id, version and digest, as in the assessment. @since 0.2
  const std::string& ruleset_id() const noexcept;
  const std::string& ruleset_version() const noexcept;  ///< @since 0.2
  const std::string& ruleset_digest() const noexcept;   ///< @since 0.2
  /// "sha256:<hex>" of the validated case, as in the assessment. @since 0.2
  const std::string& case_digest() const noexcept;
  /// The explanation worded for a clinician, lines wrapped at 100 columns where words allow,
  /// ending with the decision-support disclaimer; the same input gives the same text. @since 0.2
  std::string to_text() const;
  /// The "scarwise.explanation/1" JSON document (docs/explain.md), pretty-printed with
  /// two-space indentation and a final newline; byte-identical for the same input. @since 0.2
  std::string to_json() const;

 private:
  std::shared_ptr<const internal::ExplanationData> data_;
};

/// The outcome of a non-throwing explanation. @since 0.2
struct ExplainResult {
  std::optional<Explanation> explanation;  ///< set when the case and the options were valid
  std::vector<Diagnostic>
      diagnostics;  ///< why not: case errors, E-EXPLAIN-UNKNOWN-SCAR, E-EXPLAIN-UNKNOWN-RULE
  /// True when an explanation was produced. @since 0.2
  bool ok() const noexcept { return explanation.has_value(); }
};

}  // namespace scarwise

#endif  // SCARWISE_EXPLANATION_HPP
