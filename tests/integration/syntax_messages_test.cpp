// Messages for input that does not parse: yaml-cpp's syntax errors get a hint in plain words
// in rule files, test files and YAML cases alike, and a case file that holds the other format
// than its name promises says so.
#include <catch2/catch.hpp>

#include <scarwise/scarwise.hpp>

#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

/// A file in a scratch directory, removed with it.
class ScratchFile {
 public:
  ScratchFile(const std::string& name, const std::string& text) {
    static std::atomic<int> counter{0};
    dir_ = fs::temp_directory_path() /
           ("scarwise-syntax-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    fs::create_directories(dir_);
    path_ = (dir_ / name).string();
    std::ofstream(path_, std::ios::binary) << text;
  }
  ScratchFile(const ScratchFile&) = delete;
  ScratchFile& operator=(const ScratchFile&) = delete;
  ~ScratchFile() {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }
  const std::string& path() const { return path_; }

 private:
  fs::path dir_;
  std::string path_;
};

std::vector<scarwise::Diagnostic> case_file_errors(const std::string& path) {
  try {
    scarwise::Case::from_file(path);
  } catch (const scarwise::CaseError& e) {
    return e.diagnostics();
  }
  FAIL("no CaseError for " << path);
  return {};
}

/// The first diagnostic with `code`; fails the test when there is none.
scarwise::Diagnostic first(const std::vector<scarwise::Diagnostic>& diagnostics,
                           const std::string& code) {
  for (const scarwise::Diagnostic& d : diagnostics) {
    if (d.code == code) return d;
  }
  FAIL("no " << code << " in " << scarwise::format_diagnostics(diagnostics));
  return {};
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

const std::string kYamlCase = "patient:\n  fitzpatrick: 3\nscars:\n  - id: a\n    type: rolling\n";
// Python's json.dumps escapes an emoji as a surrogate pair, which yaml-cpp refuses.
const std::string kJsonCase =
    R"({"patient": {"fitzpatrick": 3}, "scars": [{"id": "\ud83d\ude00", "type": "rolling"}]})";

}  // namespace

TEST_CASE("a tab in a rule file's indentation is named in the hint", "[syntax]") {
  const std::string yaml =
      "schema_version: 1\nruleset: {id: x, version: 1.0.0}\nrules:\n\t- id: r\n";
  const scarwise::LoadResult result = scarwise::RuleSet::try_load_string(yaml, "tabs.yaml");
  REQUIRE_FALSE(result.ok());
  const scarwise::Diagnostic d = first(result.diagnostics(), "E-YAML-SYNTAX");
  CHECK(d.file == "tabs.yaml");
  CHECK(d.line == 4);
  CHECK(contains(d.hint, "tab"));
  CHECK(contains(d.to_string(), "tabs.yaml:4:"));
}

TEST_CASE("a ': ' in a test file's flow map is explained in the hint", "[syntax]") {
  const std::string yaml = "schema_version: 1\ntests:\n  - {name: a: b}\n";
  const scarwise::TestSuiteLoadResult result =
      scarwise::TestSuite::try_load_string(yaml, "t.test.yaml");
  REQUIRE_FALSE(result.ok());
  const scarwise::Diagnostic d = first(result.diagnostics(), "E-YAML-SYNTAX");
  CHECK(d.line == 3);
  CHECK(d.column == 13);  // the second ":"
  CHECK(contains(d.hint, "quotes"));
}

TEST_CASE("an unclosed bracket in a YAML case is explained in the hint", "[syntax]") {
  try {
    scarwise::Case::from_yaml("patient: {fitzpatrick: 3\nscars: []\n", "case.yaml");
    FAIL("the case was accepted");
  } catch (const scarwise::CaseError& e) {
    const scarwise::Diagnostic d = first(e.diagnostics(), "E-YAML-SYNTAX");
    CHECK(d.file == "case.yaml");
    CHECK(contains(d.hint, "'{' is not closed"));
  }
}

TEST_CASE("YAML in a .json case file says that JSON was expected because of the name",
          "[syntax]") {
  const ScratchFile file("case.json", kYamlCase);
  const scarwise::Diagnostic d = first(case_file_errors(file.path()), "E-CASE-SYNTAX");
  CHECK(d.file == file.path());
  CHECK(d.line == 1);
  CHECK(contains(d.hint, "looks like YAML"));
  CHECK(contains(d.hint, "'.json'"));
  // The same text under a YAML name is a valid case.
  const ScratchFile yaml("case.yaml", kYamlCase);
  CHECK(scarwise::Case::from_file(yaml.path()).scar_count() == 1);
}

TEST_CASE("JSON that YAML refuses in a .yaml case file says that YAML was expected", "[syntax]") {
  const ScratchFile file("case.yaml", kJsonCase);
  const scarwise::Diagnostic d = first(case_file_errors(file.path()), "E-YAML-SYNTAX");
  CHECK(contains(d.hint, "looks like JSON"));
  CHECK(contains(d.hint, "'.yaml'"));
  const ScratchFile json("case.json", kJsonCase);
  CHECK(scarwise::Case::from_file(json.path()).scar_count() == 1);
}

TEST_CASE("a broken JSON case file is not mistaken for YAML", "[syntax]") {
  // A trailing comma: wrong as JSON, though YAML would read it.
  const ScratchFile file("case.json", R"({"patient": {}, "scars": [],})");
  const scarwise::Diagnostic d = first(case_file_errors(file.path()), "E-CASE-SYNTAX");
  CHECK_FALSE(contains(d.hint, "looks like YAML"));
  // A broken YAML file that is not JSON either.
  const ScratchFile yaml("case.yaml", "patient: {fitzpatrick: 3\n");
  CHECK_FALSE(contains(first(case_file_errors(yaml.path()), "E-YAML-SYNTAX").hint, "JSON"));
}
