// Deferral dates: reevaluate_after_weeks as an integer, an expression over facts or
// until_resolved, reevaluate_when, how dated and undated deferrals merge, what a date that
// cannot be computed does to completeness, and the outputs and test files that show them.
#include <catch2/catch.hpp>
#include <scarwise/scarwise.hpp>

#include <string>
#include <vector>

#include "eval/reevaluation.hpp"
#include "expr_test_support.hpp"
#include "load_test_support.hpp"

using namespace scarwise::internal;
using namespace scarwise::internal::expr_test;

TEST_CASE("a weeks expression is rounded up and at least one week", "[weeks]") {
  const Vocabulary v = vocabulary();
  Facts facts(v);
  DiagnosticSink sink;
  const std::optional<CompiledNumber> number = compile_number_expression(
      "(6 - patient.months_since_isotretinoin) * 4.35", origin(), v, ExprLimits{}, sink);
  INFO(format_diagnostics(sink.diagnostics()));
  REQUIRE(number.has_value());
  const auto weeks = [&](double months) -> std::optional<int> {
    facts.set_number("patient.months_since_isotretinoin", months);
    const std::optional<Numeric> value = number->evaluate(facts.env());
    if (!value) return std::nullopt;
    return weeks_from(*value);
  };
  CHECK(weeks(2) == 18);  // 17.4
  CHECK(weeks(5.99) == 1);
  CHECK(weeks(6) == 1);   // 0: at least one week
  CHECK(weeks(9) == 1);   // negative
  facts.clear("patient.months_since_isotretinoin");
  CHECK_FALSE(number->evaluate(facts.env()).has_value());
  std::vector<FactId> missing;
  number->unknown_facts(facts.env(), missing);
  REQUIRE(missing.size() == 1);
  CHECK(v.fact(missing[0]).name == "patient.months_since_isotretinoin");
  CHECK(weeks_from(Numeric::of_int(7)) == 7);
  CHECK(weeks_from(Numeric::of_real(1e300)) == 2147483647);
}

// ---------------------------------------------------------------------------------------------
// Loading `then:` with the new keys.

namespace {

std::string rules_with(const std::string& then) {
  return "schema_version: 1\n"
         "ruleset: {id: t, version: 1.0.0}\n"
         "facts:\n"
         "  patient.pregnant: {type: bool}\n"
         "  patient.months_since_isotretinoin: {type: number, min: 0}\n"
         "  scar.type: {type: enum, values: [rolling]}\n"
         "rules:\n"
         "  - id: r\n"
         "    when: patient.pregnant\n"
         "    then:\n" +
         then;
}

void check_error(const scarwise::test::Loaded& loaded, const std::string& code, int line,
                 int column, bool hint = true) {
  INFO(scarwise::format_diagnostics(loaded.diagnostics));
  CHECK(loaded.model == nullptr);
  const std::vector<scarwise::Diagnostic> errors = loaded.errors();
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].code == code);
  CHECK(errors[0].file == "mem.yaml");
  CHECK(errors[0].line == line);
  CHECK(errors[0].column == column);
  if (hint) CHECK_FALSE(errors[0].hint.empty());
}

}  // namespace

TEST_CASE("the forms of reevaluate_after_weeks load", "[weeks][load]") {
  using scarwise::test::load_string;
  const auto loaded = load_string(rules_with(
      "      suitability: defer\n"
      "      reevaluate_after_weeks: \"(6 - patient.months_since_isotretinoin) * 4.35\"\n"
      "      reevaluate_when: the last dose is six months past\n"));
  INFO(scarwise::format_diagnostics(loaded.diagnostics));
  REQUIRE(loaded.model);
  const Rule& rule = loaded.rule("r");
  REQUIRE(rule.then.reevaluate_weeks_expression.has_value());
  CHECK(rule.then.reevaluate_weeks_expression->text() ==
        "(6 - patient.months_since_isotretinoin) * 4.35");
  CHECK(rule.then.reevaluate_when == "the last dose is six months past");
  CHECK_FALSE(rule.then.reevaluate_after_weeks.has_value());

  const auto until = load_string(rules_with("      suitability: defer\n"
                                            "      reevaluate_after_weeks: until_resolved\n"
                                            "      reevaluate_when: the pregnancy has ended\n"));
  REQUIRE(until.model);
  CHECK(until.rule("r").then.reevaluate_until_resolved);

  const auto literal = load_string(rules_with("      suitability: defer\n"
                                              "      reevaluate_after_weeks: 12\n"));
  REQUIRE(literal.model);
  CHECK(literal.rule("r").then.reevaluate_after_weeks == 12);
}

