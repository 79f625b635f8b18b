// Evaluation of compiled expressions with Kleene three-valued logic, and the facts that keep
// an expression unknown.
#include <string>

#include "expr/checker.hpp"
#include "expr/compiler.hpp"
#include "expr/parser.hpp"
#include "expr_test_support.hpp"

using namespace scarwise::internal;
using namespace scarwise::internal::expr_test;

namespace {

constexpr Tri T = Tri::True;
constexpr Tri F = Tri::False;
constexpr Tri U = Tri::Unknown;

CompiledExpr must_compile(std::string_view text, const Vocabulary& v) {
  Compiled c = compile(text, v);
  INFO(text << "\n" << format_diagnostics(c.sink.diagnostics()));
  REQUIRE(c.expr.has_value());
  return *c.expr;
}

// Sets a bool fact to true, false or unknown.
void set_tri(Facts& facts, std::string_view name, Tri value) {
  if (value == U) {
    facts.clear(name);
  } else {
    facts.set_bool(name, value == T);
  }
}

std::string show(Tri t) { return t == T ? "true" : t == F ? "false" : "unknown"; }

std::vector<FactId> unknowns(const CompiledExpr& e, const Facts& facts) {
  std::vector<FactId> out;
  e.unknown_facts(facts.env(), out);
  return out;
}

}  // namespace

TEST_CASE("Kleene truth table of 'and' (all 9 rows)", "[expr][eval]") {
  const Vocabulary v = vocabulary();
  const CompiledExpr e = must_compile("patient.pregnant and patient.smoker", v);
  struct Row {
    Tri a, b, result;
  };
  const Row rows[] = {{T, T, T}, {T, F, F}, {T, U, U}, {F, T, F}, {F, F, F},
                      {F, U, F}, {U, T, U}, {U, F, F}, {U, U, U}};
  for (const Row& row : rows) {
    Facts facts(v);
    set_tri(facts, "patient.pregnant", row.a);
    set_tri(facts, "patient.smoker", row.b);
    INFO(show(row.a) << " and " << show(row.b));
    CHECK(e.evaluate(facts.env()) == row.result);
  }
}

TEST_CASE("Kleene truth table of 'or' (all 9 rows)", "[expr][eval]") {
  const Vocabulary v = vocabulary();
  const CompiledExpr e = must_compile("patient.pregnant or patient.smoker", v);
  struct Row {
    Tri a, b, result;
  };
  const Row rows[] = {{T, T, T}, {T, F, T}, {T, U, T}, {F, T, T}, {F, F, F},
                      {F, U, U}, {U, T, T}, {U, F, U}, {U, U, U}};
  for (const Row& row : rows) {
    Facts facts(v);
    set_tri(facts, "patient.pregnant", row.a);
    set_tri(facts, "patient.smoker", row.b);
    INFO(show(row.a) << " or " << show(row.b));
    CHECK(e.evaluate(facts.env()) == row.result);
  }
}

TEST_CASE("Kleene truth table of 'not' (all 3 rows)", "[expr][eval]") {
  const Vocabulary v = vocabulary();
  const CompiledExpr e = must_compile("not patient.pregnant", v);
  const std::pair<Tri, Tri> rows[] = {{T, F}, {F, T}, {U, U}};
  for (const auto& [input, result] : rows) {
    Facts facts(v);
    set_tri(facts, "patient.pregnant", input);
    INFO("not " << show(input));
    CHECK(e.evaluate(facts.env()) == result);
  }
}

TEST_CASE("n-ary chains follow Kleene logic whatever the position of the unknown", "[expr][eval]") {
  const Vocabulary v = vocabulary();
  const CompiledExpr all =
      must_compile("patient.pregnant and patient.smoker and scar.active_acne", v);
  const CompiledExpr any =
      must_compile("patient.pregnant or patient.smoker or scar.active_acne", v);
  Facts facts(v);
  facts.set_bool("patient.pregnant", true).set_bool("scar.active_acne", true);
  CHECK(all.evaluate(facts.env()) == U);
  CHECK(any.evaluate(facts.env()) == T);
  facts.set_bool("scar.active_acne", false);
  CHECK(all.evaluate(facts.env()) == F);
  facts.set_bool("patient.pregnant", false);
  CHECK(any.evaluate(facts.env()) == U);
}

