// Engine::explain through the public API: rule outcomes, the values of every comparison
// (unknown ones included), deciding rules, suppressed suggestions, evidence, and the checks on
// what is asked for.
#include <algorithm>
#include <catch2/catch.hpp>
#include <scarwise/scarwise.hpp>
#include <string>
#include <vector>

namespace {

using scarwise::ExplainedComparison;
using scarwise::FactValue;
using scarwise::RuleExplanation;
using scarwise::RuleOutcome;
using scarwise::ScarExplanation;

const char* const kRules = R"(schema_version: 1
ruleset: {id: explain-test, version: 1.0.0}
evidence:
  ev-a: {cite: "Author A. Title A. 2020.", url: "https://doi.org/10.0/a"}
  ev-b: {cite: "Author B. Title B. 2021."}
facts:
  patient.pregnant: {type: bool}
  patient.fitzpatrick: {type: int, min: 1, max: 6}
  patient.age: {type: int, min: 0, max: 120}
  patient.months_since_isotretinoin: {type: number, min: 0}
  scar.type: {type: enum, values: [rolling, boxcar, keloid], required: true}
  scar.features: {type: set, values: [volume_loss, pigmentation]}
  scar.age_months: {type: int, min: 0}
treatments:
  subcision: {name: Subcision}
  laser: {name: Ablative laser}
precautions:
  pih_risk: {text: PIH risk.}
aftercare:
  sun: {text: Sunscreen.}
rules:
  - id: defer.pregnancy
    title: Pregnancy
    when: patient.pregnant
    then: {suitability: defer, reevaluate_after_weeks: 40, message: Wait.}
    evidence: [ev-b]
  - id: defer.isotretinoin
    when: patient.months_since_isotretinoin < 6 and known(patient.months_since_isotretinoin)
    then: {suitability: defer, reevaluate_after_weeks: 12}
  - id: not.keloid
    when: scar.type in [keloid, 'boxcar'] or 18 > patient.age
    then: {suitability: not_suitable}
  - id: caution.dark
    title: Darker skin
    when: patient.fitzpatrick >= 4
    then: {suitability: suitable_with_caution, avoid: [laser], precautions: [pih_risk]}
    evidence: [ev-a]
  - id: plan.rolling
    title: Rolling scars
    when: scar.type == rolling
    then:
      plan: {sessions: {min: 3, max: 6}, interval_weeks: {min: 4, max: 6}}
      suggest: [subcision, laser]
    evidence: [ev-a, ev-b]
  - id: mature
    when: scar.age_months >= patient.age
    then: {aftercare: [sun]}
  - id: volume
    when: scar.features contains volume_loss
    then: {suggest: [subcision]}
  - id: always
    when: true
    then: {aftercare: [sun]}
)";

scarwise::Engine engine() { return scarwise::Engine{scarwise::RuleSet::load_string(kRules)}; }

// Pregnancy and isotretinoin are left unknown.
scarwise::Case dark_skin_case() {
  scarwise::Case c;
  c.patient().set("fitzpatrick", 5).set("age", 30);
  c.add_scar("cheeks")
      .set("type", "rolling")
      .set("age_months", 12)
      .set("features", std::vector<std::string>{"pigmentation"});
  return c;
}

const RuleExplanation& rule(const ScarExplanation& scar, const std::string& id) {
  const auto found = std::find_if(scar.rules.begin(), scar.rules.end(),
                                  [&](const RuleExplanation& r) { return r.rule == id; });
  REQUIRE(found != scar.rules.end());
  return *found;
}

bool has_code(const std::vector<scarwise::Diagnostic>& diagnostics, const std::string& code) {
  return std::any_of(diagnostics.begin(), diagnostics.end(),
                     [&](const scarwise::Diagnostic& d) { return d.code == code; });
}

}  // namespace

