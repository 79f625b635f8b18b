// The public C++ API end to end: load the bundled rules, evaluate cases, check the contract.
#include <catch2/catch.hpp>

#include <scarwise/scarwise.hpp>

#include <algorithm>
#include <cstring>
#include <string>
#include <thread>
#include <vector>

namespace {

const std::string kDefaultRules = std::string(SCARWISE_SOURCE_DIR) + "/rules/default";
const std::string kExample =
    std::string(SCARWISE_SOURCE_DIR) + "/examples/cases/rolling-acne-dark-skin.yaml";

bool has_code(const std::vector<scarwise::Diagnostic>& diagnostics, const std::string& code) {
  return std::any_of(diagnostics.begin(), diagnostics.end(),
                     [&](const scarwise::Diagnostic& d) { return d.code == code; });
}

scarwise::Case light_skin_rolling_case() {
  scarwise::Case c;
  c.patient().set("age", 28).set("fitzpatrick", 2).set("pregnant", false);
  c.add_scar("cheeks").set("type", "rolling").set("severity", 3).set("area", "face");
  return c;
}

}  // namespace

TEST_CASE("runtime version matches the header", "[api]") {
  CHECK(std::strcmp(scarwise::version(), SCARWISE_VERSION_STRING) == 0);
  CHECK(scarwise::version_number() == SCARWISE_VERSION_NUMBER);
}

TEST_CASE("the default rules assess the README example", "[api]") {
  const scarwise::RuleSet rules = scarwise::RuleSet::load_file(kDefaultRules);
  CHECK(rules.id() == "scarwise-default");
  CHECK(rules.digest().rfind("sha256:", 0) == 0);
  CHECK(rules.digest().size() == 7 + 64);
  CHECK(rules.warnings().empty());
  const scarwise::Engine engine{rules};
  const scarwise::Assessment a = engine.evaluate(scarwise::Case::from_file(kExample));
  REQUIRE(a.scars().size() == 2);
  CHECK(a.complete());
  CHECK(a.ruleset_digest() == rules.digest());
  const scarwise::ScarAssessment& cheeks = a.scars()[0];
  CHECK(cheeks.id == "cheeks");
  CHECK(cheeks.suitability == scarwise::Suitability::suitable_with_caution);
  REQUIRE(cheeks.plan.has_value());
  CHECK(cheeks.plan->rule == "plan.rolling");
  const auto has_subcision = std::any_of(cheeks.combinations.begin(), cheeks.combinations.end(),
                                         [](const auto& c) { return c.id == "subcision"; });
  CHECK(has_subcision);
  const auto avoids_ablative = std::any_of(cheeks.avoid.begin(), cheeks.avoid.end(), [](auto& x) {
    return x.id == "fractional_laser_ablative";
  });
  CHECK(avoids_ablative);
  CHECK(cheeks.trace.empty());
  const std::string json = a.to_json();
  CHECK(json.find("\"format\": \"scarwise.assessment/1\"") != std::string::npos);
  CHECK(json.find("\"trace\"") == std::string::npos);
  CHECK(a.to_text().find("not a diagnosis") != std::string::npos);
}

TEST_CASE("output is byte-identical across runs, engines and threads", "[api][determinism]") {
  const scarwise::Case c = scarwise::Case::from_file(kExample);
  const scarwise::Engine first{scarwise::RuleSet::load_file(kDefaultRules)};
  const scarwise::Engine second{scarwise::RuleSet::load_file(kDefaultRules + "/ruleset.yaml")};
  const std::string expected = first.evaluate(c, scarwise::EvalOptions{true}).to_json();
  CHECK(second.evaluate(c, scarwise::EvalOptions{true}).to_json() == expected);

  std::vector<std::string> results(4);
  std::vector<std::thread> threads;
  for (std::size_t i = 0; i < results.size(); ++i) {
    threads.emplace_back([&, i] {
      for (int round = 0; round < 20; ++round) {
        results[i] = first.evaluate(c, scarwise::EvalOptions{true}).to_json();
      }
    });
  }
  for (std::thread& t : threads) t.join();
  for (const std::string& r : results) CHECK(r == expected);
}

