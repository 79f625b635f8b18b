// Every loader limit has its own code, a located error and an overridable default; the raw-text
// depth scan keeps nesting bombs away from yaml-cpp; files are read only when they are regular
// and only up to the limit.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include "../support/fifo_unblocker.hpp"

#include <catch2/catch.hpp>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <scarwise/analysis.hpp>
#include <scarwise/case.hpp>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "io/json_tree.hpp"
#include "load/file_reader.hpp"
#include "load/loader.hpp"
#include "load_test_support.hpp"
#include "load/yaml_precheck.hpp"
#include "load/yaml_tree.hpp"

using namespace scarwise::internal;
using scarwise::Diagnostic;
using scarwise::LoadOptions;
using scarwise::Severity;
namespace fs = std::filesystem;

namespace {

using scarwise::test::Loaded;
using scarwise::test::load_file;
using scarwise::test::load_string;

struct Position {
  int line = 0;
  int column = 0;
};

/// 1-based line and column of the first `needle` in `text` (after `from`).
Position position_of(const std::string& text, const std::string& needle, std::size_t from = 0) {
  const std::size_t offset = text.find(needle, from);
  REQUIRE(offset != std::string::npos);
  Position p{1, 1};
  for (std::size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') {
      ++p.line;
      p.column = 1;
    } else {
      ++p.column;
    }
  }
  return p;
}

/// The load failed with exactly one error, `code`, in `file` at `at`.
void require_error(const Loaded& loaded, const std::string& code, const std::string& file,
                   Position at) {
  CHECK_FALSE(loaded.model);
  const std::vector<Diagnostic> errors = loaded.errors();
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].code == code);
  CHECK(errors[0].file == file);
  CHECK(errors[0].line == at.line);
  CHECK(errors[0].column == at.column);
  CHECK_FALSE(errors[0].message.empty());
  CHECK_FALSE(errors[0].hint.empty());
}

const std::string kHead =
    "schema_version: 1\n"
    "ruleset: {id: t, version: 1.0.0}\n"
    "facts:\n"
    "  scar.kind: {type: enum, values: [a, b, c]}\n"
    "  scar.n: {type: int, min: 0, max: 9}\n"
    "rules:\n";

std::string rule(int i, const std::string& when = "scar.kind == a") {
  return "  - id: r" + std::to_string(i) + "\n    when: " + when +
         "\n    then: {suitability: suitable_with_caution}\n";
}

std::string rules(int count) {
  std::string out;
  for (int i = 0; i < count; ++i) out += rule(i);
  return out;
}

