// The expression type checker: names, values and types against the vocabulary, every error
// located at its token, W-NEVER-TRUE from declared bounds.
#include <string>

#include "expr/checker.hpp"
#include "expr/parser.hpp"
#include "expr_test_support.hpp"

using namespace scarwise::internal;
using namespace scarwise::internal::expr_test;

namespace {

struct ErrorRow {
  std::string text;
  const char* code;
  std::string at;  ///< the text of the offending token; its first occurrence is the offset
  const char* hint_part = "";
};

void check_rows(const std::vector<ErrorRow>& rows) {
  const Vocabulary v = vocabulary();
  for (const ErrorRow& row : rows) {
    INFO(row.text);
    const Compiled c = compile(row.text, v);
    CHECK_FALSE(c.expr.has_value());
    const std::size_t offset = row.text.find(row.at);
    REQUIRE(offset != std::string::npos);
    check_single(c.sink, row.code, offset);
    if (!c.sink.diagnostics().empty()) {
      CHECK_THAT(c.sink.diagnostics()[0].hint, Catch::Contains(row.hint_part));
    }
  }
}

}  // namespace

TEST_CASE("well-typed expressions compile without diagnostics", "[expr][checker]") {
  const Vocabulary v = vocabulary();
  const char* texts[] = {
      "true",
      "false",
      "patient.pregnant",
      "not patient.pregnant and scar.active_acne",
      "patient.pregnant == true",
      "patient.pregnant != false",
      "patient.pregnant == patient.smoker",
      "patient.fitzpatrick >= 4",
      "patient.fitzpatrick == 6",
      "patient.months_since_isotretinoin < 6.5",
      "patient.age > scar.age_months",
      "patient.weight_kg > -1000",
      "4 <= scar.severity",
      "patient.isotretinoin == current",
      "patient.isotretinoin != 'stopped'",
      "\"rolling\" == scar.type",
      "scar.type == scar.previous_type",
      "scar.type in [rolling, boxcar, 'ice_pick']",
      "scar.type not in [burn]",
      "scar.severity in [1, 2]",
      "patient.pregnant in [true]",
      "scar.prior_treatments contains subcision",
      "scar.prior_treatments contains 'prp'",
      "known(patient.pregnant)",
      "not known(scar.prior_treatments)",
      ("patient.isotretinoin == current or (patient.isotretinoin == stopped and "
       "patient.months_since_isotretinoin < 6)"),
  };
  for (const char* text : texts) {
    INFO(text);
    const Compiled c = compile(text, v);
    CHECK(c.expr.has_value());
    CHECK(c.sink.diagnostics().empty());
  }
}

TEST_CASE("an undeclared fact is E-EXPR-UNKNOWN-FACT with a did-you-mean hint", "[expr][checker]") {
  check_rows({
      {"patient.fitzpatric > 3", "E-EXPR-UNKNOWN-FACT", "patient", "'patient.fitzpatrick'"},
      {"scar.severity > 1 and scar.tpye == rolling", "E-EXPR-UNKNOWN-FACT", "scar.tpye",
       "did you mean 'scar.type'?"},
      // A missing or wrong scope.
      {"fitzpatrick > 3", "E-EXPR-UNKNOWN-FACT", "fitzpatrick", "'patient.fitzpatrick'"},
      {"patient.type == rolling", "E-EXPR-UNKNOWN-FACT", "patient", "'scar.type'"},
      {"pregnant", "E-EXPR-UNKNOWN-FACT", "pregnant", "'patient.pregnant'"},
      {"known(pregnant)", "E-EXPR-UNKNOWN-FACT", "pregnant", "'patient.pregnant'"},
      {"3 < severity", "E-EXPR-UNKNOWN-FACT", "severity", "'scar.severity'"},
      {"type in [rolling]", "E-EXPR-UNKNOWN-FACT", "type", "'scar.type'"},
      {"prior_treatments contains prp", "E-EXPR-UNKNOWN-FACT", "prior", "'scar.prior_"},
      // Nothing close: say how facts are declared.
      {"patient.zzzzzzzz_qqqq == 1", "E-EXPR-UNKNOWN-FACT", "patient", "facts:"},
      {"known(patient.wxyzwxyz)", "E-EXPR-UNKNOWN-FACT", "patient", "facts:"},
      {"patient.age == scar.bogus_bogus", "E-EXPR-UNKNOWN-FACT", "scar", ""},
  });
}

