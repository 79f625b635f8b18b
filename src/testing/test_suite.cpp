// The public TestSuite: loading test files and running them against an engine.
#include <algorithm>
#include <iterator>
#include <map>
#include <scarwise/test_suite.hpp>
#include <utility>

#include "load/file_reader.hpp"
#include "support/quote.hpp"
#include "testing/expect_checker.hpp"
#include "testing/test_file_reader.hpp"
#include "testing/test_spec.hpp"

namespace scarwise {

namespace {

using internal::DiagnosticSink;
using internal::TestSpec;

internal::YamlLimits limits_of(const LoadOptions& options) {
  internal::YamlLimits limits;
  limits.max_bytes = options.max_file_bytes;
  limits.max_depth = options.max_nesting_depth;
  return limits;
}

/// Reads a regular file of at most `max_bytes` bytes: a FIFO or device is refused instead of
/// blocking or being read without end.
std::optional<std::string> read_file(const std::string& path, std::size_t max_bytes,
                                     DiagnosticSink& sink) {
  internal::FileRead read = internal::read_regular_file(path, max_bytes);
  switch (read.status) {
    case internal::FileRead::Status::ok:
      return std::move(read.bytes);
    case internal::FileRead::Status::too_large:
      sink.error({path, 0, 0}, "E-FILE-TOO-LARGE",
                 "the file has " + std::to_string(read.size) + " bytes, more than the limit of " +
                     std::to_string(max_bytes),
                 "split the tests into several files or raise LoadOptions::max_file_bytes");
      return std::nullopt;
    case internal::FileRead::Status::not_regular:
      sink.error({path, 0, 0}, "E-FILE-READ",
                 "test file " + internal::quote(path) + " is not a regular file",
                 "test files are plain files; devices, FIFOs and directories are refused");
      return std::nullopt;
    case internal::FileRead::Status::not_found:
    case internal::FileRead::Status::unreadable:
      break;
  }
  sink.error({path, 0, 0}, "E-FILE-READ", "cannot read test file " + internal::quote(path),
             "check that the path names a readable file");
  return std::nullopt;
}

/// Evaluates one test's case (with explanation) and checks its expectations.
TestResult run_test(const Engine& engine, const std::string& file, const TestSpec& spec) {
  TestResult result;
  result.name = spec.name;
  result.file = file;
  result.line = spec.loc.line;
  result.column = spec.loc.column;
  result.diagnostics = spec.case_diagnostics;
  if (!spec.test_case) return result;
  DiagnosticSink references;
  internal::check_references(spec.expect, *engine.rules().model(), references);
  for (Diagnostic& d : references.take()) result.diagnostics.push_back(std::move(d));
  try {
    EvalResult evaluated = engine.try_evaluate(*spec.test_case, EvalOptions{true});
    if (!evaluated.ok()) {
      for (Diagnostic& d : evaluated.diagnostics) result.diagnostics.push_back(std::move(d));
      return result;
    }
    result.failures = internal::compare_expectations(spec.expect, *evaluated.assessment);
    result.assessment = std::move(evaluated.assessment);
  } catch (const std::exception& e) {
    // One broken test must not take the others down with it.
    result.diagnostics.push_back(Diagnostic{Severity::error, "E-TEST-EVAL", file, spec.loc.line,
                                            spec.loc.column,
                                            std::string("evaluation failed: ") + e.what(), ""});
  }
  result.passed = result.failures.empty() && result.diagnostics.empty();
  return result;
}

void mark_fired(const Assessment& assessment, std::map<std::string, bool>& fired) {
  for (const ScarAssessment& scar : assessment.scars()) {
    for (const TraceEntry& entry : scar.trace) {
      if (entry.result == RuleOutcome::fired) fired[entry.rule] = true;
    }
    for (const Reason& reason : scar.reasons) fired[reason.rule] = true;
  }
}

}  // namespace

/// Loading with or without a rule set to check the file against: one path for both.
struct internal::TestSuiteLoader {
  /// Reads a test file from memory, checking it against `rules` when given.
  static TestSuiteLoadResult load_text(const std::string& yaml, const std::string& name,
                                       const LoadOptions& options,
                                       const internal::RuleSetModel* rules) {
    DiagnosticSink sink(options.max_errors, options.max_warnings);
    TestSuiteLoadResult result;
    result.data_ = internal::read_test_file(yaml, name, limits_of(options), rules, sink);
    result.diagnostics_ = sink.take();
    // The reader checks fields in a fixed order; people read findings top to bottom.
    std::stable_sort(result.diagnostics_.begin(), result.diagnostics_.end(),
                     [](const Diagnostic& a, const Diagnostic& b) {
                       return std::make_pair(a.line, a.column) < std::make_pair(b.line, b.column);
                     });
    // What the limits left out is said last.
    sink.add_truncation_notes({name, 0, 0}, "LoadOptions::max_errors", "LoadOptions::max_warnings");
    for (Diagnostic& d : sink.take()) result.diagnostics_.push_back(std::move(d));
    return result;
  }