TEST_CASE("every numeric comparison operator, known and unknown", "[expr][eval]") {
  const Vocabulary v = vocabulary();
  struct Row {
    const char* text;
    Tri at_three;  // scar.severity = 3
  };
  const Row rows[] = {
      {"scar.severity == 3", T},  {"scar.severity == 2", F}, {"scar.severity != 3", F},
      {"scar.severity != 2", T},  {"scar.severity < 4", T},  {"scar.severity < 3", F},
      {"scar.severity <= 3", T},  {"scar.severity <= 2", F}, {"scar.severity > 2", T},
      {"scar.severity > 3", F},   {"scar.severity >= 3", T}, {"scar.severity >= 4", F},
      {"2.5 < scar.severity", T}, {"3 > scar.severity", F},  {"3 >= scar.severity", T},
      {"scar.severity > 2.5", T},
  };
  for (const Row& row : rows) {
    INFO(row.text);
    const CompiledExpr e = must_compile(row.text, v);
    Facts facts(v);
    CHECK(e.evaluate(facts.env()) == U);
    facts.set_number("scar.severity", 3);
    CHECK(e.evaluate(facts.env()) == row.at_three);
  }
}

TEST_CASE("number facts compare as decimals", "[expr][eval]") {
  const Vocabulary v = vocabulary();
  const CompiledExpr e = must_compile("patient.months_since_isotretinoin < 6", v);
  Facts facts(v);
  facts.set_number("patient.months_since_isotretinoin", 5.75);
  CHECK(e.evaluate(facts.env()) == T);
  facts.set_number("patient.months_since_isotretinoin", 6);
  CHECK(e.evaluate(facts.env()) == F);
  const CompiledExpr negative = must_compile("patient.weight_kg > -0.5", v);
  facts.set_number("patient.weight_kg", -0.25);
  CHECK(negative.evaluate(facts.env()) == T);
}

TEST_CASE("bool and enum equality, known and unknown", "[expr][eval]") {
  const Vocabulary v = vocabulary();
  Facts facts(v);
  const CompiledExpr pregnant_false = must_compile("patient.pregnant == false", v);
  const CompiledExpr pregnant_not_true = must_compile("patient.pregnant != true", v);
  const CompiledExpr rolling = must_compile("scar.type == rolling", v);
  const CompiledExpr not_rolling = must_compile("'rolling' != scar.type", v);
  for (const CompiledExpr* e : {&pregnant_false, &pregnant_not_true, &rolling, &not_rolling}) {
    INFO(e->text());
    CHECK(e->evaluate(facts.env()) == U);
  }
  facts.set_bool("patient.pregnant", false).set_enum("scar.type", "rolling");
  CHECK(pregnant_false.evaluate(facts.env()) == T);
  CHECK(pregnant_not_true.evaluate(facts.env()) == T);
  CHECK(rolling.evaluate(facts.env()) == T);
  CHECK(not_rolling.evaluate(facts.env()) == F);
  facts.set_bool("patient.pregnant", true).set_enum("scar.type", "boxcar");
  CHECK(pregnant_false.evaluate(facts.env()) == F);
  CHECK(pregnant_not_true.evaluate(facts.env()) == F);
  CHECK(rolling.evaluate(facts.env()) == F);
  CHECK(not_rolling.evaluate(facts.env()) == T);
}

TEST_CASE("a lone bool fact and the constants", "[expr][eval]") {
  const Vocabulary v = vocabulary();
  Facts facts(v);
  const CompiledExpr lone = must_compile("scar.active_acne", v);
  CHECK(lone.evaluate(facts.env()) == U);
  facts.set_bool("scar.active_acne", true);
  CHECK(lone.evaluate(facts.env()) == T);
  facts.set_bool("scar.active_acne", false);
  CHECK(lone.evaluate(facts.env()) == F);
  CHECK(must_compile("true", v).evaluate(facts.env()) == T);
  CHECK(must_compile("false", v).evaluate(facts.env()) == F);
  CHECK(must_compile("true and scar.active_acne", v).evaluate(facts.env()) == F);
}

