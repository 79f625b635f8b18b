// Layering: a rule set that extends another (docs/rule-format.md §12). The overlays are written
// into a fresh directory per test; the base is the bundled default set, found through
// LoadOptions::rules_path as a host would grant it.
#include <catch2/catch.hpp>
#include <unistd.h>

#include <scarwise/scarwise.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace {
namespace fs = std::filesystem;

const std::string kRulesDir = std::string(SCARWISE_SOURCE_DIR) + "/rules";
const std::string kDefaultRules = kRulesDir + "/default";
const std::string kClinicOverlay = std::string(SCARWISE_SOURCE_DIR) + "/examples/clinic-overlay";

/// A scratch directory holding the files of one overlay.
class OverlayDir {
 public:
  OverlayDir() {
    static int counter = 0;
    dir_ = fs::temp_directory_path() /
           ("scarwise-layering-" + std::to_string(::getpid()) + "-" + std::to_string(++counter));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  ~OverlayDir() {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }
  OverlayDir(const OverlayDir&) = delete;
  OverlayDir& operator=(const OverlayDir&) = delete;

  std::string write(const std::string& name, const std::string& text) const {
    const fs::path path = dir_ / name;
    fs::create_directories(path.parent_path());
    std::ofstream(path) << text;
    return path.string();
  }
  std::string path() const { return dir_.string(); }

 private:
  fs::path dir_;
};

scarwise::LoadOptions granting_default() {
  scarwise::LoadOptions options;
  options.rules_path = {kRulesDir};
  return options;
}

std::string header(const std::string& id, const std::string& extends) {
  return "schema_version: 1\nruleset: {id: " + id + ", version: 2.0.0}\nextends: " + extends +
         "\n";
}

bool has_code(const std::vector<scarwise::Diagnostic>& diagnostics, const std::string& code) {
  return std::any_of(diagnostics.begin(), diagnostics.end(),
                     [&](const scarwise::Diagnostic& d) { return d.code == code; });
}

const scarwise::Diagnostic& find_code(const std::vector<scarwise::Diagnostic>& diagnostics,
                                      const std::string& code) {
  const auto it = std::find_if(diagnostics.begin(), diagnostics.end(),
                               [&](const scarwise::Diagnostic& d) { return d.code == code; });
  REQUIRE(it != diagnostics.end());
  return *it;
}

scarwise::Case adult_case(const std::string& type, int severity) {
  scarwise::Case c;
  c.patient().set("age", 34);
  c.patient().set("pregnant", true);
  c.add_scar("site").set("type", type).set("severity", severity);
  return c;
}

}  // namespace

TEST_CASE("an overlay names itself and lists every layer with its own digest", "[layering]") {
  OverlayDir dir;
  const std::string root = dir.write("ruleset.yaml", header("clinic", "scarwise:default"));
  const scarwise::RuleSet base = scarwise::RuleSet::load_file(kDefaultRules);
  const scarwise::RuleSet overlay = scarwise::RuleSet::load_file(root, granting_default());
  CHECK(overlay.id() == "clinic");
  CHECK(overlay.version() == "2.0.0");
  const std::vector<scarwise::RuleSetLayer> layers = overlay.layers();
  REQUIRE(layers.size() == 2);
  CHECK(layers[0].id == "scarwise-default");
  CHECK(layers[0].digest == base.digest());
  CHECK(layers[1].id == "clinic");
  CHECK(layers[1].digest != base.digest());
  // The rule set's digest covers both layers: it is neither layer's own.
  CHECK(overlay.digest() != layers[0].digest);
  CHECK(overlay.digest() != layers[1].digest);
  CHECK(overlay.rule_count() == base.rule_count());
  CHECK(overlay.rule_layer("defer.pregnancy") == "scarwise-default");
  CHECK(base.layers().size() == 1);
}

TEST_CASE("the digest changes when any file of any layer changes", "[layering]") {
  OverlayDir dir;
  const std::string root = dir.write("ruleset.yaml", header("clinic", "base"));
  dir.write("base/ruleset.yaml",
            "schema_version: 1\nruleset: {id: base, version: 1.0.0}\ninclude: [more.yaml]\n");
  dir.write("base/more.yaml", "schema_version: 1\nfacts:\n  patient.a: {type: bool}\n");
  const std::string before = scarwise::RuleSet::load_file(root).digest();
  dir.write("base/more.yaml", "schema_version: 1\nfacts:\n  patient.a: {type: bool, doc: x}\n");
  CHECK(scarwise::RuleSet::load_file(root).digest() != before);
}

