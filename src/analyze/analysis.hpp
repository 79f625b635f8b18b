// `scarwise analyze`: findings about a rule set as a whole, each searched for over the finite
// abstraction (region_search.hpp) one patient with one scar at a time, and each with a witness
// case the engine confirms. docs/analysis.md describes every finding.
//
// Codes: A-GAP (error), A-PLAN-CONFLICT (error), A-UNREACHABLE, A-SHADOWED and A-UNKNOWN-STUCK
// (warnings), A-SUGGEST-AVOID (info). A rule may allow a code with `analyze: {allow: [CODE]}`;
// a finding allowed by a rule it names is kept, marked allowed.
#pragma once

#include "analyze/fact_classes.hpp"
#include "analyze/region_search.hpp"
#include "model/ruleset_model.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace scarwise::internal {

enum class FindingLevel : std::uint8_t { Error, Warning, Info };

struct AnalysisFinding {
  std::string code;
  FindingLevel level = FindingLevel::Warning;
  std::string message;
  std::string hint;
  /// The rules the finding is about, the one it is located at first; empty for a gap in a
  /// scar type that no plan rule covers at all (A-GAP).
  std::vector<std::uint32_t> rules;
  /// A case that shows the finding; none where no case can (A-UNREACHABLE).
  std::optional<Witness> witness;
  bool allowed = false;  ///< a rule it names allows its code
};

/// For one scar type (or every scar, when the rule set has no enum `scar.type`), what the
/// rules can conclude.
struct OverviewEntry {
  std::string scar_type;                 ///< empty: every scar
  std::vector<Suitability> verdicts;     ///< reachable verdicts, in order of restriction
  std::vector<std::uint32_t> plan_rules; ///< rules that can give the plan, priority order
  bool no_plan = false;                  ///< a scar that is not not_suitable can get no plan
  /// Some question stayed open (an inexact reading): the lists may miss an entry.
  bool undecided = false;
};

struct AnalysisLimits {
  /// The most classes all searches together may fix; past it the analysis stops.
  std::uint64_t max_classes = 2'000'000;
};

struct AnalysisResult {
  std::vector<AnalysisFinding> findings;
  std::vector<OverviewEntry> overview;
  /// Set when the analysis stopped at its budget: what stopped it. The findings before the
  /// stop are kept; the others were not looked for.
  std::optional<std::string> stopped;
  /// Questions the analysis could not decide because of inexact readings, in words.
  std::vector<std::string> undecided;
  std::uint64_t classes_searched = 0;
};

/// Every finding of `model`. Throws ClassBudgetExceeded when building the abstraction passes
/// its limits; the search budget stops the analysis with AnalysisResult::stopped instead.
AnalysisResult analyze_rule_set(const RuleSetModel& model, const AnalysisLimits& limits = {});

/// Everything one finding search needs.
struct AnalysisContext {
  const RuleSetModel& model;
  const FactClassTable& table;
  RegionSearch& search;
  AnalysisResult& result;
  /// Per rule: a case in which it fires, once reachability has been searched.
  std::vector<std::optional<Witness>> firing;
  std::vector<bool> unreachable;
};

// One function per concern (gap_findings.cpp, conflict_findings.cpp, rule_findings.cpp).
void find_unreachable_rules(AnalysisContext& context);
void find_shadowed_rules(AnalysisContext& context);
void find_unknown_stuck_rules(AnalysisContext& context);
void find_plan_conflicts(AnalysisContext& context);
void find_suggest_avoid(AnalysisContext& context);
/// The overview per scar type, with an A-GAP finding for each scar type with a gap.
void find_overview_and_gaps(AnalysisContext& context);

/// Marks the findings whose code a rule they name allows (`analyze: {allow: [CODE]}`).
void apply_allow_markers(const RuleSetModel& model, std::vector<AnalysisFinding>& findings);

const char* to_string(FindingLevel level) noexcept;

}  // namespace scarwise::internal