TEST_CASE("in and not in, for enums, numbers and bools", "[expr][eval]") {
  const Vocabulary v = vocabulary();
  const CompiledExpr in = must_compile("scar.type in [rolling, 'boxcar']", v);
  const CompiledExpr not_in = must_compile("scar.type not in [rolling, boxcar]", v);
  const CompiledExpr numbers = must_compile("scar.severity in [4, 1, 2.5]", v);
  const CompiledExpr no_numbers = must_compile("scar.severity not in [1, 4]", v);
  const CompiledExpr bools = must_compile("patient.pregnant in [true]", v);
  Facts facts(v);
  for (const CompiledExpr* e : {&in, &not_in, &numbers, &no_numbers, &bools}) {
    INFO(e->text());
    CHECK(e->evaluate(facts.env()) == U);
  }
  facts.set_enum("scar.type", "boxcar").set_number("scar.severity", 4);
  facts.set_bool("patient.pregnant", false);
  CHECK(in.evaluate(facts.env()) == T);
  CHECK(not_in.evaluate(facts.env()) == F);
  CHECK(numbers.evaluate(facts.env()) == T);
  CHECK(no_numbers.evaluate(facts.env()) == F);
  CHECK(bools.evaluate(facts.env()) == F);
  facts.set_enum("scar.type", "burn").set_number("scar.severity", 3);
  CHECK(in.evaluate(facts.env()) == F);
  CHECK(not_in.evaluate(facts.env()) == T);
  CHECK(numbers.evaluate(facts.env()) == F);
  CHECK(no_numbers.evaluate(facts.env()) == T);
}

TEST_CASE("contains tests one value of a set", "[expr][eval]") {
  const Vocabulary v = vocabulary();
  const CompiledExpr e = must_compile("scar.prior_treatments contains subcision", v);
  Facts facts(v);
  CHECK(e.evaluate(facts.env()) == U);
  facts.set_set("scar.prior_treatments", {"prp", "subcision"});
  CHECK(e.evaluate(facts.env()) == T);
  facts.set_set("scar.prior_treatments", {"prp", "tca_cross"});
  CHECK(e.evaluate(facts.env()) == F);
  facts.set_set("scar.prior_treatments", {});
  CHECK(e.evaluate(facts.env()) == F);  // the empty set is known
}

TEST_CASE("known() is true or false, never unknown", "[expr][eval]") {
  const Vocabulary v = vocabulary();
  const CompiledExpr known = must_compile("known(patient.isotretinoin)", v);
  const CompiledExpr unknown = must_compile("not known(patient.isotretinoin)", v);
  Facts facts(v);
  CHECK(known.evaluate(facts.env()) == F);
  CHECK(unknown.evaluate(facts.env()) == T);
  facts.set_enum("patient.isotretinoin", "never");
  CHECK(known.evaluate(facts.env()) == T);
  CHECK(unknown.evaluate(facts.env()) == F);
  std::vector<FactId> out;
  known.unknown_facts(facts.env(), out);
  CHECK(out.empty());
}

TEST_CASE("fact-to-fact comparisons are unknown if either side is", "[expr][eval]") {
  const Vocabulary v = vocabulary();
  const CompiledExpr numbers = must_compile("patient.age > scar.age_months", v);
  const CompiledExpr enums = must_compile("scar.type == scar.previous_type", v);
  const CompiledExpr bools = must_compile("patient.pregnant != patient.smoker", v);
  Facts facts(v);
  facts.set_number("patient.age", 30).set_enum("scar.type", "burn");
  facts.set_bool("patient.pregnant", true);
  CHECK(numbers.evaluate(facts.env()) == U);
  CHECK(enums.evaluate(facts.env()) == U);
  CHECK(bools.evaluate(facts.env()) == U);
  CHECK(unknowns(numbers, facts) == std::vector<FactId>{facts.id("scar.age_months")});
  facts.set_number("scar.age_months", 24).set_enum("scar.previous_type", "burn");
  facts.set_bool("patient.smoker", false);
  CHECK(numbers.evaluate(facts.env()) == T);
  CHECK(enums.evaluate(facts.env()) == T);
  CHECK(bools.evaluate(facts.env()) == T);
  facts.set_number("scar.age_months", 30).set_enum("scar.previous_type", "rolling");
  facts.set_bool("patient.smoker", true);
  CHECK(numbers.evaluate(facts.env()) == F);
  CHECK(enums.evaluate(facts.env()) == F);
  CHECK(bools.evaluate(facts.env()) == F);
}

