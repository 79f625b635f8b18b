// Untrusted paths and the limits on cases, through the public API: includes never leave the
// root file's directory (symlinks are resolved first), only regular files are read (a FIFO
// never blocks a load), and a hostile case is stopped by size, depth, scar count or error count
// with a located error.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include "../support/fifo_unblocker.hpp"

#include <catch2/catch.hpp>
#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <fstream>
#include <functional>
#include <mutex>
#include <scarwise/scarwise.hpp>
#include <string>
#include <thread>
#include <vector>

namespace fs = std::filesystem;
using scarwise::Diagnostic;
using scarwise::LoadResult;
using scarwise::RuleSet;
using scarwise::Severity;

namespace {

/// A scratch directory holding `rules/` (the rule set) and `outside/` (what it must not reach).
class Sandbox {
 public:
  Sandbox() {
    static std::atomic<int> counter{0};
    path_ = fs::temp_directory_path() /
            ("scarwise-paths-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    fs::remove_all(path_);
    fs::create_directories(path_ / "rules");
    fs::create_directories(path_ / "outside");
    write("outside/facts.yaml", kFacts);
    write("rules/facts.yaml", kFacts);
  }
  Sandbox(const Sandbox&) = delete;
  Sandbox& operator=(const Sandbox&) = delete;
  ~Sandbox() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }

  fs::path path(const std::string& relative) const { return path_ / relative; }
  fs::path write(const std::string& relative, const std::string& text) const {
    const fs::path file = path_ / relative;
    fs::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << text;
    return file;
  }
  /// rules/ruleset.yaml including `include` (written as a YAML string).
  std::string root_including(const std::string& include) const {
    const std::string text =
        "schema_version: 1\n"
        "ruleset: {id: paths, version: 1.0.0}\n"
        "include: [\"" +
        include + "\"]\n" + kRule;
    write("rules/ruleset.yaml", text);
    return path("rules/ruleset.yaml").string();
  }

  static inline const std::string kFacts =
      "facts:\n  scar.type: {type: enum, values: [rolling, boxcar], required: true}\n";
  static inline const std::string kRule =
      "rules:\n"
      "  - id: r\n"
      "    when: scar.type == rolling\n"
      "    then: {suitability: suitable_with_caution}\n";

 private:
  fs::path path_;
};

/// The load failed and its first error is `code` at line:column of `file`.
void require_first_error(const LoadResult& result, const std::string& code, const std::string& file,
                         int line, int column) {
  CHECK_FALSE(result.ok());
  REQUIRE_FALSE(result.diagnostics().empty());
  const Diagnostic& d = result.diagnostics().front();
  CHECK(d.severity == Severity::error);
  CHECK(d.code == code);
  CHECK(d.file == file);
  CHECK(d.line == line);
  CHECK(d.column == column);
}

using scarwise_test::FifoUnblocker;

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

/// The case could not be read: its first diagnostic is `code` at line:column.
void require_case_error(const std::function<scarwise::Case()>& read, const std::string& code,
                        int line, int column) {
  try {
    read();
    FAIL("the case was read");
  } catch (const scarwise::CaseError& e) {
    REQUIRE_FALSE(e.diagnostics().empty());
    CHECK(e.diagnostics()[0].code == code);
    CHECK(e.diagnostics()[0].line == line);
    CHECK(e.diagnostics()[0].column == column);
  }
}

std::string json_case_with_scars(std::size_t count) {
  std::string text = "{\"patient\": {},\n \"scars\": [\n";
  for (std::size_t i = 0; i < count; ++i) {
    text += std::string(i ? ",\n" : "") + "  {\"id\": \"s" + std::to_string(i) +
            "\", \"type\": \"rolling\"}";
  }
  return text + "\n]}\n";
}

}  // namespace

TEST_CASE("an include inside the root directory loads", "[paths]") {
  const Sandbox box;
  const LoadResult result = RuleSet::try_load_file(box.root_including("facts.yaml"));
  CHECK(result.ok());
}

