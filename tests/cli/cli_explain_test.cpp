// `scarwise explain`: the text for clinicians (pinned by a snapshot of an example case of the
// default rules), the JSON form, --scar and --rule, and bad input.
#include <catch2/catch.hpp>
#include <cstdlib>
#include <fstream>

#include "cli_runner.hpp"

using namespace scarwise_cli_test;

namespace {

const std::string kDefaultRules = std::string(SCARWISE_SOURCE_DIR) + "/rules/default";
const std::string kExample =
    std::string(SCARWISE_SOURCE_DIR) + "/examples/cases/rolling-acne-dark-skin.yaml";
const std::string kSnapshot = data("explain/rolling-acne-dark-skin.txt");

std::string explain_args(const std::string& rules, const std::string& case_file,
                         const std::string& extra = "") {
  return "explain -r " + quote(rules) + " " + quote(case_file) + (extra.empty() ? "" : " ") + extra;
}

/// The text with the rule set digest blanked: the digest changes with every edit to the rule
/// files, even a comment, while the explanation pins what the rules say.
std::string without_ruleset_digest(std::string text) {
  const std::string label = "Rule set digest: ";
  const std::size_t at = text.find(label);
  if (at == std::string::npos) return text;
  const std::size_t end = text.find('\n', at);
  return text.replace(at + label.size(), end - at - label.size(), "<digest>");
}

}  // namespace

TEST_CASE("explain prints the snapshot text for the README example", "[cli][explain]") {
  const CliRun run = run_cli(explain_args(kDefaultRules, kExample));
  REQUIRE(run.exit_code == 0);
  CHECK(run.err.empty());
  const std::string actual = without_ruleset_digest(run.out);
  // SCARWISE_UPDATE_SNAPSHOTS=1 rewrites the snapshot after an intended change; review the diff.
  if (const char* update = std::getenv("SCARWISE_UPDATE_SNAPSHOTS"); update && *update == '1') {
    std::ofstream(kSnapshot, std::ios::binary) << actual;
  }
  CHECK(actual == slurp(kSnapshot));
}

TEST_CASE("explain text is for people: wrapped, worded, with the disclaimer", "[cli][explain]") {
  const CliRun run = run_cli(explain_args(kDefaultRules, kExample));
  REQUIRE(run.exit_code == 0);
  std::size_t start = 0;
  while (start < run.out.size()) {
    std::size_t end = run.out.find('\n', start);
    if (end == std::string::npos) end = run.out.size();
    std::string line = run.out.substr(start, end - start);
    start = end + 1;
    if (line.size() <= 100) continue;
    // Only a single word longer than the width (a long URL) may run past it.
    line.erase(0, line.find_first_not_of(' '));
    if (line.rfind("- ", 0) == 0) line.erase(0, 2);
    INFO(line);
    CHECK(line.find(' ') == std::string::npos);
  }
  CHECK(contains(run.out, "Scar 'cheeks': suitable with caution"));
  CHECK(contains(run.out, "from layer scarwise-default"));
  CHECK(contains(run.out, "Restricting rules that did not apply:"));
  CHECK(contains(run.out, "not a diagnosis"));
}

TEST_CASE("explain --format json gives the same content for tools", "[cli][explain]") {
  const CliRun run =
      run_cli(explain_args(data("rules"), data("cases/rolling.yaml"), "--format json"));
  REQUIRE(run.exit_code == 0);
  CHECK(run.err.empty());
  CHECK(contains(run.out, "\"format\": \"scarwise.explanation/1\""));
  CHECK(contains(run.out, "\"focus_rule\": null"));
  CHECK(contains(run.out, "\"deciding_rules\": ["));
  CHECK(contains(run.out, "\"layer\": \"cli-test\""));
  CHECK(contains(run.out, "\"text\": \"patient.pregnant == true\""));
  CHECK(contains(run.out, "\"outcome\": \"not_fired\""));
  CHECK(contains(run.out, "\"suppressed\": []"));
  CHECK(contains(run.out, "\"evidence\": []"));  // no deciding rule and no plan rule cites any
  // Same input, same bytes, from a file or from standard input.
  const CliRun from_stdin =
      run_cli(explain_args(data("rules"), "-", "--format json"), data("cases/rolling.yaml"));
  CHECK(from_stdin.exit_code == 0);
  CHECK(from_stdin.out == run.out);

  const CliRun deferred =
      run_cli(explain_args(data("rules"), data("explain/pregnant.yaml"), "--format json"));
  REQUIRE(deferred.exit_code == 0);
  CHECK(contains(deferred.out, "\"deciding_rules\": [\n        \"defer.pregnancy\"\n      ]"));
  CHECK(contains(deferred.out, "\"cite\": \"Demo A. An example citation for tests. 2020.\""));

  const CliRun suppressed = run_cli(explain_args(kDefaultRules, kExample, "--format json"));
  REQUIRE(suppressed.exit_code == 0);
  CHECK(contains(suppressed.out, "\"suggested_by\": \"combine.ablative-laser-deep-atrophic\""));
  CHECK(contains(suppressed.out, "\"suppressed_by\": \"avoid.ablative-laser-dark-skin\""));
  CHECK(contains(suppressed.out, "\"url\": \"https://doi.org/10.1016/j.jaad.2015.09.024\""));
}

