// Evaluation and merge semantics (DESIGN §3) on small hand-built rule sets.
#include <catch2/catch.hpp>

#include "eval/evaluator.hpp"
#include "expr/expression.hpp"
#include "model/ruleset_model.hpp"
#include "model/validated_case.hpp"

#include <algorithm>
#include <numeric>

using namespace scarwise;
using namespace scarwise::internal;

namespace {

// A rule set under construction: a fixed vocabulary and catalogues, rules added by the tests.
class ModelBuilder {
 public:
  ModelBuilder() {
    auto fact = [&](std::string name, Scope scope, FactType type) {
      FactDecl d;
      d.name = std::move(name);
      d.key = d.name.substr(d.name.find('.') + 1);
      d.scope = scope;
      d.type = type;
      return d;
    };
    FactDecl type = fact("scar.type", Scope::Scar, FactType::Enum);
    type.values = {"rolling", "boxcar", "ice_pick"};
    model_.vocabulary.add(type);
    FactDecl severity = fact("scar.severity", Scope::Scar, FactType::Int);
    severity.min = 1;
    severity.max = 4;
    model_.vocabulary.add(severity);
    model_.vocabulary.add(fact("patient.pregnant", Scope::Patient, FactType::Bool));
    FactDecl fitz = fact("patient.fitzpatrick", Scope::Patient, FactType::Int);
    fitz.min = 1;
    fitz.max = 6;
    model_.vocabulary.add(fitz);
    model_.treatments = {{"subcision", "Subcision", "", {}, {}},
                         {"prp", "Platelet-rich plasma", "", {}, {}},
                         {"laser", "Ablative laser", "", {}, {}}};
    model_.precautions = {{"pih_risk", "PIH risk text", {}, {}},
                          {"clearance", "Clearance text", {}, {}}};
    model_.aftercare = {{"sun", "Sun text", {}, {}}};
    model_.evidence = {{"ev-1", "Someone 2020", "", {}, {}}};
    model_.id = "test";
    model_.version = "1.0.0";
    model_.digest = "sha256:00";
  }

  Rule& add(std::string id, const std::string& when, int priority = 0) {
    DiagnosticSink sink;
    auto compiled = compile_expression(when, ExprOrigin::single_line("t.yaml", 1, 1),
                                       model_.vocabulary, ExprLimits{}, sink);
    REQUIRE(compiled.has_value());
    Rule rule;
    rule.id = std::move(id);
    rule.title = "title of " + rule.id;
    rule.priority = priority;
    rule.when = *compiled;
    rule.evidence = {0};
    model_.rules.push_back(std::move(rule));
    return model_.rules.back();
  }

  const RuleSetModel& build() {
    index_rules(model_);
    return model_;
  }
  RuleSetModel& model() { return model_; }

 private:
  RuleSetModel model_;
};

// One scar with the given facts; anything not set stays unknown.
struct CaseBuilder {
  explicit CaseBuilder(const Vocabulary& v) : vocabulary(v) {
    c.patient.resize(v.slot_count(Scope::Patient));
    c.scars.push_back({"s1", std::vector<Value>(v.slot_count(Scope::Scar))});
  }
  CaseBuilder& set(const std::string& name, Value value) {
    const FactDecl& decl = vocabulary.fact(*vocabulary.find(name));
    (decl.scope == Scope::Patient ? c.patient : c.scars[0].slots)[decl.slot] = value;
    return *this;
  }
  const Vocabulary& vocabulary;
  ValidatedCase c;
};

void plan_spec_rule(Rule& rule, double lo, double hi) {
  rule.then.plan = PlanSpec{{lo, hi}, {4, 6}, Range{1.5, 2.5}, {}};
}

const ScarAssessment& only_scar(const AssessmentData& data) {
  REQUIRE(data.scar_list().size() == 1);
  return data.scar_list()[0];
}

}  // namespace

TEST_CASE("no rule fired: suitable, no plan, complete", "[eval]") {
  ModelBuilder b;
  b.add("r", "scar.type == boxcar").then.suitability = Suitability::defer;
  CaseBuilder c(b.model().vocabulary);
  c.set("scar.type", Value::of_enum(0));
  const AssessmentData data = evaluate_case(b.build(), c.c, "sha256:x", false);
  const ScarAssessment& s = only_scar(data);
  CHECK(s.suitability == Suitability::suitable);
  CHECK(s.complete);
  CHECK_FALSE(s.plan.has_value());
  CHECK(s.reasons.empty());
  CHECK(data.case_digest == "sha256:x");
  CHECK(s.trace.empty());
}

