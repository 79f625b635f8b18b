// `scarwise analyze`: text and JSON reports, witness cases that `scarwise eval` accepts, exit
// codes and the budget.
#include <boost/json.hpp>
#include <catch2/catch.hpp>

#include <fstream>

#include "cli_runner.hpp"

using namespace scarwise_cli_test;

namespace {

std::string findings(const std::string& name) {
  return std::string(SCARWISE_SOURCE_DIR) + "/tests/analyze/data/findings/" + name + ".yaml";
}

}  // namespace

TEST_CASE("analyze of the default rule set finds no error and exits 0", "[cli][analyze]") {
  const std::string rules = std::string(SCARWISE_SOURCE_DIR) + "/rules/default";
  const CliRun run = run_cli("analyze " + quote(rules));
  CHECK(run.exit_code == 0);
  CHECK(run.err.empty());
  CHECK(contains(run.out, "ruleset.yaml: 0 errors, 0 warnings, "));
  CHECK(contains(run.out, "\n  keloid: not_suitable; no plan rule\n"));
}

TEST_CASE("analyze reports a gap as an error with a witness case, and exits 1",
          "[cli][analyze]") {
  const CliRun run = run_cli("analyze " + quote(findings("gap")));
  CHECK(run.exit_code == 1);
  CHECK(contains(run.out, findings("gap") + ":20:5: error[A-GAP]: a scar of type 'rolling' "));
  CHECK(contains(run.out, "\n  rules: plan.rolling (" + findings("gap") + ":20:5)\n"));
  CHECK(contains(run.out, "\n  hint: "));
  CHECK(contains(run.out, "\n  witness case:\n    patient: {}\n    scars:\n      - id: witness\n"
                          "        type: rolling\n"));
  CHECK(contains(run.out, ": 1 error, 0 warnings, "));
}

TEST_CASE("analyze locates a conflict at its rules", "[cli][analyze]") {
  const CliRun run = run_cli("analyze " + quote(findings("plan-conflict")));
  CHECK(run.exit_code == 1);
  CHECK(contains(run.out, findings("plan-conflict") + ":20:5: error[A-PLAN-CONFLICT]: "));
  CHECK(contains(run.out, "  rules: plan.severe (" + findings("plan-conflict") +
                              ":20:5), plan.rolling (" + findings("plan-conflict") + ":24:5)\n"));
}

TEST_CASE("analyze warnings alone exit 0", "[cli][analyze]") {
  const CliRun run = run_cli("analyze " + quote(findings("shadowed")));
  CHECK(run.exit_code == 0);
  CHECK(contains(run.out, ": warning[A-SHADOWED]: rule 'defer.keloid-severe' "));
}

TEST_CASE("analyze --format json gives the report, and its witness reproduces the gap",
          "[cli][analyze]") {
  const CliRun run = run_cli("analyze " + quote(findings("gap")) + " --format json");
  CHECK(run.exit_code == 1);
  const boost::json::object report = boost::json::parse(run.out).as_object();
  CHECK(report.at("format") == "scarwise.analysis/1");
  CHECK(report.at("complete") == true);
  CHECK(report.at("summary").at("errors") == 1);
  const boost::json::array& found = report.at("findings").as_array();
  REQUIRE(found.size() == 1);
  const boost::json::object& gap = found[0].as_object();
  CHECK(gap.at("code") == "A-GAP");
  CHECK(gap.at("severity") == "error");
  CHECK(gap.at("allowed") == false);
  REQUIRE(gap.at("rules").as_array().size() == 1);
  CHECK(gap.at("rules").at(0).at("id") == "plan.rolling");
  CHECK(report.at("overview").as_array().size() == 2);

  // The witness is a case `scarwise eval` takes: a rolling scar, suitable, without a plan.
  const std::filesystem::path witness = temp_path("witness.yaml");
  {
    std::ofstream out(witness);
    out << gap.at("witness_case").as_string().c_str();
  }
  const CliRun eval =
      run_cli("eval -r " + quote(findings("gap")) + " " + quote(witness.string()) +
              " --format json");
  std::filesystem::remove(witness);
  REQUIRE(eval.exit_code == 0);
  const boost::json::object assessment = boost::json::parse(eval.out).as_object();
  const boost::json::object& scar = assessment.at("scars").as_array()[0].as_object();
  CHECK(scar.at("suitability") == "suitable");
  CHECK(scar.at("plan").is_null());
}

TEST_CASE("analyze stops at --max-classes with a message and exits 2", "[cli][analyze]") {
  const std::string rules = std::string(SCARWISE_SOURCE_DIR) + "/rules/default";
  const CliRun run = run_cli("analyze " + quote(rules) + " --max-classes 10");
  CHECK(run.exit_code == 2);
  CHECK(contains(run.err, "analysis stopped: the analysis needs more than 10 classes"));
  CHECK(contains(run.err, "--max-classes"));
}

TEST_CASE("analyze of a rule set that does not load exits 2", "[cli][analyze]") {
  const CliRun run = run_cli("analyze " + quote(data("bad_rules")));
  CHECK(run.exit_code == 2);
  CHECK(run.out.empty());
  CHECK(contains(run.err, "error[E-"));
}

TEST_CASE("analyze rejects a bad option value", "[cli][analyze]") {
  CHECK(run_cli("analyze " + quote(findings("gap")) + " --format xml").exit_code == 2);
  CHECK(run_cli("analyze " + quote(findings("gap")) + " --max-classes 0").exit_code == 2);
}

TEST_CASE("analyze reports an allowed error and exits 0", "[cli][analyze]") {
  const CliRun run = run_cli("analyze " + quote(findings("plan-conflict-allowed")));
  CHECK(run.exit_code == 0);
  CHECK(contains(run.out, ": error[A-PLAN-CONFLICT] (allowed): "));
  CHECK(contains(run.out, ": 0 errors, 0 warnings, 0 info, 1 allowed"));
}
