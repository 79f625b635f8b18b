// `scarwise eval`: text and JSON output, explanation, stdin and bad cases.
#include <catch2/catch.hpp>

#include "cli_runner.hpp"

using namespace scarwise_cli_test;

namespace {

std::string eval_args(const std::string& case_file, const std::string& extra = "") {
  return "eval -r " + quote(data("rules")) + " " + extra + (extra.empty() ? "" : " ") +
         quote(case_file);
}

}  // namespace

TEST_CASE("eval prints a text assessment by default", "[cli][eval]") {
  const CliRun run = run_cli(eval_args(data("cases/rolling.yaml")));
  CHECK(run.exit_code == 0);
  CHECK(run.err.empty());
  CHECK(contains(run.out, "cheeks"));
  CHECK(contains(run.out, "suitable"));
  CHECK_FALSE(contains(run.out, "\"format\""));
}

TEST_CASE("eval --format json prints the assessment contract", "[cli][eval]") {
  const CliRun run = run_cli(eval_args(data("cases/rolling.yaml"), "--format json"));
  CHECK(run.exit_code == 0);
  CHECK(run.err.empty());
  CHECK(contains(run.out, "\"format\": \"scarwise.assessment/1\""));
  CHECK(contains(run.out, "\"id\": \"cheeks\""));
  CHECK(contains(run.out, "\"id\": \"cli-test\""));
  CHECK(contains(run.out, "subcision"));
  CHECK_FALSE(contains(run.out, "\"trace\""));
}

TEST_CASE("eval --explain adds the trace", "[cli][eval]") {
  const CliRun plain = run_cli(eval_args(data("cases/rolling.yaml"), "--format json"));
  const CliRun json = run_cli(eval_args(data("cases/rolling.yaml"), "--format json --explain"));
  CHECK(json.exit_code == 0);
  CHECK(contains(json.out, "\"trace\""));
  CHECK(contains(json.out, "\"result\": \"not_fired\""));
  CHECK(json.out.size() > plain.out.size());

  const CliRun text = run_cli(eval_args(data("cases/rolling.yaml"), "--explain"));
  const CliRun short_text = run_cli(eval_args(data("cases/rolling.yaml")));
  CHECK(text.exit_code == 0);
  CHECK(text.out != short_text.out);
  // The rule that did not fire only shows up when the trace is asked for.
  CHECK(contains(text.out, "defer.pregnancy"));
}

TEST_CASE("eval reads JSON and YAML cases alike, from files and stdin", "[cli][eval]") {
  const CliRun yaml = run_cli(eval_args(data("cases/rolling.yaml"), "--format json"));
  const CliRun json = run_cli(eval_args(data("cases/rolling.json"), "--format json"));
  const CliRun yaml_stdin = run_cli(eval_args("-", "--format json"), data("cases/rolling.yaml"));
  const CliRun json_stdin = run_cli(eval_args("-", "--format json"), data("cases/rolling.json"));
  REQUIRE(yaml.exit_code == 0);
  CHECK(json.exit_code == 0);
  CHECK(yaml_stdin.exit_code == 0);
  CHECK(json_stdin.exit_code == 0);
  // Same case, same rules: byte-identical output, case digest included.
  CHECK(json.out == yaml.out);
  CHECK(yaml_stdin.out == yaml.out);
  CHECK(json_stdin.out == yaml.out);
}

TEST_CASE("eval rejects a case with an undeclared fact, located, exit 2", "[cli][eval]") {
  const CliRun run = run_cli(eval_args(data("cases/unknown_fact.yaml")));
  CHECK(run.exit_code == 2);
  CHECK(run.out.empty());
  CHECK(contains(run.err, "unknown_fact.yaml:5:"));
  CHECK(contains(run.err, "error[E-CASE-UNKNOWN-FACT]"));
  CHECK(contains(run.err, "severity"));  // the did-you-mean hint
}

TEST_CASE("eval rejects malformed YAML, located, exit 2", "[cli][eval]") {
  const CliRun run = run_cli(eval_args(data("cases/broken.yaml")));
  CHECK(run.exit_code == 2);
  CHECK(run.out.empty());
  CHECK(contains(run.err, "broken.yaml:"));
  CHECK(contains(run.err, "error[E-YAML"));
}

TEST_CASE("eval explains a tab in the indentation and YAML in a .json file", "[cli][eval]") {
  const CliRun tab = run_cli(eval_args(data("cases/tab-indented.yaml")));
  CHECK(tab.exit_code == 2);
  CHECK(contains(tab.err, "tab-indented.yaml:2:"));
  CHECK(contains(tab.err, "error[E-YAML-SYNTAX]"));
  CHECK(contains(tab.err, "hint: a tab is used for indentation"));

  const CliRun mixed = run_cli(eval_args(data("cases/yaml-named-json.json")));
  CHECK(mixed.exit_code == 2);
  CHECK(contains(mixed.err, "yaml-named-json.json:1:1: error[E-CASE-SYNTAX]"));
  CHECK(contains(mixed.err, "this looks like YAML, but JSON was expected"));
}

TEST_CASE("eval reports unreadable inputs with exit 2", "[cli][eval]") {
  SECTION("missing case file") {
    const CliRun run = run_cli(eval_args(data("cases/no-such-case.yaml")));
    CHECK(run.exit_code == 2);
    CHECK(contains(run.err, "no-such-case.yaml: error[E-CASE-READ]"));
    CHECK(contains(run.err, "no such file"));
    CHECK(contains(run.err, "hint: "));
  }
  SECTION("a directory instead of a case") {
    const CliRun run = run_cli(eval_args(data("cases")));
    CHECK(run.exit_code == 2);
    CHECK(contains(run.err, "error[E-CASE-READ]"));
  }
  SECTION("endless stdin is cut off at the size limit") {
    const CliRun run = run_cli(eval_args("-"), "/dev/zero");
    CHECK(run.exit_code == 2);
    CHECK(contains(run.err, "<stdin>: error[E-CASE-TOO-LARGE]"));
    CHECK(contains(run.err, "the limit of 1048576 bytes"));
  }
  SECTION("empty stdin") {
    const CliRun run = run_cli(eval_args("-"));
    CHECK(run.exit_code == 2);
    CHECK(contains(run.err, "error["));
  }
  SECTION("broken rule set") {
    const CliRun run =
        run_cli("eval -r " + quote(data("bad_rules")) + " " + quote(data("cases/rolling.yaml")));
    CHECK(run.exit_code == 2);
    CHECK(run.out.empty());
    CHECK(contains(run.err, "ruleset.yaml:7:5: error["));
  }
}

TEST_CASE("eval --explain refuses an int too large for 64 bits instead of wrapping it",
          "[cli][eval][numbers]") {
  for (const char* name : {"numbers/huge_count.json", "numbers/huge_count.yaml"}) {
    INFO(name);
    const CliRun run = run_cli("eval -r " + quote(data("numbers")) + " --explain " +
                               quote(data(name)));
    CHECK(run.exit_code == 2);
    CHECK(contains(run.err, "error[E-CASE-RANGE]"));
    CHECK(contains(run.err, "patient.count must be an integer"));
    CHECK_FALSE(contains(run.out, "-9223372036854775808"));  // the value, wrapped
    CHECK_FALSE(contains(run.out, "count.large"));
  }
}
