// scarwise/engine.hpp — evaluating cases against a rule set.
//
// An Engine is an immutable handle to a RuleSet. Evaluation is pure: it reads the case and the
// compiled rules and allocates only the result, so any number of threads may evaluate with the
// same Engine at once. To change rules, load a new RuleSet, build a new Engine and swap the
// handle (e.g. through std::atomic_store on a shared_ptr); a failed load never touches the old one.
//
// Thread-safety: all const member functions are safe to call concurrently. Stability: stable
// since 0.1.
#ifndef SCARWISE_ENGINE_HPP
#define SCARWISE_ENGINE_HPP

#include <scarwise/assessment.hpp>
#include <scarwise/case.hpp>
#include <scarwise/diagnostic.hpp>
#include <scarwise/explanation.hpp>
#include <scarwise/export.hpp>
#include <scarwise/ruleset.hpp>

#include <optional>
#include <string_view>
#include <vector>

namespace scarwise {

/// Switches for one evaluation. @since 0.1
struct EvalOptions {
  bool explain = false;  ///< record a trace entry for every rule and scar
};

/// The outcome of a non-throwing evaluation. @since 0.1
struct EvalResult {
  std::optional<Assessment> assessment;  ///< set when the case was valid
  std::vector<Diagnostic> diagnostics;   ///< why the case was rejected
  /// True when an assessment was produced. @since 0.1
  bool ok() const noexcept { return assessment.has_value(); }
};

/// Evaluates cases against one rule set. @since 0.1
class SCARWISE_API Engine {
 public:
  /// Binds an engine to a loaded rule set (shares its state; no copy of the rules). @since 0.1
  explicit Engine(RuleSet rules);
  /// Checks a case against the rule set's vocabulary; empty when the case is valid. At most
  /// the case's CaseOptions::max_errors errors, then one E-LIMIT-ERRORS. @since 0.1
  std::vector<Diagnostic> validate(const Case& c) const;
  /// Evaluates a case. Throws CaseError when validate() would report errors. @since 0.1
  Assessment evaluate(const Case& c, const EvalOptions& options = {}) const;
  /// Like evaluate() but reports a rejected case through the result instead of throwing.
  /// @since 0.1
  EvalResult try_evaluate(const Case& c, const EvalOptions& options = {}) const;
  /// Reads a case from JSON text and evaluates it: the same result, diagnostics included, as
  /// try_evaluate(Case::from_json(text, name, case_options), options), without building a
  /// Case. A well-formed case is read in one pass straight into the rule set's fact slots; the
  /// full reader runs only to locate and explain an error. The fast path for services and
  /// `scarwise batch`. @since 0.2
  EvalResult try_evaluate_json(std::string_view text, std::string_view name = "<case>",
                               const EvalOptions& options = {},
                               const CaseOptions& case_options = {}) const;
  /// Explains how the case is assessed (scarwise/explanation.hpp): the same evaluation as
  /// evaluate(), with every comparison of every rule's condition kept for each scar. Throws
  /// CaseError when validate() would report errors, or when `options` name a scar the case
  /// does not hold (E-EXPLAIN-UNKNOWN-SCAR) or a rule the rule set does not hold
  /// (E-EXPLAIN-UNKNOWN-RULE); both name what exists, with a did-you-mean hint. Costs more
  /// than evaluate(), which it leaves as fast as it was. @since 0.2
  Explanation explain(const Case& c, const ExplainOptions& options = {}) const;
  /// Like explain() but reports a rejected case or option through the result instead of
  /// throwing. @since 0.2
  ExplainResult try_explain(const Case& c, const ExplainOptions& options = {}) const;
  /// The rule set this engine evaluates. @since 0.1
  const RuleSet& rules() const noexcept { return rules_; }

 private:
  RuleSet rules_;
};

}  // namespace scarwise

#endif  // SCARWISE_ENGINE_HPP
