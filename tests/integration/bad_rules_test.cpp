// Every rule set under tests/data/bad_rules has exactly the errors its root file announces:
//
//   # expect: E-UNKNOWN-KEY 12:5          (in the root file)
//   # expect: E-INCLUDE-CYCLE b.yaml:1:11 (in another file of the rule set)
//
// A rule set is a .yaml file there, or a directory holding ruleset.yaml. The expectations are
// the exact list of errors, in order: code, file, line and column.
#include <scarwise/scarwise.hpp>

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using scarwise::Diagnostic;
using scarwise::LoadResult;
using scarwise::RuleSet;

namespace {

const fs::path kBadRules = fs::path(SCARWISE_TEST_DATA_DIR) / "bad_rules";
const fs::path kGoodRules = fs::path(SCARWISE_TEST_DATA_DIR) / "good_rules";

struct Expected {
  std::string code;
  std::string file;  ///< relative to the rule set's directory
  int line = 0;
  int column = 0;
};

struct BadRuleSet {
  std::string name;
  fs::path root;  ///< the root file
  std::vector<Expected> expected;
};

std::vector<Expected> read_expectations(const fs::path& root) {
  std::ifstream in(root, std::ios::binary);
  std::vector<Expected> out;
  std::string line;
  const std::string prefix = "# expect: ";
  while (std::getline(in, line) && line.rfind("#", 0) == 0) {
    if (line.rfind(prefix, 0) != 0) continue;
    std::istringstream fields(line.substr(prefix.size()));
    Expected e;
    std::string where;
    fields >> e.code >> where;
    const std::size_t col_colon = where.rfind(':');
    const std::size_t line_colon = where.rfind(':', col_colon - 1);
    e.column = std::stoi(where.substr(col_colon + 1));
    const std::size_t line_start = line_colon == std::string::npos ? 0 : line_colon + 1;
    e.line = std::stoi(where.substr(line_start, col_colon - line_start));
    e.file =
        line_colon == std::string::npos ? root.filename().string() : where.substr(0, line_colon);
    out.push_back(e);
  }
  return out;
}

std::vector<BadRuleSet> bad_rule_sets() {
  std::vector<BadRuleSet> sets;
  for (const fs::directory_entry& entry : fs::directory_iterator(kBadRules)) {
    fs::path root = entry.path();
    if (entry.is_directory()) {
      root /= "ruleset.yaml";
      if (!fs::exists(root)) continue;  // a helper directory, e.g. the target of an escape
    } else if (root.extension() != ".yaml") {
      continue;
    }
    sets.push_back({entry.path().filename().string(), root, read_expectations(root)});
  }
  std::sort(sets.begin(), sets.end(),
            [](const BadRuleSet& a, const BadRuleSet& b) { return a.name < b.name; });
  return sets;
}

std::vector<Diagnostic> errors_of(const LoadResult& result) {
  std::vector<Diagnostic> errors;
  for (const Diagnostic& d : result.diagnostics()) {
    if (d.severity == scarwise::Severity::error) errors.push_back(d);
  }
  return errors;
}

bool ends_with(const std::string& text, const std::string& suffix) {
  return text.size() >= suffix.size() &&
         text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

}  // namespace

TEST_CASE("the bad rule corpus is large enough and every file announces its errors",
          "[load][bad_rules]") {
  const std::vector<BadRuleSet> sets = bad_rule_sets();
  CHECK(sets.size() >= 30);
  std::vector<std::string> codes;
  for (const BadRuleSet& set : sets) {
    INFO(set.name);
    CHECK_FALSE(set.expected.empty());
    for (const Expected& e : set.expected) codes.push_back(e.code);
  }
  std::sort(codes.begin(), codes.end());
  codes.erase(std::unique(codes.begin(), codes.end()), codes.end());
  CHECK(codes.size() >= 30);  // distinct kinds of error, not one error thirty times
}

TEST_CASE("each bad rule set fails with exactly its announced errors", "[load][bad_rules]") {
  for (const BadRuleSet& set : bad_rule_sets()) {
    DYNAMIC_SECTION(set.name) {
      const LoadResult result = RuleSet::try_load_file(set.root.string());
      CHECK_FALSE(result.ok());
      const std::vector<Diagnostic> errors = errors_of(result);
      REQUIRE(errors.size() == set.expected.size());
      for (std::size_t i = 0; i < errors.size(); ++i) {
        const Diagnostic& d = errors[i];
        const Expected& e = set.expected[i];
        INFO(d.to_string());
        CHECK(d.code == e.code);
        CHECK(ends_with(d.file, e.file));
        CHECK(d.line == e.line);
        CHECK(d.column == e.column);
        CHECK_FALSE(d.message.empty());
      }
    }
  }
}

TEST_CASE("all errors are reported, not only the first", "[load][bad_rules]") {
  const LoadResult result = RuleSet::try_load_file((kBadRules / "three_errors.yaml").string());
  REQUIRE_FALSE(result.ok());
  const std::vector<Diagnostic> errors = errors_of(result);
  REQUIRE(errors.size() == 3);
  CHECK(errors[0].code == "E-BAD-VERSION");
  CHECK(errors[1].code == "E-UNKNOWN-KEY");
  CHECK(errors[1].hint == "did you mean 'when'?");
  CHECK(errors[2].code == "E-UNKNOWN-REF");
  CHECK(errors[2].hint == "did you mean 'prp'?");
  CHECK(errors[0].line < errors[1].line);
  CHECK(errors[1].line < errors[2].line);
}

TEST_CASE("a failed load activates nothing", "[load][bad_rules]") {
  const RuleSet active = RuleSet::load_file((kGoodRules / "single.yaml").string());
  const std::string digest = active.digest();
  const std::size_t rules = active.rule_count();

  const LoadResult failed = RuleSet::try_load_file((kBadRules / "empty_then.yaml").string());
  CHECK_FALSE(failed.ok());
  CHECK_FALSE(static_cast<bool>(failed));
  CHECK_THROWS_AS(failed.value(), scarwise::LoadError);
  try {
    RuleSet::load_file((kBadRules / "three_errors.yaml").string());
    FAIL("a bad rule set loaded");
  } catch (const scarwise::LoadError& error) {
    CHECK(error.diagnostics().size() == 3);
    CHECK(std::string(error.what()).find("E-BAD-VERSION") != std::string::npos);
  }
  // The rule set that was active is untouched.
  CHECK(active.digest() == digest);
  CHECK(active.rule_count() == rules);
}

TEST_CASE("an include cycle names the whole chain", "[load][bad_rules]") {
  const LoadResult result = RuleSet::try_load_file((kBadRules / "include_cycle").string());
  const std::vector<Diagnostic> errors = errors_of(result);
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].message.find("a.yaml -> b.yaml -> a.yaml") != std::string::npos);
}

