// `then.alternatives` through the public API: treatments recommended instead of microneedling
// are kept for every verdict, an avoid suppresses them, and they reach the JSON and text
// assessment, the explanation and test-file expectations.
#include <algorithm>
#include <catch2/catch.hpp>
#include <scarwise/scarwise.hpp>
#include <string>
#include <vector>

namespace {

const char* const kRules = R"(schema_version: 1
ruleset: {id: alternatives-test, version: 1.0.0}
evidence:
  ev-gel: {cite: "Gel A. Silicone for keloids. 2019.", url: "https://doi.org/10.0/gel"}
  ev-no: {cite: "No B. Do not needle keloids. 2020."}
facts:
  patient.pregnant: {type: bool}
  patient.steroid_allergy: {type: bool}
  scar.type: {type: enum, values: [rolling, keloid, hypertrophic], required: true}
treatments:
  silicone_gel: {name: Silicone gel}
  corticosteroid_injection: {name: Corticosteroid injection}
  subcision: {name: Subcision}
rules:
  - id: contra.keloid
    title: Keloid
    when: scar.type == keloid
    then: {suitability: not_suitable, message: Do not needle keloids.}
    evidence: [ev-no]
  - id: defer.pregnancy
    title: Pregnancy
    when: patient.pregnant
    then: {suitability: defer, reevaluate_after_weeks: 40, message: Wait.}
  - id: plan.rolling
    when: scar.type == rolling
    then:
      plan: {sessions: {min: 3, max: 6}, interval_weeks: {min: 4, max: 6}}
      suggest: [subcision]
  - id: alternatives.raised
    title: Raised scars without needling
    when: scar.type in [keloid, hypertrophic]
    then: {alternatives: [silicone_gel, corticosteroid_injection]}
    evidence: [ev-gel]
  - id: alternatives.keloid
    when: scar.type == keloid
    then: {alternatives: [corticosteroid_injection]}
  - id: alternatives.pregnancy
    when: patient.pregnant
    then: {alternatives: [silicone_gel]}
  - id: avoid.steroid
    title: Steroid allergy
    when: patient.steroid_allergy
    then: {avoid: [corticosteroid_injection], message: Allergic to steroids.}
)";

scarwise::Engine engine() { return scarwise::Engine{scarwise::RuleSet::load_string(kRules)}; }

scarwise::Case one_scar(const std::string& type, bool pregnant, bool allergy) {
  scarwise::Case c;
  c.patient().set("pregnant", pregnant).set("steroid_allergy", allergy);
  c.add_scar("site").set("type", type);
  return c;
}

std::vector<std::string> ids(const std::vector<scarwise::Alternative>& list) {
  std::vector<std::string> out;
  for (const scarwise::Alternative& a : list) out.push_back(a.id);
  return out;
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

/// The text with every run of spaces and line breaks made one space.
std::string flat(const std::string& text) {
  std::string out;
  for (char c : text) {
    const bool space = c == ' ' || c == '\n';
    if (space && !out.empty() && out.back() == ' ') continue;
    out += space ? ' ' : c;
  }
  return out;
}

/// `text` without spaces and line breaks: pretty JSON compared with a compact expectation.
std::string squeeze(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c != ' ' && c != '\n') out += c;
  }
  return out;
}

}  // namespace

TEST_CASE("a not_suitable keloid keeps its alternatives, each once, without combinations",
          "[api][alternatives]") {
  const scarwise::Assessment a = engine().evaluate(one_scar("keloid", false, false));
  const scarwise::ScarAssessment& scar = a.scars().at(0);
  CHECK(scar.suitability == scarwise::Suitability::not_suitable);
  CHECK_FALSE(scar.plan.has_value());
  CHECK(scar.combinations.empty());
  REQUIRE(scar.alternatives.size() == 2);
  CHECK(scar.alternatives[0].id == "silicone_gel");
  CHECK(scar.alternatives[0].name == "Silicone gel");
  CHECK(scar.alternatives[0].rule == "alternatives.raised");
  // Two rules recommend the injection; the first in declaration order names it.
  CHECK(scar.alternatives[1].id == "corticosteroid_injection");
  CHECK(scar.alternatives[1].rule == "alternatives.raised");
}

TEST_CASE("a deferred scar keeps its alternatives and its combinations", "[api][alternatives]") {
  const scarwise::ScarAssessment scar =
      engine().evaluate(one_scar("rolling", true, false)).scars().at(0);
  CHECK(scar.suitability == scarwise::Suitability::defer);
  CHECK(ids(scar.alternatives) == std::vector<std::string>{"silicone_gel"});
  CHECK(scar.alternatives[0].rule == "alternatives.pregnancy");
  REQUIRE(scar.combinations.size() == 1);
  CHECK(scar.combinations[0].id == "subcision");

  const scarwise::ScarAssessment plain =
      engine().evaluate(one_scar("rolling", false, false)).scars().at(0);
  CHECK(plain.alternatives.empty());
}

