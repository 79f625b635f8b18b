// Test-file defaults and groups through the public API: names, strict reading, loading for a
// rule set (every kind of mistake in one load), the report, and what defaults are for: a new
// fact in a rule set costs its tests one line per file, not one edit per test.
#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <scarwise/scarwise.hpp>
#include <sstream>
#include <string>

namespace fs = std::filesystem;

namespace {

const std::string kRules = std::string(SCARWISE_TEST_DATA_DIR) + "/cli/rules";

scarwise::RuleSet rules() { return scarwise::RuleSet::load_file(kRules); }

bool has(const std::vector<scarwise::Diagnostic>& diagnostics, const std::string& code, int line,
         int column) {
  return std::any_of(diagnostics.begin(), diagnostics.end(), [&](const scarwise::Diagnostic& d) {
    return d.code == code && d.line == line && d.column == column && d.file == "t.yaml";
  });
}

const scarwise::Diagnostic& find(const std::vector<scarwise::Diagnostic>& diagnostics,
                                 const std::string& code) {
  const auto it = std::find_if(diagnostics.begin(), diagnostics.end(),
                               [&](const scarwise::Diagnostic& d) { return d.code == code; });
  REQUIRE(it != diagnostics.end());
  return *it;
}

std::vector<scarwise::Diagnostic> errors_without_rules(const std::string& yaml) {
  const auto loaded = scarwise::TestSuite::try_load_string(yaml, "t.yaml");
  CHECK_FALSE(loaded.ok());
  return loaded.diagnostics();
}

std::vector<scarwise::Diagnostic> errors_with_rules(const std::string& yaml) {
  const auto loaded = scarwise::TestSuite::try_load_string(rules(), yaml, "t.yaml");
  CHECK_FALSE(loaded.ok());
  return loaded.diagnostics();
}

/// A file of one test for scar "a" under `defaults` (written at line 2).
std::string with_defaults(const std::string& defaults) {
  return "schema_version: 1\n" + defaults +
         "tests:\n"
         "  - name: t\n"
         "    case: {scars: [{id: a, type: rolling}]}\n"
         "    expect: {}\n";
}

std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

TEST_CASE("a group's tests are named '<group> / <name>'", "[test_defaults]") {
  const std::string test =
      "      - name: same\n"
      "        case: {scars: [{id: a, type: rolling}]}\n"
      "        expect: {}\n";
  const scarwise::TestSuite suite = scarwise::TestSuite::load_string(
      "schema_version: 1\n"
      "tests:\n"
      "  - name: same\n"
      "    case: {scars: [{id: a, type: rolling}]}\n"
      "    expect: {}\n"
      "  - group: first\n"
      "    doc: the same test name in two groups is two tests\n"
      "    tests:\n" +
      test +
      "  - group: second\n"
      "    tests:\n" +
      test);
  CHECK(suite.test_names() == std::vector<std::string>{"same", "first / same", "second / same"});
  const scarwise::TestReport report = suite.run(scarwise::Engine(rules()));
  CHECK(report.passed() == 3);
  CHECK(report.results[1].name == "first / same");
}

TEST_CASE("groups are read strictly", "[test_defaults]") {
  SECTION("names are unique by their full name") {
    const std::string test =
        "      - name: same\n"
        "        case: {scars: [{id: a, type: rolling}]}\n"
        "        expect: {}\n";
    const auto errors =
        errors_without_rules("schema_version: 1\ntests:\n  - group: g\n    tests:\n" + test + test);
    CHECK(has(errors, "E-TEST-DUPLICATE-NAME", 8, 15));
    CHECK(find(errors, "E-TEST-DUPLICATE-NAME").message.find("'g / same'") != std::string::npos);
  }
  SECTION("groups do not nest") {
    const auto errors = errors_without_rules(
        "schema_version: 1\n"
        "tests:\n"
        "  - group: outer\n"
        "    tests:\n"
        "      - group: inner\n"
        "        tests: []\n");
    CHECK(has(errors, "E-TEST-NESTED-GROUP", 5, 9));
  }
  SECTION("unknown keys, missing tests, empty groups") {
    CHECK(has(errors_without_rules("schema_version: 1\ntests:\n  - group: g\n    test: []\n"),
              "E-TEST-UNKNOWN-KEY", 4, 5));
    CHECK(find(errors_without_rules("schema_version: 1\ntests:\n  - group: g\n    test: []\n"),
               "E-TEST-UNKNOWN-KEY")
              .hint == "did you mean 'tests'?");
    CHECK(has(errors_without_rules("schema_version: 1\ntests:\n  - group: g\n    tests: []\n"),
              "E-TEST-EMPTY", 4, 12));
    CHECK(has(errors_without_rules("schema_version: 1\ntests:\n  - group: \"\"\n    tests: []\n"),
              "E-TEST-TYPE", 3, 12));
  }
}

TEST_CASE("defaults are read as strictly as the rest of a test file", "[test_defaults]") {
  SECTION("an unknown key, with did-you-mean") {
    const auto errors = errors_without_rules(with_defaults("defaults: {patinet: {}}\n"));
    REQUIRE(has(errors, "E-TEST-UNKNOWN-KEY", 2, 12));
    CHECK(find(errors, "E-TEST-UNKNOWN-KEY").hint == "did you mean 'patient'?");
  }
  SECTION("wrong types") {
    CHECK(has(errors_without_rules(with_defaults("defaults: [patient]\n")), "E-TEST-TYPE", 2, 11));
    CHECK(
        has(errors_without_rules(with_defaults("defaults: {scar: [a]}\n")), "E-TEST-TYPE", 2, 18));
    CHECK(has(errors_without_rules(with_defaults("defaults: {patient: {age: {x: 1}}}\n")),
              "E-CASE-SHAPE", 2, 27));
  }
  SECTION("scar defaults cannot give an id") {
    CHECK(has(errors_without_rules(with_defaults("defaults: {scar: {id: a}}\n")),
              "E-TEST-UNKNOWN-KEY", 2, 19));
  }
  SECTION("a group's defaults too") {
    const auto errors = errors_without_rules(
        "schema_version: 1\n"
        "tests:\n"
        "  - group: g\n"
        "    defaults: {scars: {}}\n"
        "    tests:\n"
        "      - {name: t, case: {scars: [{id: a, type: rolling}]}, expect: {}}\n");
    REQUIRE(has(errors, "E-TEST-UNKNOWN-KEY", 4, 16));
    CHECK(find(errors, "E-TEST-UNKNOWN-KEY").hint == "did you mean 'scar'?");
  }
}

TEST_CASE("loaded for a rule set, default facts are checked like case facts", "[test_defaults]") {
  const std::string yaml =
      with_defaults("defaults:\n  patient: {pregnant: no, fitzpatrik: 2}\n  scar: {severity: 9}\n");
  const auto errors = errors_with_rules(yaml);
  REQUIRE(has(errors, "E-CASE-UNKNOWN-FACT", 3, 27));
  CHECK(find(errors, "E-CASE-UNKNOWN-FACT").hint == "did you mean 'fitzpatrick'?");
  CHECK(has(errors, "E-CASE-TYPE", 3, 23));
  CHECK(has(errors, "E-CASE-RANGE", 4, 20));
  // Without the rule set the file loads; each test then fails on its merged case, located at
  // the default.
  const scarwise::TestSuite suite = scarwise::TestSuite::load_string(yaml, "t.yaml");
  const scarwise::TestReport report = suite.run(scarwise::Engine(rules()));
  REQUIRE(report.results.size() == 1);
  CHECK_FALSE(report.results[0].passed);
  CHECK(has(report.results[0].diagnostics, "E-CASE-UNKNOWN-FACT", 3, 27));
}

TEST_CASE("loaded for a rule set, unknown ids come with the file's other errors",
          "[test_defaults]") {
  const std::string yaml =
      "schema_version: 1\n"
      "tests:\n"
      "  - name: t\n"
      "    case: {scars: [{id: a, type: rolling}]}\n"
      "    expect:\n"
      "      suitabilty: suitable\n"
      "      scars:\n"
      "        a: {fired: [plan.roling], precautions: [pih_risc], missing_facts: [scar.severty]}\n";
  const auto with_rules = errors_with_rules(yaml);
  CHECK(has(with_rules, "E-TEST-UNKNOWN-KEY", 6, 7));
  CHECK(has(with_rules, "E-TEST-UNKNOWN-RULE", 8, 21));
  CHECK(has(with_rules, "E-TEST-UNKNOWN-ID", 8, 49));
  CHECK(has(with_rules, "E-TEST-UNKNOWN-FACT", 8, 76));
  CHECK(find(with_rules, "E-TEST-UNKNOWN-RULE").hint == "did you mean 'plan.rolling'?");
  // Without the rule set only the file's own shape can be checked.
  const auto without = errors_without_rules(yaml);
  CHECK(without.size() == 1);
  CHECK(has(without, "E-TEST-UNKNOWN-KEY", 6, 7));
  // A correct file loads for its rule set exactly as without it.
  const auto good = scarwise::TestSuite::try_load_file(rules(), kRules + "/tests/basic.yaml");
  CHECK(good.ok());
  CHECK(good.diagnostics().empty());
}

TEST_CASE("the report counts the rules never fired, or lists them", "[test_defaults]") {
  const scarwise::TestSuite suite = scarwise::TestSuite::load_file(kRules + "/tests/more.yaml");
  const scarwise::TestReport report = suite.run(scarwise::Engine(rules()));
  scarwise::TestTextOptions options;
  CHECK(report.to_text({suite}, options) == "2 rules never fired\n2 passed, 0 failed\n");
  options.list_hint = "-v lists them";
  CHECK(report.to_text({suite}, options) ==
        "2 rules never fired; -v lists them\n2 passed, 0 failed\n");
  options.list_never_fired = true;
  options.list_passed = true;
  const std::string listed = report.to_text({suite}, options);
  CHECK(listed.find("PASS: ") == 0);
  CHECK(listed.find("2 rules never fired:\n  - defer.pregnancy\n  - plan.boxcar\n") != std::string::npos);
}

TEST_CASE("a failed test shows its case as run, defaults merged", "[test_defaults]") {
  const scarwise::TestSuite suite = scarwise::TestSuite::load_string(
      "schema_version: 1\n"
      "defaults:\n"
      "  patient: {pregnant: false, fitzpatrick: 2}\n"
      "tests:\n"
      "  - name: t\n"
      "    case: {patient: {pregnant: null}, scars: [{id: a, type: rolling}]}\n"
      "    expect: {complete: true}\n",
      "t.yaml");
  const scarwise::TestReport report = suite.run(scarwise::Engine(rules()));
  const std::string text = report.to_text({suite}, {});
  CHECK(text.find("  case as run:\n"
                  "    patient: {fitzpatrick: 2}\n"
                  "    scars:\n"
                  "      - {id: a, type: rolling}\n") != std::string::npos);
  // The pregnancy left out by the null is unknown, never false.
  CHECK(text.find("complete\n    expected: true\n    actual:   false\n") != std::string::npos);
  // TestResult::to_text() keeps its 0.1 form, without the case.
  CHECK(report.results[0].to_text().find("case as run") == std::string::npos);
}

TEST_CASE("a new optional fact costs the default set's tests one line per file",
          "[test_defaults]") {
  const fs::path dir =
      fs::temp_directory_path() / ("scarwise-defaults-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::copy(std::string(SCARWISE_SOURCE_DIR) + "/rules/default", dir, fs::copy_options::recursive);
  // A clinic adds a caution on a fact the default set does not ask about.
  std::ofstream(dir / "facts.yaml", std::ios::app) << "  patient.sunbed_use: {type: bool}\n";
  std::ofstream(dir / "cautions.yaml", std::ios::app)
      << "  - id: caution.sunbed\n"
         "    title: Sunbed use\n"
         "    when: patient.sunbed_use\n"
         "    then: {suitability: suitable_with_caution, message: Stop sunbed use.}\n";
  const scarwise::RuleSet changed = scarwise::RuleSet::load_file(dir.string());
  const scarwise::Engine engine(changed);
  auto run_all = [&] {
    std::vector<scarwise::TestSuite> suites;
    for (const auto& entry : fs::directory_iterator(dir / "tests")) {
      suites.push_back(scarwise::TestSuite::try_load_file(changed, entry.path().string()).value());
    }
    return scarwise::run_tests(engine, suites);
  };
  // Unknown, the new fact leaves every case incomplete whose verdict it could still raise: about
  // half of the tests fail, each of which would otherwise need the fact written into its case.
  const scarwise::TestReport before = run_all();
  const std::size_t tests = before.results.size();
  CHECK(tests > 100);
  CHECK(before.failed() >= 50);
  // Given once in each file's defaults, it settles every test again.
  const std::string anchor = "\ndefaults:\n  patient: {";
  int files = 0;
  for (const auto& entry : fs::directory_iterator(dir / "tests")) {
    std::string text = slurp(entry.path());
    const std::size_t at = text.find(anchor);
    REQUIRE(at != std::string::npos);
    text.insert(at + anchor.size(), "sunbed_use: false, ");
    std::ofstream(entry.path(), std::ios::binary | std::ios::trunc) << text;
    ++files;
  }
  const scarwise::TestReport after = run_all();
  CHECK(files >= 10);
  CHECK(after.results.size() == tests);
  for (const scarwise::TestResult& result : after.results) {
    INFO(result.to_text());
    CHECK(result.passed);
  }
  std::error_code ec;
  fs::remove_all(dir, ec);
}