TEST_CASE("reevaluate_after_weeks and reevaluate_when errors are located", "[weeks][load]") {
  using scarwise::test::load_string;
  check_error(load_string(rules_with("      suitability: defer\n"
                                     "      reevaluate_after_weeks: until_resolved\n")),
              "E-MISSING-KEY", 12, 31);
  check_error(load_string(rules_with("      suitability: not_suitable\n"
                                     "      reevaluate_when: never\n")),
              "E-CONFLICT", 12, 7);
  // Inside the expression: `scar.type` starts 6 characters after the opening quote at col 31.
  check_error(load_string(rules_with("      suitability: defer\n"
                                     "      reevaluate_after_weeks: \"1 + scar.type\"\n")),
              "E-EXPR-TYPE", 12, 36);
  check_error(load_string(rules_with("      suitability: defer\n"
                                     "      reevaluate_after_weeks: patient.pregnant\n")),
              "E-EXPR-TYPE", 12, 31);
  check_error(load_string(rules_with("      suitability: defer\n"
                                     "      reevaluate_after_weeks: \"12 / 0\"\n")),
              "E-EXPR-DIVIDE-BY-ZERO", 12, 37);
  const auto typo = load_string(rules_with("      suitability: defer\n"
                                           "      reevaluate_after_weeks: until_resolvd\n"
                                           "      reevaluate_when: x\n"));
  check_error(typo, "E-BAD-VALUE", 12, 31);
  CHECK(typo.errors()[0].hint.find("until_resolved") != std::string::npos);
  // As before: a plain number that is not a whole number of weeks.
  check_error(load_string(rules_with("      suitability: defer\n"
                                     "      reevaluate_after_weeks: 0\n")),
              "E-BAD-VALUE", 12, 31, false);
}

// ---------------------------------------------------------------------------------------------
// Merging deferrals and completeness, through the public API.

namespace {

const char* const kDeferrals = R"(schema_version: 1
ruleset: {id: deferrals, version: 1.0.0}
facts:
  patient.active_hsv: {type: bool}
  patient.pregnant: {type: bool}
  patient.minor_issue: {type: bool}
  patient.isotretinoin: {type: enum, values: [never, current, stopped]}
  patient.months_since_isotretinoin: {type: number, min: 0}
  scar.type: {type: enum, values: [rolling]}
rules:
  - id: defer.active-hsv
    when: patient.active_hsv
    then:
      suitability: defer
      reevaluate_after_weeks: 2
      reevaluate_when: the herpes lesion has healed
  - id: defer.pregnancy
    when: patient.pregnant
    then:
      suitability: defer
      reevaluate_after_weeks: until_resolved
      reevaluate_when: the pregnancy has ended
  - id: defer.minor
    when: patient.minor_issue
    then: {suitability: defer, reevaluate_after_weeks: 1}
  - id: defer.isotretinoin
    when: >-
      patient.isotretinoin == current
      or (patient.isotretinoin == stopped and patient.months_since_isotretinoin < 6)
    then:
      suitability: defer
      reevaluate_after_weeks: "(6 - patient.months_since_isotretinoin) * 4.35"
)";