TEST_CASE("diagnostics render as file:line:col with a hint", "[load][bad_rules]") {
  const LoadResult result = RuleSet::try_load_file((kBadRules / "unknown_key_rule.yaml").string());
  const std::vector<Diagnostic> errors = errors_of(result);
  REQUIRE(errors.size() == 1);
  const std::string text = errors[0].to_string();
  CHECK(text.find("unknown_key_rule.yaml:24:5") != std::string::npos);
  CHECK(text.find("E-UNKNOWN-KEY") != std::string::npos);
  CHECK(text.find("did you mean 'when'?") != std::string::npos);
}

TEST_CASE("the good rule sets load through the public API", "[load][bad_rules]") {
  const LoadResult single = RuleSet::try_load_file((kGoodRules / "single.yaml").string());
  REQUIRE(single.ok());
  CHECK(single.diagnostics().empty());
  const RuleSet rules = single.value();
  CHECK(rules.id() == "test.single");
  CHECK(rules.rule_count() == 5);
  CHECK(rules.digest().rfind("sha256:", 0) == 0);
  CHECK(rules.digest().size() == 7 + 64);

  const RuleSet clinic = RuleSet::load_file((kGoodRules / "clinic").string());
  CHECK(clinic.rule_ids() == std::vector<std::string>{"shared.aftercare", "acne.rolling",
                                                      "acne.boxcar", "root.surgical"});
}

TEST_CASE("try_load_string reports located errors under the given name", "[load][bad_rules]") {
  const LoadResult result = RuleSet::try_load_string(
      "schema_version: 1\nruleset: {id: s, version: 1.0.0}\nrules:\n  - id: r\n"
      "    when: true\n    then: {suitability: maybe}\n",
      "inline.yaml");
  REQUIRE_FALSE(result.ok());
  const std::vector<Diagnostic> errors = errors_of(result);
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].file == "inline.yaml");
  CHECK(errors[0].code == "E-BAD-VALUE");
  CHECK(errors[0].line == 6);
  CHECK(errors[0].column == 25);
}

TEST_CASE("a verdict written as a negated word suggests the negated verdict", "[load][bad_rules]") {
  // Edit distance alone would suggest 'suitable', the opposite of what the author meant.
  const LoadResult result = RuleSet::try_load_string(
      "schema_version: 1\nruleset: {id: s, version: 1.0.0}\nrules:\n  - id: r\n"
      "    when: true\n    then: {suitability: unsuitable}\n",
      "inline.yaml");
  REQUIRE_FALSE(result.ok());
  const std::vector<Diagnostic> errors = errors_of(result);
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].code == "E-BAD-VALUE");
  CHECK(errors[0].line == 6);
  CHECK(errors[0].hint == "did you mean 'not_suitable'?");
}
