// The schema layer of the loader: what a good rule set becomes, and how bad ones are reported.
// (tests/integration/bad_rules_test.cpp covers one file per kind of error.)
#include "load/loader.hpp"
#include "load_test_support.hpp"
#include "support/sha256.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

using namespace scarwise::internal;
using scarwise::Diagnostic;
using scarwise::LoadOptions;
using scarwise::Severity;
using scarwise::Suitability;
namespace fs = std::filesystem;

namespace {

const std::string kGood = std::string(SCARWISE_TEST_DATA_DIR) + "/good_rules";

std::string read_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

using scarwise::test::Loaded;
using scarwise::test::load_file;
using scarwise::test::load_string;

/// The load failed with exactly one error: `code` at line:column.
void require_error(const Loaded& loaded, const std::string& code, int line, int column) {
  CHECK_FALSE(loaded.model);
  const std::vector<Diagnostic> errors = loaded.errors();
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].code == code);
  CHECK(errors[0].line == line);
  CHECK(errors[0].column == column);
}

/// A valid head of a rule file, seven lines long: what is appended starts on line 8.
const std::string kHead =
    "schema_version: 1\n"
    "ruleset: {id: t, version: 1.0.0}\n"
    "facts:\n"
    "  scar.type: {type: enum, values: [rolling, boxcar]}\n"
    "  patient.age: {type: int, min: 0, max: 120}\n"
    "treatments: {prp: {name: PRP}, subcision: {name: Subcision}}\n"
    "rules:\n";

/// A rule that is fine, to append after kHead (three lines).
std::string good_rule(const std::string& id) {
  return "  - id: " + id + "\n    when: scar.type == rolling\n    then: {suggest: [prp]}\n";
}

