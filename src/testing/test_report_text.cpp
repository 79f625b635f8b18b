// The text rendering of test results: what `scarwise test` prints.
#include <algorithm>
#include <map>
#include <scarwise/test_suite.hpp>
#include <string>
#include <utility>

#include "support/quote.hpp"
#include "testing/test_spec.hpp"
#include "testing/text_format.hpp"

namespace scarwise {

namespace {

/// A file name and a test name may hold any character YAML allows, including bidirectional
/// controls; shown escaped, they cannot reorder or forge a line of the report.
std::string location(const std::string& file, int line, int column) {
  std::string out = internal::shown_in_full(file);
  if (line > 0) out += ":" + std::to_string(line);
  if (line > 0 && column > 0) out += ":" + std::to_string(column);
  return out;
}

std::string indented(const std::string& text, const std::string& indent) {
  std::string out;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    out += indent + text.substr(start, end - start) + "\n";
    start = end + 1;
  }
  return out;
}

bool ends_with(const std::string& text, const std::string& suffix) {
  return text.size() >= suffix.size() &&
         text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

bool contains(const std::vector<std::string>& items, const std::string& item) {
  return std::find(items.begin(), items.end(), item) != items.end();
}

/// Rules a failure names: a rule expected to fire (or not) belongs in the trace even when
/// its outcome alone would not put it there.
std::vector<std::string> rules_named(const TestResult& result, const std::string& scar) {
  std::vector<std::string> rules;
  for (const TestFailure& failure : result.failures) {
    const bool about_rules =
        ends_with(failure.path, ".fired") || ends_with(failure.path, ".not_fired");
    if (failure.scar == scar && about_rules) rules.push_back(failure.expected);
  }
  return rules;
}

std::string trace_line(const TraceEntry& entry) {
  std::string outcome = to_string(entry.result);
  outcome.resize(std::max<std::size_t>(outcome.size(), 9), ' ');
  std::string line = "    " + outcome + " " + entry.rule;
  if (!entry.facts.empty()) {
    line += "  [";
    for (std::size_t i = 0; i < entry.facts.size(); ++i) {
      line += (i ? ", " : "") + entry.facts[i].fact + "=" +
              internal::format_fact_value(entry.facts[i].value);
    }
    line += "]";
  }
  line += "\n";
  for (const std::string& note : entry.notes) line += "      note: " + note + "\n";
  return line;
}

/// The rules that fired or stayed unknown for one scar, and those the failures name.
std::string scar_trace(const TestResult& result, const ScarAssessment& scar) {
  std::string out = "  trace for scar " + internal::quote_in_full(scar.id) + ":\n";
  const std::vector<std::string> named = rules_named(result, scar.id);
  if (scar.trace.empty()) {
    for (const Reason& reason : scar.reasons) out += "    fired     " + reason.rule + "\n";
    return out;
  }
  for (const TraceEntry& entry : scar.trace) {
    if (entry.result != RuleOutcome::not_fired || contains(named, entry.rule)) {
      out += trace_line(entry);
    }
  }
  return out;
}

/// Scars whose trace helps: those a failure is about; all of them for a patient-level failure,
/// since the patient verdict comes from every scar.
bool involved(const TestResult& result, const std::string& scar) {
  for (const TestFailure& failure : result.failures) {
    if (failure.scar.empty() || failure.scar == scar) return true;
  }
  return false;
}

/// A failed test: what was expected against what came out, the case when known (it is what
/// the expectations are about, and with defaults merged it is written nowhere in full), and
/// the trace of the scars involved.
std::string failure_text(const TestResult& result, const std::string* case_text) {
  std::string out = "FAIL: " + internal::shown_in_full(result.name) + " [" +
                    location(result.file, result.line, result.column) + "]\n";
  for (const TestFailure& failure : result.failures) {
    out += "  " + location(result.file, failure.line, failure.column) + ": " + failure.path + "\n";
    out += "    expected: " + failure.expected + "\n";
    out += "    actual:   " + failure.actual + "\n";
  }
  for (const Diagnostic& diagnostic : result.diagnostics) {
    out += indented(diagnostic.to_string(), "  ");
  }
  if (case_text) out += "  case as run:\n" + indented(*case_text, "    ");
  if (result.assessment) {
    for (const ScarAssessment& scar : result.assessment->scars()) {
      if (involved(result, scar.id)) out += scar_trace(result, scar);
    }
  }
  return out;
}

/// "N rules never fired", listed or with the hint on how to list them.
std::string never_fired_text(const std::vector<std::string>& rules,
                             const TestTextOptions& options) {
  std::string out =
      std::to_string(rules.size()) + (rules.size() == 1 ? " rule" : " rules") + " never fired";
  if (!options.list_never_fired || rules.empty()) {
    const bool hint = !options.list_hint.empty() && !rules.empty();
    return out + (hint ? "; " + options.list_hint : "") + "\n";
  }
  out += ":\n";
  for (const std::string& rule : rules) out += "  - " + rule + "\n";
  return out;
}

std::string summary_line(const TestReport& report) {
  return std::to_string(report.passed()) + " passed, " + std::to_string(report.failed()) +
         " failed\n";
}

}  // namespace

std::string TestResult::to_text() const {
  if (passed) return {};
  return failure_text(*this, nullptr);
}

std::size_t TestReport::passed() const noexcept {
  return static_cast<std::size_t>(
      std::count_if(results.begin(), results.end(), [](const TestResult& r) { return r.passed; }));
}

std::size_t TestReport::failed() const noexcept { return results.size() - passed(); }

std::string TestReport::to_text(bool list_passed) const {
  std::string out;
  for (const TestResult& result : results) {
    if (!result.passed) {
      out += result.to_text() + "\n";
    } else if (list_passed) {
      out += "PASS: " + internal::shown_in_full(result.name) + "\n";
    }
  }
  out += "rules never fired: " + std::to_string(never_fired_rules.size()) + "\n";
  for (const std::string& rule : never_fired_rules) out += "  - " + rule + "\n";
  return out + summary_line(*this);
}

std::string TestReport::to_text(const std::vector<TestSuite>& suites,
                                const TestTextOptions& options) const {
  // Names are unique within a file, so file and name find a result's test.
  std::map<std::pair<std::string, std::string>, const std::string*> cases;
  for (const TestSuite& suite : suites) {
    for (const internal::TestSpec& spec : suite.data_->tests) {
      cases.emplace(std::make_pair(suite.data_->file, spec.name), &spec.case_text);
    }
  }
  std::string out;
  for (const TestResult& result : results) {
    if (!result.passed) {
      const auto found = cases.find({result.file, result.name});
      out += failure_text(result, found == cases.end() ? nullptr : found->second) + "\n";
    } else if (options.list_passed) {
      out += "PASS: " + internal::shown_in_full(result.name) + "\n";
    }
  }
  return out + never_fired_text(never_fired_rules, options) + summary_line(*this);
}

}  // namespace scarwise