TEST_CASE("an include cannot climb out of the root directory", "[paths]") {
  const Sandbox box;
  SECTION("with ..") {
    const std::string root = box.root_including("../outside/facts.yaml");
    require_first_error(RuleSet::try_load_file(root), "E-INCLUDE-ESCAPE", root, 3, 11);
  }
  SECTION("with .. that comes back in, after leaving") {
    const std::string root = box.root_including("../rules/facts.yaml");
    // The path ends inside, so it is allowed: only where a path ends counts.
    CHECK(RuleSet::try_load_file(root).ok());
  }
  SECTION("with an absolute path") {
    const std::string root = box.root_including(box.path("rules/facts.yaml").string());
    require_first_error(RuleSet::try_load_file(root), "E-INCLUDE-ESCAPE", root, 3, 11);
  }
}

TEST_CASE("symlinks are resolved before the escape check", "[paths]") {
  const Sandbox box;
  SECTION("a link to a file outside") {
    fs::create_symlink(box.path("outside/facts.yaml"), box.path("rules/linked.yaml"));
    const std::string root = box.root_including("linked.yaml");
    require_first_error(RuleSet::try_load_file(root), "E-INCLUDE-ESCAPE", root, 3, 11);
  }
  SECTION("a relative link climbing out") {
    fs::create_symlink("../outside/facts.yaml", box.path("rules/linked.yaml"));
    const std::string root = box.root_including("linked.yaml");
    require_first_error(RuleSet::try_load_file(root), "E-INCLUDE-ESCAPE", root, 3, 11);
  }
  SECTION("a linked directory that points outside") {
    fs::create_directory_symlink(box.path("outside"), box.path("rules/shared"));
    const std::string root = box.root_including("shared/facts.yaml");
    require_first_error(RuleSet::try_load_file(root), "E-INCLUDE-ESCAPE", root, 3, 11);
  }
  SECTION("a linked directory that stays inside is fine") {
    fs::create_directories(box.path("rules/real"));
    box.write("rules/real/facts.yaml", Sandbox::kFacts);
    fs::create_directory_symlink(box.path("rules/real"), box.path("rules/alias"));
    CHECK(RuleSet::try_load_file(box.root_including("alias/facts.yaml")).ok());
  }
  SECTION("a dangling link is a missing file, not a way out") {
    fs::create_symlink(box.path("outside/none.yaml"), box.path("rules/dangling.yaml"));
    const std::string root = box.root_including("dangling.yaml");
    require_first_error(RuleSet::try_load_file(root), "E-FILE-NOT-FOUND", root, 3, 11);
  }
}

TEST_CASE("only regular files are read: FIFOs, devices and directories are refused", "[paths]") {
  const Sandbox box;
  SECTION("a FIFO as the root file does not block the load") {
    const fs::path fifo = box.path("rules/fifo.yaml");
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    const FifoUnblocker unblocker(fifo);
    const auto start = std::chrono::steady_clock::now();
    require_first_error(RuleSet::try_load_file(fifo.string()), "E-FILE-READ", fifo.string(), 0, 0);
    CHECK(seconds_since(start) < 2.0);
  }
  SECTION("a FIFO as an include does not block the load") {
    const fs::path fifo = box.path("rules/fifo.yaml");
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    const FifoUnblocker unblocker(fifo);
    const std::string root = box.root_including("fifo.yaml");
    const auto start = std::chrono::steady_clock::now();
    require_first_error(RuleSet::try_load_file(root), "E-FILE-READ", root, 3, 11);
    CHECK(seconds_since(start) < 2.0);
  }
  SECTION("a directory as an include") {
    fs::create_directories(box.path("rules/more"));
    const std::string root = box.root_including("more");
    require_first_error(RuleSet::try_load_file(root), "E-FILE-READ", root, 3, 11);
  }
  SECTION("a directory without ruleset.yaml as the root") {
    const LoadResult result = RuleSet::try_load_file(box.path("outside").string());
    CHECK_FALSE(result.ok());
    REQUIRE_FALSE(result.diagnostics().empty());
    CHECK(result.diagnostics()[0].code == "E-FILE-NOT-FOUND");
  }
  SECTION("a device as the root file") {
    if (!fs::exists("/dev/null")) return;
    require_first_error(RuleSet::try_load_file("/dev/null"), "E-FILE-READ", "/dev/null", 0, 0);
  }
  SECTION("a FIFO as a case file") {
    const fs::path fifo = box.path("case.json");
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    const FifoUnblocker unblocker(fifo);
    const auto start = std::chrono::steady_clock::now();
    require_case_error([&] { return scarwise::Case::from_file(fifo.string()); }, "E-CASE-READ", 0,
                       0);
    CHECK(seconds_since(start) < 2.0);
  }
  SECTION("a FIFO as a test file") {
    const fs::path fifo = box.path("tests.yaml");
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    const FifoUnblocker unblocker(fifo);
    const auto start = std::chrono::steady_clock::now();
    const scarwise::TestSuiteLoadResult result = scarwise::TestSuite::try_load_file(fifo.string());
    CHECK(seconds_since(start) < 2.0);
    CHECK_FALSE(result.ok());
    REQUIRE_FALSE(result.diagnostics().empty());
    CHECK(result.diagnostics()[0].code == "E-FILE-READ");
  }
}

