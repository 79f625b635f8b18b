// The expression parser: precedence, tree shape, located syntax errors, length and depth limits.
#include <string>

#include "expr/parser.hpp"
#include "expr_test_support.hpp"

using namespace scarwise::internal;
using namespace scarwise::internal::expr_test;

namespace {

std::string tree(std::string_view text, const ExprLimits& limits = {}) {
  DiagnosticSink sink;
  const std::optional<Node> root = parse_expression(text, origin(), limits, sink);
  INFO(text << "\n" << format_diagnostics(sink.diagnostics()));
  REQUIRE(root.has_value());
  CHECK(sink.diagnostics().empty());
  return to_string(*root);
}

DiagnosticSink parse_bad(std::string_view text, const ExprLimits& limits = {}) {
  DiagnosticSink sink;
  CHECK_FALSE(parse_expression(text, origin(), limits, sink).has_value());
  return sink;
}

std::string repeat(std::string_view piece, std::size_t times) {
  std::string out;
  out.reserve(piece.size() * times);
  for (std::size_t i = 0; i < times; ++i) out += piece;
  return out;
}

}  // namespace

TEST_CASE("precedence from low to high: or, and, not, comparison", "[expr][parser]") {
  CHECK(tree("a.x or a.y and a.z") == "(or a.x (and a.y a.z))");
  CHECK(tree("a.x and a.y or a.z") == "(or (and a.x a.y) a.z)");
  CHECK(tree("not a.x and a.y") == "(and (not a.x) a.y)");
  CHECK(tree("not a.x or not a.y") == "(or (not a.x) (not a.y))");
  CHECK(tree("not a.x == 1") == "(not (== a.x 1))");
  CHECK(tree("a.x == 1 and a.y != 2 or a.z < 3") == "(or (and (== a.x 1) (!= a.y 2)) (< a.z 3))");
}

TEST_CASE("parentheses override precedence and create no nodes", "[expr][parser]") {
  CHECK(tree("(a.x or a.y) and a.z") == "(and (or a.x a.y) a.z)");
  CHECK(tree("not (a.x and a.y)") == "(not (and a.x a.y))");
  CHECK(tree("((a.x))") == "a.x");
  CHECK(tree("(a.x) >= 3") == "(>= a.x 3)");
}

TEST_CASE("chains of and/or become one node each", "[expr][parser]") {
  CHECK(tree("a.w and a.x and a.y and a.z") == "(and a.w a.x a.y a.z)");
  CHECK(tree("a.w or a.x or a.y") == "(or a.w a.x a.y)");
  CHECK(tree("not not a.x") == "(not (not a.x))");
}

TEST_CASE("every comparison operator", "[expr][parser]") {
  CHECK(tree("a.x == 1") == "(== a.x 1)");
  CHECK(tree("a.x != 1") == "(!= a.x 1)");
  CHECK(tree("a.x < -1") == "(< a.x -1)");
  CHECK(tree("a.x <= 1.5") == "(<= a.x 1.5)");
  CHECK(tree("a.x > 1") == "(> a.x 1)");
  CHECK(tree("a.x >= 1") == "(>= a.x 1)");
  CHECK(tree("3 < a.x") == "(< 3 a.x)");  // the checker puts the fact first
  CHECK(tree("a.x == a.y") == "(== a.x a.y)");
}

TEST_CASE("in, not in, contains and known", "[expr][parser]") {
  CHECK(tree("scar.type in [rolling, 'ice pick', \"boxcar\"]") ==
        "(in scar.type [rolling 'ice pick' 'boxcar'])");
  CHECK(tree("scar.type not in [rolling]") == "(not-in scar.type [rolling])");
  CHECK(tree("a.n in [1, 2.5, -3]") == "(in a.n [1 2.5 -3])");
  CHECK(tree("a.b in [true, false]") == "(in a.b [true false])");
  CHECK(tree("scar.prior contains prp") == "(contains scar.prior prp)");
  CHECK(tree("known(patient.age)") == "(known patient.age)");
  CHECK(tree("not known ( patient.age )") == "(not (known patient.age))");
  CHECK(tree("known(age)") == "(known age)");  // the checker reports the missing scope
}

