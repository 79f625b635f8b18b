// A test file as read: its tests, each with a case and the expectations about its assessment.
// Every expected value remembers where it was written, so a failure points at its line.
#pragma once

#include <optional>
#include <scarwise/assessment.hpp>
#include <scarwise/case.hpp>
#include <scarwise/diagnostic.hpp>
#include <string>
#include <vector>

#include "support/diagnostic_sink.hpp"

namespace scarwise::internal {

/// A value from the test file and where it was written.
template <typename T>
struct Located {
  T value{};
  SourceLoc loc;
};

using LocatedId = Located<std::string>;

/// `{min: a, max: b}`: either end may be left out.
struct RangeExpect {
  std::optional<Located<double>> min;
  std::optional<Located<double>> max;
};

/// `plan:` — null (no plan at all) or the parts to check.
struct PlanExpect {
  SourceLoc loc;
  bool none = false;  ///< `plan: null`
  std::optional<RangeExpect> sessions;
  std::optional<RangeExpect> interval_weeks;
  bool needle_depth_none = false;  ///< `needle_depth_mm: null`
  std::optional<RangeExpect> needle_depth_mm;
  std::optional<LocatedId> rule;
};

/// Which catalogue an id list refers to, for reference checks and messages.
enum class Catalogue { Treatment, Precaution, Aftercare };

/// `combinations:`, `alternatives:`, `avoid:`, `precautions:` or `aftercare:`.
struct IdSetExpect {
  SourceLoc loc;
  std::optional<std::vector<LocatedId>> exactly;  ///< written as a plain list
  std::vector<LocatedId> includes;
  std::vector<LocatedId> excludes;
};

struct ScarExpect {
  LocatedId id;
  std::optional<Located<Suitability>> suitability;
  std::optional<Located<bool>> complete;
  std::optional<PlanExpect> plan;
  std::optional<IdSetExpect> combinations;
  std::optional<IdSetExpect> avoid;
  std::optional<IdSetExpect> precautions;
  std::optional<IdSetExpect> aftercare;
  std::optional<Located<std::vector<LocatedId>>> missing_facts;
  std::optional<Located<std::optional<int>>> reevaluate_after_weeks;
  /// The rules whose `reevaluate_when` the scar lists, exactly (in any order).
  std::optional<Located<std::vector<LocatedId>>> reevaluate_when;
  std::vector<LocatedId> fired;
  std::vector<LocatedId> not_fired;
  std::optional<IdSetExpect> alternatives;
};

struct CaseExpect {
  std::optional<Located<Suitability>> suitability;
  std::optional<Located<bool>> complete;
  std::vector<ScarExpect> scars;  ///< in the order written
};

struct TestSpec {
  std::string name;  ///< "<group> / <name>" for a test in a group
  SourceLoc loc;
  /// The case as run, defaults merged, as compact YAML (case_text.hpp) for failure reports.
  std::string case_text;
  /// The case, when it could be read; otherwise case_diagnostics says why.
  std::optional<Case> test_case;
  std::vector<Diagnostic> case_diagnostics;
  CaseExpect expect;
};

struct TestSuiteData {
  std::string file;
  std::vector<TestSpec> tests;
};

}  // namespace scarwise::internal