TEST_CASE("suitability: the most restrictive fired rule wins", "[eval]") {
  ModelBuilder b;
  b.add("caution", "true").then.suitability = Suitability::suitable_with_caution;
  b.add("defer", "scar.severity >= 3").then.suitability = Suitability::defer;
  b.add("ok", "true").then.suitability = Suitability::suitable;
  CaseBuilder c(b.model().vocabulary);
  c.set("scar.severity", Value::of_int(3));
  const AssessmentData data = evaluate_case(b.build(), c.c, "", false);
  const ScarAssessment& s = only_scar(data);
  CHECK(s.suitability == Suitability::defer);
  CHECK(s.reasons.size() == 3);
}

TEST_CASE("plan: highest priority wins, ties go to the rule declared first", "[eval]") {
  ModelBuilder b;
  plan_spec_rule(b.add("first", "true"), 1, 2);
  plan_spec_rule(b.add("second", "true"), 3, 4);
  plan_spec_rule(b.add("low", "true", -1), 5, 6);
  SECTION("tie") {
    CaseBuilder c(b.model().vocabulary);
    const AssessmentData data = evaluate_case(b.build(), c.c, "", true);
  const ScarAssessment& s = only_scar(data);
    REQUIRE(s.plan.has_value());
    CHECK(s.plan->rule == "first");
    CHECK(s.plan->sessions.min == 1);
    CHECK(s.plan->sessions.max == 2);
    // the loser's trace entry says it was overridden
    REQUIRE(s.trace.size() == 3);
    REQUIRE(s.trace[1].notes.size() == 1);
    CHECK(s.trace[1].notes[0].find("overridden") != std::string::npos);
  }
  SECTION("priority") {
    plan_spec_rule(b.add("high", "true", 5), 7, 8);
    CaseBuilder c(b.model().vocabulary);
    const AssessmentData data = evaluate_case(b.build(), c.c, "", false);
  const ScarAssessment& s = only_scar(data);
    REQUIRE(s.plan.has_value());
    CHECK(s.plan->rule == "high");
    CHECK(s.plan->sessions.min == 7);
  }
}

TEST_CASE("adjust_sessions adds to both ends and clamps to 1..max_sessions", "[eval]") {
  ModelBuilder b;
  plan_spec_rule(b.add("plan", "true"), 3, 6);
  b.add("more", "scar.severity == 4").then.adjust_sessions = 2;
  b.add("even-more", "scar.severity == 4").then.adjust_sessions = 5;
  b.add("fewer", "scar.severity == 1").then.adjust_sessions = -4;
  b.model().max_sessions = 12;
  SECTION("upper clamp") {
    CaseBuilder c(b.model().vocabulary);
    c.set("scar.severity", Value::of_int(4));
    const AssessmentData data = evaluate_case(b.build(), c.c, "", false);
  const ScarAssessment& s = only_scar(data);
    REQUIRE(s.plan.has_value());
    CHECK(s.plan->sessions.min == 10);
    CHECK(s.plan->sessions.max == 12);
  }
  SECTION("lower clamp") {
    CaseBuilder c(b.model().vocabulary);
    c.set("scar.severity", Value::of_int(1));
    const AssessmentData data = evaluate_case(b.build(), c.c, "", false);
  const ScarAssessment& s = only_scar(data);
    REQUIRE(s.plan.has_value());
    CHECK(s.plan->sessions.min == 1);
    CHECK(s.plan->sessions.max == 2);
  }
}