TEST_CASE("disable, override and additions change the assessment", "[layering]") {
  OverlayDir dir;
  const std::string root = dir.write(
      "ruleset.yaml", header("clinic", "scarwise:default") +
                          "disable: [defer.pregnancy]\n"
                          "rules:\n"
                          "  - id: adjust.severe\n"
                          "    override: true\n"
                          "    when: scar.severity == 4\n"
                          "    then: {adjust_sessions: 2}\n");
  const scarwise::Engine base{scarwise::RuleSet::load_file(kDefaultRules)};
  const scarwise::RuleSet rules = scarwise::RuleSet::load_file(root, granting_default());
  const scarwise::Engine overlay{rules};

  const scarwise::Assessment before = base.evaluate(adult_case("boxcar", 4));
  const scarwise::Assessment after = overlay.evaluate(adult_case("boxcar", 4));
  CHECK(before.scars()[0].suitability == scarwise::Suitability::defer);
  CHECK(after.scars()[0].suitability != scarwise::Suitability::defer);
  REQUIRE(before.scars()[0].plan);
  REQUIRE(after.scars()[0].plan);
  CHECK(after.scars()[0].plan->sessions.min == before.scars()[0].plan->sessions.min + 1);
  CHECK(rules.rule_layer("adjust.severe") == "clinic");
  CHECK(rules.rule_layer("defer.pregnancy").empty());
  const std::vector<std::string> ids = rules.rule_ids();
  // An override keeps the base rule's place in declaration order.
  const auto position = [](const std::vector<std::string>& list, const std::string& id) {
    return std::find(list.begin(), list.end(), id) - list.begin();
  };
  const std::vector<std::string> base_ids = scarwise::RuleSet::load_file(kDefaultRules).rule_ids();
  CHECK(position(ids, "adjust.severe") == position(base_ids, "adjust.severe") - 1);
}

TEST_CASE("the assessment JSON lists the layers and the trace names each rule's layer",
          "[layering]") {
  const scarwise::Engine engine{scarwise::RuleSet::load_file(kClinicOverlay, granting_default())};
  const std::string json = engine.evaluate(adult_case("rolling", 2), {true}).to_json();
  CHECK(json.find("\"layers\"") != std::string::npos);
  CHECK(json.find("\"id\": \"northgate-clinic\"") != std::string::npos);
  CHECK(json.find("\"layer\": \"northgate-clinic\"") != std::string::npos);
  CHECK(json.find("\"layer\": \"scarwise-default\"") != std::string::npos);
}

TEST_CASE("a catalogue entry's text is replaced with override", "[layering]") {
  OverlayDir dir;
  const std::string root = dir.write("ruleset.yaml", header("clinic", "scarwise:default") +
                                                         "aftercare:\n"
                                                         "  sun_protection:\n"
                                                         "    override: true\n"
                                                         "    text: Clinic wording.\n");
  const scarwise::Engine engine{scarwise::RuleSet::load_file(root, granting_default())};
  const scarwise::Assessment a = engine.evaluate(adult_case("rolling", 2));
  const auto& aftercare = a.scars()[0].aftercare;
  const auto sun = std::find_if(aftercare.begin(), aftercare.end(),
                                [](const scarwise::Instruction& i) { return i.id == "sun_protection"; });
  REQUIRE(sun != aftercare.end());
  CHECK(sun->text == "Clinic wording.");
}