TEST_CASE("literals stand alone", "[expr][parser]") {
  CHECK(tree("true") == "true");
  CHECK(tree("false or a.x") == "(or false a.x)");
  CHECK(tree("rolling") == "rolling");
}

TEST_CASE("tree nodes carry the offsets of their tokens", "[expr][parser]") {
  DiagnosticSink sink;
  const std::string text = "scar.type in [rolling] and not known(patient.age)";
  const std::optional<Node> root = parse_expression(text, origin(), {}, sink);
  REQUIRE(root.has_value());
  REQUIRE(root->kind == NodeKind::And);
  CHECK(root->offset == text.find("and"));
  const Node& in = root->children[0];
  CHECK(in.offset == text.find("in"));
  CHECK(in.children[0].offset == 0);
  CHECK(in.children[1].offset == text.find("rolling"));
  const Node& negation = root->children[1];
  CHECK(negation.offset == text.find("not"));
  CHECK(negation.children[0].offset == text.find("known"));
  CHECK(negation.children[0].children[0].offset == text.find("patient.age"));
}

TEST_CASE("syntax errors name what was expected and what was found, at that token",
          "[expr][parser]") {
  struct Row {
    const char* text;
    std::size_t offset;
    const char* expected;
    const char* found;
  };
  const Row rows[] = {
      {"", 0, "a fact, a value", "end of expression"},
      {"scar.type ==", 12, "a fact, a value", "end of expression"},
      {"scar.type == == 3", 13, "a fact, a value", "'=='"},
      {"(scar.severity > 3", 18, "')'", "end of expression"},
      {"scar.severity > 3)", 17, "end of expression", "')'"},
      {"a.x == 1 == 2", 9, "'and', 'or' or end of expression", "'=='"},
      {"scar.type rolling", 10, "a comparison operator", "'rolling'"},
      {"a.x and", 7, "a fact, a value", "end of expression"},
      {"a.x in rolling", 7, "'['", "'rolling'"},
      {"a.x in []", 8, "a value", "']'"},
      {"a.x in [a, ]", 11, "a value", "']'"},
      {"a.x in [a b]", 10, "',' or ']'", "'b'"},
      {"a.x in [a", 9, "',' or ']'", "end of expression"},
      {"a.x in [a.y]", 8, "a value", "'a.y'"},
      {"a.x not 3", 4, "'and', 'or' or end of expression", "'not'"},
      {"known a.x", 6, "'('", "'a.x'"},
      {"known(3)", 6, "a fact name", "'3'"},
      {"known(a.x", 9, "')'", "end of expression"},
      {"in [1]", 0, "a fact, a value", "'in'"},
      {"a.x and or a.y", 8, "a fact, a value", "'or'"},
      {"(a.x or a.y) a.z", 13, "'and', 'or' or end of expression", "'a.z'"},
      {"(a.x or a.y a.z)", 12, "a comparison operator, 'and', 'or' or ')'", "'a.z'"},
  };
  for (const Row& row : rows) {
    INFO(row.text);
    const DiagnosticSink sink = parse_bad(row.text);
    check_single(sink, "E-EXPR-SYNTAX", row.offset);
    CHECK_THAT(sink.diagnostics()[0].message, Catch::Contains(row.expected));
    CHECK_THAT(sink.diagnostics()[0].message, Catch::EndsWith(std::string("found ") + row.found));
  }
}

TEST_CASE("an operator is expected only after a lone fact or value", "[expr][parser]") {
  const DiagnosticSink after_value = parse_bad("(a.x) a.z");
  check_single(after_value, "E-EXPR-SYNTAX", 6);
  CHECK_THAT(after_value.diagnostics()[0].message, Catch::Contains("a comparison operator"));

  const DiagnosticSink after_comparison = parse_bad("a.x == (a.y) a.z");
  check_single(after_comparison, "E-EXPR-SYNTAX", 13);
  CHECK_THAT(after_comparison.diagnostics()[0].message, !Catch::Contains("comparison operator"));
}