/// A scratch directory for rule sets written by a test; removed afterwards.
class TempDir {
 public:
  explicit TempDir(const std::string& name)
      : path_(fs::temp_directory_path() / ("scarwise-load-test-" + name)) {
    fs::remove_all(path_);
    fs::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  fs::path write(const std::string& relative, const std::string& text) const {
    const fs::path file = path_ / relative;
    fs::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << text;
    return file;
  }
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

std::string digest_of(const std::vector<std::pair<std::string, std::string>>& sorted_files) {
  Sha256 hasher;
  for (const auto& [path, bytes] : sorted_files) {
    hasher.update(path + "\n" + std::to_string(bytes.size()) + "\n" + bytes);
  }
  return "sha256:" + hasher.hex_digest();
}

}  // namespace

TEST_CASE("a complete rule set loads into the model", "[load][schema]") {
  const Loaded loaded = load_file(kGood + "/single.yaml");
  REQUIRE(loaded.diagnostics.empty());
  REQUIRE(loaded.model);
  const RuleSetModel& model = *loaded.model;
  CHECK(model.id == "test.single");
  CHECK(model.version == "1.2.3-rc.1");
  CHECK(model.title == "Single-file test rules");
  CHECK(model.max_sessions == 10);

  REQUIRE(model.evidence.size() == 2);
  CHECK(model.evidence[0].id == "alster-2016");
  CHECK(model.evidence[0].url == "https://doi.org/10.1097/DSS.0000000000000887");
  CHECK(model.evidence[1].cite == "Spring LK et al. JAMA Dermatol 2017.");
  CHECK(model.evidence[1].url.empty());

  REQUIRE(model.treatments.size() == 3);
  CHECK(model.treatments[0].name == "Subcision");
  CHECK(model.treatments[0].doc == "Releases tethered scars.");
  CHECK(model.treatments[0].evidence == std::vector<CatalogueId>{0});
  REQUIRE(model.precautions.size() == 1);
  CHECK(model.precautions[0].evidence == std::vector<CatalogueId>{0});
  REQUIRE(model.aftercare.size() == 2);
  CHECK(model.aftercare[1].id == "gentle_skincare");
  CHECK(model.treatments[0].loc.line == 21);
  CHECK(model.treatments[0].loc.column == 3);
}

TEST_CASE("facts are declared with their types, bounds and defaults", "[load][schema]") {
  const Loaded loaded = load_file(kGood + "/single.yaml");
  REQUIRE(loaded.model);
  CHECK(loaded.model->vocabulary.facts().size() == 9);
  const FactDecl& age = loaded.fact("patient.age");
  CHECK(age.type == FactType::Int);
  CHECK(age.scope == Scope::Patient);
  CHECK(age.key == "age");
  CHECK(age.min == 0.0);
  CHECK(age.max == 120.0);
  CHECK(age.doc == "Age in years");
  CHECK_FALSE(age.default_value);
  CHECK(age.loc.line == 11);

  const FactDecl& pregnant = loaded.fact("patient.pregnant");
  REQUIRE(pregnant.default_value);
  CHECK(pregnant.default_value->kind == Value::Kind::Bool);
  CHECK_FALSE(pregnant.default_value->boolean);

  const FactDecl& isotretinoin = loaded.fact("patient.isotretinoin");
  CHECK(isotretinoin.values == std::vector<std::string>{"never", "current", "stopped"});
  REQUIRE(isotretinoin.default_value);
  CHECK(isotretinoin.default_value->kind == Value::Kind::Enum);
  CHECK(isotretinoin.default_value->index == 0);

  const FactDecl& type = loaded.fact("scar.type");
  CHECK(type.scope == Scope::Scar);
  CHECK(type.required);
  CHECK_FALSE(type.default_value);

  const FactDecl& area = loaded.fact("scar.area");
  CHECK(area.type == FactType::Set);
  REQUIRE(area.default_value);
  CHECK(area.default_value->bits == 1u);

  const FactDecl& depth = loaded.fact("scar.depth_mm");
  CHECK(depth.type == FactType::Number);
  CHECK(depth.min == Approx(0.1));
  REQUIRE(depth.default_value);
  CHECK(depth.default_value->number.real == Approx(1.5));
  CHECK_FALSE(depth.default_value->number.integral);
  const Value& severity = *loaded.fact("scar.severity").default_value;
  CHECK(severity.number.integral);
  CHECK(severity.number.integer == 2);
}

TEST_CASE("rules keep their actions, references and declaration order", "[load][schema]") {
  const Loaded loaded = load_file(kGood + "/single.yaml");
  REQUIRE(loaded.model);
  const RuleSetModel& model = *loaded.model;
  REQUIRE(model.rules.size() == 5);
  CHECK(model.rules[0].id == "defer.isotretinoin-6m");
  CHECK(model.rules[4].id == "aftercare.standard");

  const Rule& defer = loaded.rule("defer.isotretinoin-6m");
  CHECK(defer.title == "Recent systemic isotretinoin");
  CHECK(defer.priority == 100);
  CHECK(defer.then.suitability == Suitability::defer);
  CHECK(defer.then.reevaluate_after_weeks == 12);
  CHECK(defer.then.message == "Wait until 6 months after the last isotretinoin dose.");
  CHECK(defer.evidence == std::vector<CatalogueId>{1});
  CHECK(defer.when.referenced_facts().size() == 2);
  CHECK(defer.loc.line == 31);

  const Rule& rolling = loaded.rule("plan.rolling");
  CHECK(rolling.when.text() == "scar.type == rolling");
  REQUIRE(rolling.then.plan);
  CHECK(rolling.then.plan->sessions.min == 3);
  CHECK(rolling.then.plan->sessions.max == 6);
  CHECK(rolling.then.plan->interval_weeks.max == 6);
  REQUIRE(rolling.then.plan->needle_depth_mm);
  CHECK(rolling.then.plan->needle_depth_mm->min == Approx(1.5));
  CHECK(rolling.then.suggest == std::vector<CatalogueId>{0, 1});
  CHECK_FALSE(rolling.then.suitability);

  const Rule& severe = loaded.rule("adjust.severe");
  CHECK(severe.priority == -5);
  CHECK(severe.then.adjust_sessions == 2);

  const Rule& avoid = loaded.rule("avoid.ablative-laser-dark-skin");
  CHECK(avoid.when.text() == "patient.fitzpatrick >= 4 and known(patient.fitzpatrick)");
  CHECK(avoid.then.avoid == std::vector<CatalogueId>{2});
  CHECK(avoid.then.precautions == std::vector<CatalogueId>{0});
  CHECK(avoid.then.suitability == Suitability::suitable_with_caution);
  CHECK(loaded.rule("aftercare.standard").then.aftercare == std::vector<CatalogueId>{0, 1});

  // Priority high to low; equal priorities keep declaration order.
  CHECK(model.rules_by_priority == std::vector<std::uint32_t>{0, 3, 1, 4, 2});
}

TEST_CASE("the digest covers the exact bytes with the file's path", "[load][schema]") {
  const std::string bytes = read_bytes(kGood + "/single.yaml");
  const Loaded from_file = load_file(kGood + "/single.yaml");
  REQUIRE(from_file.model);
  CHECK(from_file.model->digest == digest_of({{"single.yaml", bytes}}));

  DiagnosticSink sink;
  const auto from_memory = load_ruleset_string(bytes, "single.yaml", LoadOptions{}, sink);
  REQUIRE(from_memory);
  CHECK(from_memory->digest == from_file.model->digest);
  // One more byte (a trailing comment) is another rule set.
  const auto changed = load_ruleset_string(bytes + "#\n", "single.yaml", LoadOptions{}, sink);
  REQUIRE(changed);
  CHECK(changed->digest != from_file.model->digest);
}

TEST_CASE("ruleset_digest sorts files by path", "[load][schema]") {
  const std::string digest = ruleset_digest({{"b.yaml", "B"}, {"a.yaml", "A"}});
  CHECK(digest == ruleset_digest({{"a.yaml", "A"}, {"b.yaml", "B"}}));
  CHECK(digest == digest_of({{"a.yaml", "A"}, {"b.yaml", "B"}}));
  // Path and length are part of it: moving a byte between files changes the digest.
  CHECK(ruleset_digest({{"a.yaml", "AB"}, {"b.yaml", ""}}) != digest);
}

TEST_CASE("includes come before the including file's rules, depth first, each once",
          "[load][schema]") {
  const Loaded loaded = load_file(kGood + "/clinic");
  REQUIRE(loaded.diagnostics.empty());
  REQUIRE(loaded.model);
  std::vector<std::string> ids;
  for (const Rule& rule : loaded.model->rules) ids.push_back(rule.id);
  CHECK(ids == std::vector<std::string>{"shared.aftercare", "acne.rolling", "acne.boxcar",
                                        "root.surgical"});
  CHECK(loaded.model->id == "clinic-north");
  CHECK(loaded.model->vocabulary.facts().size() == 2);
  // Locations name the file a rule came from.
  const std::string file = loaded.rule("acne.rolling").loc.file;
  CHECK(file.size() >= 15);
  CHECK(file.substr(file.size() - 15) == "rules/acne.yaml");

  const std::string dir = kGood + "/clinic/";
  CHECK(loaded.model->digest ==
        digest_of({{"catalogue/treatments.yaml", read_bytes(dir + "catalogue/treatments.yaml")},
                   {"facts.yaml", read_bytes(dir + "facts.yaml")},
                   {"rules/acne.yaml", read_bytes(dir + "rules/acne.yaml")},
                   {"rules/shared.yaml", read_bytes(dir + "rules/shared.yaml")},
                   {"ruleset.yaml", read_bytes(dir + "ruleset.yaml")}}));
  const Loaded by_root_file = load_file(dir + "ruleset.yaml");
  REQUIRE(by_root_file.model);
  CHECK(by_root_file.model->digest == loaded.model->digest);
}

TEST_CASE("warnings do not stop a load and are kept in the model", "[load][schema]") {
  const Loaded loaded = load_string(kHead +
                                    "  - id: r\n"
                                    "    when: patient.age > 200\n"
                                    "    then: {suggest: [prp]}\n");
  REQUIRE(loaded.model);
  CHECK(loaded.errors().empty());
  REQUIRE(loaded.diagnostics.size() == 1);
  CHECK(loaded.diagnostics[0].severity == Severity::warning);
  REQUIRE(loaded.model->warnings.size() == 1);
  CHECK(loaded.model->warnings[0].code == loaded.diagnostics[0].code);
  CHECK(loaded.model->warnings[0].line == 9);
}

TEST_CASE("every error is reported, in source order", "[load][schema]") {
  const Loaded loaded = load_string(kHead +
                                    "  - id: Bad Id\n"                  // 8
                                    "    when: scar.type == rolling\n"  // 9
                                    "    then: {suitability: fine}\n"   // 10
                                    "  - id: b\n"                       // 11
                                    "    when: scar.type == rollin\n"   // 12
                                    "    then: {suggest: [prpp]}\n");   // 13
  CHECK_FALSE(loaded.model);
  const std::vector<Diagnostic> errors = loaded.errors();
  REQUIRE(errors.size() == 4);
  CHECK(errors[0].code == "E-BAD-ID");
  CHECK(errors[0].line == 8);
  CHECK(errors[0].column == 9);
  CHECK(errors[1].code == "E-BAD-VALUE");
  CHECK(errors[1].line == 10);
  CHECK(errors[1].column == 25);
  CHECK(errors[2].code == "E-EXPR-UNKNOWN-VALUE");
  CHECK(errors[2].line == 12);
  CHECK(errors[2].column == 24);
  CHECK(errors[3].code == "E-UNKNOWN-REF");
  CHECK(errors[3].line == 13);
  CHECK(errors[3].column == 22);
  CHECK(errors[3].hint == "did you mean 'prp'?");
}

TEST_CASE("a misspelt required key is reported once, as unknown with a hint", "[load][schema]") {
  const Loaded loaded = load_string(kHead +
                                    "  - id: r\n"
                                    "    whne: scar.type == rolling\n"
                                    "    then: {suggest: [prp]}\n");
  require_error(loaded, "E-UNKNOWN-KEY", 9, 5);
  CHECK(loaded.errors()[0].hint == "did you mean 'when'?");
}

TEST_CASE("typed values must be plain scalars of their type", "[load][schema]") {
  SECTION("a quoted number") {
    const Loaded loaded = load_string(kHead +
                                      "  - id: r\n"
                                      "    priority: \"5\"\n"
                                      "    when: true\n"
                                      "    then: {suggest: [prp]}\n");
    require_error(loaded, "E-TYPE", 9, 15);
    CHECK(loaded.errors()[0].message == "expected an integer for 'priority', got a string");
    CHECK(loaded.errors()[0].hint == "write the number without quotes");
  }
  SECTION("a YAML 1.1 boolean") {
    const Loaded loaded =
        load_string(kHead + good_rule("r") + "facts:\n  patient.x: {type: bool, required: yes}\n");
    // The second 'facts' key is a duplicate: that alone is the error.
    require_error(loaded, "E-DUPLICATE-KEY", 11, 1);
    const Loaded bool_word = load_string(
        "schema_version: 1\nruleset: {id: t, version: 1.0.0}\n"
        "facts:\n  patient.x: {type: bool, required: yes}\n");
    require_error(bool_word, "E-TYPE", 4, 37);
    CHECK(bool_word.errors()[0].hint == "use true or false");
  }
  SECTION("an octal-looking integer") {
    const Loaded loaded = load_string(
        "schema_version: 1\nruleset: {id: t, version: 1.0.0}\n"
        "facts:\n  patient.x: {type: int, min: 010}\n");
    require_error(loaded, "E-TYPE", 4, 31);
  }
  SECTION("a number where an integer is expected") {
    const Loaded loaded = load_string(kHead +
                                      "  - id: r\n"
                                      "    when: true\n"
                                      "    then: {adjust_sessions: 1.5}\n");
    require_error(loaded, "E-TYPE", 10, 29);
  }
}

TEST_CASE("a value above its range says how large it may be", "[load][schema]") {
  SECTION("priority") {
    const Loaded loaded = load_string(kHead +
                                      "  - id: r\n"
                                      "    priority: 99999999999\n"
                                      "    when: true\n"
                                      "    then: {suggest: [prp]}\n");
    require_error(loaded, "E-BAD-VALUE", 9, 15);
    CHECK(loaded.errors()[0].message ==
          "'priority' must be at most 2147483647, got 99999999999");
  }
  SECTION("a limit with only a lower bound of its own") {
    const Loaded loaded =
        load_string(kHead + good_rule("r") + "limits: {max_sessions: 99999999999}\n");
    require_error(loaded, "E-BAD-VALUE", 11, 24);
    CHECK(loaded.errors()[0].message ==
          "'max_sessions' must be at most 2147483647, got 99999999999");
  }
  SECTION("below the range") {
    const Loaded loaded =
        load_string(kHead + good_rule("r") + "limits: {max_sessions: 0}\n");
    require_error(loaded, "E-BAD-VALUE", 11, 24);
    CHECK(loaded.errors()[0].message == "'max_sessions' must be at least 1, got 0");
  }
}

TEST_CASE("int facts hold exact integers: bounds and literals that cannot are errors",
          "[load][schema][numbers]") {
  const std::string head =
      "schema_version: 1\nruleset: {id: t, version: 1.0.0}\nfacts:\n";
  SECTION("a bound past 2^53 would be rounded as a number") {
    const Loaded loaded = load_string(head + "  patient.n: {type: int, max: 9007199254740993}\n");
    require_error(loaded, "E-BAD-VALUE", 4, 31);
    CHECK_THAT(loaded.errors()[0].message, Catch::Contains("9007199254740992"));
  }
  SECTION("2^53 itself is exact") {
    const Loaded loaded =
        load_string(head + "  patient.n: {type: int, min: -9007199254740992, max: 9007199254740992}\n");
    CHECK(loaded.errors().empty());
  }
  SECTION("an int literal past int64 in a condition") {
    const Loaded loaded = load_string(head +
                                      "  patient.n: {type: int}\n"
                                      "rules:\n"
                                      "  - id: r\n"
                                      "    when: patient.n == 99999999999999999999\n"
                                      "    then: {message: big}\n");
    require_error(loaded, "E-EXPR-SYNTAX", 7, 24);
  }
}

TEST_CASE("a rule set from memory cannot include files", "[load][schema]") {
  const Loaded loaded = load_string(kHead + good_rule("r") + "include: [other.yaml]\n");
  require_error(loaded, "E-UNSUPPORTED", 11, 1);
}

TEST_CASE("empty catalogue sections declare nothing", "[load][schema]") {
  const Loaded loaded = load_string(kHead + good_rule("r") + "evidence:\nprecautions: ~\n");
  REQUIRE(loaded.model);
  CHECK(loaded.model->evidence.empty());
}

TEST_CASE("a required fact must not have a default", "[load][schema]") {
  const Loaded loaded = load_string(
      "schema_version: 1\nruleset: {id: t, version: 1.0.0}\n"
      "facts:\n  scar.t: {type: bool, required: true, default: false}\n");
  require_error(loaded, "E-CONFLICT", 4, 40);
}

TEST_CASE("load limits", "[load][schema]") {
  LoadOptions options;
  SECTION("rules") {
    options.max_rules = 1;
    require_error(load_string(kHead + good_rule("a") + good_rule("b"), options), "E-LIMIT-RULES", 11, 5);
    CHECK(load_string(kHead + good_rule("a"), options).model);
  }
  SECTION("facts") {
    options.max_facts = 1;
    require_error(load_string(kHead + good_rule("a"), options), "E-LIMIT-FACTS", 5, 3);
  }
  SECTION("enum values, never above 64") {
    options.max_enum_values = 2;
    CHECK(load_string(kHead + good_rule("a"), options).model);
    options.max_enum_values = 1;
    require_error(load_string(kHead + good_rule("a"), options), "E-LIMIT-ENUM-VALUES", 4, 35);
    options.max_enum_values = 1000;
    std::string values;
    for (int i = 0; i < 65; ++i) values += (i ? ", v" : "v") + std::to_string(i);
    const Loaded loaded = load_string(
        "schema_version: 1\nruleset: {id: t, version: 1.0.0}\n"
        "facts:\n  scar.t: {type: set, values: [" +
            values + "]}\n",
        options);
    require_error(loaded, "E-LIMIT-ENUM-VALUES", 4, 31);
  }
  SECTION("expression length") {
    options.max_expression_bytes = 10;
    require_error(load_string(kHead + good_rule("a"), options), "E-EXPR-TOO-LONG", 9, 11);
  }
  SECTION("nesting depth") {
    options.max_nesting_depth = 2;
    const Loaded loaded = load_string(kHead + good_rule("a"), options);
    CHECK_FALSE(loaded.model);
    REQUIRE_FALSE(loaded.errors().empty());
    CHECK(loaded.errors()[0].code == "E-YAML-TOO-DEEP");
  }
  SECTION("file size, before reading the file") {
    options.max_file_bytes = 100;
    const Loaded loaded = load_file(kGood + "/single.yaml", options);
    require_error(loaded, "E-FILE-TOO-LARGE", 0, 0);
  }
  SECTION("number of files") {
    options.max_files = 2;
    const Loaded loaded = load_file(kGood + "/clinic", options);
    require_error(loaded, "E-LIMIT-FILES", 6, 5);
  }
  SECTION("total bytes") {
    options.max_total_bytes = 450;
    const Loaded loaded = load_file(kGood + "/clinic", options);
    CHECK_FALSE(loaded.model);
    REQUIRE(loaded.errors().size() >= 1);
    CHECK(loaded.errors()[0].code == "E-LIMIT-TOTAL-SIZE");
  }
}

TEST_CASE("includes cannot escape the root directory through a symlink", "[load][schema]") {
  const TempDir dir("symlink");
  dir.write("outside/secret.yaml", "rules: []\n");
  dir.write("root/ruleset.yaml", kHead + good_rule("a") + "include: [link.yaml]\n");
  std::error_code ec;
  fs::create_symlink(dir.path() / "outside/secret.yaml", dir.path() / "root/link.yaml", ec);
  REQUIRE_FALSE(ec);
  const Loaded loaded = load_file((dir.path() / "root").string());
  require_error(loaded, "E-INCLUDE-ESCAPE", 11, 11);
}

TEST_CASE("a symlink that stays inside the root directory is followed", "[load][schema]") {
  const TempDir dir("symlink-inside");
  dir.write("root/real/more.yaml", "rules:\n" + good_rule("b"));
  dir.write("root/ruleset.yaml", kHead + good_rule("a") + "include: [link.yaml]\n");
  std::error_code ec;
  fs::create_symlink(dir.path() / "root/real/more.yaml", dir.path() / "root/link.yaml", ec);
  REQUIRE_FALSE(ec);
  const Loaded loaded = load_file((dir.path() / "root").string());
  REQUIRE(loaded.model);
  CHECK(loaded.model->rules.size() == 2);
  CHECK(loaded.model->rules[0].id == "b");
}

TEST_CASE("errors in several files come out file by file", "[load][schema]") {
  const TempDir dir("order");
  dir.write("ruleset.yaml",
            kHead + "  - id: a\n    when: true\n    then: {}\n" + "include: [b.yaml]\n");
  dir.write("b.yaml", "rules:\n  - id: b\n    when: true\n    then: {suggest: [nope]}\n");
  const Loaded loaded = load_file((dir.path() / "ruleset.yaml").string());
  CHECK_FALSE(loaded.model);
  const std::vector<Diagnostic> errors = loaded.errors();
  REQUIRE(errors.size() == 2);
  CHECK(errors[0].code == "E-EMPTY-THEN");
  CHECK(errors[0].line == 10);
  CHECK(errors[1].code == "E-UNKNOWN-REF");
  CHECK(errors[1].file.find("b.yaml") != std::string::npos);
  CHECK(errors[1].line == 4);
}

TEST_CASE("a rule id repeated in another file names the first declaration", "[load][schema]") {
  const TempDir dir("dup");
  dir.write("ruleset.yaml", kHead + good_rule("same") + "include: [more.yaml]\n");
  dir.write("more.yaml", "rules:\n" + good_rule("same"));
  const Loaded loaded = load_file((dir.path() / "ruleset.yaml").string());
  // The included file's rule is declared first, so the root's is the duplicate.
  require_error(loaded, "E-DUPLICATE-ID", 8, 9);
  CHECK(loaded.errors()[0].hint.find("more.yaml:2:9") != std::string::npos);
}

TEST_CASE("a missing rule set is reported without a position", "[load][schema]") {
  require_error(load_file(kGood + "/no-such-file.yaml"), "E-FILE-NOT-FOUND", 0, 0);
  const TempDir dir("empty-dir");
  const Loaded loaded = load_file(dir.path().string());
  require_error(loaded, "E-FILE-NOT-FOUND", 0, 0);
  CHECK(loaded.errors()[0].file.find("ruleset.yaml") != std::string::npos);
}

TEST_CASE("then.alternatives lists treatment ids in the order written",
          "[load][schema][alternatives]") {
  const Loaded loaded = load_string(kHead +
                                    "  - id: instead\n"
                                    "    when: scar.type == rolling\n"
                                    "    then: {alternatives: [subcision, prp]}\n");
  REQUIRE(loaded.model);
  CHECK(loaded.rule("instead").then.alternatives == std::vector<CatalogueId>{1, 0});
  CHECK(loaded.rule("instead").then.suggest.empty());
}

TEST_CASE("an unknown alternative is E-UNKNOWN-REF with a did-you-mean hint",
          "[load][schema][alternatives]") {
  const Loaded loaded = load_string(kHead +
                                    "  - id: instead\n"
                                    "    when: true\n"
                                    "    then: {alternatives: [subcison]}\n");
  require_error(loaded, "E-UNKNOWN-REF", 10, 27);
  REQUIRE(loaded.errors().size() == 1);
  CHECK(loaded.errors()[0].file == "mem.yaml");
  CHECK(loaded.errors()[0].message == "unknown treatment 'subcison'");
  CHECK(loaded.errors()[0].hint.find("did you mean 'subcision'?") != std::string::npos);
}

TEST_CASE("a misspelt 'alternatives' key gets a did-you-mean hint",
          "[load][schema][alternatives]") {
  const Loaded loaded = load_string(kHead +
                                    "  - id: instead\n"
                                    "    when: true\n"
                                    "    then: {alternative: [prp]}\n");
  require_error(loaded, "E-UNKNOWN-KEY", 10, 12);
  REQUIRE(loaded.errors().size() == 1);
  CHECK(loaded.errors()[0].hint.find("'alternatives'") != std::string::npos);
}

TEST_CASE("an alternative listed twice in one rule is E-DUPLICATE-VALUE",
          "[load][schema][alternatives]") {
  const Loaded loaded = load_string(kHead +
                                    "  - id: instead\n"
                                    "    when: true\n"
                                    "    then: {alternatives: [prp, prp]}\n");
  require_error(loaded, "E-DUPLICATE-VALUE", 10, 32);
}

TEST_CASE("one rule names a treatment in only one of suggest, alternatives and avoid",
          "[load][schema][alternatives]") {
  SECTION("suggested and an alternative: located at the alternative") {
    const Loaded loaded = load_string(kHead +
                                      "  - id: both\n"
                                      "    when: true\n"
                                      "    then:\n"
                                      "      suggest: [prp]\n"
                                      "      alternatives: [subcision, prp]\n");
    require_error(loaded, "E-CONFLICT", 12, 33);
    REQUIRE(loaded.errors().size() == 1);
    CHECK(loaded.errors()[0].file == "mem.yaml");
    CHECK(loaded.errors()[0].message == "treatment 'prp' is both suggested and an alternative");
  }
  SECTION("an alternative and avoided: located at the avoid, whichever comes first") {
    const Loaded loaded = load_string(kHead +
                                      "  - id: both\n"
                                      "    when: true\n"
                                      "    then:\n"
                                      "      avoid: [subcision]\n"
                                      "      alternatives: [subcision]\n");
    require_error(loaded, "E-CONFLICT", 11, 15);
    REQUIRE(loaded.errors().size() == 1);
    CHECK(loaded.errors()[0].message == "treatment 'subcision' is both an alternative and avoided");
  }
  SECTION("the same treatment in all three lists is reported once at each later mention") {
    const Loaded loaded =
        load_string(kHead +
                    "  - id: all\n"
                    "    when: true\n"
                    "    then: {suggest: [prp], alternatives: [prp], avoid: [prp]}\n");
    CHECK_FALSE(loaded.model);
    const std::vector<Diagnostic> errors = loaded.errors();
    REQUIRE(errors.size() == 2);
    for (const Diagnostic& d : errors) CHECK(d.code == "E-CONFLICT");
    CHECK(errors[0].message == "treatment 'prp' is both suggested and an alternative");
    CHECK(errors[1].message == "treatment 'prp' is both suggested and avoided");
  }
  SECTION("different rules may suggest, recommend and avoid the same treatment") {
    const Loaded loaded = load_string(kHead +
                                      "  - id: a\n    when: true\n    then: {suggest: [prp]}\n"
                                      "  - id: b\n    when: true\n    then: {alternatives: [prp]}\n"
                                      "  - id: c\n    when: true\n    then: {avoid: [prp]}\n");
    CHECK(loaded.model);
    CHECK(loaded.errors().empty());
  }
}

TEST_CASE("an analyze marker keeps the finding codes it allows, with where each is written",
          "[load][schema][analyze]") {
  const Loaded loaded = load_string(kHead +
                                    "  - id: a\n"
                                    "    when: scar.type == rolling\n"
                                    "    then: {suggest: [prp]}\n"
                                    "    analyze: {allow: [A-GAP, A-SHADOWED]}\n");
  REQUIRE(loaded.model);
  const scarwise::internal::Rule& rule = loaded.rule("a");
  REQUIRE(rule.analyze_allow.size() == 2);
  CHECK(rule.analyze_allow[0].code == "A-GAP");
  CHECK(rule.analyze_allow[0].loc.line == 11);
  CHECK(rule.analyze_allow[0].loc.column == 23);
  CHECK(rule.analyze_allow[1].code == "A-SHADOWED");
  CHECK(loaded.rule("a").then.suggest.size() == 1);
}

TEST_CASE("a rule without an analyze marker allows nothing", "[load][schema][analyze]") {
  const Loaded loaded = load_string(kHead + good_rule("a"));
  REQUIRE(loaded.model);
  CHECK(loaded.rule("a").analyze_allow.empty());
}

TEST_CASE("a bad analyze marker fails the load where it is written", "[load][schema][analyze]") {
  const std::string rule = "  - id: a\n    when: true\n    then: {suggest: [prp]}\n";
  SECTION("an unknown code, with the closest one as a hint") {
    const Loaded loaded = load_string(kHead + rule + "    analyze: {allow: [A-GAPS]}\n");
    require_error(loaded, "E-BAD-VALUE", 11, 23);
    REQUIRE(loaded.errors().size() == 1);
    CHECK(loaded.errors()[0].message == "unknown analysis finding code 'A-GAPS'");
    CHECK(loaded.errors()[0].hint.find("'A-GAP'") != std::string::npos);
  }
  SECTION("a code listed twice") {
    const Loaded loaded =
        load_string(kHead + rule + "    analyze: {allow: [A-GAP, A-GAP]}\n");
    require_error(loaded, "E-DUPLICATE-VALUE", 11, 30);
  }
  SECTION("a marker that is not a map") {
    const Loaded loaded = load_string(kHead + rule + "    analyze: A-GAP\n");
    REQUIRE(loaded.errors().size() == 1);
    CHECK(loaded.errors()[0].code == "E-TYPE");
    CHECK(loaded.errors()[0].line == 11);
    CHECK_FALSE(loaded.model);
  }
  SECTION("a marker without allow") {
    const Loaded loaded = load_string(kHead + rule + "    analyze: {}\n");
    CHECK_FALSE(loaded.model);
    REQUIRE_FALSE(loaded.errors().empty());
    CHECK(loaded.errors()[0].code == "E-MISSING-KEY");
  }
  SECTION("a misspelt key in the marker") {
    const Loaded loaded =
        load_string(kHead + rule + "    analyze: {allow: [A-GAP], alow: [A-GAP]}\n");
    CHECK_FALSE(loaded.model);
    REQUIRE_FALSE(loaded.errors().empty());
    CHECK(loaded.errors()[0].code == "E-UNKNOWN-KEY");
  }
}