TEST_CASE("unknown_facts descends only into unknown sub-expressions", "[expr][eval]") {
  const Vocabulary v = vocabulary();
  const CompiledExpr both = must_compile("patient.fitzpatrick >= 4 and scar.type == rolling", v);
  const FactId fitz = *v.find("patient.fitzpatrick");
  const FactId type = *v.find("scar.type");

  Facts facts(v);
  CHECK(unknowns(both, facts) == std::vector<FactId>{fitz, type});

  // a unknown, b true: only a keeps it unknown.
  facts.set_enum("scar.type", "rolling");
  CHECK(both.evaluate(facts.env()) == U);
  CHECK(unknowns(both, facts) == std::vector<FactId>{fitz});

  // a unknown, b false: the whole is false, nothing is missing.
  facts.set_enum("scar.type", "boxcar");
  CHECK(both.evaluate(facts.env()) == F);
  CHECK(unknowns(both, facts).empty());

  // or: a unknown, b true is true; b false leaves a.
  const CompiledExpr either = must_compile("patient.fitzpatrick >= 4 or scar.type == rolling", v);
  CHECK(unknowns(either, facts) == std::vector<FactId>{fitz});
  facts.set_enum("scar.type", "rolling");
  CHECK(either.evaluate(facts.env()) == T);
  CHECK(unknowns(either, facts).empty());
}

TEST_CASE("unknown_facts goes through not and nesting, sorted and without duplicates",
          "[expr][eval]") {
  const Vocabulary v = vocabulary();
  const CompiledExpr e = must_compile(
      "not (scar.type == rolling or patient.age > 3) and (scar.type == boxcar or "
      "patient.pregnant or scar.severity > 2) and known(patient.smoker)",
      v);
  Facts facts(v);
  CHECK(e.evaluate(facts.env()) == F);  // known(patient.smoker) is false
  CHECK(unknowns(e, facts).empty());
  facts.set_bool("patient.smoker", false);
  CHECK(e.evaluate(facts.env()) == U);
  const std::vector<FactId> expected{facts.id("patient.age"), facts.id("patient.pregnant"),
                                     facts.id("scar.type"), facts.id("scar.severity")};
  CHECK(unknowns(e, facts) == expected);

  facts.set_bool("patient.pregnant", true);  // the second group is now true
  CHECK(unknowns(e, facts) == std::vector<FactId>{facts.id("patient.age"), facts.id("scar.type")});
}

TEST_CASE("unknown_facts appends and leaves what the vector held", "[expr][eval]") {
  const Vocabulary v = vocabulary();
  const CompiledExpr e = must_compile("scar.severity > 2 or patient.age > 3", v);
  Facts facts(v);
  std::vector<FactId> out{99, 7};
  e.unknown_facts(facts.env(), out);
  CHECK(out == std::vector<FactId>{99, 7, facts.id("patient.age"), facts.id("scar.severity")});
}

TEST_CASE("a default-constructed CompiledExpr is unknown, never false", "[expr][eval]") {
  const Vocabulary v = vocabulary();
  Facts facts(v);
  const CompiledExpr none;
  CHECK(none.evaluate(facts.env()) == U);
  CHECK(none.referenced_facts().empty());
  CHECK(none.text().empty());
  std::vector<FactId> out;
  none.unknown_facts(facts.env(), out);
  CHECK(out.empty());
}