TEST_CASE("suggestions minus avoids; the trace says which rule suppressed what", "[eval]") {
  ModelBuilder b;
  b.add("suggest", "true").then.suggest = {0, 1, 2};
  b.add("avoid", "patient.fitzpatrick >= 4").then.avoid = {2};
  CaseBuilder c(b.model().vocabulary);
  c.set("patient.fitzpatrick", Value::of_int(5));
  const AssessmentData data = evaluate_case(b.build(), c.c, "", true);
  const ScarAssessment& s = only_scar(data);
  REQUIRE(s.combinations.size() == 2);
  CHECK(s.combinations[0].id == "subcision");
  CHECK(s.combinations[0].name == "Subcision");
  CHECK(s.combinations[0].rule == "suggest");
  CHECK(s.combinations[1].id == "prp");
  REQUIRE(s.avoid.size() == 1);
  CHECK(s.avoid[0].id == "laser");
  CHECK(s.avoid[0].name == "Ablative laser");
  CHECK(s.avoid[0].rule == "avoid");
  REQUIRE(s.trace[0].notes.size() == 1);
  CHECK(s.trace[0].notes[0].find("'laser' suppressed by avoid in rule 'avoid'") !=
        std::string::npos);
}

TEST_CASE("not_suitable withholds plan and combinations but keeps avoid and precautions",
          "[eval]") {
  ModelBuilder b;
  Rule& plan = b.add("plan", "true");
  plan_spec_rule(plan, 3, 6);
  plan.then.suggest = {1};
  Rule& no = b.add("no", "scar.type == ice_pick");
  no.then.suitability = Suitability::not_suitable;
  no.then.precautions = {1};
  no.then.avoid = {2};
  CaseBuilder c(b.model().vocabulary);
  c.set("scar.type", Value::of_enum(2));
  const AssessmentData data = evaluate_case(b.build(), c.c, "", false);
  const ScarAssessment& s = only_scar(data);
  CHECK(s.suitability == Suitability::not_suitable);
  CHECK_FALSE(s.plan.has_value());
  CHECK(s.combinations.empty());
  REQUIRE(s.precautions.size() == 1);
  CHECK(s.precautions[0].id == "clearance");
  CHECK(s.precautions[0].text == "Clearance text");
  CHECK(s.avoid.size() == 1);
}

TEST_CASE("precautions, aftercare and reasons: by priority then declaration, no duplicates",
          "[eval]") {
  ModelBuilder b;
  b.add("a", "true").then.precautions = {0};
  b.add("b", "true", 10).then.precautions = {1, 0};
  b.add("c", "true").then.aftercare = {0};
  b.add("d", "true").then.aftercare = {0};
  CaseBuilder c(b.model().vocabulary);
  const AssessmentData data = evaluate_case(b.build(), c.c, "", false);
  const ScarAssessment& s = only_scar(data);
  REQUIRE(s.precautions.size() == 2);
  CHECK(s.precautions[0].id == "clearance");
  CHECK(s.precautions[0].rule == "b");
  CHECK(s.precautions[1].id == "pih_risk");
  CHECK(s.precautions[1].rule == "b");
  REQUIRE(s.aftercare.size() == 1);
  CHECK(s.aftercare[0].rule == "c");
  REQUIRE(s.reasons.size() == 4);
  CHECK(s.reasons[0].rule == "b");
  CHECK(s.reasons[1].rule == "a");
  CHECK(s.reasons[0].evidence == std::vector<std::string>{"ev-1"});
}

TEST_CASE("reevaluate_after_weeks: the largest, and only for defer", "[eval]") {
  ModelBuilder b;
  Rule& d1 = b.add("d1", "true");
  d1.then.suitability = Suitability::defer;
  d1.then.reevaluate_after_weeks = 4;
  Rule& d2 = b.add("d2", "scar.severity >= 2");
  d2.then.suitability = Suitability::defer;
  d2.then.reevaluate_after_weeks = 12;
  b.add("no", "scar.severity == 4").then.suitability = Suitability::not_suitable;
  SECTION("defer") {
    CaseBuilder c(b.model().vocabulary);
    c.set("scar.severity", Value::of_int(3));
    const AssessmentData data = evaluate_case(b.build(), c.c, "", false);
  const ScarAssessment& s = only_scar(data);
    CHECK(s.suitability == Suitability::defer);
    CHECK(s.reevaluate_after_weeks == 12);
  }
  SECTION("not suitable outranks defer: no re-evaluation time") {
    CaseBuilder c(b.model().vocabulary);
    c.set("scar.severity", Value::of_int(4));
    const AssessmentData data = evaluate_case(b.build(), c.c, "", false);
  const ScarAssessment& s = only_scar(data);
    CHECK(s.suitability == Suitability::not_suitable);
    CHECK_FALSE(s.reevaluate_after_weeks.has_value());
  }
}