scarwise::ScarAssessment assess(const std::string& patient) {
  static const scarwise::Engine engine{scarwise::RuleSet::load_string(kDeferrals, "d.yaml")};
  const scarwise::Case c = scarwise::Case::from_yaml(
      "patient: " + patient + "\nscars: [{id: cheeks, type: rolling}]\n");
  return engine.evaluate(c).scars().front();
}

std::vector<std::string> condition_rules(const scarwise::ScarAssessment& scar) {
  std::vector<std::string> out;
  for (const auto& c : scar.reevaluate_when) out.push_back(c.rule);
  return out;
}

std::vector<std::string> missing_names(const scarwise::ScarAssessment& scar) {
  std::vector<std::string> out;
  for (const auto& m : scar.missing_facts) out.push_back(m.fact);
  return out;
}

}  // namespace

TEST_CASE("a dated deferral alone keeps its date and lists its condition", "[weeks][merge]") {
  const scarwise::ScarAssessment scar = assess(
      "{active_hsv: true, pregnant: false, minor_issue: false, isotretinoin: never}");
  CHECK(scar.suitability == scarwise::Suitability::defer);
  CHECK(scar.reevaluate_after_weeks == 2);
  CHECK(condition_rules(scar) == std::vector<std::string>{"defer.active-hsv"});
  CHECK(scar.reevaluate_when.front().text == "the herpes lesion has healed");
  CHECK(scar.complete);
}

TEST_CASE("an undated deferral beside a dated one leaves no date", "[weeks][merge]") {
  const scarwise::ScarAssessment scar = assess(
      "{active_hsv: true, pregnant: true, minor_issue: false, isotretinoin: never}");
  CHECK(scar.suitability == scarwise::Suitability::defer);
  CHECK_FALSE(scar.reevaluate_after_weeks.has_value());
  CHECK(condition_rules(scar) ==
        std::vector<std::string>{"defer.active-hsv", "defer.pregnancy"});
  CHECK(scar.complete);
}

TEST_CASE("an expression date is computed per case and merged as the largest",
          "[weeks][merge]") {
  const scarwise::ScarAssessment scar =
      assess("{active_hsv: true, pregnant: false, minor_issue: false, isotretinoin: stopped, "
             "months_since_isotretinoin: 2}");
  CHECK(scar.reevaluate_after_weeks == 18);  // ceil(4 * 4.35)
  CHECK(scar.complete);
  const scarwise::ScarAssessment late =
      assess("{active_hsv: true, pregnant: false, minor_issue: false, isotretinoin: stopped, "
             "months_since_isotretinoin: 5.9}");
  CHECK(late.reevaluate_after_weeks == 2);  // ceil(0.435) = 1, below the HSV deferral's 2
}

TEST_CASE("a date whose expression reads a missing fact is null and incomplete",
          "[weeks][completeness]") {
  const scarwise::ScarAssessment scar = assess(
      "{active_hsv: false, pregnant: false, minor_issue: false, isotretinoin: current}");
  CHECK(scar.suitability == scarwise::Suitability::defer);
  CHECK_FALSE(scar.reevaluate_after_weeks.has_value());
  CHECK_FALSE(scar.complete);
  REQUIRE(scar.missing_facts.size() == 1);
  CHECK(scar.missing_facts[0].fact == "patient.months_since_isotretinoin");
  CHECK(scar.missing_facts[0].rules == std::vector<std::string>{"defer.isotretinoin"});
}

TEST_CASE("an unknown deferral that could lengthen the date makes the scar incomplete",
          "[weeks][completeness]") {
  // Active HSV (2 weeks) and isotretinoin stopped with the months missing.
  const scarwise::ScarAssessment scar = assess(
      "{active_hsv: true, pregnant: false, minor_issue: false, isotretinoin: stopped}");
  CHECK(scar.reevaluate_after_weeks == 2);
  CHECK_FALSE(scar.complete);
  CHECK(missing_names(scar) == std::vector<std::string>{"patient.months_since_isotretinoin"});

  // An unknown undated deferral could take the date away.
  const scarwise::ScarAssessment pregnancy =
      assess("{active_hsv: true, minor_issue: false, isotretinoin: never}");
  CHECK_FALSE(pregnancy.complete);
  CHECK(missing_names(pregnancy) == std::vector<std::string>{"patient.pregnant"});

  // An unknown deferral with a shorter date could not change anything.
  const scarwise::ScarAssessment minor =
      assess("{active_hsv: true, pregnant: false, isotretinoin: never}");
  CHECK(minor.complete);
  CHECK(minor.missing_facts.empty());
}