TEST_CASE("enum equality and lists compile to bit masks, numbers to sorted lists", "[expr][eval]") {
  const Vocabulary v = vocabulary();
  const auto program = [&](std::string text) {
    DiagnosticSink sink;
    std::optional<Node> root = parse_expression(text, origin(), {}, sink);
    REQUIRE(root.has_value());
    REQUIRE(check_expression(*root, v, origin(), sink));
    return compile_program(*root, text, v);
  };
  const auto in = program("scar.type in [rolling, ice_pick]");
  REQUIRE(in->code().instrs.size() == 1);
  CHECK(in->code().instrs[0].code == Opcode::InMask);
  CHECK(in->code().instrs[0].mask == 0b101);

  const auto numbers = program("scar.severity not in [3, 1, 2]");
  REQUIRE(numbers->code().instrs.size() == 1);
  CHECK(numbers->code().instrs[0].code == Opcode::InList);
  CHECK(numbers->code().instrs[0].negate);
  std::vector<std::int64_t> listed;
  for (const Numeric& n : numbers->code().numbers) {
    CHECK(n.integral);
    listed.push_back(n.integer);
  }
  CHECK(listed == std::vector<std::int64_t>{1, 2, 3});

  const auto junction = program("patient.pregnant and not scar.active_acne");
  CHECK(junction->code().instrs.back().code == Opcode::And);
  CHECK(junction->code().instrs.back().count == 2);
}

TEST_CASE("enums with more than 64 values still compare exactly", "[expr][eval]") {
  std::vector<std::string> values;
  for (int i = 0; i < 70; ++i) values.push_back("v" + std::to_string(i));
  Vocabulary v;
  v.add(declare("scar.code", FactType::Enum, values));
  const CompiledExpr high = must_compile("scar.code == v66", v);
  const CompiledExpr mixed = must_compile("scar.code in [v1, v68]", v);
  const CompiledExpr low = must_compile("scar.code != v2", v);
  Facts facts(v);
  CHECK(high.evaluate(facts.env()) == U);
  facts.set_enum("scar.code", "v66");
  CHECK(high.evaluate(facts.env()) == T);
  CHECK(mixed.evaluate(facts.env()) == F);
  CHECK(low.evaluate(facts.env()) == T);
  facts.set_enum("scar.code", "v68");
  CHECK(high.evaluate(facts.env()) == F);
  CHECK(mixed.evaluate(facts.env()) == T);
  facts.set_enum("scar.code", "v2");
  CHECK(low.evaluate(facts.env()) == F);
}

TEST_CASE("one compiled expression evaluates many cases and copies share the program",
          "[expr][eval]") {
  const Vocabulary v = vocabulary();
  const CompiledExpr e = must_compile("scar.severity >= 3 and not patient.pregnant", v);
  const CompiledExpr copy = e;  // NOLINT(performance-unnecessary-copy-initialization)
  CHECK(&copy.text() == &e.text());
  for (int severity = 1; severity <= 4; ++severity) {
    Facts facts(v);
    facts.set_number("scar.severity", severity).set_bool("patient.pregnant", false);
    CHECK(copy.evaluate(facts.env()) == (severity >= 3 ? T : F));
  }
}

namespace {

// An int fact and a number fact without bounds, so that any value reaches the comparison.
Vocabulary unbounded_numbers() {
  Vocabulary v;
  v.add(declare("patient.count", FactType::Int));
  v.add(declare("patient.ratio", FactType::Number));
  return v;
}

}  // namespace

TEST_CASE("an int literal past 2^53 is not rounded to the nearest double", "[expr][eval]") {
  const Vocabulary v = unbounded_numbers();
  Facts facts(v);
  facts.set_number("patient.count", 9007199254740992.0);  // 2^53
  CHECK(must_compile("patient.count == 9007199254740993", v).evaluate(facts.env()) == F);
  CHECK(must_compile("patient.count != 9007199254740993", v).evaluate(facts.env()) == T);
  CHECK(must_compile("patient.count < 9007199254740993", v).evaluate(facts.env()) == T);
  CHECK(must_compile("patient.count >= 9007199254740993", v).evaluate(facts.env()) == F);
  CHECK(must_compile("patient.count in [9007199254740993]", v).evaluate(facts.env()) == F);
  CHECK(must_compile("patient.count == 9007199254740992", v).evaluate(facts.env()) == T);
  facts.set_number("patient.ratio", 9007199254740992.0);
  CHECK(must_compile("patient.ratio < 9007199254740993", v).evaluate(facts.env()) == T);
  CHECK(must_compile("patient.ratio not in [9007199254740993]", v).evaluate(facts.env()) == T);
}

