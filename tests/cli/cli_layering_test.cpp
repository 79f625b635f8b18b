// The CLI with a layered rule set: --rules-path, the overlay's tests, --base-tests.
#include <catch2/catch.hpp>

#include <string>

#include "cli_runner.hpp"

using namespace scarwise_cli_test;

namespace {

const std::string kRulesPath = std::string(SCARWISE_SOURCE_DIR) + "/rules";
const std::string kOverlay = std::string(SCARWISE_SOURCE_DIR) + "/examples/clinic-overlay";
const std::string kCase =
    std::string(SCARWISE_SOURCE_DIR) + "/examples/cases/rolling-acne-dark-skin.yaml";

std::string with_rules_path() { return " --rules-path " + quote(kRulesPath); }

}  // namespace

TEST_CASE("eval finds scarwise:default on --rules-path and names both layers", "[cli][layering]") {
  const CliRun run = run_cli("eval -r " + quote(kOverlay) + with_rules_path() + " " + quote(kCase));
  CHECK(run.exit_code == 0);
  CHECK(run.out.find("Rule set: northgate-clinic 1.2.0\nExtends: scarwise-default 1.1.0\n") !=
        std::string::npos);
}

TEST_CASE("each --rules-path takes one directory, never the case file after it", "[cli][layering]") {
  // The case follows --rules-path and options follow the case: each command keeps its case.
  for (const std::string command : {"eval --explain", "explain --scar cheeks"}) {
    const CliRun run = run_cli(command + " -r " + quote(kOverlay) + with_rules_path() + " " +
                               quote(kCase) + " --format json");
    INFO(command << ": " << run.err);
    CHECK(run.exit_code == 0);
    CHECK(run.out.find("\"northgate-clinic\"") != std::string::npos);
  }
  const CliRun twice = run_cli("eval -r " + quote(kOverlay) + " --rules-path " +
                               quote(std::string(SCARWISE_TEST_DATA_DIR)) + with_rules_path() +
                               " " + quote(kCase));
  INFO(twice.err);
  CHECK(twice.exit_code == 0);
}

TEST_CASE("without a directory holding it, scarwise:default is a located error",
          "[cli][layering]") {
  // An empty search path and no installed share directory in the build tree.
  const CliRun run = run_cli("check " + quote(kOverlay) + " --rules-path " +
                             quote(std::string(SCARWISE_TEST_DATA_DIR)));
  if (run.exit_code == 0) {
    SUCCEED("scarwise is installed on this machine: its share directory holds the default set");
    return;
  }
  CHECK(run.exit_code == 2);
  CHECK(run.err.find("ruleset.yaml:16:10: error[E-EXTENDS-NOT-FOUND]") != std::string::npos);
  CHECK(run.err.find("--rules-path") != std::string::npos);
}

TEST_CASE("test --base-tests lists the base behaviours the overlay changes", "[cli][layering]") {
  const CliRun run = run_cli("test " + quote(kOverlay) + with_rules_path() + " --base-tests");
  // The overlay's own tests pass; the base's failures are findings about the overlay, listed.
  CHECK(run.exit_code == 0);
  CHECK(run.out.find("11 passed, 0 failed") != std::string::npos);
  CHECK(run.out.find("Tests of base scarwise-default 1.1.0") != std::string::npos);
  CHECK(run.out.find("fail only on completeness") != std::string::npos);
  CHECK(run.out.find("(added: patient.sunbed_use)") != std::string::npos);
  // Pregnancy is referred, not deferred, so the base's pregnancy deferral test now fails.
  CHECK(run.out.find("show a base behaviour this rule set changes") != std::string::npos);
  CHECK(run.out.find("pregnan") != std::string::npos);
}

TEST_CASE("test --base-tests on a rule set that extends none is a usage error", "[cli][layering]") {
  const CliRun run = run_cli("test " + quote(kRulesPath + "/default") + " --base-tests");
  CHECK(run.exit_code == 2);
  CHECK(run.err.find("--base-tests needs a rule set that extends another") != std::string::npos);
}