TEST_CASE("overlay mistakes are located errors and load nothing", "[layering]") {
  OverlayDir dir;
  const auto load = [&](const std::string& body) {
    return scarwise::RuleSet::try_load_file(
        dir.write("ruleset.yaml", header("clinic", "scarwise:default") + body), granting_default());
  };
  SECTION("disabling a rule the base lacks, with did-you-mean") {
    const scarwise::LoadResult r = load("disable: [defer.pregnancyy]\n");
    REQUIRE_FALSE(r);
    const scarwise::Diagnostic& d = find_code(r.diagnostics(), "E-UNKNOWN-REF");
    CHECK(d.line == 4);
    CHECK(d.column == 11);
    CHECK(d.hint.find("defer.pregnancy") != std::string::npos);
  }
  SECTION("overriding a rule the base lacks") {
    const scarwise::LoadResult r =
        load("rules:\n  - id: plan.rollin\n    override: true\n    when: true\n"
             "    then: {suitability: suitable}\n");
    REQUIRE_FALSE(r);
    CHECK(find_code(r.diagnostics(), "E-OVERRIDE-UNKNOWN").hint.find("plan.rolling") !=
          std::string::npos);
  }
  SECTION("repeating a base id without override") {
    const scarwise::LoadResult r =
        load("rules:\n  - id: plan.rolling\n    when: true\n    then: {suitability: suitable}\n");
    REQUIRE_FALSE(r);
    CHECK(find_code(r.diagnostics(), "E-DUPLICATE-ID").hint.find("override: true") !=
          std::string::npos);
  }
  SECTION("redeclaring a base fact with another type or range") {
    const scarwise::LoadResult r = load("facts:\n  patient.age: {type: int, min: 0, max: 99}\n");
    REQUIRE_FALSE(r);
    const scarwise::Diagnostic& d = find_code(r.diagnostics(), "E-FACT-REDECLARED");
    CHECK(d.line == 5);
    CHECK(d.message.find("max 120") != std::string::npos);
  }
  SECTION("repeating a base fact exactly as declared is allowed") {
    CHECK(load("facts:\n  patient.pregnant: {type: bool}\n"));
  }
  SECTION("an unknown bundled rule set, with did-you-mean") {
    const scarwise::LoadResult r = scarwise::RuleSet::try_load_file(
        dir.write("ruleset.yaml", header("clinic", "scarwise:defualt")), granting_default());
    REQUIRE_FALSE(r);
    CHECK(find_code(r.diagnostics(), "E-EXTENDS-NOT-FOUND").hint.find("'default'") !=
          std::string::npos);
  }
  SECTION("a missing base is the one error, not every reference to it") {
    // Without the base, the override, the base fact and the base evidence would each be an
    // error of their own; only the missing base is reported.
    const scarwise::LoadResult r = scarwise::RuleSet::try_load_file(
        dir.write("ruleset.yaml",
                  header("clinic", "scarwise:no-such-set") +
                      "rules:\n"
                      "  - id: caution.minor\n"
                      "    override: true\n"
                      "    when: patient.age < 18\n"
                      "    then: {suitability: not_suitable}\n"
                      "    evidence: [skinpen-label]\n"),
        granting_default());
    REQUIRE_FALSE(r);
    REQUIRE(r.diagnostics().size() == 1);
    CHECK(r.diagnostics()[0].code == "E-EXTENDS-NOT-FOUND");
    CHECK(r.diagnostics()[0].line == 3);
  }
  SECTION("a path outside the overlay's directory") {
    const scarwise::LoadResult r = scarwise::RuleSet::try_load_file(
        dir.write("ruleset.yaml", header("clinic", "../elsewhere")), granting_default());
    REQUIRE_FALSE(r);
    CHECK(has_code(r.diagnostics(), "E-EXTENDS-ESCAPE"));
  }
  SECTION("disable without extends") {
    const scarwise::LoadResult r = scarwise::RuleSet::try_load_file(dir.write(
        "ruleset.yaml",
        "schema_version: 1\nruleset: {id: solo, version: 1.0.0}\ndisable: [x]\n"));
    REQUIRE_FALSE(r);
    CHECK(has_code(r.diagnostics(), "E-NOT-ALLOWED"));
  }
}

TEST_CASE("a chain of overlays works and a cycle is an error naming it", "[layering]") {
  OverlayDir dir;
  const std::string root = dir.write("ruleset.yaml", header("top", "middle"));
  dir.write("middle/ruleset.yaml", header("middle", "scarwise:default") +
                                       "disable: [defer.pregnancy]\n");
  const scarwise::RuleSet chain = scarwise::RuleSet::load_file(root, granting_default());
  REQUIRE(chain.layers().size() == 3);
  CHECK(chain.layers()[1].id == "middle");

  dir.write("middle/ruleset.yaml", header("middle", "inner"));
  dir.write("middle/inner/ruleset.yaml", header("inner", ".."));
  const scarwise::LoadResult cycle = scarwise::RuleSet::try_load_file(root, granting_default());
  REQUIRE_FALSE(cycle);
  // '..' from inner leaves inner's own directory: refused before it could loop.
  CHECK(has_code(cycle.diagnostics(), "E-EXTENDS-ESCAPE"));

  dir.write("middle/ruleset.yaml", header("middle", "inner/ruleset.yaml"));
  dir.write("middle/inner/ruleset.yaml", header("inner", "."));
  const scarwise::LoadResult self = scarwise::RuleSet::try_load_file(root, granting_default());
  REQUIRE_FALSE(self);
  const scarwise::Diagnostic& d = find_code(self.diagnostics(), "E-EXTENDS-CYCLE");
  CHECK(d.message.find("inner/ruleset.yaml") != std::string::npos);
}

TEST_CASE("a rule set from memory may extend a bundled rule set", "[layering]") {
  const scarwise::RuleSet rules = scarwise::RuleSet::load_string(
      header("memory", "scarwise:default"), "clinic.yaml", granting_default());
  CHECK(rules.layers().size() == 2);
  const scarwise::LoadResult path = scarwise::RuleSet::try_load_string(
      header("memory", "base/ruleset.yaml"), "clinic.yaml", granting_default());
  REQUIRE_FALSE(path);
  CHECK(has_code(path.diagnostics(), "E-UNSUPPORTED"));
}