TEST_CASE("explain --rule shows every comparison of that rule", "[cli][explain]") {
  const CliRun run =
      run_cli(explain_args(data("rules"), data("cases/rolling.yaml"), "--rule avoid.dark-skin"));
  REQUIRE(run.exit_code == 0);
  CHECK(contains(run.out, "scarwise explanation of rule avoid.dark-skin"));
  CHECK(contains(run.out, "Condition: patient.fitzpatrick >= 4"));
  CHECK(contains(run.out,
                 "patient.fitzpatrick >= 4: true (patient.fitzpatrick is 5, compared "
                 "with 4), decisive"));
  CHECK(contains(run.out,
                 "Effect (it fired): avoid fractional_laser_ablative; precautions "
                 "pih_risk"));
  CHECK_FALSE(contains(run.out, "plan.rolling"));

  const CliRun json = run_cli(explain_args(data("rules"), data("cases/rolling.yaml"),
                                           "--rule avoid.dark-skin --format json"));
  REQUIRE(json.exit_code == 0);
  CHECK(contains(json.out, "\"focus_rule\": \"avoid.dark-skin\""));
  CHECK(contains(json.out, "\"condition\": \"patient.fitzpatrick >= 4\""));
  CHECK_FALSE(contains(json.out, "\"condition\": \"scar.type == rolling\""));
}

TEST_CASE("explain --scar keeps one scar", "[cli][explain]") {
  const CliRun run = run_cli(explain_args(kDefaultRules, kExample, "--scar temples"));
  REQUIRE(run.exit_code == 0);
  CHECK(contains(run.out, "Scar 'temples'"));
  CHECK_FALSE(contains(run.out, "Scar 'cheeks'"));
}

TEST_CASE("explain rejects an unknown scar or rule and a bad case, located, exit 2",
          "[cli][explain]") {
  SECTION("unknown scar") {
    const CliRun run = run_cli(explain_args(kDefaultRules, kExample, "--scar cheek"));
    CHECK(run.exit_code == 2);
    CHECK(run.out.empty());
    CHECK(contains(run.err, "rolling-acne-dark-skin.yaml:"));
    CHECK(contains(run.err, "error[E-EXPLAIN-UNKNOWN-SCAR]"));
    CHECK(contains(run.err, "did you mean 'cheeks'?"));
    CHECK(contains(run.err, "'temples'"));
  }
  SECTION("unknown rule") {
    const CliRun run =
        run_cli(explain_args(data("rules"), data("cases/rolling.yaml"), "--rule defer.pregnacy"));
    CHECK(run.exit_code == 2);
    CHECK(run.out.empty());
    CHECK(contains(run.err, "ruleset.yaml: error[E-EXPLAIN-UNKNOWN-RULE]"));
    CHECK(contains(run.err, "did you mean 'defer.pregnancy'?"));
  }
  SECTION("a case with an undeclared fact") {
    const CliRun run = run_cli(explain_args(data("rules"), data("cases/unknown_fact.yaml")));
    CHECK(run.exit_code == 2);
    CHECK(run.out.empty());
    CHECK(contains(run.err, "unknown_fact.yaml:5:"));
    CHECK(contains(run.err, "error[E-CASE-UNKNOWN-FACT]"));
  }
  SECTION("malformed YAML") {
    const CliRun run = run_cli(explain_args(data("rules"), data("cases/broken.yaml")));
    CHECK(run.exit_code == 2);
    CHECK(contains(run.err, "broken.yaml:"));
  }
  SECTION("a bad format") {
    const CliRun run =
        run_cli(explain_args(data("rules"), data("cases/rolling.yaml"), "--format xml"));
    CHECK(run.exit_code == 2);
  }
}
