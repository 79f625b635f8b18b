// scarwise/analysis.hpp — static analysis of a rule set as a whole, for rule authors and their
// tools (`scarwise analyze`).
//
// analyze() searches the cases a rule set can be given, one patient with one scar at a time,
// over a finite abstraction of the facts (docs/analysis.md), and reports:
//   A-GAP            error    a scar that is not not_suitable and gets no plan
//   A-PLAN-CONFLICT  error    two plan rules of equal priority that fire together with
//                             different plans (the first declared wins only by its position)
//   A-UNREACHABLE    warning  a rule whose condition is never true
//   A-SHADOWED       warning  a rule whose conclusions are, whenever it fires, overridden or
//                             already concluded by other rules
//   A-UNKNOWN-STUCK  warning  a restricting rule that stays unknown with every fact it reads given
//   A-SUGGEST-AVOID  info     a treatment suggested and avoided by rules that fire together for
//                             a scar with a plan
// Each finding but A-UNREACHABLE carries a witness case (YAML) that shows it when evaluated.
// A rule may mark a finding as a deliberate exception with `analyze: {allow: [CODE]}`; a
// finding allowed by a rule it names is reported with `allowed` set and does not count as an
// error. The report also gives, for each scar type, the verdicts and plans the rules can reach.
//
// Thread-safety: analyze() only reads the rule set; any number of threads may call it at once.
// Stability: new in 0.2; codes are API, messages may be reworded.
#ifndef SCARWISE_ANALYSIS_HPP
#define SCARWISE_ANALYSIS_HPP

#include <scarwise/export.hpp>
#include <scarwise/ruleset.hpp>

#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

namespace scarwise {

/// How serious an analysis finding is. @since 0.2
enum class FindingSeverity { error, warning, info };

/// The contract name of a severity: "error", "warning" or "info". @since 0.2
SCARWISE_API const char* to_string(FindingSeverity severity) noexcept;

/// A rule a finding names, with where it is declared (its `- id:`). @since 0.2
struct AnalysisRule {
  std::string id;
  std::string file;
  int line = 0;    ///< 1-based, 0 when unknown
  int column = 0;  ///< 1-based, 0 when unknown
};

/// One finding. Located at its first rule, or at the rule set's root file when it names none
/// (an A-GAP in a scar type no plan rule covers). @since 0.2
struct AnalysisFinding {
  std::string code;  ///< "A-GAP", "A-PLAN-CONFLICT", ...
  FindingSeverity severity = FindingSeverity::warning;
  std::string file;
  int line = 0;
  int column = 0;
  std::string message;
  std::string hint;
  std::vector<AnalysisRule> rules;  ///< the rules it is about; may be empty
  /// A case file (YAML, one scar with id "witness") that shows the finding when evaluated;
  /// empty for A-UNREACHABLE, which no case can show.
  std::string witness_case;
  bool allowed = false;  ///< a rule it names allows its code: reported, not counted
};

/// What the rules can conclude for one scar type. @since 0.2
struct AnalysisOverview {
  std::string scar_type;              ///< empty when the rule set has no enum `scar.type`
  std::vector<std::string> verdicts;  ///< reachable verdicts, least restrictive first
  std::vector<std::string> plans;     ///< ids of the rules that can give the plan
  bool no_plan = false;               ///< a scar that is not not_suitable can get no plan
  bool undecided = false;             ///< an inexact reading left a question open
};

/// Limits of one analysis. @since 0.2
struct AnalysisOptions {
  /// The most fact classes the searches together may try; past it the analysis stops and
  /// says so in AnalysisReport::stopped. Default 2,000,000 (the default rule set needs a few
  /// thousand).
  std::uint64_t max_classes = 2'000'000;
};

/// The result of analyze(). @since 0.2
struct AnalysisReport {
  /// Unreachable, gaps and overview first, then conflicts, unknown-stuck, shadowed and
  /// suggest/avoid; within a kind in rule order.
  std::vector<AnalysisFinding> findings;
  std::vector<AnalysisOverview> overview;  ///< one per scar type, in declaration order
  /// Non-empty when the analysis ran out of budget: what stopped it. Findings found before
  /// the stop are kept; the rest were not searched for.
  std::string stopped;
  /// Questions left open by inexact readings (a fact in arithmetic, compared with another
  /// number fact, or turned into weeks), in words.
  std::vector<std::string> undecided;
  std::uint64_t classes_searched = 0;  ///< the classes the searches tried
};

/// Analyses `rules`. Throws AnalysisError when the abstraction of a fact passes its size
/// limit (a set fact tested against very many values); otherwise only std::bad_alloc.
/// @since 0.2
SCARWISE_API AnalysisReport analyze(const RuleSet& rules, const AnalysisOptions& options = {});

/// Whether `report` holds an error finding that no rule allows. @since 0.2
SCARWISE_API bool has_errors(const AnalysisReport& report);

/// The report as one line of JSON, "format": "scarwise.analysis/1" (docs/analysis.md lists its
/// fields). @since 0.2
SCARWISE_API std::string format_analysis_json(const AnalysisReport& report);

/// Thrown by analyze() when the rule set is too large to abstract. @since 0.2
class SCARWISE_API AnalysisError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace scarwise

#endif  // SCARWISE_ANALYSIS_HPP