/// A scratch directory, removed afterwards.
class TempDir {
 public:
  TempDir() {
    static std::atomic<int> counter{0};
    path_ = fs::temp_directory_path() /
            ("scarwise-limits-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    fs::remove_all(path_);
    fs::create_directories(path_);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  const fs::path& path() const { return path_; }
  fs::path write(const std::string& name, const std::string& text) const {
    const fs::path file = path_ / name;
    fs::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << text;
    return file;
  }

 private:
  fs::path path_;
};

using scarwise_test::FifoUnblocker;

/// Whether `text` holds `n` as a whole number (not as part of a longer one).
bool contains_number(const std::string& text, std::size_t n) {
  const std::string digits = std::to_string(n);
  const auto is_digit = [](char c) { return c >= '0' && c <= '9'; };
  for (std::size_t at = text.find(digits); at != std::string::npos;
       at = text.find(digits, at + 1)) {
    const bool starts = at == 0 || !is_digit(text[at - 1]);
    const bool ends = at + digits.size() == text.size() || !is_digit(text[at + digits.size()]);
    if (starts && ends) return true;
  }
  return false;
}

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

TEST_CASE("the limit defaults are the documented ones", "[load][limits]") {
  // These values are API (docs/security.md lists them); changing one is a visible change.
  const LoadOptions options;
  CHECK(options.max_file_bytes == 4u * 1024 * 1024);
  CHECK(options.max_total_bytes == 32u * 1024 * 1024);
  CHECK(options.max_files == 256);
  CHECK(options.max_nesting_depth == 64);
  CHECK(options.max_rules == 10000);
  CHECK(options.max_facts == 1000);
  CHECK(options.max_enum_values == 64);
  CHECK(options.max_expression_bytes == 4096);
  CHECK(options.max_expression_depth == 64);
  CHECK(options.max_errors == 100);
  CHECK(options.max_warnings == 1000);
}

TEST_CASE("docs/security.md lists every limit with its default and its code", "[load][limits]") {
  std::ifstream in(std::string(SCARWISE_SOURCE_DIR) + "/docs/security.md");
  REQUIRE(in);
  std::vector<std::string> rows;
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("| ", 0) == 0) rows.push_back(line);
  }
  const LoadOptions load;
  const scarwise::CaseOptions cases;
  struct Limit {
    std::string option;
    std::size_t value;
    std::string code;
  };
  const std::vector<Limit> limits = {
      {"`max_file_bytes`", load.max_file_bytes, "`E-FILE-TOO-LARGE`"},
      {"`max_total_bytes`", load.max_total_bytes, "`E-LIMIT-TOTAL-SIZE`"},
      {"`max_files`", load.max_files, "`E-LIMIT-FILES`"},
      {"`max_nesting_depth`", load.max_nesting_depth, "`E-YAML-TOO-DEEP`"},
      {"`max_rules`", load.max_rules, "`E-LIMIT-RULES`"},
      {"`max_facts`", load.max_facts, "`E-LIMIT-FACTS`"},
      {"`max_enum_values`", load.max_enum_values, "`E-LIMIT-ENUM-VALUES`"},
      {"`max_expression_bytes`", load.max_expression_bytes, "`E-EXPR-TOO-LONG`"},
      {"`max_expression_depth`", load.max_expression_depth, "`E-EXPR-TOO-DEEP`"},
      {"`max_errors`", load.max_errors, "`E-LIMIT-ERRORS`"},
      {"`max_warnings`", load.max_warnings, "`W-LIMIT-WARNINGS`"},
      {"`CaseOptions::max_bytes`", cases.max_bytes, "`E-CASE-TOO-LARGE`"},
      {"`CaseOptions::max_nesting_depth`", cases.max_nesting_depth, "`E-CASE-TOO-DEEP`"},
      {"`CaseOptions::max_scars`", cases.max_scars, "`E-LIMIT-SCARS`"},
      {"`CaseOptions::max_errors`", cases.max_errors, "`E-LIMIT-ERRORS`"},
      {"`AnalysisOptions::max_classes`",
       static_cast<std::size_t>(scarwise::AnalysisOptions{}.max_classes), "`analysis stopped`"},
  };
  for (const Limit& limit : limits) {
    INFO(limit.option);
    std::size_t found = 0;
    for (const std::string& row : rows) {
      if (row.find(limit.option) == std::string::npos) continue;
      ++found;
      CHECK(contains_number(row, limit.value));
      CHECK(row.find(limit.code) != std::string::npos);
    }
    CHECK(found == 1);
  }
}