TEST_CASE("the conditions appear in JSON and in the text report", "[weeks][output]") {
  static const scarwise::Engine engine{scarwise::RuleSet::load_string(kDeferrals, "d.yaml")};
  const scarwise::Assessment a = engine.evaluate(scarwise::Case::from_yaml(
      "patient: {active_hsv: true, pregnant: true, minor_issue: false, isotretinoin: never}\n"
      "scars: [{id: cheeks, type: rolling}]\n"));
  const std::string json = a.to_json_line();
  CHECK(json.find("\"reevaluate_after_weeks\":null,\"reevaluate_when\":[{\"rule\":"
                  "\"defer.active-hsv\",\"text\":\"the herpes lesion has healed\"},{\"rule\":"
                  "\"defer.pregnancy\",\"text\":\"the pregnancy has ended\"}],\"plan\"") !=
        std::string::npos);
  const std::string text = a.to_text();
  CHECK(text.find("  Re-evaluate when: the pregnancy has ended (defer.pregnancy)\n") !=
        std::string::npos);
  CHECK(text.find("Re-evaluate after") == std::string::npos);

  const scarwise::Assessment none = engine.evaluate(scarwise::Case::from_yaml(
      "patient: {active_hsv: false, pregnant: false, minor_issue: false, isotretinoin: never}\n"
      "scars: [{id: cheeks, type: rolling}]\n"));
  CHECK(none.to_json_line().find("\"reevaluate_when\":[]") != std::string::npos);
}

TEST_CASE("explain shows a computed date and a condition", "[weeks][explain]") {
  static const scarwise::Engine engine{scarwise::RuleSet::load_string(kDeferrals, "d.yaml")};
  const scarwise::Case c = scarwise::Case::from_yaml(
      "patient: {active_hsv: false, pregnant: true, minor_issue: false, isotretinoin: stopped,"
      " months_since_isotretinoin: 2}\nscars: [{id: cheeks, type: rolling}]\n");
  // Lines are wrapped at 100 columns: compare the words.
  const auto flat = [](const std::string& text) {
    std::string out;
    for (char ch : text) {
      const bool space = ch == ' ' || ch == '\n';
      if (!space || (!out.empty() && out.back() != ' ')) out += space ? ' ' : ch;
    }
    return out;
  };
  CHECK(flat(engine.explain(c).to_text())
            .find("Re-evaluate when: the pregnancy has ended (defer.pregnancy)") !=
        std::string::npos);

  scarwise::ExplainOptions iso;
  iso.rule = "defer.isotretinoin";
  const scarwise::Explanation e = engine.explain(c, iso);
  const scarwise::RuleEffect& effect = e.scars().front().rules.front().effect;
  CHECK(effect.reevaluate_after_weeks == 18);
  CHECK(effect.reevaluate_after_weeks_expression ==
        "(6 - patient.months_since_isotretinoin) * 4.35");
  CHECK(flat(e.to_text()).find("re-evaluate after 18 weeks (computed from "
                               "'(6 - patient.months_since_isotretinoin) * 4.35')") !=
        std::string::npos);
  const std::string json = e.to_json();
  CHECK(json.find("\"reevaluate_after_weeks\": 18") != std::string::npos);
  CHECK(json.find("\"reevaluate_after_weeks_expression\": "
                  "\"(6 - patient.months_since_isotretinoin) * 4.35\"") != std::string::npos);

  scarwise::ExplainOptions pregnancy;
  pregnancy.rule = "defer.pregnancy";
  const scarwise::Explanation p = engine.explain(c, pregnancy);
  CHECK(p.scars().front().rules.front().effect.reevaluate_until_resolved);
  CHECK(flat(p.to_text()).find("re-evaluate when resolved; re-evaluate when: the pregnancy has "
                               "ended") != std::string::npos);
  CHECK(p.to_json().find("\"reevaluate_until_resolved\": true") != std::string::npos);
}

