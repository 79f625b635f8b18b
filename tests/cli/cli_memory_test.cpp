// Peak memory of the tool on inputs inside the size limits that are cheap to write and costly
// to hold: many tiny YAML values. Each bound is several times what the run needs and far below
// what it took before the node limit (the figures are in docs/performance.md). Skipped under
// sanitizers, whose shadow memory and quarantine make resident sizes meaningless.
#include <catch2/catch.hpp>

#include "cli_process.hpp"

using namespace scarwise_cli_test;

namespace {

/// "[a,a,...]" of `bytes` bytes, the densest YAML there is: one node per two bytes.
std::string dense_list(std::size_t bytes) {
  std::string text = "[a";
  text.reserve(bytes);
  while (text.size() + 3 <= bytes) text += ",a";
  return text + "]";
}

}  // namespace

TEST_CASE("loading seven 4 MiB files of tiny values stays small", "[cli][memory]") {
  const std::filesystem::path dir = temp_path("dense-rules");
  std::filesystem::create_directories(dir);
  std::string root = "schema_version: 1\nruleset: {id: dense, version: 1.0.0}\ninclude:\n";
  const std::string body = "rules: " + dense_list((4u << 20) - 8) + "\n";
  for (int i = 0; i < 7; ++i) {
    const std::string name = "part" + std::to_string(i) + ".yaml";
    std::ofstream(dir / name, std::ios::binary) << body;
    root += "  - " + name + "\n";
  }
  std::ofstream(dir / "ruleset.yaml", std::ios::binary) << root;
  const MeasuredRun run = run_measured({"check", dir.string()});
  std::filesystem::remove_all(dir);
  CHECK(run.exit_code == 2);
  CHECK(contains(run.output, "error[E-LIMIT-NODES]"));
  if (!kSanitized) CHECK(run.peak_kib < 160 * 1024);
}

TEST_CASE("loading seven 4 MiB files each just under the node limit stays small", "[cli][memory]") {
  // Each file passes its own node limit and is kept until the rules are read; the rule set's
  // node budget stops the load at the second.
  const std::filesystem::path dir = temp_path("near-limit-rules");
  std::filesystem::create_directories(dir);
  std::string root = "schema_version: 1\nruleset: {id: dense, version: 1.0.0}\ninclude:\n";
  std::string body = "evidence: [aaaaaaa";  // 8 bytes a node
  while (body.size() + 10 < (4u << 20) - 64) body += ",aaaaaaa";
  body += "]\n";
  for (int i = 0; i < 7; ++i) {
    const std::string name = "part" + std::to_string(i) + ".yaml";
    std::ofstream(dir / name, std::ios::binary) << body;
    root += "  - " + name + "\n";
  }
  std::ofstream(dir / "ruleset.yaml", std::ios::binary) << root;
  const MeasuredRun run = run_measured({"check", dir.string()});
  std::filesystem::remove_all(dir);
  CHECK(run.exit_code == 2);
  CHECK(contains(run.output, "error[E-LIMIT-NODES]: the rule set's files together"));
  if (!kSanitized) CHECK(run.peak_kib < 200 * 1024);
}

TEST_CASE("a 1 MiB YAML case of tiny values stays small", "[cli][memory]") {
  const std::filesystem::path file = temp_path("dense-case.yaml");
  std::ofstream(file, std::ios::binary)
      << "patient:\n  notes: " << dense_list((1u << 20) - 32) << "\nscars: []\n";
  const MeasuredRun run = run_measured({"eval", "-r", data("rules"), file.string()});
  std::filesystem::remove(file);
  CHECK(run.exit_code == 2);
  CHECK(contains(run.output, "error[E-LIMIT-NODES]"));
  if (!kSanitized) CHECK(run.peak_kib < 48 * 1024);
}
