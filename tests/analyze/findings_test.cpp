// Each finding of `scarwise analyze` on a small rule set with exactly that defect planted, and
// on its clean twin; every witness case is evaluated by the engine to show the defect.
#include <catch2/catch.hpp>

#include <scarwise/scarwise.hpp>

#include <algorithm>
#include <string>
#include <vector>

namespace {

using namespace scarwise;

const std::string kData = std::string(SCARWISE_ANALYZE_DATA_DIR) + "/findings/";

std::vector<const AnalysisFinding*> with_code(const AnalysisReport& report,
                                              const std::string& code) {
  std::vector<const AnalysisFinding*> out;
  for (const AnalysisFinding& f : report.findings) {
    if (f.code == code) out.push_back(&f);
  }
  return out;
}

std::vector<std::string> rule_ids(const AnalysisFinding& f) {
  std::vector<std::string> out;
  for (const AnalysisRule& r : f.rules) out.push_back(r.id);
  return out;
}

// The codes of every warning and error finding (info findings are commentary).
std::vector<std::string> problem_codes(const AnalysisReport& report) {
  std::vector<std::string> out;
  for (const AnalysisFinding& f : report.findings) {
    if (f.severity != FindingSeverity::info) out.push_back(f.code);
  }
  return out;
}

struct Analysed {
  RuleSet rules;
  AnalysisReport report;
};

Analysed analyse(const std::string& name) {
  RuleSet rules = RuleSet::load_file(kData + name + ".yaml");
  AnalysisReport report = analyze(rules);
  REQUIRE(report.stopped.empty());
  return {rules, std::move(report)};
}

ScarAssessment evaluate_witness(const RuleSet& rules, const AnalysisFinding& f) {
  REQUIRE_FALSE(f.witness_case.empty());
  const Case c = Case::from_yaml(f.witness_case, "witness");
  const Assessment a = Engine(rules).evaluate(c, EvalOptions{true});
  REQUIRE(a.scars().size() == 1);
  return a.scars()[0];
}

RuleOutcome outcome(const ScarAssessment& scar, const std::string& rule) {
  for (const TraceEntry& t : scar.trace) {
    if (t.rule == rule) return t.result;
  }
  FAIL("no trace entry for " << rule);
  return RuleOutcome::unknown;
}

using Strings = std::vector<std::string>;

}  // namespace

TEST_CASE("analyze: A-GAP is a scar type that can be left without a plan", "[analyze]") {
  const Analysed planted = analyse("gap");
  CHECK(problem_codes(planted.report) == Strings{"A-GAP"});
  const std::vector<const AnalysisFinding*> gaps = with_code(planted.report, "A-GAP");
  REQUIRE(gaps.size() == 1);
  CHECK(gaps[0]->severity == FindingSeverity::error);
  CHECK(gaps[0]->message.find("'rolling' can be assessed suitable and") != std::string::npos);
  CHECK(has_errors(planted.report));
  const ScarAssessment scar = evaluate_witness(planted.rules, *gaps[0]);
  CHECK(scar.suitability != Suitability::not_suitable);
  CHECK_FALSE(scar.plan);
  // Located at the plan rule that covers the rest of the scar type.
  REQUIRE(gaps[0]->rules.size() == 1);
  CHECK(gaps[0]->rules[0].id == "plan.rolling");
  CHECK(gaps[0]->line == gaps[0]->rules[0].line);
  CHECK_FALSE(gaps[0]->allowed);

  const Analysed allowed = analyse("gap-allowed");
  const std::vector<const AnalysisFinding*> allowed_gaps = with_code(allowed.report, "A-GAP");
  REQUIRE(allowed_gaps.size() == 1);
  CHECK(allowed_gaps[0]->allowed);
  CHECK_FALSE(has_errors(allowed.report));

  const Analysed clean = analyse("gap-clean");
  CHECK(problem_codes(clean.report).empty());
  CHECK_FALSE(has_errors(clean.report));
}

TEST_CASE("analyze: A-PLAN-CONFLICT is two plans of equal priority firing together",
          "[analyze]") {
  const Analysed planted = analyse("plan-conflict");
  CHECK(problem_codes(planted.report) == Strings{"A-PLAN-CONFLICT"});
  const std::vector<const AnalysisFinding*> conflicts =
      with_code(planted.report, "A-PLAN-CONFLICT");
  REQUIRE(conflicts.size() == 1);
  CHECK(rule_ids(*conflicts[0]) == Strings{"plan.severe", "plan.rolling"});
  // Located at the first rule's `- id:`.
  CHECK(conflicts[0]->line == conflicts[0]->rules[0].line);
  CHECK(conflicts[0]->line > 0);
  const ScarAssessment scar = evaluate_witness(planted.rules, *conflicts[0]);
  CHECK(outcome(scar, "plan.rolling") == RuleOutcome::fired);
  CHECK(outcome(scar, "plan.severe") == RuleOutcome::fired);
  REQUIRE(scar.plan);
  CHECK(scar.plan->rule == "plan.severe");

  const Analysed clean = analyse("plan-conflict-clean");
  CHECK(problem_codes(clean.report).empty());
}