TEST_CASE("test files check reevaluate_when and a null date", "[weeks][test_suite]") {
  const scarwise::RuleSet rules = scarwise::RuleSet::load_string(kDeferrals, "d.yaml");
  const scarwise::Engine engine{rules};
  const auto run = [&](const std::string& expect) {
    const std::string yaml =
        "schema_version: 1\n"
        "tests:\n"
        "  - name: t\n"
        "    case:\n"
        "      patient: {active_hsv: true, pregnant: true, minor_issue: false,"
        " isotretinoin: never}\n"
        "      scars: [{id: cheeks, type: rolling}]\n"
        "    expect:\n"
        "      scars:\n"
        "        cheeks:\n" +
        expect;
    const scarwise::TestSuiteLoadResult loaded =
        scarwise::TestSuite::try_load_string(rules, yaml, "t.yaml");
    INFO(scarwise::format_diagnostics(loaded.diagnostics()));
    REQUIRE(loaded.ok());
    return loaded.value().run(engine);
  };
  CHECK(run("          reevaluate_after_weeks: null\n"
            "          reevaluate_when: [defer.pregnancy, defer.active-hsv]\n")
            .ok());
  const scarwise::TestReport wrong = run("          reevaluate_after_weeks: 2\n"
                                         "          reevaluate_when: [defer.pregnancy]\n");
  REQUIRE(wrong.results.size() == 1);
  REQUIRE(wrong.results[0].failures.size() == 2);
  CHECK(wrong.results[0].failures[0].path == "scars.cheeks.reevaluate_after_weeks");
  CHECK(wrong.results[0].failures[0].actual == "null");
  CHECK(wrong.results[0].failures[1].path == "scars.cheeks.reevaluate_when");

  const std::string typo =
      "schema_version: 1\ntests:\n  - name: t\n    case:\n      patient: {}\n"
      "      scars: [{id: cheeks, type: rolling}]\n    expect:\n      scars:\n"
      "        cheeks: {reevaluate_when: [defer.pregnancyy]}\n";
  const scarwise::TestSuiteLoadResult bad =
      scarwise::TestSuite::try_load_string(rules, typo, "t.yaml");
  CHECK_FALSE(bad.ok());
  REQUIRE_FALSE(bad.diagnostics().empty());
  CHECK(bad.diagnostics()[0].code == "E-TEST-UNKNOWN-RULE");
}

TEST_CASE("a fact read only by a date expression is not reported as unused", "[weeks][lint]") {
  const scarwise::RuleSet rules = scarwise::RuleSet::load_string(kDeferrals, "d.yaml");
  for (const scarwise::Diagnostic& d : scarwise::lint(rules)) {
    INFO(d.to_string());
    CHECK(d.message.find("months_since_isotretinoin") == std::string::npos);
  }
  // The rule that reads it in its condition too is not what keeps it used: a set where only
  // the expression reads it.
  std::string only_expression = kDeferrals;
  const std::string condition =
      "      patient.isotretinoin == current\n"
      "      or (patient.isotretinoin == stopped and patient.months_since_isotretinoin < 6)\n";
  const std::size_t at = only_expression.find(condition);
  REQUIRE(at != std::string::npos);
  only_expression.replace(at, condition.size(), "      patient.isotretinoin == current\n");
  for (const scarwise::Diagnostic& d :
       scarwise::lint(scarwise::RuleSet::load_string(only_expression, "d.yaml"))) {
    INFO(d.to_string());
    CHECK(d.message.find("months_since_isotretinoin") == std::string::npos);
  }
}
