// The public TestSuite API: loading test files strictly and running them against an engine.
#include <algorithm>
#include <catch2/catch.hpp>
#include <scarwise/scarwise.hpp>
#include <string>

namespace {

const std::string kRules = std::string(SCARWISE_TEST_DATA_DIR) + "/cli/rules";

scarwise::Engine engine() { return scarwise::Engine(scarwise::RuleSet::load_file(kRules)); }

/// A one-test file around `expect` (indented by 4), for a rolling scar "cheeks" of a pregnant
/// patient with Fitzpatrick 5 and severity 2.
std::string one_test(const std::string& expect) {
  return "schema_version: 1\n"
         "tests:\n"
         "  - name: t\n"
         "    case:\n"
         "      patient: {pregnant: true, fitzpatrick: 5}\n"
         "      scars: [{id: cheeks, type: rolling, severity: 2}]\n"
         "    expect:\n" +
         expect;
}

std::vector<scarwise::Diagnostic> load_errors(const std::string& yaml) {
  const scarwise::TestSuiteLoadResult loaded = scarwise::TestSuite::try_load_string(yaml, "t.yaml");
  CHECK_FALSE(loaded.ok());
  return loaded.diagnostics();
}

bool has(const std::vector<scarwise::Diagnostic>& diagnostics, const std::string& code, int line,
         int column) {
  return std::any_of(diagnostics.begin(), diagnostics.end(), [&](const scarwise::Diagnostic& d) {
    return d.code == code && d.line == line && d.column == column && d.file == "t.yaml";
  });
}

bool has_code(const std::vector<scarwise::Diagnostic>& diagnostics, const std::string& code) {
  return std::any_of(diagnostics.begin(), diagnostics.end(),
                     [&](const scarwise::Diagnostic& d) { return d.code == code; });
}

/// A copy, so that callers may pass a temporary report.
scarwise::TestResult only_result(const scarwise::TestReport& report) {
  REQUIRE(report.results.size() == 1);
  return report.results.front();
}

}  // namespace

TEST_CASE("a rule set's own test files load and pass", "[test_suite]") {
  const scarwise::TestSuite basic = scarwise::TestSuite::load_file(kRules + "/tests/basic.yaml");
  const scarwise::TestSuite more = scarwise::TestSuite::load_file(kRules + "/tests/more.yaml");
  CHECK(basic.size() == 2);
  CHECK(basic.file() == kRules + "/tests/basic.yaml");
  CHECK(basic.test_names() ==
        std::vector<std::string>{"rolling scars on light skin get a plan and subcision",
                                 "pregnancy defers treatment"});
  const scarwise::TestReport report = scarwise::run_tests(engine(), {basic, more});
  CHECK(report.passed() == 4);
  CHECK(report.failed() == 0);
  CHECK(report.ok());
  for (const scarwise::TestResult& result : report.results) {
    INFO(result.to_text());
    CHECK(result.passed);
    CHECK(result.to_text().empty());
    CHECK(result.assessment.has_value());
  }
  CHECK(report.never_fired_rules == std::vector<std::string>{"plan.boxcar"});
  CHECK(report.fired_rules.size() == 6);
  const std::string text = report.to_text();
  CHECK(text == "rules never fired: 1\n  - plan.boxcar\n4 passed, 0 failed\n");
}

TEST_CASE("failed expectations name the path, expected and actual values", "[test_suite]") {
  const scarwise::TestSuite suite = scarwise::TestSuite::load_string(
      one_test("      suitability: suitable\n"
               "      scars:\n"
               "        cheeks:\n"
               "          reevaluate_after_weeks: 12\n"
               "          plan: {sessions: {min: 4}, needle_depth_mm: null}\n"
               "          precautions: {excludes: [pih_risk]}\n"
               "          not_fired: [defer.pregnancy]\n"));
  const scarwise::TestReport report = suite.run(engine());
  const scarwise::TestResult result = only_result(report);
  CHECK_FALSE(result.passed);
  CHECK(report.failed() == 1);
  REQUIRE(result.failures.size() == 6);
  const scarwise::TestFailure& verdict = result.failures[0];
  CHECK(verdict.path == "suitability");
  CHECK(verdict.scar.empty());
  CHECK(verdict.expected == "suitable");
  CHECK(verdict.actual == "defer");
  CHECK(verdict.line == 8);
  CHECK(verdict.column == 20);
  CHECK(result.failures[1].path == "scars.cheeks.plan.sessions.min");
  CHECK(result.failures[1].expected == "4");
  CHECK(result.failures[1].actual == "3");
  CHECK(result.failures[2].path == "scars.cheeks.plan.needle_depth_mm");
  CHECK(result.failures[2].actual == "{min: 1.5, max: 2.5}");
  CHECK(result.failures[3].path == "scars.cheeks.precautions.excludes");
  CHECK(result.failures[3].actual == "[pih_risk]");
  CHECK(result.failures[4].path == "scars.cheeks.reevaluate_after_weeks");
  CHECK(result.failures[4].expected == "12");
  CHECK(result.failures[4].actual == "40");
  CHECK(result.failures[5].path == "scars.cheeks.not_fired");
  CHECK(result.failures[5].scar == "cheeks");

  const std::string text = result.to_text();
  CHECK(text.rfind("FAIL: t [<memory>:3:5]\n", 0) == 0);
  CHECK(text.find("  <memory>:8:20: suitability\n    expected: suitable\n    actual:   defer\n") !=
        std::string::npos);
  CHECK(text.find("trace for scar 'cheeks':") != std::string::npos);
  CHECK(text.find("fired     avoid.dark-skin  [patient.fitzpatrick=5]") != std::string::npos);
  // Rules that did not fire and are named by no failure stay out of the way.
  CHECK(text.find("not.keloid") == std::string::npos);
  CHECK(report.to_text().find("0 passed, 1 failed\n") != std::string::npos);
}