TEST_CASE("int facts hold exact int64s and compare with numbers by exact value", "[expr][eval]") {
  const Vocabulary v = unbounded_numbers();
  const auto eval = [&](const Facts& facts, std::string_view text) {
    INFO(text);
    return must_compile(text, v).evaluate(facts.env());
  };
  Facts facts(v);
  facts.set("patient.count", Value::of_int(9007199254740993));
  CHECK(eval(facts, "patient.count == 9007199254740993") == T);
  CHECK(eval(facts, "patient.count == 9007199254740992") == F);
  CHECK(eval(facts, "patient.count > 9007199254740992") == T);
  CHECK(eval(facts, "patient.count in [1, 9007199254740993, 2.5]") == T);
  // 9007199254740992.0 is the double nearest to the count, but not equal to it.
  CHECK(eval(facts, "patient.count > 9007199254740992.0") == T);
  facts.set_number("patient.ratio", 9007199254740992.0);
  CHECK(eval(facts, "patient.count > patient.ratio") == T);
  CHECK(eval(facts, "patient.count != patient.ratio") == T);
  CHECK(eval(facts, "patient.ratio < patient.count") == T);

  facts.set("patient.count", Value::of_int(9223372036854775807));
  CHECK(eval(facts, "patient.count == 9223372036854775807") == T);
  CHECK(eval(facts, "patient.count < 9223372036854775807") == F);
  facts.set_number("patient.ratio", 9223372036854775808.0);  // 2^63: past every int64
  CHECK(eval(facts, "patient.count < patient.ratio") == T);
  facts.set("patient.count", Value::of_int(-9223372036854775807 - 1));
  CHECK(eval(facts, "patient.count == -9223372036854775808") == T);
  CHECK(eval(facts, "patient.count < -9223372036854775807") == T);
  facts.set_number("patient.ratio", -9223372036854775808.0);  // -2^63 is an int64
  CHECK(eval(facts, "patient.count == patient.ratio") == T);

  facts.set("patient.count", Value::of_int(2));
  CHECK(eval(facts, "patient.count < 2.5") == T);
  CHECK(eval(facts, "patient.count > 1.5") == T);
  CHECK(eval(facts, "patient.count == 2.0") == T);
  CHECK(eval(facts, "patient.count in [2.5, 1.5]") == F);
  facts.set_number("patient.ratio", 2.5);
  CHECK(eval(facts, "patient.ratio > 2") == T);
  CHECK(eval(facts, "patient.ratio == 2") == F);
  CHECK(eval(facts, "patient.ratio > patient.count") == T);
}

TEST_CASE("compare_numeric orders int64s and doubles exactly", "[expr][eval]") {
  const Numeric two53 = Numeric::of_int(9007199254740992);
  const Numeric two53_plus_1 = Numeric::of_int(9007199254740993);
  const Numeric two53_real = Numeric::of_real(9007199254740992.0);
  CHECK(compare_numeric(two53, two53_real) == 0);
  CHECK(compare_numeric(two53_plus_1, two53_real) == 1);
  CHECK(compare_numeric(two53_real, two53_plus_1) == -1);
  const Numeric max = Numeric::of_int(9223372036854775807);
  CHECK(compare_numeric(max, Numeric::of_real(9223372036854775808.0)) == -1);
  CHECK(compare_numeric(max, Numeric::of_real(1e300)) == -1);
  CHECK(compare_numeric(Numeric::of_int(-9223372036854775807 - 1), Numeric::of_real(-1e300)) == 1);
  CHECK(compare_numeric(Numeric::of_int(-3), Numeric::of_real(-2.5)) == -1);
  CHECK(compare_numeric(Numeric::of_int(-2), Numeric::of_real(-2.5)) == 1);
  CHECK(compare_numeric(Numeric::of_int(0), Numeric::of_real(-0.0)) == 0);
  CHECK(compare_numeric(Numeric::of_real(0.5), Numeric::of_real(0.25)) == 1);
}
