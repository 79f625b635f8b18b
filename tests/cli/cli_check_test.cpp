// `scarwise check`: summaries, diagnostics and exit codes.
#include <catch2/catch.hpp>
#include <regex>

#include "cli_runner.hpp"

using namespace scarwise_cli_test;

TEST_CASE("check accepts a valid rule set directory", "[cli][check]") {
  const CliRun run = run_cli("check " + quote(data("rules")));
  CHECK(run.exit_code == 0);
  CHECK(run.err.empty());
  CHECK(run.out == data("rules") + "/ruleset.yaml: ok (7 rules, 0 warnings)\n");
}

TEST_CASE("check accepts the root file itself", "[cli][check]") {
  const CliRun run = run_cli("check " + quote(data("rules/ruleset.yaml")));
  CHECK(run.exit_code == 0);
  CHECK(contains(run.out, "ruleset.yaml: ok (7 rules, 0 warnings)"));
}

TEST_CASE("check prints warnings but still succeeds", "[cli][check]") {
  const CliRun run = run_cli("check " + quote(data("warn_rules")));
  CHECK(run.exit_code == 0);
  CHECK(contains(run.out, ": warning[W-NEVER-TRUE]: "));
  CHECK(contains(run.out, "ruleset.yaml: ok (1 rule, 1 warning)"));
}

TEST_CASE("check reports located errors and exits 2", "[cli][check]") {
  const CliRun run = run_cli("check " + quote(data("bad_rules")));
  CHECK(run.exit_code == 2);
  CHECK(run.out.empty());
  // file:line:col: error[CODE]: message, then an indented hint.
  const std::regex line(R"(bad_rules/ruleset\.yaml:7:5: error\[E-[A-Z0-9-]+\]: .+)");
  CHECK(std::regex_search(run.err, line));
  CHECK(contains(run.err, "\n  hint: did you mean 'when'?"));
  CHECK(contains(run.err, "ruleset.yaml: failed ("));
}

TEST_CASE("check of a missing rule set exits 2", "[cli][check]") {
  const CliRun run = run_cli("check " + quote(data("no-such-rules")));
  CHECK(run.exit_code == 2);
  CHECK(contains(run.err, "no-such-rules"));
}