TEST_CASE("exact id lists, missing facts and plan null", "[test_suite]") {
  const std::string yaml =
      "schema_version: 1\n"
      "tests:\n"
      "  - name: unknown skin type leaves the verdict incomplete\n"
      "    case:\n"
      "      patient: {pregnant: false}\n"
      "      scars: [{id: a, type: rolling}, {id: b, type: keloid}]\n"
      "    expect:\n"
      "      complete: false\n"
      "      suitability: not_suitable\n"
      "      scars:\n"
      "        a:\n"
      "          complete: false\n"
      "          missing_facts: [patient.fitzpatrick]\n"
      "          combinations: [subcision]\n"
      "          aftercare: [sun_protection]\n"
      "          avoid: []\n"
      "        b: {suitability: not_suitable, plan: null, combinations: []}\n";
  const scarwise::TestReport report = scarwise::TestSuite::load_string(yaml).run(engine());
  const scarwise::TestResult result = only_result(report);
  INFO(result.to_text());
  CHECK(result.passed);

  const scarwise::TestResult wrong = only_result(
      scarwise::TestSuite::load_string(one_test("      scars:\n"
                                                "        cheeks:\n"
                                                "          missing_facts: [scar.severity]\n"
                                                "          plan: null\n"
                                                "          combinations: [subcision, prp]\n"))
          .run(engine()));
  REQUIRE(wrong.failures.size() == 3);
  CHECK(wrong.failures[0].path == "scars.cheeks.plan");
  CHECK(wrong.failures[0].expected == "null");
  CHECK(wrong.failures[1].path == "scars.cheeks.combinations");
  CHECK(wrong.failures[1].expected == "[prp, subcision]");
  CHECK(wrong.failures[2].path == "scars.cheeks.missing_facts");
  CHECK(wrong.failures[2].actual == "[]");
  // prp is not in the catalogue: that is reported, not silently compared.
  CHECK(has_code(wrong.diagnostics, "E-TEST-UNKNOWN-ID"));
}

TEST_CASE("test files are read strictly, with located errors", "[test_suite]") {
  SECTION("unknown key, with did-you-mean") {
    const auto errors =
        load_errors(one_test("      scars:\n        cheeks: {suitabilty: defer}\n"));
    REQUIRE(has(errors, "E-TEST-UNKNOWN-KEY", 9, 18));
    CHECK(errors.front().hint == "did you mean 'suitability'?");
  }
  SECTION("wrong types") {
    const auto errors = load_errors(
        one_test("      complete: yes\n"
                 "      scars:\n"
                 "        cheeks: {fired: adjust.severe, reevaluate_after_weeks: soon}\n"));
    CHECK(has(errors, "E-TEST-TYPE", 8, 17));
    CHECK(has(errors, "E-TEST-TYPE", 10, 25));
    CHECK(has(errors, "E-TEST-TYPE", 10, 64));
    // Reported in source order, although the reader checks reevaluate_after_weeks first.
    CHECK(std::is_sorted(errors.begin(), errors.end(), [](const auto& a, const auto& b) {
      return std::make_pair(a.line, a.column) < std::make_pair(b.line, b.column);
    }));
  }
  SECTION("unknown verdict") {
    const auto errors = load_errors(one_test("      suitability: defr\n"));
    REQUIRE(has(errors, "E-TEST-BAD-VALUE", 8, 20));
    CHECK(errors.front().hint == "did you mean 'defer'?");
  }
  SECTION("a scar the case does not have") {
    const auto errors =
        load_errors(one_test("      scars:\n        cheek: {suitability: defer}\n"));
    REQUIRE(has(errors, "E-TEST-UNKNOWN-SCAR", 9, 9));
    CHECK(errors.front().hint == "did you mean 'cheeks'?");
  }
  SECTION("duplicate test names") {
    const std::string test =
        "  - name: same\n"
        "    case: {scars: [{id: a, type: rolling}]}\n"
        "    expect: {}\n";
    const auto errors = load_errors("schema_version: 1\ntests:\n" + test + test);
    CHECK(has(errors, "E-TEST-DUPLICATE-NAME", 6, 11));
  }
  SECTION("contradictory expectations") {
    const auto errors = load_errors(one_test(
        "      scars:\n        cheeks: {fired: [plan.rolling], not_fired: [plan.rolling]}\n"));
    CHECK(has_code(errors, "E-TEST-CONTRADICTION"));
  }
  SECTION("missing parts, schema version and empty files") {
    CHECK(has(load_errors("schema_version: 1\ntests:\n  - name: x\n"), "E-TEST-MISSING-KEY", 3, 5));
    CHECK(has(load_errors("schema_version: 2\ntests: []\n"), "E-TEST-SCHEMA-VERSION", 1, 17));
    CHECK(has(load_errors("schema_version: 1\ntests: []\n"), "E-TEST-EMPTY", 2, 8));
    CHECK(has(load_errors("tests: []\n"), "E-TEST-MISSING-KEY", 1, 1));
    CHECK(has_code(load_errors("- just a list\n"), "E-TEST-TYPE"));
    CHECK(has_code(load_errors("schema_version: 1\nschema_version: 1\n"), "E-DUPLICATE-KEY"));
  }
  SECTION("the throwing form throws LoadError with every diagnostic") {
    try {
      scarwise::TestSuite::load_string("schema_version: 1\ntests: {}\n", "t.yaml");
      FAIL("no exception");
    } catch (const scarwise::LoadError& e) {
      CHECK(has(e.diagnostics(), "E-TEST-TYPE", 2, 8));
    }
  }
  SECTION("a file that does not exist") {
    const auto loaded = scarwise::TestSuite::try_load_file(kRules + "/tests/no-such-file.yaml");
    CHECK_FALSE(loaded.ok());
    REQUIRE(loaded.diagnostics().size() == 1);
    CHECK(loaded.diagnostics()[0].code == "E-FILE-READ");
    CHECK_THROWS_AS(loaded.value(), scarwise::LoadError);
  }
}