TEST_CASE("each size and count limit has its own code, at the place it is crossed",
          "[load][limits]") {
  LoadOptions options;
  SECTION("rules: E-LIMIT-RULES at the first rule past the limit") {
    const std::string text = kHead + rules(3);
    options.max_rules = 3;
    CHECK(load_string(text, options).model);
    options.max_rules = 2;
    require_error(load_string(text, options), "E-LIMIT-RULES", "mem.yaml",
                  position_of(text, "id: r2"));
  }
  SECTION("facts: E-LIMIT-FACTS at the first fact past the limit") {
    const std::string text = kHead + rule(0);
    options.max_facts = 2;
    CHECK(load_string(text, options).model);
    options.max_facts = 1;
    require_error(load_string(text, options), "E-LIMIT-FACTS", "mem.yaml",
                  position_of(text, "scar.n"));
  }
  SECTION("enum values: E-LIMIT-ENUM-VALUES at the list") {
    const std::string text = kHead + rule(0);
    options.max_enum_values = 3;
    CHECK(load_string(text, options).model);
    options.max_enum_values = 2;
    require_error(load_string(text, options), "E-LIMIT-ENUM-VALUES", "mem.yaml",
                  position_of(text, "[a, b, c]"));
  }
  SECTION("expression length: E-EXPR-TOO-LONG at the expression") {
    const std::string when = "scar.kind == a and scar.n > 2";
    const std::string text = kHead + rule(0, when);
    options.max_expression_bytes = when.size();
    CHECK(load_string(text, options).model);
    options.max_expression_bytes = when.size() - 1;
    require_error(load_string(text, options), "E-EXPR-TOO-LONG", "mem.yaml",
                  position_of(text, when));
  }
  SECTION("expression depth: E-EXPR-TOO-DEEP at the parenthesis one level too deep") {
    const std::string text = kHead + rule(0, "((not (scar.n > 2)))");
    options.max_expression_depth = 4;
    CHECK(load_string(text, options).model);
    options.max_expression_depth = 3;
    require_error(load_string(text, options), "E-EXPR-TOO-DEEP", "mem.yaml",
                  position_of(text, "(scar.n"));
  }
  SECTION("YAML nesting: E-YAML-TOO-DEEP at the first node one level too deep") {
    const std::string text = kHead + rule(0);
    // Root map, facts map, fact body, values list.
    options.max_nesting_depth = 4;
    CHECK(load_string(text, options).model);
    options.max_nesting_depth = 3;
    require_error(load_string(text, options), "E-YAML-TOO-DEEP", "mem.yaml",
                  position_of(text, "[a, b, c]"));
  }
  SECTION("a single file: E-FILE-TOO-LARGE for the file") {
    const std::string text = kHead + rule(0);
    options.max_file_bytes = text.size();
    CHECK(load_string(text, options).model);
    options.max_file_bytes = text.size() - 1;
    const Loaded loaded = load_string(text, options);
    REQUIRE(loaded.errors().size() == 1);
    CHECK(loaded.errors()[0].code == "E-FILE-TOO-LARGE");
    CHECK(loaded.errors()[0].file == "mem.yaml");
  }
  SECTION("a rule set in memory: E-LIMIT-TOTAL-SIZE") {
    const std::string text = kHead + rule(0);
    options.max_total_bytes = text.size() - 1;
    const Loaded loaded = load_string(text, options);
    REQUIRE(loaded.errors().size() == 1);
    CHECK(loaded.errors()[0].code == "E-LIMIT-TOTAL-SIZE");
  }
}

TEST_CASE("file limits are reported at the include that crosses them", "[load][limits]") {
  TempDir dir;
  const std::string root =
      "schema_version: 1\n"
      "ruleset: {id: t, version: 1.0.0}\n"
      "include: [a.yaml, b.yaml]\n";
  dir.write("ruleset.yaml", root);
  const std::string a = "facts:\n  scar.kind: {type: enum, values: [a, b, c]}\n";
  const std::string b = "rules:\n" + rule(0);
  dir.write("a.yaml", a);
  dir.write("b.yaml", b);
  LoadOptions options;
  REQUIRE(load_file(dir.path(), options).model);
  const std::string root_name = (dir.path() / "ruleset.yaml").generic_string();

  SECTION("files: E-LIMIT-FILES at the include of the first file past the limit") {
    options.max_files = 3;
    CHECK(load_file(dir.path(), options).model);
    options.max_files = 2;
    require_error(load_file(dir.path(), options), "E-LIMIT-FILES", root_name,
                  position_of(root, "b.yaml"));
  }
  SECTION("total size: E-LIMIT-TOTAL-SIZE at the include that goes past it") {
    options.max_total_bytes = root.size() + a.size() + b.size();
    CHECK(load_file(dir.path(), options).model);
    options.max_total_bytes -= 1;
    require_error(load_file(dir.path(), options), "E-LIMIT-TOTAL-SIZE", root_name,
                  position_of(root, "b.yaml"));
  }
  SECTION("file size: E-FILE-TOO-LARGE at the include of the large file") {
    options.max_file_bytes = b.size() - 1;
    REQUIRE(root.size() <= options.max_file_bytes);
    require_error(load_file(dir.path(), options), "E-FILE-TOO-LARGE", root_name,
                  position_of(root, "b.yaml"));
  }
}