TEST_CASE("the same case as JSON, YAML or built in code has one digest", "[api]") {
  const scarwise::Engine engine{scarwise::RuleSet::load_file(kDefaultRules)};
  const scarwise::Case built = light_skin_rolling_case();
  const scarwise::Case from_json = scarwise::Case::from_json(
      R"({"scars": [{"area": "face", "severity": 3, "type": "rolling", "id": "cheeks"}],
          "patient": {"pregnant": false, "fitzpatrick": 2, "age": 28}})");
  const scarwise::Case from_yaml = scarwise::Case::from_yaml(
      "patient: {age: 28, fitzpatrick: 2, pregnant: false}\n"
      "scars:\n  - {id: cheeks, type: rolling, severity: 3, area: face}\n");
  const std::string digest = engine.evaluate(built).case_digest();
  CHECK(engine.evaluate(from_json).case_digest() == digest);
  CHECK(engine.evaluate(from_yaml).case_digest() == digest);
  built.patient();  // reading does not change the case
  CHECK(engine.evaluate(built).case_digest() == digest);
}

TEST_CASE("omitted facts make the assessment incomplete, never safer", "[api][unknown]") {
  const scarwise::Engine engine{scarwise::RuleSet::load_file(kDefaultRules)};
  const scarwise::Assessment a = engine.evaluate(light_skin_rolling_case());
  CHECK_FALSE(a.complete());
  const scarwise::ScarAssessment& s = a.scars()[0];
  CHECK_FALSE(s.complete);
  const auto lists = [&](const std::string& fact) {
    return std::any_of(s.missing_facts.begin(), s.missing_facts.end(),
                       [&](const scarwise::MissingFact& m) { return m.fact == fact; });
  };
  CHECK(lists("patient.breastfeeding"));
  CHECK(lists("patient.isotretinoin"));
  CHECK_FALSE(lists("patient.pregnant"));  // given as false
  for (const scarwise::MissingFact& m : s.missing_facts) CHECK_FALSE(m.rules.empty());
}

TEST_CASE("cases built in code are checked like case files", "[api][case]") {
  const scarwise::Engine engine{scarwise::RuleSet::load_file(kDefaultRules)};
  scarwise::Case c;
  c.patient().set("fitzpatrick", 9).set("pregnnt", true);
  c.add_scar("cheeks").set("type", "rollng");
  const std::vector<scarwise::Diagnostic> problems = engine.validate(c);
  CHECK(has_code(problems, "E-CASE-RANGE"));
  CHECK(has_code(problems, "E-CASE-UNKNOWN-FACT"));
  CHECK(has_code(problems, "E-CASE-UNKNOWN-VALUE"));
  for (const scarwise::Diagnostic& d : problems) {
    if (d.code == "E-CASE-UNKNOWN-VALUE") {
      CHECK(d.message.find("cheeks") != std::string::npos);
      CHECK(d.message.find("scar.type") != std::string::npos);
      CHECK(d.hint.find("rolling") != std::string::npos);
    }
  }
  CHECK_THROWS_AS(engine.evaluate(c), scarwise::CaseError);
  const scarwise::EvalResult result = engine.try_evaluate(c);
  CHECK_FALSE(result.ok());
  CHECK(result.diagnostics.size() == problems.size());

  scarwise::Case moved = light_skin_rolling_case();
  const scarwise::Case taken = std::move(moved);
  CHECK(engine.validate(taken).empty());
  CHECK(has_code(engine.validate(moved), "E-CASE-NO-SCARS"));  // NOLINT: moved-from is valid
}

TEST_CASE("a rule set that fails to load throws, or reports without throwing", "[api][load]") {
  const std::string bad =
      "schema_version: 1\nruleset: {id: x, version: 1.0.0}\nrules:\n  - id: r\n    whne: true\n";
  try {
    scarwise::RuleSet::load_string(bad, "bad.yaml");
    FAIL("load_string accepted a bad rule set");
  } catch (const scarwise::LoadError& e) {
    REQUIRE_FALSE(e.diagnostics().empty());
    CHECK(has_code(e.diagnostics(), "E-UNKNOWN-KEY"));
    // what() summarises the first error in source order: the rule lacks `then`.
    CHECK(std::string(e.what()).find("bad.yaml:4:5: error[E-MISSING-KEY]") == 0);
  }
  const scarwise::LoadResult result = scarwise::RuleSet::try_load_string(bad, "bad.yaml");
  CHECK_FALSE(result.ok());
  CHECK_THROWS_AS(result.value(), scarwise::LoadError);
  const std::string rendered = scarwise::format_diagnostics(result.diagnostics());
  CHECK(rendered.find("bad.yaml:5:5: error[E-UNKNOWN-KEY]:") != std::string::npos);
  CHECK(rendered.find("  hint: did you mean 'when'?") != std::string::npos);
}