TEST_CASE("an undeclared enum or set value is E-EXPR-UNKNOWN-VALUE at the value",
          "[expr][checker]") {
  check_rows({
      {"scar.type == boxcr", "E-EXPR-UNKNOWN-VALUE", "boxcr", "did you mean 'boxcar'?"},
      {"scar.type != 'rollin'", "E-EXPR-UNKNOWN-VALUE", "'rollin'", "did you mean 'rolling'?"},
      {"scar.type in [rolling, boxcr]", "E-EXPR-UNKNOWN-VALUE", "boxcr", "'boxcar'"},
      {"patient.isotretinoin == yes", "E-EXPR-UNKNOWN-VALUE", "yes", "never, current, stopped"},
      {"scar.prior_treatments contains prpp", "E-EXPR-UNKNOWN-VALUE", "prpp", "'prp'"},
      {"rollng == scar.type", "E-EXPR-UNKNOWN-VALUE", "rollng", "'rolling'"},
      {"scar.type == ''", "E-EXPR-UNKNOWN-VALUE", "''", ""},
  });
}

TEST_CASE("type mismatches are E-EXPR-TYPE at the offending token", "[expr][checker]") {
  check_rows({
      // Literals of the wrong type, at the literal.
      {"scar.type == 3", "E-EXPR-TYPE", "3", "one of its values"},
      {"patient.age == young", "E-EXPR-TYPE", "young", "number"},
      {"patient.age < 'ten'", "E-EXPR-TYPE", "'ten'", "number"},
      {"patient.fitzpatrick == true", "E-EXPR-TYPE", "true", "number"},
      {"patient.pregnant == 1", "E-EXPR-TYPE", "1", "true or false"},
      {"patient.pregnant == yes", "E-EXPR-TYPE", "yes", "true or false"},
      {"patient.pregnant == True", "E-EXPR-TYPE", "True", "true or false"},
      {"scar.severity in [1, high]", "E-EXPR-TYPE", "high", ""},
      {"scar.prior_treatments contains 3", "E-EXPR-TYPE", "3", ""},
      // Operators that do not apply, at the operator.
      {"scar.type < rolling", "E-EXPR-TYPE", "<", "'=='"},
      {"patient.pregnant >= true", "E-EXPR-TYPE", ">=", "'=='"},
      {"scar.prior_treatments == prp", "E-EXPR-TYPE", "==", "contains"},
      {"scar.prior_treatments in [prp]", "E-EXPR-TYPE", "in", "contains"},
      {"scar.type contains rolling", "E-EXPR-TYPE", "contains", "scar.type =="},
      {"patient.pregnant == patient.age", "E-EXPR-TYPE", "==", ""},
      {"patient.isotretinoin == patient.diabetes", "E-EXPR-TYPE", "==", "same values"},
      {"1 == 2", "E-EXPR-TYPE", "==", "scope"},
      {"'a' != true", "E-EXPR-TYPE", "!=", ""},
      {"(patient.pregnant or patient.smoker) == true", "E-EXPR-TYPE", "==", ""},
      // A value where a condition belongs, at the value.
      {"scar.severity", "E-EXPR-TYPE", "scar", "scar.severity >= 1"},
      {"scar.type or patient.pregnant", "E-EXPR-TYPE", "scar", "scar.type == ice_pick"},
      {"not scar.prior_treatments", "E-EXPR-TYPE", "scar", "contains prp"},
      {"3", "E-EXPR-TYPE", "3", ""},
      {"'rolling'", "E-EXPR-TYPE", "'rolling'", ""},
      // Left of in/contains must be a fact; right of contains must be a value.
      {"3 in [1]", "E-EXPR-TYPE", "3", ""},
      {"'x' contains prp", "E-EXPR-TYPE", "'x'", ""},
      {"scar.prior_treatments contains scar.type", "E-EXPR-TYPE", "scar.type", "prp, subcision"},
  });
}