TEST_CASE("a flood of includes costs no more than reading the file", "[load][limits]") {
  TempDir dir;
  dir.write("a.yaml", "facts:\n  scar.x: {type: bool}\n");
  std::string root = "schema_version: 1\nruleset: {id: t, version: 1.0.0}\ninclude:\n";
  SECTION("the same include listed again and again is resolved once") {
    while (root.size() < (2u << 20)) root += "  - a.yaml\n  - ./a.yaml\n  - .//a.yaml\n";
    dir.write("ruleset.yaml", root);
    const auto start = std::chrono::steady_clock::now();
    const Loaded loaded = load_file(dir.path());
    CHECK(seconds_since(start) < 10.0);
    CHECK(loaded.model);
    CHECK(loaded.diagnostics.empty());
  }
  SECTION("missing includes stop being looked up once errors are no longer reported") {
    for (int i = 0; i < 20000; ++i) root += "  - missing" + std::to_string(i) + ".yaml\n";
    dir.write("ruleset.yaml", root);
    const Loaded loaded = load_file(dir.path());
    CHECK_FALSE(loaded.model);
    REQUIRE(loaded.errors().size() == LoadOptions{}.max_errors + 1);
    CHECK(loaded.errors()[0].code == "E-FILE-NOT-FOUND");
    CHECK(loaded.errors().back().code == "E-LIMIT-ERRORS");
  }
}

TEST_CASE("anchors and aliases have a limit of zero: nothing is ever expanded", "[load][limits]") {
  // A "billion laughs": nine levels of ten aliases each would expand to 10^9 nodes.
  std::string bomb = "schema_version: 1\nlol0: &l0 [lol]\n";
  for (int level = 1; level < 10; ++level) {
    bomb += "lol" + std::to_string(level) + ": &l" + std::to_string(level) + " [";
    for (int i = 0; i < 10; ++i) bomb += (i ? ", *l" : "*l") + std::to_string(level - 1);
    bomb += "]\n";
  }
  const auto start = std::chrono::steady_clock::now();
  const Loaded loaded = load_string(bomb);
  CHECK(seconds_since(start) < 2.0);
  CHECK_FALSE(loaded.model);
  REQUIRE_FALSE(loaded.errors().empty());
  const Diagnostic first = loaded.errors().front();
  CHECK(first.code == "E-YAML-ANCHOR");
  CHECK(first.line == 2);
  CHECK(first.column == 7);
  bool alias_reported = false;
  for (const Diagnostic& d : loaded.errors()) alias_reported |= d.code == "E-YAML-ALIAS";
  CHECK(alias_reported);
  CHECK(loaded.errors().size() <= LoadOptions{}.max_errors + 1);
}

TEST_CASE("a flood of errors is cut at max_errors and says so", "[load][limits]") {
  LoadOptions options;
  SECTION("YAML errors stop the parser early") {
    std::string text = "schema_version: 1\nlist:\n";
    while (text.size() < options.max_file_bytes - 16) text += "- &a x\n";
    const auto start = std::chrono::steady_clock::now();
    const Loaded loaded = load_string(text, options);
    CHECK(seconds_since(start) < 5.0);
    CHECK_FALSE(loaded.model);
    REQUIRE(loaded.errors().size() == options.max_errors + 1);
    CHECK(loaded.errors()[0].code == "E-YAML-ANCHOR");
    const Diagnostic last = loaded.errors().back();
    CHECK(last.code == "E-LIMIT-ERRORS");
    CHECK(last.file == "mem.yaml");
    CHECK(last.message.find("only the first 100") != std::string::npos);
  }
  SECTION("schema errors are cut too, and max_errors can be lowered") {
    std::string text = kHead;
    for (int i = 0; i < 500; ++i) text += "  - {id: r" + std::to_string(i) + ", whne: true}\n";
    options.max_errors = 5;
    const Loaded loaded = load_string(text, options);
    CHECK_FALSE(loaded.model);
    REQUIRE(loaded.errors().size() == 6);
    CHECK(loaded.errors()[4].code != "E-LIMIT-ERRORS");
    CHECK(loaded.errors()[5].code == "E-LIMIT-ERRORS");
  }
}