TEST_CASE("an avoid suppresses an alternative and the trace says so", "[api][alternatives]") {
  const scarwise::Assessment a =
      engine().evaluate(one_scar("keloid", false, true), scarwise::EvalOptions{true});
  const scarwise::ScarAssessment& scar = a.scars().at(0);
  CHECK(ids(scar.alternatives) == std::vector<std::string>{"silicone_gel"});
  REQUIRE(scar.avoid.size() == 1);
  CHECK(scar.avoid[0].id == "corticosteroid_injection");
  const auto raised =
      std::find_if(scar.trace.begin(), scar.trace.end(),
                   [](const scarwise::TraceEntry& e) { return e.rule == "alternatives.raised"; });
  REQUIRE(raised != scar.trace.end());
  CHECK(raised->notes == std::vector<std::string>{
                             "alternative 'corticosteroid_injection' suppressed by avoid in rule "
                             "'avoid.steroid'"});
}

TEST_CASE("the JSON assessment writes alternatives after combinations", "[api][alternatives]") {
  const scarwise::Assessment a = engine().evaluate(one_scar("keloid", false, false));
  const std::string line = a.to_json_line();
  CHECK(contains(line,
                 "\"combinations\":[],\"alternatives\":["
                 "{\"id\":\"silicone_gel\",\"name\":\"Silicone gel\","
                 "\"rule\":\"alternatives.raised\"},"
                 "{\"id\":\"corticosteroid_injection\",\"name\":\"Corticosteroid "
                 "injection\",\"rule\":\"alternatives.raised\"}],\"avoid\":[]"));
  CHECK(squeeze(a.to_json()) == squeeze(line));
  const std::string rolling = engine().evaluate(one_scar("rolling", false, false)).to_json_line();
  CHECK(contains(rolling, "\"alternatives\":[],\"avoid\":[]"));
}

TEST_CASE("the text report says what to consider instead of microneedling", "[api][alternatives]") {
  const std::string text = flat(engine().evaluate(one_scar("keloid", false, false)).to_text());
  CHECK(contains(text,
                 "Instead of microneedling, consider: "
                 "- Silicone gel [silicone_gel] (rule alternatives.raised) "
                 "- Corticosteroid injection [corticosteroid_injection] "
                 "(rule alternatives.raised)"));
  CHECK_FALSE(contains(flat(engine().evaluate(one_scar("rolling", false, false)).to_text()),
                       "Instead of microneedling"));
}