TEST_CASE("an unknown fact never makes an assessment look safer", "[eval][unknown]") {
  ModelBuilder b;
  b.add("defer.pregnancy", "patient.pregnant").then.suitability = Suitability::defer;
  Rule& pih = b.add("pih", "patient.fitzpatrick >= 4 and scar.type == rolling");
  pih.then.precautions = {0};
  b.add("info", "scar.severity == 4").then.adjust_sessions = 1;  // not restricting
  CaseBuilder c(b.model().vocabulary);
  c.set("scar.type", Value::of_enum(0));
  const AssessmentData data = evaluate_case(b.build(), c.c, "", true);
  const ScarAssessment& s = only_scar(data);
  CHECK(s.suitability == Suitability::suitable);
  CHECK_FALSE(s.complete);
  REQUIRE(s.missing_facts.size() == 2);
  CHECK(s.missing_facts[0].fact == "patient.fitzpatrick");
  CHECK(s.missing_facts[0].rules == std::vector<std::string>{"pih"});
  CHECK(s.missing_facts[1].fact == "patient.pregnant");
  CHECK(s.missing_facts[1].rules == std::vector<std::string>{"defer.pregnancy"});
  REQUIRE(s.trace.size() == 3);
  CHECK(s.trace[0].result == RuleOutcome::unknown);
  REQUIRE(s.trace[0].facts.size() == 1);
  CHECK_FALSE(s.trace[0].facts[0].value.has_value());
}

TEST_CASE("an unknown rule that could not restrict further leaves the scar complete",
          "[eval][unknown]") {
  ModelBuilder b;
  b.add("no", "scar.type == rolling").then.suitability = Suitability::not_suitable;
  b.add("defer.pregnancy", "patient.pregnant").then.suitability = Suitability::defer;
  Rule& pih = b.add("pih", "patient.fitzpatrick >= 4");
  pih.then.precautions = {0};
  Rule& already = b.add("pih-again", "true");
  already.then.precautions = {0};
  CaseBuilder c(b.model().vocabulary);
  c.set("scar.type", Value::of_enum(0));
  const AssessmentData data = evaluate_case(b.build(), c.c, "", false);
  const ScarAssessment& s = only_scar(data);
  CHECK(s.suitability == Suitability::not_suitable);
  CHECK(s.complete);
  CHECK(s.missing_facts.empty());
}

TEST_CASE("only the facts that keep a rule undecided are missing", "[eval][unknown]") {
  ModelBuilder b;
  b.add("r", "patient.pregnant or (scar.severity >= 3 and patient.fitzpatrick >= 5)")
      .then.suitability = Suitability::defer;
  CaseBuilder c(b.model().vocabulary);
  c.set("scar.severity", Value::of_int(1));  // settles the right-hand side to false
  const AssessmentData data = evaluate_case(b.build(), c.c, "", false);
  const ScarAssessment& s = only_scar(data);
  CHECK_FALSE(s.complete);
  REQUIRE(s.missing_facts.size() == 1);
  CHECK(s.missing_facts[0].fact == "patient.pregnant");
}

TEST_CASE("patient level: most restrictive scar verdict, complete only if all are",
          "[eval]") {
  ModelBuilder b;
  b.add("defer.rolling", "scar.type == rolling").then.suitability = Suitability::defer;
  b.add("pih", "scar.type == boxcar and patient.fitzpatrick >= 4").then.precautions = {0};
  CaseBuilder c(b.model().vocabulary);
  c.set("scar.type", Value::of_enum(0));
  c.c.scars.push_back({"s2", std::vector<Value>(b.model().vocabulary.slot_count(Scope::Scar))});
  c.c.scars[1].slots[0] = Value::of_enum(1);
  const AssessmentData data = evaluate_case(b.build(), c.c, "", false);
  REQUIRE(data.scar_list().size() == 2);
  CHECK(data.scar_list()[0].suitability == Suitability::defer);
  CHECK(data.scar_list()[0].complete);
  CHECK(data.scar_list()[1].suitability == Suitability::suitable);
  CHECK_FALSE(data.scar_list()[1].complete);
  CHECK(data.suitability == Suitability::defer);
  CHECK_FALSE(data.complete);
}