TEST_CASE("explain gives every rule's outcome, title and layer", "[api][explain]") {
  const scarwise::Explanation e = engine().explain(dark_skin_case());
  REQUIRE(e.scars().size() == 1);
  const ScarExplanation& scar = e.scars()[0];
  REQUIRE(scar.rules.size() == 8);
  CHECK(scar.rules[0].rule == "defer.pregnancy");  // declaration order
  CHECK(rule(scar, "defer.pregnancy").outcome == RuleOutcome::unknown);
  CHECK(rule(scar, "defer.pregnancy").title == "Pregnancy");
  CHECK(rule(scar, "defer.isotretinoin").outcome == RuleOutcome::not_fired);
  CHECK(rule(scar, "not.keloid").outcome == RuleOutcome::not_fired);
  CHECK(rule(scar, "caution.dark").outcome == RuleOutcome::fired);
  CHECK(rule(scar, "plan.rolling").outcome == RuleOutcome::fired);
  CHECK(rule(scar, "volume").outcome == RuleOutcome::not_fired);
  for (const RuleExplanation& r : scar.rules) CHECK(r.layer == "explain-test");
  CHECK(rule(scar, "caution.dark").condition == "patient.fitzpatrick >= 4");
  CHECK(rule(scar, "caution.dark").restricting);
  CHECK(rule(scar, "defer.pregnancy").restricting);
  CHECK_FALSE(rule(scar, "plan.rolling").restricting);
  CHECK_FALSE(rule(scar, "always").restricting);
}

TEST_CASE("explain gives each comparison's text, values and result", "[api][explain]") {
  const ScarExplanation scar = engine().explain(dark_skin_case()).scars()[0];

  const RuleExplanation& dark = rule(scar, "caution.dark");
  REQUIRE(dark.comparisons.size() == 1);
  const ExplainedComparison& fitzpatrick = dark.comparisons[0];
  CHECK(fitzpatrick.text == "patient.fitzpatrick >= 4");
  CHECK(fitzpatrick.left.text == "patient.fitzpatrick");
  CHECK(fitzpatrick.left.is_fact);
  CHECK(fitzpatrick.left.value == FactValue{std::int64_t{5}});
  REQUIRE(fitzpatrick.right.has_value());
  CHECK_FALSE(fitzpatrick.right->is_fact);
  CHECK(fitzpatrick.right->text == "4");
  CHECK(fitzpatrick.right->value == FactValue{std::int64_t{4}});
  CHECK(fitzpatrick.result == true);
  CHECK(fitzpatrick.decisive);

  // Written value-first: the text stays as written, the fact is still the left operand.
  const RuleExplanation& keloid = rule(scar, "not.keloid");
  REQUIRE(keloid.comparisons.size() == 2);
  const ExplainedComparison& type = keloid.comparisons[0];
  CHECK(type.text == "scar.type in [keloid, 'boxcar']");
  CHECK(type.left.value == FactValue{std::string("rolling")});
  REQUIRE(type.right.has_value());
  CHECK(type.right->text == "[keloid, 'boxcar']");
  CHECK_FALSE(type.right->value.has_value());
  CHECK(type.right->list ==
        std::vector<FactValue>{FactValue{std::string("boxcar")}, FactValue{std::string("keloid")}});
  CHECK(type.result == false);
  const ExplainedComparison& age = keloid.comparisons[1];
  CHECK(age.text == "18 > patient.age");
  CHECK(age.left.text == "patient.age");
  CHECK(age.left.value == FactValue{std::int64_t{30}});
  CHECK(age.right->value == FactValue{std::int64_t{18}});
  CHECK(age.result == false);
  // A false `or`: both sides kept it from firing.
  CHECK(type.decisive);
  CHECK(age.decisive);

  // One fact compared with another: both values come from the case.
  const ExplainedComparison& mature = rule(scar, "mature").comparisons.at(0);
  CHECK(mature.right->is_fact);
  CHECK(mature.right->text == "patient.age");
  CHECK(mature.left.value == FactValue{std::int64_t{12}});
  CHECK(mature.right->value == FactValue{std::int64_t{30}});
  CHECK(mature.result == false);

  const ExplainedComparison& volume = rule(scar, "volume").comparisons.at(0);
  CHECK(volume.left.value == FactValue{std::vector<std::string>{"pigmentation"}});
  CHECK(volume.right->value == FactValue{std::string("volume_loss")});
  CHECK(volume.result == false);

  const ExplainedComparison& always = rule(scar, "always").comparisons.at(0);
  CHECK(always.text == "true");
  CHECK_FALSE(always.left.is_fact);
  CHECK(always.result == true);
}