TEST_CASE("a flood of warnings is cut at max_warnings without failing the load", "[load][limits]") {
  std::string text = kHead;
  for (int i = 0; i < 30; ++i) text += rule(i, "scar.n > 9");  // never true: W-NEVER-TRUE
  LoadOptions options;
  options.max_warnings = 4;
  const Loaded loaded = load_string(text, options);
  REQUIRE(loaded.model);
  REQUIRE(loaded.diagnostics.size() == 5);
  CHECK(loaded.diagnostics[3].code == "W-NEVER-TRUE");
  CHECK(loaded.diagnostics[4].code == "W-LIMIT-WARNINGS");
  CHECK(loaded.diagnostics[4].severity == Severity::warning);
  CHECK(loaded.model->warnings.size() == 5);
}

TEST_CASE("a flood of rules stops at the rule limit without reading the rest", "[load][limits]") {
  std::string text = kHead;
  for (int i = 0; i < 20000; ++i) text += "  - {id: r" + std::to_string(i) + ", when: bad((}\n";
  LoadOptions options;
  options.max_rules = 10;
  const Loaded loaded = load_string(text, options);
  CHECK_FALSE(loaded.model);
  // Ten rules with two errors each (the expression, the missing then), then one
  // E-LIMIT-RULES: the other 19990 rules are not looked at.
  REQUIRE(loaded.errors().size() == 21);
  for (std::size_t i = 0; i < 20; ++i) CHECK(loaded.errors()[i].code != "E-LIMIT-RULES");
  CHECK(loaded.errors()[20].code == "E-LIMIT-RULES");
}

TEST_CASE("the depth scan sees nesting after a block scalar ends", "[load][limits][yaml]") {
  const std::string bomb(2000, '[');
  const auto scan = [](const std::string& text) {
    DiagnosticSink sink;
    const bool ok = check_yaml_depth(text, "t.yaml", 64, sink);
    if (!ok) {
      REQUIRE(sink.diagnostics().size() == 1);
      CHECK(sink.diagnostics()[0].code == "E-YAML-TOO-DEEP");
    }
    return ok;
  };
  // The scalar's content must be indented deeper than the map that holds it (column 3 here),
  // so the brackets at column 3 are YAML again, not text.
  CHECK_FALSE(scan("- key: |\n  " + bomb + "\n"));
  CHECK(scan("- key: |\n   " + bomb + "\n"));
  // The first content line sets the indentation; a line indented less ends the scalar.
  CHECK_FALSE(scan("a: |\n    text\n  " + bomb + "\n"));
  CHECK(scan("a: |\n    text\n    " + bomb + "\n"));
  // An explicit indentation indicator sets it too.
  CHECK_FALSE(scan("a: |2\n " + bomb + "\n"));
  CHECK(scan("a: |2\n  " + bomb + "\n"));
}

