// The scarwise binary: version, help and usage errors.
#include <catch2/catch.hpp>

#include "cli_runner.hpp"

using namespace scarwise_cli_test;

TEST_CASE("version flag prints the library version", "[cli]") {
  const CliRun run = run_cli("--version");
  CHECK(run.exit_code == 0);
  CHECK(run.out == "scarwise 0.1.0\n");
  CHECK(run.err.empty());
}

TEST_CASE("help flag lists the commands on stdout", "[cli]") {
  const CliRun run = run_cli("--help");
  CHECK(run.exit_code == 0);
  CHECK(contains(run.out, "eval"));
  CHECK(contains(run.out, "check"));
  CHECK(contains(run.out, "test"));
}

TEST_CASE("usage errors exit 2 with a message on stderr", "[cli]") {
  SECTION("no command") {
    const CliRun run = run_cli("");
    CHECK(run.exit_code == 2);
    CHECK_FALSE(run.err.empty());
    CHECK(run.out.empty());
  }
  SECTION("unknown command") {
    const CliRun run = run_cli("frobnicate");
    CHECK(run.exit_code == 2);
    CHECK(contains(run.err, "frobnicate"));
  }
  SECTION("eval without --rules") {
    const CliRun run = run_cli("eval " + quote(data("cases/rolling.yaml")));
    CHECK(run.exit_code == 2);
    CHECK(contains(run.err, "--rules"));
  }
  SECTION("eval with an unknown format") {
    const CliRun run = run_cli("eval -r " + quote(data("rules")) + " --format xml " +
                               quote(data("cases/rolling.yaml")));
    CHECK(run.exit_code == 2);
    CHECK(contains(run.err, "xml"));
    CHECK(run.out.empty());
  }
  SECTION("check without a rule set") {
    const CliRun run = run_cli("check");
    CHECK(run.exit_code == 2);
    CHECK_FALSE(run.err.empty());
  }
}
