// scarwise/test_suite.hpp — rule-set tests: cases with expected assessments.
//
// A test file (YAML, "schema_version: 1") lists tests; each gives a case and what its
// assessment must say: the patient-level verdict and, per scar id, the verdict, plan,
// combinations, alternatives, treatments to avoid, precautions, aftercare, missing facts,
// re-evaluation delay and which rules must or must not fire. Test files are read as strictly
// as rule files: unknown keys, wrong types, duplicate test names and expectations about scars
// the case does not have are located errors (file:line:col, stable codes such as
// "E-TEST-UNKNOWN-KEY").
//
// A file may give `defaults:` (patient facts, and scar facts for every scar) merged under each
// test's case, and gather tests in groups (`group:`, with defaults of their own, reported as
// "<group> / <name>"); a null in a test's case leaves out a fact the defaults give. Loading a
// file for a rule set (the @since 0.2 overloads taking a RuleSet) also checks its ids and default
// facts against that rule set, so one load reports every mistake in the file.
//
// Running a TestSuite against an Engine evaluates every case with explanation on and compares;
// a TestReport holds the per-test results, rule coverage (rules that never fired) and renders
// the failures with expected against actual values and the trace of the rules involved.
// `scarwise test` is a thin layer over this header.
//
// Expectations (under `expect:`; omit what you do not check):
//   suitability, complete                     patient level
//   scars: {<scar id>: {...}} with, per scar:
//     suitability, complete                   exact
//     plan: null | {sessions, interval_weeks, needle_depth_mm: {min, max} | null, rule}
//     combinations, alternatives, avoid, precautions, aftercare:
//         {includes: [ids], excludes: [ids]}  or  [ids] (exactly these, in any order)
//     missing_facts: [fact names]             exact list, in any order
//     reevaluate_after_weeks: <int> | null
//     reevaluate_when: [rule ids]             the rules whose reevaluate_when the scar lists,
//                                             exactly, in any order (since 0.2)
//     fired, not_fired: [rule ids]            rules that must (not) have fired for this scar
// Ids are checked against the rule set when the tests run: a typo is a failure with a
// did-you-mean hint, never a silently passing `excludes`.
//
// Thread-safety: TestSuite is an immutable handle; run() may be called from several threads.
// Results are plain values. Stability: stable since 0.1 (the test-file format is API too).
#ifndef SCARWISE_TEST_SUITE_HPP
#define SCARWISE_TEST_SUITE_HPP

#include <cstddef>
#include <memory>
#include <optional>
#include <scarwise/assessment.hpp>
#include <scarwise/diagnostic.hpp>
#include <scarwise/engine.hpp>
#include <scarwise/export.hpp>
#include <scarwise/ruleset.hpp>
#include <string>
#include <vector>

namespace scarwise {

namespace internal {
struct TestSuiteData;
struct TestSuiteLoader;
}  // namespace internal

/// One expectation that did not hold. @since 0.1
struct TestFailure {
  std::string path;      ///< what was checked, e.g. "scars.cheeks.suitability"
  std::string scar;      ///< the scar the expectation is about; empty at patient level
  std::string expected;  ///< the expected value, as text
  std::string actual;    ///< the actual value, as text
  int line = 0;          ///< where the expectation is written in the test file (1-based)
  int column = 0;        ///< its column (1-based)
};

/// The outcome of one test. @since 0.1
struct TestResult {
  std::string name;                   ///< the test's name
  std::string file;                   ///< the test file, as given when it was loaded
  int line = 0;                       ///< where the test starts in the file
  int column = 0;                     ///< its column
  bool passed = false;                ///< true when the case was valid and every expectation held
  std::vector<TestFailure> failures;  ///< expectations that did not hold
  /// Why the test could not be checked: an invalid case (with the case's own diagnostics), or
  /// an expectation naming a rule, fact or catalogue id the rule set does not have.
  std::vector<Diagnostic> diagnostics;
  std::optional<Assessment> assessment;  ///< the explained assessment, when the case was valid

  /// The failure report of this test: its name and location, each failure as expected against
  /// actual, the diagnostics, and for every scar involved the rules that fired or stayed
  /// unknown. Empty when the test passed. @since 0.1
  SCARWISE_API std::string to_text() const;
};

class TestSuite;

/// How TestReport::to_text(suites, options) renders a report. @since 0.2
struct TestTextOptions {
  bool list_passed = false;       ///< one "PASS: name" line per passing test
  bool list_never_fired = false;  ///< list the rules that never fired instead of counting them
  std::string list_hint;          ///< added to the count when not listed, e.g. "-v lists them"
};

/// The results of running one or more test suites against one rule set. @since 0.1
struct TestReport {
  std::vector<TestResult> results;             ///< in file order, then test order
  std::vector<std::string> fired_rules;        ///< rules that fired in at least one test
  std::vector<std::string> never_fired_rules;  ///< the other rules, in declaration order

