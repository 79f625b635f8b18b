// CompiledExpr::explain: each leaf quoted as written, evaluated by the compiled program, and
// the leaves that settled the result marked; its result is always evaluate()'s.
#include <string>
#include <vector>

#include "expr_test_support.hpp"

using namespace scarwise::internal;
using namespace scarwise::internal::expr_test;

namespace {

CompiledExpr must_compile(std::string_view text, const Vocabulary& v) {
  Compiled c = compile(text, v);
  INFO(text << "\n" << format_diagnostics(c.sink.diagnostics()));
  REQUIRE(c.expr.has_value());
  return *c.expr;
}

std::vector<std::string> texts(const ConditionOutcome& outcome) {
  std::vector<std::string> out;
  for (const LeafOutcome& leaf : outcome.leaves) out.emplace_back(leaf.text);
  return out;
}

std::vector<bool> decisive(const ConditionOutcome& outcome) {
  std::vector<bool> out;
  for (const LeafOutcome& leaf : outcome.leaves) out.push_back(leaf.decisive);
  return out;
}

}  // namespace

TEST_CASE("explain quotes every leaf as written", "[expr][explain]") {
  const Vocabulary v = vocabulary();
  const Facts facts(v);
  const CompiledExpr e = must_compile(
      "(scar.type in [ 'rolling', boxcar ]) or not (4 <= patient.fitzpatrick and "
      "known(patient.age)) or scar.prior_treatments contains \"prp\" or patient.pregnant or "
      "scar.severity != scar.age_months or true",
      v);
  CHECK(texts(e.explain(facts.env())) ==
        std::vector<std::string>{"scar.type in [ 'rolling', boxcar ]", "4 <= patient.fitzpatrick",
                                 "known(patient.age)", "scar.prior_treatments contains \"prp\"",
                                 "patient.pregnant", "scar.severity != scar.age_months", "true"});
}

TEST_CASE("explain reads literals from the compiled program", "[expr][explain]") {
  const Vocabulary v = vocabulary();
  Facts facts(v);
  facts.set_enum("scar.type", "burn");
  // The outcome's texts point into the compiled expression, which must outlive it.
  const CompiledExpr e = must_compile("scar.type not in [rolling, 'ice_pick']", v);
  const ConditionOutcome out = e.explain(facts.env());
  REQUIRE(out.leaves.size() == 1);
  const LeafOutcome& leaf = out.leaves[0];
  CHECK(leaf.literal_text == "[rolling, 'ice_pick']");
  CHECK(leaf.list);
  REQUIRE(leaf.literals.size() == 2);  // in declaration order: ice_pick, rolling
  CHECK(leaf.literals[0].index == 0);
  CHECK(leaf.literals[1].index == 2);
  CHECK(leaf.result == Tri::True);
  CHECK(out.result == Tri::True);
}

TEST_CASE("explain marks the leaves that settled the result", "[expr][explain]") {
  const Vocabulary v = vocabulary();
  Facts facts(v);
  const CompiledExpr e =
      must_compile("patient.pregnant and patient.smoker and patient.age >= 18", v);

  facts.set_bool("patient.pregnant", false).set_bool("patient.smoker", true);
  ConditionOutcome out = e.explain(facts.env());  // false and true and unknown
  CHECK(out.result == Tri::False);
  CHECK(decisive(out) == std::vector<bool>{true, false, false});
  CHECK(out.leaves[2].result == Tri::Unknown);  // evaluated all the same, shown as unknown

  facts.set_bool("patient.pregnant", true);
  out = e.explain(facts.env());  // true and true and unknown
  CHECK(out.result == Tri::Unknown);
  CHECK(decisive(out) == std::vector<bool>{false, false, true});

  facts.set("patient.age", Value::of_int(30));
  out = e.explain(facts.env());  // all true: every leaf counts
  CHECK(out.result == Tri::True);
  CHECK(decisive(out) == std::vector<bool>{true, true, true});
}

TEST_CASE("explain gives evaluate()'s result for every truth assignment", "[expr][explain]") {
  const Vocabulary v = vocabulary();
  const CompiledExpr e = must_compile(
      "not (patient.pregnant or scar.active_acne) and (patient.smoker or not patient.pregnant)", v);
  const std::vector<std::string> names = {"patient.pregnant", "scar.active_acne", "patient.smoker"};
  for (int assignment = 0; assignment < 27; ++assignment) {
    Facts facts(v);
    int rest = assignment;
    for (const std::string& name : names) {
      const int value = rest % 3;
      rest /= 3;
      if (value < 2) facts.set_bool(name, value == 1);
    }
    INFO("assignment " << assignment);
    const ConditionOutcome out = e.explain(facts.env());
    CHECK(out.result == e.evaluate(facts.env()));
    // Something always settles the result.
    bool any = false;
    for (const LeafOutcome& leaf : out.leaves) any = any || leaf.decisive;
    CHECK(any);
  }
}