TEST_CASE("the depth scan never lets yaml-cpp nest deeper than twice the limit",
          "[load][limits][yaml]") {
  // The scan over-counts or counts exactly, except that a sequence written at its key's
  // indentation shares the key's column: so the exact depth is at most twice what the scan
  // saw. The tree builder then enforces the exact limit. Random YAML-like text probes that
  // bound, with a fixed seed so that a failure can be replayed.
  static const std::vector<std::string> kPieces = {
      "- ",     "? ",     "k: ", "k:", "[",    "]",    "{",   "}",     ", ",  "x",      "|",
      "|2",     ">-",     "'",   "\"", " #c",  "&a ",  "!t ", "\\",    ": ",  "key: |", "- |",
      "[a, [b", "{a: {b", "]]",  "}}", "- - ", "a: [", "'x'", "\"y\"", ": [", "- k: ",  "  "};
  std::uint32_t state = 20240611u;
  const auto next = [&state](std::uint32_t bound) {
    state = state * 1664525u + 1013904223u;
    return (state >> 8) % bound;
  };
  std::size_t parsed = 0;
  for (int round = 0; round < 6000; ++round) {
    std::string text;
    const std::uint32_t lines = 1 + next(10);
    for (std::uint32_t l = 0; l < lines; ++l) {
      text += std::string(next(9), ' ');
      const std::uint32_t pieces = 1 + next(5);
      for (std::uint32_t p = 0; p < pieces; ++p) text += kPieces[next(kPieces.size())];
      text += '\n';
    }
    const std::size_t limit = 1 + next(4);
    DiagnosticSink scan;
    if (!check_yaml_depth(text, "t.yaml", limit, scan)) continue;
    DiagnosticSink sink;
    const bool ok = parse_yaml(text, "t.yaml", YamlLimits{1u << 20, 2 * limit}, sink).has_value();
    parsed += ok ? 1 : 0;
    for (const Diagnostic& d : sink.diagnostics()) {
      INFO("limit " << limit << ", text:\n" << text);
      CHECK(d.code != "E-YAML-TOO-DEEP");
    }
  }
  CHECK(parsed > 100);  // the generator makes enough valid YAML to mean something
}

TEST_CASE("read_regular_file reads regular files only, and never past the limit",
          "[load][limits][files]") {
  TempDir dir;
  const fs::path file = dir.write("a.yaml", "0123456789");
  SECTION("a regular file within the limit") {
    const FileRead read = read_regular_file(file, 10);
    CHECK(read.status == FileRead::Status::ok);
    CHECK(read.bytes == "0123456789");
  }
  SECTION("a file over the limit is refused with its size, unread") {
    const FileRead read = read_regular_file(file, 9);
    CHECK(read.status == FileRead::Status::too_large);
    CHECK(read.size == 10);
    CHECK(read.bytes.empty());
  }
  SECTION("a missing file") {
    CHECK(read_regular_file(dir.path() / "none.yaml", 10).status == FileRead::Status::not_found);
  }
  SECTION("a directory") {
    CHECK(read_regular_file(dir.path(), 10).status == FileRead::Status::not_regular);
  }
  SECTION("a character device") {
    if (!fs::exists("/dev/zero")) return;
    CHECK(read_regular_file("/dev/zero", 10).status == FileRead::Status::not_regular);
  }
  SECTION("a FIFO is refused at once, without waiting for a writer") {
    const fs::path fifo = dir.path() / "fifo.yaml";
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    const FifoUnblocker unblocker(fifo);
    const auto start = std::chrono::steady_clock::now();
    CHECK(read_regular_file(fifo, 10).status == FileRead::Status::not_regular);
    CHECK(seconds_since(start) < 2.0);
  }
}

namespace {

/// "[a, a, ..., a]" with `items` items: items + 1 nodes, item k (1-based) at column 3k - 1.
std::string flow_list(std::size_t items, const std::string& item) {
  std::string text = "[";
  for (std::size_t i = 0; i < items; ++i) text += (i ? ", " : "") + item;
  return text + "]";
}

/// Parses with `parse`, which reports to a sink; the only error is E-LIMIT-NODES at 1:column.
template <typename Parse>
void require_node_limit(Parse parse, int column) {
  DiagnosticSink sink;
  CHECK_FALSE(parse(sink));
  const std::vector<Diagnostic> diagnostics = sink.take();
  REQUIRE(diagnostics.size() == 1);
  CHECK(diagnostics[0].code == "E-LIMIT-NODES");
  CHECK(diagnostics[0].file == "f");
  CHECK(diagnostics[0].line == 1);
  CHECK(diagnostics[0].column == column);
  CHECK_FALSE(diagnostics[0].hint.empty());
}

}  // namespace

