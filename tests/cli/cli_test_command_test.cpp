// `scarwise test`: pass/fail counts, failure reports, coverage and exit codes.
#include <catch2/catch.hpp>
#include <filesystem>

#include "cli_runner.hpp"

using namespace scarwise_cli_test;

namespace {

bool ends_with(const std::string& text, const std::string& suffix) {
  return text.size() >= suffix.size() &&
         text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

}  // namespace

TEST_CASE("test runs every file under the rule set's tests/ directory", "[cli][test]") {
  const CliRun run = run_cli("test " + quote(data("rules")));
  CHECK(run.exit_code == 0);
  CHECK(run.err.empty());
  // A count by default: the list is what a partial run would drown its results in.
  CHECK(ends_with(run.out, "1 rule never fired; -v lists them\n4 passed, 0 failed\n"));
  CHECK_FALSE(contains(run.out, "plan.boxcar"));
  CHECK_FALSE(contains(run.out, "FAIL"));
}

TEST_CASE("test runs only the files given", "[cli][test]") {
  const CliRun run = run_cli("test " + quote(data("rules/ruleset.yaml")) + " " +
                             quote(data("rules/tests/more.yaml")));
  CHECK(run.exit_code == 0);
  // basic.yaml did not run, so its rules count as never fired.
  CHECK(run.out == "2 rules never fired; -v lists them\n2 passed, 0 failed\n");
  CHECK_FALSE(contains(run.out, "  - defer.pregnancy\n"));
}

TEST_CASE("test --verbose lists passing tests and the rules never fired", "[cli][test]") {
  for (const char* flag : {"-v", "--verbose"}) {
    const CliRun run = run_cli("test " + std::string(flag) + " " + quote(data("rules")));
    CHECK(run.exit_code == 0);
    CHECK(contains(run.out, "PASS: pregnancy defers treatment\n"));
    CHECK(ends_with(run.out, "1 rule never fired:\n  - plan.boxcar\n4 passed, 0 failed\n"));
  }
}

TEST_CASE("a failing test shows its case as run, defaults merged", "[cli][test]") {
  const CliRun run =
      run_cli("test " + quote(data("rules")) + " " + quote(data("failing/defaults.yaml")));
  CHECK(run.exit_code == 1);
  CHECK(contains(run.out, "FAIL: darker skin / expects no precaution, wrongly ["));
  CHECK(contains(run.out,
                 "    expected: []\n"
                 "    actual:   [pih_risk]\n"
                 "  case as run:\n"
                 "    patient: {pregnant: false, fitzpatrick: 5}\n"
                 "    scars:\n"
                 "      - {id: cheeks, severity: 2, type: rolling}\n"
                 "      - {id: chin, severity: 4, type: boxcar}\n"));
  CHECK(ends_with(run.out, "2 rules never fired; -v lists them\n0 passed, 1 failed\n"));
}

TEST_CASE("unknown ids are reported with the file's other errors, exit 2", "[cli][test]") {
  const CliRun run =
      run_cli("test " + quote(data("rules")) + " " + quote(data("bad_tests/mixed.yaml")));
  CHECK(run.exit_code == 2);
  CHECK(contains(run.err, "mixed.yaml:4:30: error[E-CASE-UNKNOWN-FACT]"));
  CHECK(contains(run.err, "  hint: did you mean 'fitzpatrick'?"));
  CHECK(contains(run.err, "mixed.yaml:9:5: error[E-TEST-UNKNOWN-KEY]"));
  CHECK(contains(run.err, "mixed.yaml:16:26: error[E-TEST-UNKNOWN-RULE]"));
  CHECK(contains(run.err, "  hint: did you mean 'plan.rolling'?"));
  CHECK_FALSE(contains(run.out, "passed"));
}

TEST_CASE("a failing test exits 1 and shows expected, actual and the trace", "[cli][test]") {
  const CliRun run =
      run_cli("test " + quote(data("rules")) + " " + quote(data("failing/failing.yaml")));
  CHECK(run.exit_code == 1);
  CHECK(ends_with(run.out, "1 passed, 1 failed\n"));
  CHECK(contains(run.out, "FAIL: this expectation is wrong on purpose ["));
  CHECK(contains(run.out,
                 "failing.yaml:10:24: scars.cheeks.suitability\n"
                 "    expected: suitable\n"
                 "    actual:   defer\n"));
  CHECK(contains(run.out, "scars.cheeks.fired\n    expected: adjust.severe\n"));
  CHECK(contains(run.out, "trace for scar 'cheeks':"));
  CHECK(contains(run.out, "fired     defer.pregnancy  [patient.pregnant=true]"));
  // Named by a failing expectation, so shown although it did not fire.
  CHECK(contains(run.out, "not_fired adjust.severe  [scar.severity=2]"));
  CHECK_FALSE(contains(run.out, "FAIL: this one passes"));
}

TEST_CASE("test --junit writes a JUnit XML report", "[cli][test]") {
  const std::filesystem::path xml = temp_path("junit.xml");
  const CliRun run = run_cli("test --junit " + quote(xml.string()) + " " + quote(data("rules")) +
                             " " + quote(data("failing/failing.yaml")));
  CHECK(run.exit_code == 1);
  const std::string report = slurp(xml);
  std::filesystem::remove(xml);
  CHECK(contains(report, "<testsuites name=\"scarwise\" tests=\"2\" failures=\"1\">"));
  CHECK(contains(report, "<testcase name=\"this one passes\""));
  CHECK(contains(report, "<failure message="));
}

TEST_CASE("a test file with a mistake is a located load error, exit 2", "[cli][test]") {
  const CliRun run =
      run_cli("test " + quote(data("rules")) + " " + quote(data("bad_tests/typo.yaml")));
  CHECK(run.exit_code == 2);
  CHECK(contains(run.err, "typo.yaml:7:5: error[E-TEST-UNKNOWN-KEY]: unknown key 'expcet'"));
  CHECK(contains(run.err, "  hint: did you mean 'expect'?"));
  CHECK(contains(run.err, "typo.yaml:3:5: error[E-TEST-MISSING-KEY]"));
  CHECK_FALSE(contains(run.out, "passed"));
}

TEST_CASE("test exits 2 when there is nothing to run or nothing to load", "[cli][test]") {
  SECTION("no tests directory") {
    const CliRun run = run_cli("test " + quote(data("empty_rules")));
    CHECK(run.exit_code == 2);
    CHECK(contains(run.err, "no test files"));
  }
  SECTION("missing test file") {
    const CliRun run = run_cli("test " + quote(data("rules")) + " " + quote(data("nope.yaml")));
    CHECK(run.exit_code == 2);
    CHECK(contains(run.err, "nope.yaml"));
  }
  SECTION("broken rule set") {
    const CliRun run = run_cli("test " + quote(data("bad_rules")));
    CHECK(run.exit_code == 2);
    CHECK(contains(run.err, "error["));
  }
}