TEST_CASE("a keyword in capitals gets a hint", "[expr][parser]") {
  const DiagnosticSink sink = parse_bad("a.x AND a.y");
  check_single(sink, "E-EXPR-SYNTAX", 4);
  CHECK_THAT(sink.diagnostics()[0].hint, Catch::Contains("'and'"));
}

TEST_CASE("lexer errors come through parse_expression", "[expr][parser]") {
  check_single(parse_bad("scar.severity # 3"), "E-EXPR-SYNTAX", 14);
}

TEST_CASE("expressions longer than max_bytes are rejected before lexing", "[expr][parser]") {
  const std::string fits = "true" + std::string(4092, ' ');
  REQUIRE(fits.size() == ExprLimits{}.max_bytes);
  CHECK(tree(fits) == "true");

  const DiagnosticSink sink = parse_bad(fits + " ");
  check_single(sink, "E-EXPR-TOO-LONG", 0);
  CHECK_THAT(sink.diagnostics()[0].message, Catch::Contains("4097"));

  ExprLimits small;
  small.max_bytes = 8;
  check_single(parse_bad("a.x or a.y", small), "E-EXPR-TOO-LONG", 0);
  CHECK(tree("a.x", small) == "a.x");
}

TEST_CASE("nesting deeper than max_depth is rejected at the first token too many",
          "[expr][parser]") {
  const std::size_t max = ExprLimits{}.max_depth;
  CHECK(tree(repeat("(", max) + "a.x" + repeat(")", max)) == "a.x");
  check_single(parse_bad(repeat("(", max + 1) + "a.x" + repeat(")", max + 1)), "E-EXPR-TOO-DEEP",
               max);

  CHECK_THAT(tree(repeat("not ", max) + "a.x"), Catch::StartsWith("(not (not"));
  check_single(parse_bad(repeat("not ", max + 1) + "a.x"), "E-EXPR-TOO-DEEP", 4 * max);

  // Parentheses and 'not' count together.
  check_single(parse_bad(repeat("not (", max / 2 + 1) + "a.x"), "E-EXPR-TOO-DEEP", 5 * (max / 2));

  ExprLimits shallow;
  shallow.max_depth = 2;
  CHECK(tree("((a.x))", shallow) == "a.x");
  check_single(parse_bad("(((a.x)))", shallow), "E-EXPR-TOO-DEEP", 2);
  check_single(parse_bad("a.y == 1 and (not (a.x))", shallow), "E-EXPR-TOO-DEEP", 18);
}

TEST_CASE("100k opening parentheses or nots end in an error, not a stack overflow",
          "[expr][parser]") {
  ExprLimits roomy;
  roomy.max_bytes = 1u << 20;
  check_single(parse_bad(repeat("(", 100000), roomy), "E-EXPR-TOO-DEEP", roomy.max_depth);
  check_single(parse_bad(repeat("not ", 100000) + "a.x", roomy), "E-EXPR-TOO-DEEP",
               4 * roomy.max_depth);
  // With the default length limit the same input is simply too long.
  check_single(parse_bad(repeat("(", 100000)), "E-EXPR-TOO-LONG", 0);
}

TEST_CASE("long and/or chains cost no depth", "[expr][parser]") {
  ExprLimits roomy;
  roomy.max_bytes = 1u << 20;
  const std::size_t count = 5000;
  std::string text = "a.x == 0";
  for (std::size_t i = 1; i < count; ++i)
    text += (i % 2 ? " and a.x == " : " or a.x == ") + std::to_string(i);
  DiagnosticSink sink;
  const std::optional<Node> root = parse_expression(text, origin(), roomy, sink);
  REQUIRE(root.has_value());
  CHECK(root->kind == NodeKind::Or);
  CHECK(root->children.size() == count / 2);

  std::string ands = "a.x";
  for (std::size_t i = 1; i < count; ++i) ands += " and a.x";
  const std::optional<Node> flat = parse_expression(ands, origin(), roomy, sink);
  REQUIRE(flat.has_value());
  CHECK(flat->children.size() == count);
}