TEST_CASE("the case limit defaults are the documented ones", "[limits][case]") {
  const scarwise::CaseOptions options;
  CHECK(options.max_bytes == 1024u * 1024);
  CHECK(options.max_nesting_depth == 16);
  CHECK(options.max_scars == 256);
  CHECK(options.max_errors == 100);
}

TEST_CASE("each case limit has its own code, at the place it is crossed", "[limits][case]") {
  scarwise::CaseOptions options;
  SECTION("size: E-CASE-TOO-LARGE, JSON and YAML, before parsing") {
    const std::string json = json_case_with_scars(3);
    options.max_bytes = json.size();
    CHECK(scarwise::Case::from_json(json, "c.json", options).scar_count() == 3);
    options.max_bytes = json.size() - 1;
    require_case_error([&] { return scarwise::Case::from_json(json, "c.json", options); },
                       "E-CASE-TOO-LARGE", 0, 0);
    require_case_error([&] { return scarwise::Case::from_yaml(json, "c.yaml", options); },
                       "E-CASE-TOO-LARGE", 0, 0);
  }
  SECTION("size of a case file: E-CASE-TOO-LARGE without reading it") {
    const Sandbox box;
    const fs::path file = box.write("c.json", json_case_with_scars(50));
    options.max_bytes = 100;
    require_case_error([&] { return scarwise::Case::from_file(file.string(), options); },
                       "E-CASE-TOO-LARGE", 0, 0);
  }
  SECTION("scars: E-LIMIT-SCARS at the first scar past the limit") {
    const std::string json = json_case_with_scars(3);
    options.max_scars = 3;
    CHECK(scarwise::Case::from_json(json, "c.json", options).scar_count() == 3);
    options.max_scars = 2;
    require_case_error([&] { return scarwise::Case::from_json(json, "c.json", options); },
                       "E-LIMIT-SCARS", 5, 3);
    const std::string yaml = "scars:\n  - {id: a}\n  - {id: b}\n  - {id: c}\n";
    require_case_error([&] { return scarwise::Case::from_yaml(yaml, "c.yaml", options); },
                       "E-LIMIT-SCARS", 4, 5);
  }
  SECTION("nesting: E-CASE-TOO-DEEP in JSON, E-YAML-TOO-DEEP in YAML") {
    options.max_nesting_depth = 4;
    const std::string json = "{\"scars\": [{\"id\": \"a\", \"area\": [\"face\"]}]}";
    CHECK(scarwise::Case::from_json(json, "c.json", options).scar_count() == 1);
    options.max_nesting_depth = 3;
    require_case_error([&] { return scarwise::Case::from_json(json, "c.json", options); },
                       "E-CASE-TOO-DEEP", 1, 32);
    const std::string yaml = "scars:\n  - id: a\n    area: [face]\n";
    require_case_error([&] { return scarwise::Case::from_yaml(yaml, "c.yaml", options); },
                       "E-YAML-TOO-DEEP", 3, 11);
  }
  SECTION("errors: E-LIMIT-ERRORS after max_errors") {
    std::string json = "{\"patient\": {},\n\"scars\": [";
    for (int i = 0; i < 50; ++i) json += std::string(i ? ", " : "") + "{\"id\": null}";
    json += "]}";
    options.max_errors = 10;
    try {
      scarwise::Case::from_json(json, "c.json", options);
      FAIL("the case was read");
    } catch (const scarwise::CaseError& e) {
      REQUIRE(e.diagnostics().size() == 11);
      CHECK(e.diagnostics()[0].code == "E-CASE-BAD-SCAR-ID");
      CHECK(e.diagnostics()[10].code == "E-LIMIT-ERRORS");
      CHECK(e.diagnostics()[10].file == "c.json");
    }
  }
}

