// Arithmetic in expressions: parsing with precedence and unary minus, exact evaluation, unknown
// operands and division by zero, load-time type checks, and number expressions (the form
// reevaluate_after_weeks expressions take), rounded up to whole weeks.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "expr/parser.hpp"
#include "expr_test_support.hpp"

using namespace scarwise::internal;
using namespace scarwise::internal::expr_test;

namespace {

constexpr Tri T = Tri::True;
constexpr Tri F = Tri::False;
constexpr Tri U = Tri::Unknown;

std::string tree(std::string_view text) {
  DiagnosticSink sink;
  const std::optional<Node> root = parse_expression(text, origin(), ExprLimits{}, sink);
  INFO(format_diagnostics(sink.diagnostics()));
  REQUIRE(root.has_value());
  return to_string(*root);
}

CompiledExpr must_compile(std::string_view text, const Vocabulary& v) {
  Compiled c = compile(text, v);
  INFO(text << "\n" << format_diagnostics(c.sink.diagnostics()));
  REQUIRE(c.expr.has_value());
  return *c.expr;
}

std::vector<std::string> unknown_names(const CompiledExpr& e, const Facts& facts,
                                       const Vocabulary& v) {
  std::vector<FactId> ids;
  e.unknown_facts(facts.env(), ids);
  std::vector<std::string> out;
  for (FactId id : ids) out.push_back(v.fact(id).name);
  return out;
}

struct CompiledWeeks {
  std::optional<CompiledNumber> number;
  DiagnosticSink sink;
};

CompiledWeeks compile_weeks(std::string_view text, const Vocabulary& v) {
  CompiledWeeks out;
  out.number = compile_number_expression(text, origin(), v, ExprLimits{}, out.sink);
  return out;
}

}  // namespace

TEST_CASE("arithmetic parses with the usual precedence and unary minus", "[arith]") {
  CHECK(tree("patient.age + 2 * scar.severity > 10") ==
        "(> (+ patient.age (* 2 scar.severity)) 10)");
  CHECK(tree("patient.age - 1 - 2 >= 0") == "(>= (- (- patient.age 1) 2) 0)");
  CHECK(tree("(patient.age + 1) * 2 < 9") == "(< (* (+ patient.age 1) 2) 9)");
  CHECK(tree("-patient.age < -3") == "(< (- patient.age) -3)");
  // A '-' after a value subtracts; before a digit where a value belongs it is part of it.
  CHECK(tree("patient.age -1 > 0") == "(> (- patient.age 1) 0)");
  CHECK(tree("patient.age in [-1, 2]") == "(in patient.age [-1 2])");
}

TEST_CASE("arithmetic evaluates exactly, and an unknown operand makes it unknown", "[arith]") {
  const Vocabulary v = vocabulary();
  Facts facts(v);
  const CompiledExpr e = must_compile("patient.age - 2 * scar.severity > 10", v);
  facts.set("patient.age", Value::of_int(30)).set("scar.severity", Value::of_int(3));
  CHECK(e.evaluate(facts.env()) == T);
  facts.set("patient.age", Value::of_int(16));
  CHECK(e.evaluate(facts.env()) == F);
  facts.clear("scar.severity");
  CHECK(e.evaluate(facts.env()) == U);
  CHECK(unknown_names(e, facts, v) == std::vector<std::string>{"scar.severity"});

  // `/` gives a number; int arithmetic stays exact beyond 2^53.
  facts.set("scar.severity", Value::of_int(3));
  CHECK(must_compile("scar.severity / 2 == 1.5", v).evaluate(facts.env()) == T);
  facts.set("patient.age", Value::of_int(9007199254740992));
  CHECK(must_compile("patient.age + 1 == 9007199254740993", v).evaluate(facts.env()) == T);
  CHECK(must_compile("-patient.age < 0", v).evaluate(facts.env()) == T);
}

TEST_CASE("unknown arithmetic never becomes false", "[arith]") {
  const Vocabulary v = vocabulary();
  Facts facts(v);
  const CompiledExpr e = must_compile("not (patient.weight_kg * 2 > 10)", v);
  CHECK(e.evaluate(facts.env()) == U);
  CHECK(must_compile("patient.weight_kg * 0 == 0", v).evaluate(facts.env()) == U);
  // Kleene still settles around it.
  CHECK(must_compile("patient.weight_kg / 2 > 1 and false", v).evaluate(facts.env()) == F);
}

TEST_CASE("a division by zero at run time is unknown and lists no fact", "[arith]") {
  const Vocabulary v = vocabulary();
  Facts facts(v);
  facts.set("patient.age", Value::of_int(40)).set("scar.severity", Value::of_int(0));
  const CompiledExpr e = must_compile("patient.age / scar.severity > 1", v);
  CHECK(e.evaluate(facts.env()) == U);
  CHECK(must_compile("not (patient.age / scar.severity > 1)", v).evaluate(facts.env()) == U);
  CHECK(unknown_names(e, facts, v).empty());
  // Dividing by a known zero: the unknown numerator would not give it a value either.
  facts.clear("patient.age");
  CHECK(unknown_names(e, facts, v).empty());
  facts.set("scar.severity", Value::of_int(4));
  CHECK(unknown_names(e, facts, v) == std::vector<std::string>{"patient.age"});
}

TEST_CASE("dividing by a literal zero is a located load error", "[arith]") {
  const Vocabulary v = vocabulary();
  {
    const Compiled c = compile("patient.age / 0 > 1", v);
    CHECK_FALSE(c.expr.has_value());
    check_single(c.sink, "E-EXPR-DIVIDE-BY-ZERO", 14);
  }
  {
    const Compiled c = compile("patient.age / (2 - 2.0) > 1", v);
    CHECK_FALSE(c.expr.has_value());
    check_single(c.sink, "E-EXPR-DIVIDE-BY-ZERO", 15);
  }
  CHECK(compile("patient.age / (2 - 1) > 1", v).expr.has_value());
}

TEST_CASE("arithmetic is type-checked at load", "[arith]") {
  const Vocabulary v = vocabulary();
  {
    const Compiled c = compile("scar.type + 1 > 2", v);
    CHECK_FALSE(c.expr.has_value());
    check_single(c.sink, "E-EXPR-TYPE", 0);
  }
  {
    const Compiled c = compile("patient.age + true > 2", v);
    check_single(c.sink, "E-EXPR-TYPE", 14);
  }
  {
    const Compiled c = compile("patient.age + 1", v);  // not a condition
    check_single(c.sink, "E-EXPR-TYPE", 0);
  }
  {
    const Compiled c = compile("scar.type == ice-pick", v);
    check_single(c.sink, "E-EXPR-SYNTAX", 16);
    CHECK(c.sink.diagnostics().front().hint.find("'ice-pick'") != std::string::npos);
  }
}

TEST_CASE("a weeks expression must be a number", "[weeks]") {
  const Vocabulary v = vocabulary();
  CompiledWeeks condition = compile_weeks("scar.type == rolling", v);
  CHECK_FALSE(condition.number.has_value());
  check_single(condition.sink, "E-EXPR-TYPE", 0);
  CompiledWeeks negated = compile_weeks("not patient.pregnant", v);
  check_single(negated.sink, "E-EXPR-TYPE", 0);
  CompiledWeeks boolean = compile_weeks("patient.pregnant", v);
  check_single(boolean.sink, "E-EXPR-TYPE", 0);
  CompiledWeeks zero = compile_weeks("patient.age / 0", v);
  check_single(zero.sink, "E-EXPR-DIVIDE-BY-ZERO", 14);
}

