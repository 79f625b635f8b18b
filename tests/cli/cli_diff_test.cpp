// `scarwise diff`: exit codes, text and JSON reports, load errors and the class budget.
#include <boost/json.hpp>
#include <catch2/catch.hpp>

#include "cli_runner.hpp"

using namespace scarwise_cli_test;

namespace {

const std::string kSource = SCARWISE_SOURCE_DIR;
const std::string kOld = kSource + "/tests/analyze/data/diff/old.yaml";
const std::string kNew = kSource + "/tests/analyze/data/diff/new.yaml";
const std::string kRulesPath = " --rules-path " + quote(kSource + "/rules");

}  // namespace

TEST_CASE("diff of a rule set with itself exits 0", "[cli][diff]") {
  const CliRun run = run_cli("diff " + quote(kOld) + " " + quote(kOld));
  CHECK(run.exit_code == 0);
  CHECK(run.err.empty());
  CHECK(contains(run.out, "Rules (0 differ):\n  none\n"));
  CHECK(contains(run.out, "Assessments: the same for every case.\n"));
}

TEST_CASE("diff lists rules and changes and exits 1 when assessments differ", "[cli][diff]") {
  const CliRun run = run_cli("diff " + quote(kOld) + " " + quote(kNew));
  CHECK(run.exit_code == 1);
  CHECK(run.err.empty());
  CHECK(contains(run.out, "  changed  caution.minor: when\n"));
  CHECK(contains(run.out, "  removed  prp.volume\n"));
  CHECK(contains(run.out, "  added    avoid.subcision-dark-skin\n"));
  CHECK(contains(run.out, ". verdict: suitable_with_caution -> suitable\n"
                          "   because of caution.minor (changed)\n"
                          "   - patient.age [16, 17] and patient.pregnant in {not given, false}\n"));
  CHECK(contains(run.out, "     witness: {patient: {age: 16}, scars: [{id: witness, type: rolling}]}\n"));
}

TEST_CASE("diff --format json is a scarwise.diff/1 document", "[cli][diff]") {
  const CliRun run = run_cli("diff " + quote(kOld) + " " + quote(kNew) + " --format json");
  CHECK(run.exit_code == 1);
  const boost::json::object doc = boost::json::parse(run.out).as_object();
  CHECK(doc.at("format") == "scarwise.diff/1");
  CHECK(doc.at("assessments_differ") == true);
  CHECK(doc.at("old").at("id") == "diff-old");
  CHECK(doc.at("new").at("version") == "2.0.0");
  CHECK(doc.at("rules").as_array().size() == 5);
  const boost::json::array& regions = doc.at("regions").as_array();
  REQUIRE_FALSE(regions.empty());
  for (const boost::json::value& region : regions) {
    CHECK(region.at("confirmed") == true);
    CHECK(std::string(region.at("new_case").as_string()).rfind("patient:", 0) == 0);
    CHECK_FALSE(region.at("changes").as_array().empty());
  }
  CHECK(doc.at("summaries").as_array().size() == 6);
}

TEST_CASE("the witness of a diff region is a case scarwise eval reads", "[cli][diff]") {
  const CliRun run = run_cli("diff " + quote(kOld) + " " + quote(kNew) + " --format json");
  const boost::json::object doc = boost::json::parse(run.out).as_object();
  for (const boost::json::value& summary : doc.at("summaries").as_array()) {
    if (summary.at("change").at("part") != "verdict") continue;
    const std::string witness(summary.at("areas").as_array().at(0).at("new_case").as_string());
    const std::filesystem::path file = temp_path("witness.yaml");
    std::ofstream(file) << witness;
    const CliRun before = run_cli("eval -r " + quote(kOld) + " " + quote(file.string()) + " --format json");
    const CliRun after = run_cli("eval -r " + quote(kNew) + " " + quote(file.string()) + " --format json");
    std::filesystem::remove(file);
    CHECK(before.exit_code == 0);
    CHECK(after.exit_code == 0);
    CHECK(contains(before.out, "\"suitability\": \"suitable_with_caution\""));
    CHECK(contains(after.out, "\"suitability\": \"suitable\""));
  }
}

TEST_CASE("diff of the default rule set and the clinic overlay", "[cli][diff]") {
  const CliRun run = run_cli("diff " + quote(kSource + "/rules/default") + " " +
                             quote(kSource + "/examples/clinic-overlay") + kRulesPath);
  CHECK(run.exit_code == 1);
  CHECK(contains(run.out, "  removed  defer.pregnancy (disabled by northgate-clinic)\n"));
  CHECK(contains(run.out, ". precautions: + no_sunbed\n"
                          "   because of clinic.caution.sunbed (added)\n"
                          "   - patient.sunbed_use = true\n"));
}

TEST_CASE("diff reports a rule set that does not load and exits 2", "[cli][diff]") {
  const CliRun missing = run_cli("diff " + quote(kOld) + " " + quote(kSource + "/no/such/rules"));
  CHECK(missing.exit_code == 2);
  CHECK(missing.out.empty());
  CHECK(contains(missing.err, "scarwise: error: cannot load the rule set"));
  const CliRun usage = run_cli("diff " + quote(kOld));
  CHECK(usage.exit_code == 2);
}

TEST_CASE("diff stops at --max-classes and exits 2", "[cli][diff]") {
  const CliRun run = run_cli("diff " + quote(kSource + "/rules/default") + " " +
                             quote(kSource + "/examples/clinic-overlay") + kRulesPath +
                             " --max-classes 50");
  CHECK(run.exit_code == 2);
  CHECK(run.out.empty());
  CHECK(contains(run.err, "scarwise: error: the rule sets are too large to compare exactly: "
                          "the comparison needs more than 50 fact classes (--max-classes)"));
}

TEST_CASE("diff refuses rule sets whose facts cannot be compared", "[cli][diff]") {
  const CliRun run = run_cli("diff " + quote(kOld) + " " +
                             quote(kSource + "/tests/analyze/data/diff/retyped.yaml"));
  CHECK(run.exit_code == 2);
  CHECK(contains(run.err, "cannot be compared: fact 'patient.age' is declared as int"));
}