TEST_CASE("a test whose case is invalid fails with the case diagnostics", "[test_suite]") {
  SECTION("a fact the rule set does not declare") {
    const std::string yaml =
        "schema_version: 1\n"
        "tests:\n"
        "  - name: bad fact\n"
        "    case: {scars: [{id: a, type: rolling, colour: red}]}\n"
        "    expect: {suitability: suitable}\n";
    const scarwise::TestResult result =
        only_result(scarwise::TestSuite::load_string(yaml, "t.yaml").run(engine()));
    CHECK_FALSE(result.passed);
    CHECK_FALSE(result.assessment.has_value());
    CHECK(has_code(result.diagnostics, "E-CASE-UNKNOWN-FACT"));
    CHECK(result.to_text().find("error[E-CASE-UNKNOWN-FACT]") != std::string::npos);
  }
  SECTION("a case of the wrong shape still lets the file load") {
    const std::string yaml =
        "schema_version: 1\n"
        "tests:\n"
        "  - name: bad shape\n"
        "    case: {scars: {id: a}}\n"
        "    expect: {}\n";
    const scarwise::TestSuite suite = scarwise::TestSuite::load_string(yaml, "t.yaml");
    const scarwise::TestResult result = only_result(suite.run(engine()));
    CHECK_FALSE(result.passed);
    CHECK(has(result.diagnostics, "E-CASE-SHAPE", 4, 19));
  }
}

TEST_CASE("ids in expectations are checked against the rule set", "[test_suite]") {
  const scarwise::TestResult result = only_result(
      scarwise::TestSuite::load_string(one_test("      scars:\n"
                                                "        cheeks:\n"
                                                "          fired: [defer.pregnacy]\n"
                                                "          precautions: {excludes: [pih_risc]}\n"
                                                "          missing_facts: [patient.age]\n"),
                                       "t.yaml")
          .run(engine()));
  CHECK_FALSE(result.passed);
  REQUIRE(has(result.diagnostics, "E-TEST-UNKNOWN-RULE", 10, 19));
  CHECK(has(result.diagnostics, "E-TEST-UNKNOWN-ID", 11, 36));
  CHECK(has(result.diagnostics, "E-TEST-UNKNOWN-FACT", 12, 27));
  CHECK(result.diagnostics.front().hint == "did you mean 'defer.pregnancy'?");
}

TEST_CASE("the JUnit report has one testcase per test", "[test_suite]") {
  const scarwise::TestSuite suite =
      scarwise::TestSuite::load_string(one_test("      suitability: suitable\n"), "a&b.yaml");
  const std::string xml = suite.run(engine()).to_junit_xml();
  CHECK(xml.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", 0) == 0);
  CHECK(xml.find("<testsuite name=\"a&amp;b.yaml\" tests=\"1\" failures=\"1\">") !=
        std::string::npos);
  CHECK(xml.find("<testcase name=\"t\" classname=\"a&amp;b.yaml\">") != std::string::npos);
  CHECK(xml.find("expected: suitable") != std::string::npos);
}