TEST_CASE("a number literal declared as an enum value is suggested quoted", "[expr][checker]") {
  Vocabulary v;
  v.add(declare("scar.grade", FactType::Enum, {"1", "2", "3"}));
  const Compiled bare = compile("scar.grade == 2", v);
  check_single(bare.sink, "E-EXPR-TYPE", 14);
  CHECK_THAT(bare.sink.diagnostics()[0].hint, Catch::Contains("'2'"));
  const Compiled quoted = compile("scar.grade == '2'", v);
  CHECK(quoted.expr.has_value());
  CHECK(quoted.sink.diagnostics().empty());
}

TEST_CASE("every type error of an expression is reported, in order", "[expr][checker]") {
  const Vocabulary v = vocabulary();
  const std::string text =
      "scar.type == boxcr or patient.fitzpatric > 3 or (scar.severity == high and "
      "known(patient.agee)) or scar.type in [3, rolling, burnn]";
  const Compiled c = compile(text, v);
  CHECK_FALSE(c.expr.has_value());
  INFO(format_diagnostics(c.sink.diagnostics()));
  REQUIRE(c.sink.diagnostics().size() == 6);
  check_at(c.sink.diagnostics()[0], "E-EXPR-UNKNOWN-VALUE", text.find("boxcr"));
  check_at(c.sink.diagnostics()[1], "E-EXPR-UNKNOWN-FACT", text.find("patient.fitzpatric"));
  check_at(c.sink.diagnostics()[2], "E-EXPR-TYPE", text.find("high"));
  check_at(c.sink.diagnostics()[3], "E-EXPR-UNKNOWN-FACT", text.find("patient.agee"));
  check_at(c.sink.diagnostics()[4], "E-EXPR-TYPE", text.find("3,"));
  check_at(c.sink.diagnostics()[5], "E-EXPR-UNKNOWN-VALUE", text.find("burnn"));
  CHECK(c.sink.error_count() == 6);
}

TEST_CASE("a conditions compared as values is reported along with the errors inside it",
          "[expr][checker]") {
  const Vocabulary v = vocabulary();
  const std::string text = "(scar.type == boxcr) == true";
  const Compiled c = compile(text, v);
  REQUIRE(c.sink.diagnostics().size() == 2);
  check_at(c.sink.diagnostics()[0], "E-EXPR-TYPE", text.find(") ==") + 2);
  check_at(c.sink.diagnostics()[1], "E-EXPR-UNKNOWN-VALUE", text.find("boxcr"));
}

TEST_CASE("syntax errors stop before type checking", "[expr][checker]") {
  const Vocabulary v = vocabulary();
  const Compiled c = compile("scar.typo == 3 and", v);
  check_single(c.sink, "E-EXPR-SYNTAX", 18);
}

TEST_CASE("comparisons the declared bounds rule out are W-NEVER-TRUE warnings", "[expr][checker]") {
  const Vocabulary v = vocabulary();
  struct Row {
    std::string text;
    std::string at;
  };
  const Row rows[] = {
      {"patient.fitzpatrick > 6", "6"},
      {"patient.fitzpatrick >= 7", "7"},
      {"patient.fitzpatrick == 9", "9"},
      {"patient.fitzpatrick == 0", "0"},
      {"patient.fitzpatrick < 1", "1"},
      {"patient.fitzpatrick <= 0.5", "0.5"},
      {"patient.age == 30.5", "30.5"},            // an int is never fractional
      {"6 < patient.fitzpatrick", "6"},           // the same, written value-first
      {"scar.age_months < 0", "0"},               // a number with only a min
      {"patient.fitzpatrick in [7, 8.5]", "in"},  // no listed value can hold
  };
  for (const Row& row : rows) {
    INFO(row.text);
    const Compiled c = compile(row.text, v);
    CHECK(c.expr.has_value());  // a warning never stops the load
    check_single(c.sink, "W-NEVER-TRUE", row.text.find(row.at));
    CHECK(c.sink.diagnostics()[0].severity == scarwise::Severity::warning);
    CHECK_FALSE(c.sink.has_errors());
  }
}