  /// Reads a test file through the confined reader, checking it against `rules` when given.
  static TestSuiteLoadResult load_path(const std::string& path, const LoadOptions& options,
                                       const internal::RuleSetModel* rules) {
    DiagnosticSink sink;
    std::optional<std::string> text = read_file(path, options.max_file_bytes, sink);
    if (!text) {
      TestSuiteLoadResult result;
      result.diagnostics_ = sink.take();
      return result;
    }
    return load_text(*text, path, options, rules);
  }
};

TestSuite TestSuiteLoadResult::value() const {
  if (!data_) throw LoadError(diagnostics_);
  return TestSuite(data_);
}

TestSuite::TestSuite(std::shared_ptr<const internal::TestSuiteData> data)
    : data_(std::move(data)) {}

TestSuiteLoadResult TestSuite::try_load_string(const std::string& yaml, const std::string& name,
                                               const LoadOptions& options) {
  return internal::TestSuiteLoader::load_text(yaml, name, options, nullptr);
}

TestSuiteLoadResult TestSuite::try_load_file(const std::string& path, const LoadOptions& options) {
  return internal::TestSuiteLoader::load_path(path, options, nullptr);
}

TestSuiteLoadResult TestSuite::try_load_string(const RuleSet& rules, const std::string& yaml,
                                               const std::string& name,
                                               const LoadOptions& options) {
  return internal::TestSuiteLoader::load_text(yaml, name, options, rules.model().get());
}

TestSuiteLoadResult TestSuite::try_load_file(const RuleSet& rules, const std::string& path,
                                             const LoadOptions& options) {
  return internal::TestSuiteLoader::load_path(path, options, rules.model().get());
}

TestSuite TestSuite::load_file(const std::string& path, const LoadOptions& options) {
  return try_load_file(path, options).value();
}

TestSuite TestSuite::load_string(const std::string& yaml, const std::string& name,
                                 const LoadOptions& options) {
  return try_load_string(yaml, name, options).value();
}

const std::string& TestSuite::file() const noexcept { return data_->file; }

std::size_t TestSuite::size() const noexcept { return data_->tests.size(); }

std::vector<std::string> TestSuite::test_names() const {
  std::vector<std::string> names;
  for (const TestSpec& spec : data_->tests) names.push_back(spec.name);
  return names;
}

TestReport TestSuite::run(const Engine& engine) const { return run_tests(engine, {*this}); }

TestReport run_tests(const Engine& engine, const std::vector<TestSuite>& suites) {
  TestReport report;
  std::map<std::string, bool> fired;
  for (const TestSuite& suite : suites) {
    const internal::TestSuiteData& data = *suite.data_;
    for (const TestSpec& spec : data.tests) {
      report.results.push_back(run_test(engine, data.file, spec));
      if (report.results.back().assessment) mark_fired(*report.results.back().assessment, fired);
    }
  }
  for (const std::string& rule : engine.rules().rule_ids()) {
    (fired.count(rule) ? report.fired_rules : report.never_fired_rules).push_back(rule);
  }
  return report;
}

}  // namespace scarwise