TEST_CASE("a file holds at most one node per 8 bytes of its size limit", "[load][limits][yaml]") {
  CHECK(max_nodes_for(LoadOptions{}.max_file_bytes) == 524288);
  CHECK(max_nodes_for(scarwise::CaseOptions{}.max_bytes) == 131072);
  CHECK(max_nodes_for(100) == 4096);
  // A tree node costs a hundred bytes or more, the text that makes it as little as two: without
  // this limit a file inside the byte limits would cost fifty times its size.
  const std::size_t nodes = 8192;  // above the floor of the limit
  const std::size_t items = nodes - 1;
  const std::size_t bytes = 8 * nodes;
  const int column = 3 * static_cast<int>(items) - 1;
  const std::size_t depth = 8;
  SECTION("YAML") {
    const std::string text = flow_list(items, "a");
    DiagnosticSink sink;
    CHECK(parse_yaml(text, "f", YamlLimits{bytes, depth}, sink));
    CHECK_FALSE(sink.has_errors());
    require_node_limit(
        [&](DiagnosticSink& s) {
          return parse_yaml(text, "f", YamlLimits{bytes - 1, depth}, s);
        },
        column);
  }
  SECTION("JSON") {
    const std::string text = flow_list(items, "1");
    DiagnosticSink sink;
    CHECK(parse_json_tree(text, "f", sink, bytes, depth));
    CHECK_FALSE(sink.has_errors());
    require_node_limit(
        [&](DiagnosticSink& s) { return parse_json_tree(text, "f", s, bytes - 1, depth); }, column);
  }
  SECTION("a rule file, through the loader") {
    LoadOptions options;
    options.max_file_bytes = bytes - 1;
    const std::string text = flow_list(items, "a");
    const Loaded loaded = load_string(text, options);
    CHECK_FALSE(loaded.model);
    REQUIRE(loaded.errors().size() == 1);
    CHECK(loaded.errors()[0].code == "E-LIMIT-NODES");
    CHECK(loaded.errors()[0].hint.find("LoadOptions::max_file_bytes") != std::string::npos);
  }
}

TEST_CASE("the files of a rule set together hold at most one node per 64 bytes of the total",
          "[load][limits][yaml]") {
  // Each file's tree is kept until the rules are read: files each under their own node limit
  // must not add up to more than the rule set may hold.
  CHECK(max_ruleset_nodes_for(LoadOptions{}.max_total_bytes) == 524288);
  CHECK(max_ruleset_nodes_for(100) == 4096);
  TempDir dir;
  std::string list = "[e0";
  for (int i = 1; i < 3000; ++i) list += ", e" + std::to_string(i);
  dir.write("a.yaml", "evidence: " + list + "]\n");
  dir.write("b.yaml", "evidence: " + list + "]\n");
  const std::string root =
      "schema_version: 1\nruleset: {id: t, version: 1.0.0}\ninclude: [a.yaml, b.yaml]\n";
  dir.write("ruleset.yaml", root);
  LoadOptions options;
  // About 3000 nodes a file: a budget of 5000 takes the root and a.yaml, not b.yaml.
  options.max_total_bytes = 64 * 5000;
  const Loaded loaded = load_file(dir.path(), options);
  CHECK_FALSE(loaded.model);
  const std::vector<Diagnostic> errors = loaded.errors();
  const auto found = std::find_if(errors.begin(), errors.end(),
                                  [](const Diagnostic& d) { return d.code == "E-LIMIT-NODES"; });
  REQUIRE(found != errors.end());
  const Diagnostic& error = *found;
  CHECK(error.file.find("ruleset.yaml") != std::string::npos);
  CHECK(error.message.find("together") != std::string::npos);
  CHECK(error.hint.find("LoadOptions::max_total_bytes") != std::string::npos);
  const Position at = position_of(root, "b.yaml");
  CHECK(error.line == at.line);
  CHECK(error.column == at.column);
  options.max_total_bytes = 64 * 7000;
  for (const Diagnostic& d : load_file(dir.path(), options).errors()) {
    CHECK(d.code != "E-LIMIT-NODES");
  }
}