TEST_CASE("a test file full of errors is cut at max_errors", "[limits]") {
  std::string text = "schema_version: 1\ntests:\n";
  while (text.size() < (1u << 20)) text += "  - &a {name: x}\n";
  scarwise::LoadOptions options;
  options.max_errors = 7;
  const scarwise::TestSuiteLoadResult result =
      scarwise::TestSuite::try_load_string(text, "t.yaml", options);
  CHECK_FALSE(result.ok());
  REQUIRE(result.diagnostics().size() == 8);
  CHECK(result.diagnostics()[0].code == "E-YAML-ANCHOR");
  CHECK(result.diagnostics()[0].line == 3);
  CHECK(result.diagnostics()[7].code == "E-LIMIT-ERRORS");
}

TEST_CASE("the default case limits apply to the plain readers too", "[limits][case]") {
  const std::size_t over = scarwise::CaseOptions{}.max_scars + 1;
  require_case_error([&] { return scarwise::Case::from_json(json_case_with_scars(over)); },
                     "E-LIMIT-SCARS", static_cast<int>(over) + 2, 3);
  const std::string big(scarwise::CaseOptions{}.max_bytes + 1, ' ');
  require_case_error([&] { return scarwise::Case::from_json(big); }, "E-CASE-TOO-LARGE", 0, 0);
  require_case_error([&] { return scarwise::Case::from_yaml(big); }, "E-CASE-TOO-LARGE", 0, 0);
}

namespace {

/// A rule set declaring `count` boolean patient facts named f0, f1, ... and one scar fact.
scarwise::RuleSet rules_with_patient_facts(int count) {
  std::string yaml =
      "schema_version: 1\nruleset: {id: many-facts, version: 1.0.0}\nfacts:\n"
      "  scar.type: {type: enum, values: [rolling, boxcar]}\n";
  for (int i = 0; i < count; ++i) yaml += "  patient.f" + std::to_string(i) + ": {type: bool}\n";
  return RuleSet::load_string(yaml + Sandbox::kRule, "many-facts.yaml");
}

/// A JSON case with `count` patient facts that no rule set declares.
std::string json_case_with_unknown_facts(int count) {
  std::string json = "{\"patient\": {";
  for (int i = 0; i < count; ++i) {
    json += std::string(i ? ", " : "") + "\"unknown_" + std::to_string(i) + "\": true";
  }
  return json + "}, \"scars\": [{\"id\": \"a\", \"type\": \"rolling\"}]}";
}

/// `max_errors` errors, then one E-LIMIT-ERRORS naming the option that raises the limit.
void require_capped(const std::vector<Diagnostic>& diagnostics, std::size_t max_errors,
                    const std::string& file) {
  REQUIRE(diagnostics.size() == max_errors + 1);
  CHECK(diagnostics.front().code == "E-CASE-UNKNOWN-FACT");
  const Diagnostic& note = diagnostics.back();
  CHECK(note.severity == Severity::error);
  CHECK(note.code == "E-LIMIT-ERRORS");
  CHECK(note.file == file);
  CHECK(note.message == "more than " + std::to_string(max_errors) + " errors: only the first " +
                            std::to_string(max_errors) + " are reported");
  CHECK(note.hint.find("CaseOptions::max_errors") != std::string::npos);
}

}  // namespace