TEST_CASE("bounds meet int literals exactly, not as rounded doubles", "[expr][checker]") {
  Vocabulary v;
  v.add(declare("patient.n", FactType::Int, {}, -9007199254740992.0, 9007199254740992.0));
  for (const char* text : {"patient.n == 9007199254740993", "patient.n > 9007199254740992",
                           "patient.n in [9007199254740993, -9007199254740993]",
                           "patient.n < -9007199254740992"}) {
    INFO(text);
    const Compiled c = compile(text, v);
    REQUIRE(c.sink.diagnostics().size() == 1);
    CHECK(c.sink.diagnostics()[0].code == "W-NEVER-TRUE");
  }
  for (const char* text : {"patient.n == 9007199254740992", "patient.n >= 9007199254740992",
                           "patient.n < 9007199254740993"}) {
    INFO(text);
    CHECK(compile(text, v).sink.diagnostics().empty());
  }
}

TEST_CASE("comparisons that can hold raise no warning", "[expr][checker]") {
  const Vocabulary v = vocabulary();
  const char* texts[] = {
      "patient.fitzpatrick > 5",
      "patient.fitzpatrick >= 6",
      "patient.fitzpatrick < 2",
      "patient.fitzpatrick <= 1",
      "patient.fitzpatrick == 6",
      "patient.fitzpatrick != 9",
      "patient.fitzpatrick < 1.5",
      "patient.fitzpatrick > 5.5",
      "patient.fitzpatrick not in [9]",
      "patient.fitzpatrick in [9, 6]",
      "patient.months_since_isotretinoin == 2.5",
      "patient.weight_kg > 1000000",
  };
  for (const char* text : texts) {
    INFO(text);
    const Compiled c = compile(text, v);
    CHECK(c.expr.has_value());
    CHECK(c.sink.diagnostics().empty());
  }
}

TEST_CASE("the checker annotates the tree for the compiler", "[expr][checker]") {
  const Vocabulary v = vocabulary();
  DiagnosticSink sink;
  const std::string text = "2 <= scar.severity and scar.type in [burn, boxcar]";
  std::optional<Node> root = parse_expression(text, origin(), {}, sink);
  REQUIRE(root.has_value());
  REQUIRE(check_expression(*root, v, origin(), sink));
  CHECK(to_string(*root) == "(and (>= scar.severity 2) (in scar.type [burn boxcar]))");
  const Node& compare = root->children[0];
  CHECK(compare.children[0].fact == *v.find("scar.severity"));
  CHECK(compare.children[0].offset == text.find("scar.severity"));
  const Node& in = root->children[1];
  CHECK(in.children[1].value_index == 5);  // burn
  CHECK(in.children[2].value_index == 1);  // boxcar
}

TEST_CASE("compiled expressions keep their text and list their facts", "[expr][checker]") {
  const Vocabulary v = vocabulary();
  const std::string text =
      "scar.type == rolling and (patient.age > 3 or scar.type == boxcar) and "
      "known(patient.pregnant) and patient.age < scar.age_months";
  const Compiled c = compile(text, v);
  REQUIRE(c.expr.has_value());
  CHECK(c.expr->text() == text);
  const std::vector<FactId> expected{*v.find("patient.age"), *v.find("patient.pregnant"),
                                     *v.find("scar.type"), *v.find("scar.age_months")};
  CHECK(c.expr->referenced_facts() == expected);
}