  /// Number of tests that passed. @since 0.1
  SCARWISE_API std::size_t passed() const noexcept;
  /// Number of tests that failed. @since 0.1
  SCARWISE_API std::size_t failed() const noexcept;
  /// True when no test failed. @since 0.1
  bool ok() const noexcept { return failed() == 0; }
  /// The report for people and CI: every failure (TestResult::to_text()), optionally one
  /// "PASS: name" line per passing test, then "rules never fired: K" followed by one
  /// "  - rule.id" line per such rule, and finally exactly "N passed, N failed". @since 0.1
  SCARWISE_API std::string to_text(bool list_passed = false) const;
  /// The report as `scarwise test` prints it: every failure as TestResult::to_text() has it,
  /// followed by the test's case as it ran (defaults merged, as compact YAML with long lines
  /// cut), found in `suites` by file and test name; "PASS: name" lines if asked for; then
  /// "N rules never fired" (followed by "; " and `list_hint` when it is not empty) or, when
  /// listing, "N rules never fired:" and one "  - rule.id" line per rule; finally exactly
  /// "N passed, N failed". @since 0.2
  SCARWISE_API std::string to_text(const std::vector<TestSuite>& suites,
                                   const TestTextOptions& options) const;
  /// The report as JUnit XML (one testsuite per test file), for CI systems. @since 0.1
  SCARWISE_API std::string to_junit_xml() const;
};

/// Runs several suites against one engine and reports the results in order, with rule coverage
/// over all of them (a rule counts as fired when it fired for any scar of any test). Never
/// throws for a failing test or an invalid case. @since 0.1
SCARWISE_API TestReport run_tests(const Engine& engine, const std::vector<TestSuite>& suites);

/// The outcome of a non-throwing test-file load: a suite, or the diagnostics of why there is
/// none. @since 0.1
class SCARWISE_API TestSuiteLoadResult {
 public:
  /// True when the file loaded. @since 0.1
  bool ok() const noexcept { return data_ != nullptr; }
  explicit operator bool() const noexcept { return ok(); }
  /// Every finding, in source order. @since 0.1
  const std::vector<Diagnostic>& diagnostics() const noexcept { return diagnostics_; }
  /// The loaded suite; throws LoadError when the load failed. @since 0.1
  TestSuite value() const;

 private:
  friend class TestSuite;
  friend struct internal::TestSuiteLoader;
  std::shared_ptr<const internal::TestSuiteData> data_;
  std::vector<Diagnostic> diagnostics_;
};

/// The tests of one test file. An immutable handle; cheap to copy. @since 0.1
class SCARWISE_API TestSuite {
 public:
  /// Loads a test file. Uses `options.max_file_bytes`, `max_nesting_depth`, `max_errors` and
  /// `max_warnings`; only a regular file is read (a FIFO or device is E-FILE-READ). Throws
  /// LoadError with every diagnostic when the file cannot be read or is not a valid test file.
  /// A case that is malformed does not stop the load: that test fails when run. @since 0.1
  static TestSuite load_file(const std::string& path, const LoadOptions& options = {});
  /// Like load_file() but reports problems through the result. @since 0.1
  static TestSuiteLoadResult try_load_file(const std::string& path,
                                           const LoadOptions& options = {});
  /// Loads a test file from memory; `name` is used in diagnostics. Throws LoadError. @since 0.1
  static TestSuite load_string(const std::string& yaml, const std::string& name = "<memory>",
                               const LoadOptions& options = {});
  /// Non-throwing form of load_string(). @since 0.1
  static TestSuiteLoadResult try_load_string(const std::string& yaml,
                                             const std::string& name = "<memory>",
                                             const LoadOptions& options = {});
  /// Loads a test file to run against `rules`: like try_load_file(path, options), and every
  /// id in an expectation `rules` does not declare (E-TEST-UNKNOWN-RULE, E-TEST-UNKNOWN-ID,
  /// E-TEST-UNKNOWN-FACT) and every fact of `defaults:` its vocabulary does not declare or
  /// accept (E-CASE-UNKNOWN-FACT, E-CASE-TYPE, E-CASE-RANGE, E-CASE-UNKNOWN-VALUE) is a load
  /// error, reported with the file's other errors and did-you-mean hints. @since 0.2
  static TestSuiteLoadResult try_load_file(const RuleSet& rules, const std::string& path,
                                           const LoadOptions& options = {});
  /// try_load_file(rules, path, options) for a test file in memory; `name` is used in
  /// diagnostics. @since 0.2
  static TestSuiteLoadResult try_load_string(const RuleSet& rules, const std::string& yaml,
                                             const std::string& name = "<memory>",
                                             const LoadOptions& options = {});

  /// The file name given when loading. @since 0.1
  const std::string& file() const noexcept;
  /// Number of tests. @since 0.1
  std::size_t size() const noexcept;
  /// Test names in file order; a group's tests as "<group> / <name>". @since 0.1
  std::vector<std::string> test_names() const;
  /// Runs every test against `engine` (same as run_tests(engine, {*this})). Never throws for a
  /// failing test or an invalid case: those are failed results. @since 0.1
  TestReport run(const Engine& engine) const;

 private:
  friend class TestSuiteLoadResult;
  friend TestReport run_tests(const Engine& engine, const std::vector<TestSuite>& suites);
  friend struct TestReport;
  explicit TestSuite(std::shared_ptr<const internal::TestSuiteData> data);
  std::shared_ptr<const internal::TestSuiteData> data_;
};

}  // namespace scarwise

#endif  // SCARWISE_TEST_SUITE_HPP