TEST_CASE("validating a case against a rule set reports at most max_errors errors",
          "[limits][case]") {
  const scarwise::Engine engine(rules_with_patient_facts(3));
  const std::string json = json_case_with_unknown_facts(1000);
  SECTION("a case read with the default options") {
    const scarwise::Case c = scarwise::Case::from_json(json, "c.json");
    require_capped(engine.validate(c), 100, "c.json");
    const scarwise::EvalResult result = engine.try_evaluate(c);
    CHECK_FALSE(result.assessment);
    require_capped(result.diagnostics, 100, "c.json");
    try {
      engine.evaluate(c);
      FAIL("the case was assessed");
    } catch (const scarwise::CaseError& e) {
      require_capped(e.diagnostics(), 100, "c.json");
    }
  }
  SECTION("a case read with its own max_errors keeps it, also in copies") {
    scarwise::CaseOptions options;
    options.max_errors = 7;
    const scarwise::Case c = scarwise::Case::from_json(json, "c.json", options);
    require_capped(engine.validate(c), 7, "c.json");
    const scarwise::Case copy = c;  // NOLINT(performance-unnecessary-copy-initialization)
    require_capped(engine.validate(copy), 7, "c.json");
  }
  SECTION("a case built in code has the default limit") {
    scarwise::Case c;
    for (int i = 0; i < 1000; ++i) c.patient().set("unknown_" + std::to_string(i), true);
    c.add_scar("a").set("type", "rolling");
    require_capped(engine.validate(c), 100, "<case>");
  }
  SECTION("a case with exactly max_errors errors has no note") {
    const scarwise::Case c = scarwise::Case::from_json(json_case_with_unknown_facts(100), "c.json");
    const std::vector<Diagnostic> diagnostics = engine.validate(c);
    REQUIRE(diagnostics.size() == 100);
    CHECK(diagnostics.back().code == "E-CASE-UNKNOWN-FACT");
  }
}

TEST_CASE("a diagnostic about an unknown fact stays small however many facts there are",
          "[limits][case]") {
  // The hint is repeated on every unknown fact: it names a few known keys, never all of them.
  const scarwise::Engine engine(rules_with_patient_facts(500));
  const scarwise::Case c = scarwise::Case::from_json(
      R"({"patient": {"unrelated": true}, "scars": [{"id": "a", "type": "rolling"}]})", "c.json");
  const std::vector<Diagnostic> diagnostics = engine.validate(c);
  REQUIRE(diagnostics.size() == 1);
  CHECK(diagnostics[0].code == "E-CASE-UNKNOWN-FACT");
  CHECK(diagnostics[0].hint ==
        "known keys: f0, f1, f2, f3, f4, f5, f6, f7, f8, f9, f10, f11 and 488 more");
}

TEST_CASE("a case of many tiny values is refused at the node limit", "[limits][case]") {
  // One node per two bytes is the densest YAML and JSON there is; a case may hold one node per
  // 8 bytes of CaseOptions::max_bytes.
  std::string list = "[1";
  while (list.size() + 40 < scarwise::CaseOptions{}.max_bytes) list += ",1";
  list += "]";
  const auto require_node_limit = [](const std::function<scarwise::Case()>& read) {
    try {
      read();
      FAIL("the case was read");
    } catch (const scarwise::CaseError& e) {
      REQUIRE(e.diagnostics().size() == 1);
      CHECK(e.diagnostics()[0].code == "E-LIMIT-NODES");
      CHECK(e.diagnostics()[0].line == 1);
      CHECK(e.diagnostics()[0].hint.find("CaseOptions::max_bytes") != std::string::npos);
    }
  };
  require_node_limit([&] { return scarwise::Case::from_yaml("{patient: {n: " + list + "}}"); });
  require_node_limit(
      [&] { return scarwise::Case::from_json("{\"patient\": {\"n\": " + list + "}}"); });
}