TEST_CASE("explain shows each alternative with its rule and evidence, and suppressed ones",
          "[api][alternatives][explain]") {
  const scarwise::Explanation explanation = engine().explain(one_scar("keloid", false, true));
  const scarwise::ScarExplanation& scar = explanation.scars().at(0);
  CHECK(ids(scar.assessment.alternatives) == std::vector<std::string>{"silicone_gel"});
  REQUIRE(scar.suppressed_alternatives.size() == 1);
  CHECK(scar.suppressed_alternatives[0].treatment == "corticosteroid_injection");
  CHECK(scar.suppressed_alternatives[0].name == "Corticosteroid injection");
  CHECK(scar.suppressed_alternatives[0].recommended_by == "alternatives.raised");
  CHECK(scar.suppressed_alternatives[0].suppressed_by == "avoid.steroid");
  CHECK(scar.suppressed.empty());
  // The evidence of the rule behind an alternative is cited, after the deciding rule's.
  REQUIRE(scar.evidence.size() == 2);
  CHECK(scar.evidence[0].id == "ev-no");
  CHECK(scar.evidence[1].id == "ev-gel");
  CHECK(scar.evidence[1].rules == std::vector<std::string>{"alternatives.raised"});
  const auto raised = std::find_if(
      scar.rules.begin(), scar.rules.end(),
      [](const scarwise::RuleExplanation& r) { return r.rule == "alternatives.raised"; });
  REQUIRE(raised != scar.rules.end());
  CHECK(raised->effect.alternatives ==
        std::vector<std::string>{"silicone_gel", "corticosteroid_injection"});
  CHECK_FALSE(raised->restricting);

  const std::string text = flat(explanation.to_text());
  CHECK(contains(text,
                 "Instead of microneedling, consider: - Silicone gel [silicone_gel], "
                 "recommended by alternatives.raised (Raised scars without needling), "
                 "from layer alternatives-test [evidence: ev-gel]"));
  CHECK(contains(text,
                 "Suppressed alternatives: - Corticosteroid injection "
                 "[corticosteroid_injection], recommended by alternatives.raised, left out "
                 "because avoid.steroid says to avoid it"));
  CHECK(contains(text, "ev-gel (behind alternatives.raised): Gel A. Silicone for keloids. 2019."));

  const std::string json = squeeze(explanation.to_json());
  CHECK(contains(json,
                 squeeze(R"("suppressed_alternatives": [{"treatment": "corticosteroid_injection",
      "name": "Corticosteroid injection", "recommended_by": "alternatives.raised",
      "suppressed_by": "avoid.steroid"}], "evidence": [)")));
  CHECK(contains(json, squeeze(R"("alternatives": [{"id": "silicone_gel", "name": "Silicone gel",
      "rule": "alternatives.raised"}], "avoid": [)")));
  CHECK(contains(json, squeeze(R"("aftercare": [], "alternatives": ["silicone_gel",
      "corticosteroid_injection"],)")));

  const std::string focused = flat(
      engine().explain(one_scar("keloid", false, true), {"", "alternatives.raised"}).to_text());
  CHECK(contains(focused, "alternatives silicone_gel, corticosteroid_injection"));
  CHECK(contains(focused,
                 "alternative 'corticosteroid_injection' suppressed by avoid in rule "
                 "'avoid.steroid'"));
}

TEST_CASE("test files check alternatives exactly or by membership", "[test_suite][alternatives]") {
  const auto run = [](const std::string& scar_expect) {
    const std::string yaml =
        "schema_version: 1\n"
        "tests:\n"
        "  - name: keloid\n"
        "    case:\n"
        "      patient: {pregnant: false, steroid_allergy: false}\n"
        "      scars: [{id: site, type: keloid}]\n"
        "    expect:\n"
        "      scars:\n"
        "        site: " +
        scar_expect + "\n";
    const scarwise::TestReport report =
        scarwise::TestSuite::load_string(yaml, "t.yaml").run(engine());
    REQUIRE(report.results.size() == 1);
    return report.results.front();
  };
  SECTION("passing") {
    for (const char* expect :
         {"{alternatives: [corticosteroid_injection, silicone_gel], combinations: []}",
          "{alternatives: {includes: [silicone_gel], excludes: [subcision]}}"}) {
      const scarwise::TestResult result = run(expect);
      INFO(expect << '\n' << result.to_text());
      CHECK(result.passed);
    }
  }
  SECTION("an exact list that differs") {
    const scarwise::TestResult result = run("{alternatives: [silicone_gel]}");
    CHECK_FALSE(result.passed);
    REQUIRE(result.failures.size() == 1);
    CHECK(result.failures[0].path == "scars.site.alternatives");
    CHECK(result.failures[0].expected == "[silicone_gel]");
    CHECK(result.failures[0].actual == "[silicone_gel, corticosteroid_injection]");
  }
  SECTION("excludes that is present") {
    const scarwise::TestResult result =
        run("{alternatives: {excludes: [corticosteroid_injection]}}");
    CHECK_FALSE(result.passed);
    REQUIRE(result.failures.size() == 1);
    CHECK(result.failures[0].path.rfind("scars.site.alternatives", 0) == 0);
  }
  SECTION("an unknown treatment id is reported, not silently compared") {
    const scarwise::TestResult result = run("{alternatives: {excludes: [silicon_gel]}}");
    CHECK_FALSE(result.passed);
    const auto unknown =
        std::find_if(result.diagnostics.begin(), result.diagnostics.end(),
                     [](const scarwise::Diagnostic& d) { return d.code == "E-TEST-UNKNOWN-ID"; });
    REQUIRE(unknown != result.diagnostics.end());
    CHECK(unknown->hint == "did you mean 'silicone_gel'?");
  }
  SECTION("a misspelt key is an error with a hint") {
    const scarwise::TestSuiteLoadResult loaded = scarwise::TestSuite::try_load_string(
        "schema_version: 1\ntests:\n  - name: t\n    case: {scars: [{id: s, type: keloid}]}\n"
        "    expect: {scars: {s: {alternative: []}}}\n",
        "t.yaml");
    REQUIRE_FALSE(loaded.ok());
    REQUIRE_FALSE(loaded.diagnostics().empty());
    CHECK(loaded.diagnostics()[0].code == "E-TEST-UNKNOWN-KEY");
    CHECK(contains(loaded.diagnostics()[0].hint, "'alternatives'"));
  }
}