TEST_CASE("trace reports fact values as a case would give them", "[eval]") {
  ModelBuilder b;
  b.add("r", "scar.type == rolling and scar.severity > 2 and not patient.pregnant");
  CaseBuilder c(b.model().vocabulary);
  c.set("scar.type", Value::of_enum(0))
      .set("scar.severity", Value::of_int(3))
      .set("patient.pregnant", Value::of_bool(false));
  const AssessmentData data = evaluate_case(b.build(), c.c, "", true);
  const ScarAssessment& s = only_scar(data);
  REQUIRE(s.trace.size() == 1);
  CHECK(s.trace[0].result == RuleOutcome::fired);
  REQUIRE(s.trace[0].facts.size() == 3);
  for (const TraceFact& f : s.trace[0].facts) {
    REQUIRE(f.value.has_value());
    if (f.fact == "scar.type") CHECK(std::get<std::string>(*f.value) == "rolling");
    if (f.fact == "scar.severity") CHECK(std::get<std::int64_t>(*f.value) == 3);
    if (f.fact == "patient.pregnant") CHECK(std::get<bool>(*f.value) == false);
  }
}

TEST_CASE("alternatives are kept for every verdict, not_suitable and defer included",
          "[eval][alternatives]") {
  ModelBuilder b;
  Rule& plan = b.add("plan", "true");
  plan_spec_rule(plan, 3, 6);
  plan.then.suggest = {0};
  b.add("instead", "true").then.alternatives = {1, 0};
  Rule& verdict = b.add("verdict", "true");
  SECTION("not_suitable") { verdict.then.suitability = Suitability::not_suitable; }
  SECTION("defer") { verdict.then.suitability = Suitability::defer; }
  SECTION("suitable") { verdict.then.suitability = Suitability::suitable; }
  CaseBuilder c(b.model().vocabulary);
  const AssessmentData data = evaluate_case(b.build(), c.c, "", false);
  const ScarAssessment& s = only_scar(data);
  REQUIRE(s.alternatives.size() == 2);
  CHECK(s.alternatives[0].id == "prp");
  CHECK(s.alternatives[0].name == "Platelet-rich plasma");
  CHECK(s.alternatives[0].rule == "instead");
  CHECK(s.alternatives[1].id == "subcision");
  // Combinations are still withheld for not_suitable: the lists are independent.
  CHECK(s.combinations.size() == (s.suitability == Suitability::not_suitable ? 0u : 1u));
}

TEST_CASE("alternatives: each once, named after the first rule by priority",
          "[eval][alternatives]") {
  ModelBuilder b;
  b.add("early", "true").then.alternatives = {0, 1};
  b.add("late", "true", 5).then.alternatives = {1};
  b.add("unknown", "patient.pregnant").then.alternatives = {2};
  CaseBuilder c(b.model().vocabulary);
  const AssessmentData data = evaluate_case(b.build(), c.c, "", false);
  const ScarAssessment& s = only_scar(data);
  REQUIRE(s.alternatives.size() == 2);
  CHECK(s.alternatives[0].id == "prp");
  CHECK(s.alternatives[0].rule == "late");
  CHECK(s.alternatives[1].id == "subcision");
  CHECK(s.alternatives[1].rule == "early");
  // A rule that would only add an alternative never makes a scar incomplete.
  CHECK(s.complete);
}

TEST_CASE("an avoid suppresses an alternative; the trace says which rule did",
          "[eval][alternatives]") {
  ModelBuilder b;
  b.add("instead", "true").then.alternatives = {2, 1};
  Rule& no = b.add("no", "true");
  no.then.suitability = Suitability::not_suitable;
  no.then.avoid = {2};
  CaseBuilder c(b.model().vocabulary);
  const AssessmentData data = evaluate_case(b.build(), c.c, "", true);
  const ScarAssessment& s = only_scar(data);
  REQUIRE(s.alternatives.size() == 1);
  CHECK(s.alternatives[0].id == "prp");
  REQUIRE(s.avoid.size() == 1);
  CHECK(s.avoid[0].id == "laser");
  REQUIRE(s.trace[0].notes.size() == 1);
  CHECK(s.trace[0].notes[0] == "alternative 'laser' suppressed by avoid in rule 'no'");
}
