// Hostile files (tests/data/hostile) read as rule sets, cases and test files: each gives the
// first error tests/data/hostile/expectations.txt announces, and every file read in every way
// ends cleanly and quickly with located diagnostics.
#include <algorithm>
#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <scarwise/scarwise.hpp>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using scarwise::Diagnostic;
using scarwise::Severity;

namespace {

const fs::path kHostile = fs::path(SCARWISE_TEST_DATA_DIR) / "hostile";

struct Outcome {
  bool ok = false;
  std::vector<Diagnostic> diagnostics;
};

const scarwise::Engine& engine() {
  static const scarwise::Engine instance{scarwise::RuleSet::load_file(
      (fs::path(SCARWISE_TEST_DATA_DIR) / "good_rules" / "single.yaml").string())};
  return instance;
}

Outcome read_as(const std::string& kind, const fs::path& file) {
  Outcome out;
  if (kind == "rules") {
    const scarwise::LoadResult result = scarwise::RuleSet::try_load_file(file.string());
    out.ok = result.ok();
    out.diagnostics = result.diagnostics();
  } else if (kind == "tests") {
    const scarwise::TestSuiteLoadResult result = scarwise::TestSuite::try_load_file(file.string());
    out.ok = result.ok();
    out.diagnostics = result.diagnostics();
  } else {
    REQUIRE(kind == "case");
    try {
      out.diagnostics = engine().validate(scarwise::Case::from_file(file.string()));
      out.ok = out.diagnostics.empty();
    } catch (const scarwise::CaseError& e) {
      out.diagnostics = e.diagnostics();
    }
  }
  return out;
}

const Diagnostic* first_error(const Outcome& outcome) {
  for (const Diagnostic& d : outcome.diagnostics) {
    if (d.severity == Severity::error) return &d;
  }
  return nullptr;
}

struct Expectation {
  std::string file;
  std::string kind;
  std::string code;  ///< "ok" or the first error's code
  int line = 0;
  int column = 0;
};

std::vector<Expectation> expectations() {
  std::ifstream in(kHostile / "expectations.txt");
  REQUIRE(in);
  std::vector<Expectation> out;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream fields(line);
    Expectation e;
    std::string where;
    fields >> e.file >> e.kind >> e.code >> where;
    if (e.code != "ok") {
      const std::size_t colon = where.find(':');
      REQUIRE(colon != std::string::npos);
      e.line = std::stoi(where.substr(0, colon));
      e.column = std::stoi(where.substr(colon + 1));
    }
    out.push_back(e);
  }
  return out;
}

std::vector<fs::path> hostile_files() {
  std::vector<fs::path> files;
  for (const fs::directory_entry& entry : fs::directory_iterator(kHostile)) {
    const fs::path& path = entry.path();
    if (path.extension() == ".yaml" || path.extension() == ".json") files.push_back(path);
  }
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace

TEST_CASE("each hostile file gives the first error it announces", "[hostile]") {
  const std::vector<Expectation> expected = expectations();
  REQUIRE(expected.size() > 30);
  for (const Expectation& e : expected) {
    INFO(e.file << " read as " << e.kind);
    const Outcome outcome = read_as(e.kind, kHostile / e.file);
    if (e.code == "ok") {
      CHECK(outcome.ok);
      CHECK(first_error(outcome) == nullptr);
      continue;
    }
    CHECK_FALSE(outcome.ok);
    const Diagnostic* error = first_error(outcome);
    REQUIRE(error != nullptr);
    CHECK(error->code == e.code);
    CHECK(error->file == (kHostile / e.file).string());
    CHECK(error->line == e.line);
    CHECK(error->column == e.column);
  }
}

TEST_CASE("every hostile file is listed in expectations.txt", "[hostile]") {
  std::set<std::string> listed;
  for (const Expectation& e : expectations()) listed.insert(e.file);
  for (const fs::path& file : hostile_files()) {
    INFO(file.filename().string());
    CHECK(listed.count(file.filename().string()) == 1);
  }
}

TEST_CASE("every hostile file, read in every way, ends cleanly and quickly", "[hostile]") {
  const std::size_t max_diagnostics = scarwise::LoadOptions{}.max_errors + 1;
  for (const fs::path& file : hostile_files()) {
    for (const std::string kind : {"rules", "case", "tests"}) {
      INFO(file.filename().string() << " read as " << kind);
      const auto start = std::chrono::steady_clock::now();
      const Outcome outcome = read_as(kind, file);
      const double seconds =
          std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      CHECK(seconds < 1.0);
      // All or nothing: a result without errors, or errors and no result.
      CHECK(outcome.ok == (first_error(outcome) == nullptr));
      CHECK(outcome.diagnostics.size() <= max_diagnostics);
      for (const Diagnostic& d : outcome.diagnostics) {
        CHECK(d.code.size() > 2);
        CHECK_FALSE(d.message.empty());
        CHECK(d.file == file.string());
        CHECK(d.line >= 0);
        CHECK(d.column >= 0);
      }
    }
  }
}

TEST_CASE("a byte order mark is kept in the digest, so the bytes stay auditable", "[hostile]") {
  const fs::path with_bom = kHostile / "utf8_bom.yaml";
  std::ifstream in(with_bom, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  const std::string text = bytes.str();
  REQUIRE(text.compare(0, 3, "\xEF\xBB\xBF") == 0);
  const scarwise::RuleSet from_file = scarwise::RuleSet::load_file(with_bom.string());
  const scarwise::RuleSet without_bom =
      scarwise::RuleSet::load_string(text.substr(3), "utf8_bom.yaml");
  const scarwise::RuleSet with_bom_in_memory =
      scarwise::RuleSet::load_string(text, "utf8_bom.yaml");
  CHECK(from_file.digest() == with_bom_in_memory.digest());
  CHECK(from_file.digest() != without_bom.digest());
  CHECK(from_file.rule_ids() == without_bom.rule_ids());
}