TEST_CASE("analyze: A-UNREACHABLE is a condition that is never true", "[analyze]") {
  const Analysed planted = analyse("unreachable");
  CHECK(problem_codes(planted.report) == Strings{"A-UNREACHABLE"});
  const std::vector<const AnalysisFinding*> found = with_code(planted.report, "A-UNREACHABLE");
  REQUIRE(found.size() == 1);
  CHECK(rule_ids(*found[0]) == Strings{"caution.age"});
  CHECK(found[0]->witness_case.empty());
  CHECK_FALSE(has_errors(planted.report));
  // No age makes it fire: every value on and around the literals it reads.
  const Engine engine(planted.rules);
  for (int age : {0, 9, 10, 11, 19, 20, 21, 120}) {
    const Case c = Case::from_yaml("patient: {age: " + std::to_string(age) +
                                   "}\nscars: [{id: s, type: rolling}]\n");
    const Assessment a = engine.evaluate(c, EvalOptions{true});
    CHECK(outcome(a.scars()[0], "caution.age") == RuleOutcome::not_fired);
  }

  const Analysed clean = analyse("unreachable-clean");
  CHECK(problem_codes(clean.report).empty());
}

TEST_CASE("analyze: A-SHADOWED is a rule whose conclusions others always override",
          "[analyze]") {
  const Analysed planted = analyse("shadowed");
  CHECK(problem_codes(planted.report) == Strings{"A-SHADOWED"});
  const std::vector<const AnalysisFinding*> found = with_code(planted.report, "A-SHADOWED");
  REQUIRE(found.size() == 1);
  CHECK(rule_ids(*found[0]) == Strings{"defer.keloid-severe", "contra.keloid"});
  const ScarAssessment scar = evaluate_witness(planted.rules, *found[0]);
  CHECK(outcome(scar, "defer.keloid-severe") == RuleOutcome::fired);
  CHECK(scar.suitability == Suitability::not_suitable);
  CHECK_FALSE(scar.reevaluate_after_weeks);

  const Analysed clean = analyse("shadowed-clean");
  CHECK(problem_codes(clean.report).empty());
}

TEST_CASE("analyze: A-UNKNOWN-STUCK is a restricting rule that known facts leave unknown",
          "[analyze]") {
  const Analysed planted = analyse("unknown-stuck");
  CHECK(problem_codes(planted.report) == Strings{"A-UNKNOWN-STUCK"});
  const std::vector<const AnalysisFinding*> found = with_code(planted.report, "A-UNKNOWN-STUCK");
  REQUIRE(found.size() == 1);
  CHECK(rule_ids(*found[0]) == Strings{"defer.dose"});
  const Case c = Case::from_yaml(found[0]->witness_case, "witness");
  const Assessment a = Engine(planted.rules).evaluate(c, EvalOptions{true});
  const ScarAssessment& scar = a.scars()[0];
  CHECK(outcome(scar, "defer.dose") == RuleOutcome::unknown);
  // Both facts it reads are given.
  for (const TraceEntry& t : scar.trace) {
    if (t.rule != "defer.dose") continue;
    REQUIRE(t.facts.size() == 2);
    for (const TraceFact& fact : t.facts) CHECK(fact.value);
  }

  const Analysed clean = analyse("unknown-stuck-clean");
  CHECK(problem_codes(clean.report).empty());
}

TEST_CASE("analyze: A-SUGGEST-AVOID is a suggestion an avoid suppresses", "[analyze]") {
  const Analysed planted = analyse("suggest-avoid");
  CHECK(problem_codes(planted.report).empty());
  const std::vector<const AnalysisFinding*> found = with_code(planted.report, "A-SUGGEST-AVOID");
  REQUIRE(found.size() == 1);
  CHECK(found[0]->severity == FindingSeverity::info);
  CHECK(rule_ids(*found[0]) == Strings{"plan.rolling", "avoid.laser-dark-skin"});
  const ScarAssessment scar = evaluate_witness(planted.rules, *found[0]);
  CHECK(outcome(scar, "plan.rolling") == RuleOutcome::fired);
  CHECK(outcome(scar, "avoid.laser-dark-skin") == RuleOutcome::fired);
  CHECK(scar.plan);
  CHECK(scar.combinations.empty());

  const Analysed clean = analyse("suggest-avoid-clean");
  CHECK(with_code(clean.report, "A-SUGGEST-AVOID").empty());
}

TEST_CASE("analyze: the overview lists each scar type's verdicts and plans", "[analyze]") {
  const Analysed gap = analyse("gap");
  REQUIRE(gap.report.overview.size() == 2);
  const AnalysisOverview& rolling = gap.report.overview[0];
  CHECK(rolling.scar_type == "rolling");
  CHECK(rolling.verdicts == Strings{"suitable"});
  CHECK(rolling.plans == Strings{"plan.rolling"});
  CHECK(rolling.no_plan);
  const AnalysisOverview& keloid = gap.report.overview[1];
  CHECK(keloid.scar_type == "keloid");
  CHECK(keloid.verdicts == Strings{"not_suitable"});
  CHECK(keloid.plans.empty());
  CHECK_FALSE(keloid.no_plan);
}

TEST_CASE("analyze: the budget stops the analysis with a message, never a hang", "[analyze]") {
  const RuleSet rules = RuleSet::load_file(kData + "gap.yaml");
  AnalysisOptions options;
  options.max_classes = 3;
  const AnalysisReport report = analyze(rules, options);
  CHECK(report.stopped.find("more than 3 classes") != std::string::npos);
  CHECK(report.classes_searched > 3);
}

TEST_CASE("analyze: a finding a rule it names allows is reported as allowed", "[analyze]") {
  const Analysed allowed = analyse("plan-conflict-allowed");
  const std::vector<const AnalysisFinding*> conflicts = with_code(allowed.report, "A-PLAN-CONFLICT");
  REQUIRE(conflicts.size() == 1);
  CHECK(conflicts[0]->allowed);
  CHECK_FALSE(has_errors(allowed.report));
  // The same conflict without the marker counts.
  const Analysed planted = analyse("plan-conflict");
  CHECK_FALSE(with_code(planted.report, "A-PLAN-CONFLICT")[0]->allowed);
  CHECK(has_errors(planted.report));
}