TEST_CASE("explain shows unknown values as unknown, never as false", "[api][explain]") {
  const ScarExplanation scar = engine().explain(dark_skin_case()).scars()[0];

  const RuleExplanation& pregnancy = rule(scar, "defer.pregnancy");
  REQUIRE(pregnancy.comparisons.size() == 1);
  CHECK(pregnancy.comparisons[0].text == "patient.pregnant");
  CHECK_FALSE(pregnancy.comparisons[0].left.value.has_value());
  CHECK_FALSE(pregnancy.comparisons[0].right.has_value());
  CHECK_FALSE(pregnancy.comparisons[0].result.has_value());
  CHECK(pregnancy.settled_by == std::vector<std::string>{"patient.pregnant"});

  // `unknown and false` is false: only known() kept the rule from firing.
  const RuleExplanation& isotretinoin = rule(scar, "defer.isotretinoin");
  REQUIRE(isotretinoin.comparisons.size() == 2);
  const ExplainedComparison& months = isotretinoin.comparisons[0];
  const ExplainedComparison& known = isotretinoin.comparisons[1];
  CHECK(months.text == "patient.months_since_isotretinoin < 6");
  CHECK_FALSE(months.left.value.has_value());
  CHECK_FALSE(months.result.has_value());
  CHECK_FALSE(months.decisive);
  CHECK(known.text == "known(patient.months_since_isotretinoin)");
  CHECK(known.result == false);
  CHECK(known.decisive);
  CHECK(isotretinoin.settled_by.empty());
}

TEST_CASE("explain names the deciding rules, the plan's rule and suppressed suggestions",
          "[api][explain]") {
  const ScarExplanation scar = engine().explain(dark_skin_case()).scars()[0];
  CHECK(scar.assessment.suitability == scarwise::Suitability::suitable_with_caution);
  CHECK(scar.deciding_rules == std::vector<std::string>{"caution.dark"});
  REQUIRE(scar.assessment.plan.has_value());
  CHECK(scar.assessment.plan->rule == "plan.rolling");
  REQUIRE(scar.suppressed.size() == 1);
  CHECK(scar.suppressed[0].treatment == "laser");
  CHECK(scar.suppressed[0].name == "Ablative laser");
  CHECK(scar.suppressed[0].suggested_by == "plan.rolling");
  CHECK(scar.suppressed[0].suppressed_by == "caution.dark");
  CHECK_FALSE(rule(scar, "plan.rolling").notes.empty());

  scarwise::Case pregnant = dark_skin_case();
  pregnant.patient().set("pregnant", true);
  const ScarExplanation deferred = engine().explain(pregnant).scars()[0];
  CHECK(deferred.deciding_rules == std::vector<std::string>{"defer.pregnancy"});
  CHECK(deferred.assessment.reevaluate_after_weeks == 40);
  const scarwise::RuleEffect& effect = rule(deferred, "defer.pregnancy").effect;
  CHECK(effect.suitability == scarwise::Suitability::defer);
  CHECK(effect.reevaluate_after_weeks == 40);
  CHECK(effect.message == "Wait.");
}

TEST_CASE("explain gives no deciding rule for a suitable scar no rule restricts",
          "[api][explain]") {
  scarwise::Case c;
  c.patient().set("fitzpatrick", 2).set("age", 30).set("pregnant", false);
  c.add_scar("chin").set("type", "rolling");
  const ScarExplanation scar = engine().explain(c).scars()[0];
  CHECK(scar.assessment.suitability == scarwise::Suitability::suitable);
  CHECK(scar.deciding_rules.empty());
  CHECK(scar.suppressed.empty());
  CHECK(engine().explain(c).to_text().find("no rule sets a suitability") != std::string::npos);
}

TEST_CASE("explain lists the evidence behind the deciding rules and the plan", "[api][explain]") {
  const ScarExplanation scar = engine().explain(dark_skin_case()).scars()[0];
  REQUIRE(scar.evidence.size() == 2);
  CHECK(scar.evidence[0].id == "ev-a");
  CHECK(scar.evidence[0].cite == "Author A. Title A. 2020.");
  CHECK(scar.evidence[0].url == "https://doi.org/10.0/a");
  CHECK(scar.evidence[0].rules == std::vector<std::string>{"caution.dark", "plan.rolling"});
  CHECK(scar.evidence[1].id == "ev-b");
  CHECK(scar.evidence[1].url.empty());
  CHECK(scar.evidence[1].rules == std::vector<std::string>{"plan.rolling"});
  // defer.pregnancy cites ev-b too, but it decided nothing here.
  CHECK(rule(scar, "defer.pregnancy").evidence == std::vector<std::string>{"ev-b"});
}

