// `scarwise check`: summaries, diagnostics and exit codes.
#include <boost/json.hpp>
#include <catch2/catch.hpp>
#include <regex>

#include "cli_runner.hpp"

using namespace scarwise_cli_test;

TEST_CASE("check accepts a valid rule set directory", "[cli][check]") {
  const CliRun run = run_cli("check " + quote(data("rules")));
  CHECK(run.exit_code == 0);
  CHECK(run.err.empty());
  // Its two lint findings: a citation without a url, a restricting rule without a message.
  const std::string root = data("rules") + "/ruleset.yaml";
  CHECK(contains(run.out, root + ":8:3: warning[W-EVIDENCE-INCOMPLETE]: "));
  CHECK(contains(run.out, root + ":30:5: warning[W-NO-MESSAGE]: "));
  CHECK(contains(run.out, "\n" + root + ": ok (7 rules, 2 warnings)\n"));
}

TEST_CASE("check accepts the root file itself", "[cli][check]") {
  const CliRun run = run_cli("check " + quote(data("rules/ruleset.yaml")));
  CHECK(run.exit_code == 0);
  CHECK(contains(run.out, "ruleset.yaml: ok (7 rules, 2 warnings)"));
}

TEST_CASE("check prints warnings but still succeeds", "[cli][check]") {
  const CliRun run = run_cli("check " + quote(data("warn_rules")));
  CHECK(run.exit_code == 0);
  CHECK(contains(run.out, ": warning[W-NEVER-TRUE]: "));
  CHECK(contains(run.out, "ruleset.yaml: ok (1 rule, 3 warnings)"));
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

TEST_CASE("check prints lint findings after the loader's, located and with a hint",
          "[cli][check][lint]") {
  const std::string root = data("lint_rules") + "/ruleset.yaml";
  const CliRun run = run_cli("check " + quote(data("lint_rules")));
  CHECK(run.exit_code == 0);
  CHECK(run.err.empty());
  CHECK(contains(run.out, root + ":11:3: warning[W-UNUSED-TREATMENT]: treatment 'laser' "));
  CHECK(contains(run.out, root + ":19:5: warning[W-NO-MESSAGE]: rule 'not.keloid' "));
  CHECK(contains(run.out, "\n  hint: "));
  CHECK(contains(run.out, root + ": ok (2 rules, 2 warnings)\n"));
}

TEST_CASE("check --strict exits 1 on any warning and 0 without one", "[cli][check][lint]") {
  CHECK(run_cli("check --strict " + quote(data("lint_rules"))).exit_code == 1);
  // A loader warning counts as much as a lint finding.
  CHECK(run_cli("check --strict " + quote(data("warn_rules"))).exit_code == 1);
  const CliRun clean = run_cli("check --strict " + quote(data("lint_clean")));
  CHECK(clean.exit_code == 0);
  CHECK(contains(clean.out, "ruleset.yaml: ok (2 rules, 0 warnings)\n"));
  // A rule set that does not load stays exit 2.
  CHECK(run_cli("check --strict " + quote(data("bad_rules"))).exit_code == 2);
}

TEST_CASE("check --format json prints one parsable array of every diagnostic",
          "[cli][check][lint]") {
  const CliRun run = run_cli("check --format json " + quote(data("lint_rules")));
  CHECK(run.exit_code == 0);
  CHECK(run.err.empty());
  const boost::json::array findings = boost::json::parse(run.out).as_array();
  REQUIRE(findings.size() == 2);
  const boost::json::object& unused = findings[0].as_object();
  CHECK(unused.at("severity") == "warning");
  CHECK(unused.at("code") == "W-UNUSED-TREATMENT");
  CHECK(std::string(unused.at("file").as_string()) == data("lint_rules") + "/ruleset.yaml");
  CHECK(unused.at("line").as_int64() == 11);
  CHECK(unused.at("column").as_int64() == 3);
  CHECK_FALSE(unused.at("hint").as_string().empty());
  CHECK(findings[1].as_object().at("code") == "W-NO-MESSAGE");

  CHECK(run_cli("check --strict --format json " + quote(data("lint_rules"))).exit_code == 1);
}

TEST_CASE("check --format json of a rule set that does not load", "[cli][check][lint]") {
  const CliRun run = run_cli("check --format json " + quote(data("bad_rules")));
  CHECK(run.exit_code == 2);
  const boost::json::array diagnostics = boost::json::parse(run.out).as_array();
  REQUIRE_FALSE(diagnostics.empty());
  CHECK(diagnostics[0].as_object().at("severity") == "error");
  CHECK(contains(run.err, "ruleset.yaml: failed ("));
}

TEST_CASE("check refuses an unknown --format", "[cli][check]") {
  CHECK(run_cli("check --format xml " + quote(data("rules"))).exit_code == 2);
}