TEST_CASE("explain agrees with evaluate on every rule of the default rule set", "[api][explain]") {
  const scarwise::Engine defaults{
      scarwise::RuleSet::load_file(std::string(SCARWISE_SOURCE_DIR) + "/rules/default")};
  for (const char* name : {"rolling-acne-dark-skin.yaml", "incomplete-case.yaml",
                           "keloid-prone-three-sites.yaml", "deferred-isotretinoin.yaml"}) {
    const scarwise::Case c =
        scarwise::Case::from_file(std::string(SCARWISE_SOURCE_DIR) + "/examples/cases/" + name);
    const scarwise::Assessment a = defaults.evaluate(c, scarwise::EvalOptions{true});
    const scarwise::Explanation e = defaults.explain(c);
    REQUIRE(e.scars().size() == a.scars().size());
    CHECK(e.case_digest() == a.case_digest());
    for (std::size_t s = 0; s < a.scars().size(); ++s) {
      const scarwise::ScarAssessment& assessed = a.scars()[s];
      const ScarExplanation& explained = e.scars()[s];
      CHECK(explained.assessment.suitability == assessed.suitability);
      CHECK(explained.assessment.complete == assessed.complete);
      CHECK(explained.assessment.combinations.size() == assessed.combinations.size());
      REQUIRE(explained.rules.size() == assessed.trace.size());
      for (std::size_t r = 0; r < assessed.trace.size(); ++r) {
        CHECK(explained.rules[r].rule == assessed.trace[r].rule);
        CHECK(explained.rules[r].outcome == assessed.trace[r].result);
        CHECK(explained.rules[r].layer == "scarwise-default");
      }
    }
  }
}

TEST_CASE("explain --scar and --rule narrow the explanation", "[api][explain]") {
  scarwise::Case c = dark_skin_case();
  c.add_scar("chin").set("type", "keloid");
  const scarwise::Explanation one = engine().explain(c, {"chin", ""});
  REQUIRE(one.scars().size() == 1);
  CHECK(one.scars()[0].assessment.id == "chin");
  CHECK(one.scars()[0].assessment.suitability == scarwise::Suitability::not_suitable);

  const scarwise::Explanation focused = engine().explain(c, {"", "not.keloid"});
  CHECK(focused.focus_rule() == "not.keloid");
  REQUIRE(focused.scars().size() == 2);
  for (const ScarExplanation& scar : focused.scars()) {
    REQUIRE(scar.rules.size() == 1);
    CHECK(scar.rules[0].rule == "not.keloid");
  }
  CHECK(focused.scars()[1].rules[0].outcome == RuleOutcome::fired);
}

TEST_CASE("explain rejects an unknown scar, an unknown rule and a bad case", "[api][explain]") {
  const scarwise::Engine e = engine();
  const scarwise::ExplainResult scar = e.try_explain(dark_skin_case(), {"cheek", ""});
  CHECK_FALSE(scar.ok());
  REQUIRE(scar.diagnostics.size() == 1);
  CHECK(scar.diagnostics[0].code == "E-EXPLAIN-UNKNOWN-SCAR");
  CHECK(scar.diagnostics[0].hint.find("did you mean 'cheeks'?") != std::string::npos);

  const scarwise::ExplainResult rule = e.try_explain(dark_skin_case(), {"", "caution.drak"});
  CHECK_FALSE(rule.ok());
  REQUIRE(rule.diagnostics.size() == 1);
  CHECK(rule.diagnostics[0].code == "E-EXPLAIN-UNKNOWN-RULE");
  CHECK(rule.diagnostics[0].hint.find("did you mean 'caution.dark'?") != std::string::npos);

  scarwise::Case bad = dark_skin_case();
  bad.patient().set("fitzpatrik", 3);
  const scarwise::ExplainResult invalid = e.try_explain(bad);
  CHECK_FALSE(invalid.ok());
  CHECK(has_code(invalid.diagnostics, "E-CASE-UNKNOWN-FACT"));
  CHECK_THROWS_AS(e.explain(bad), scarwise::CaseError);
  CHECK_THROWS_AS(e.explain(dark_skin_case(), {"", "nope"}), scarwise::CaseError);
}

TEST_CASE("explanations are deterministic in text and JSON", "[api][explain]") {
  const scarwise::Explanation first = engine().explain(dark_skin_case());
  const scarwise::Explanation second = engine().explain(dark_skin_case());
  CHECK(first.to_text() == second.to_text());
  CHECK(first.to_json() == second.to_json());
  CHECK(first.to_json().find("\"format\": \"scarwise.explanation/1\"") != std::string::npos);
  CHECK(first.to_text().find("defer.pregnancy (Pregnancy), from layer explain-test: would be "
                             "settled by patient.pregnant") != std::string::npos);
}
