// Typed scalar values, line positions and expression origins of the loader.
#include "load/line_index.hpp"
#include "load/scalar_origin.hpp"
#include "load/scalar_values.hpp"
#include "load/yaml_tree.hpp"

#include <catch2/catch.hpp>

#include <limits>
#include <string>

using namespace scarwise::internal;

TEST_CASE("decimal integers are read strictly", "[load][scalar]") {
  CHECK(parse_decimal_int("0") == std::int64_t{0});
  CHECK(parse_decimal_int("42") == std::int64_t{42});
  CHECK(parse_decimal_int("-7") == std::int64_t{-7});
  CHECK(parse_decimal_int("+7") == std::int64_t{7});
  CHECK(parse_decimal_int("-9223372036854775808") == std::numeric_limits<std::int64_t>::min());
  CHECK_FALSE(parse_decimal_int("9223372036854775808"));  // overflow
  CHECK_FALSE(parse_decimal_int("010"));                  // YAML 1.1 octal
  CHECK_FALSE(parse_decimal_int("0x1F"));
  CHECK_FALSE(parse_decimal_int("0o17"));
  CHECK_FALSE(parse_decimal_int("1.5"));
  CHECK_FALSE(parse_decimal_int("1e3"));
  CHECK_FALSE(parse_decimal_int(""));
  CHECK_FALSE(parse_decimal_int("-"));
  CHECK_FALSE(parse_decimal_int("+-1"));
  CHECK_FALSE(parse_decimal_int("1_000"));
  CHECK_FALSE(parse_decimal_int(" 1"));
}

TEST_CASE("decimal numbers are read strictly and locale-independently", "[load][scalar]") {
  CHECK(parse_decimal_number("1.5") == Approx(1.5));
  CHECK(parse_decimal_number("-0.25") == Approx(-0.25));
  CHECK(parse_decimal_number("+2") == Approx(2.0));
  CHECK(parse_decimal_number(".5") == Approx(0.5));
  CHECK(parse_decimal_number("1.") == Approx(1.0));
  CHECK(parse_decimal_number("1e3") == Approx(1000.0));
  CHECK(parse_decimal_number("2.5E-1") == Approx(0.25));
  CHECK(parse_decimal_number("0.1") == Approx(0.1));
  CHECK_FALSE(parse_decimal_number("1,5"));  // a decimal comma is not a number anywhere
  CHECK_FALSE(parse_decimal_number("01.5"));
  CHECK_FALSE(parse_decimal_number(".inf"));
  CHECK_FALSE(parse_decimal_number(".nan"));
  CHECK_FALSE(parse_decimal_number("inf"));
  CHECK_FALSE(parse_decimal_number("nan"));
  CHECK_FALSE(parse_decimal_number("0x1p3"));
  CHECK_FALSE(parse_decimal_number("1e"));
  CHECK_FALSE(parse_decimal_number("."));
  CHECK_FALSE(parse_decimal_number("1e999"));  // not finite
  CHECK_FALSE(parse_decimal_number(""));
}

TEST_CASE("semantic versions", "[load][scalar]") {
  CHECK(is_semver("1.0.0"));
  CHECK(is_semver("0.1.0"));
  CHECK(is_semver("10.20.30"));
  CHECK(is_semver("1.0.0-alpha.1"));
  CHECK(is_semver("1.0.0-rc.1+build.5"));
  CHECK(is_semver("1.0.0+20240101"));
  CHECK_FALSE(is_semver("1.0"));
  CHECK_FALSE(is_semver("1"));
  CHECK_FALSE(is_semver("1.0.0.0"));
  CHECK_FALSE(is_semver("01.0.0"));
  CHECK_FALSE(is_semver("1.0.0-01"));
  CHECK_FALSE(is_semver("1.0.0-"));
  CHECK_FALSE(is_semver("1.0.0+"));
  CHECK_FALSE(is_semver("v1.0.0"));
  CHECK_FALSE(is_semver("1..0"));
  CHECK_FALSE(is_semver(""));
}

TEST_CASE("YAML 1.1 booleans are recognised for the hint", "[load][scalar]") {
  CHECK(is_foreign_bool_word("yes"));
  CHECK(is_foreign_bool_word("True"));
  CHECK(is_foreign_bool_word("on"));
  CHECK(is_foreign_bool_word("NO"));
  CHECK_FALSE(is_foreign_bool_word("true"));
  CHECK_FALSE(is_foreign_bool_word("false"));
  CHECK_FALSE(is_foreign_bool_word("rolling"));
}

TEST_CASE("nodes are described by what they hold", "[load][scalar]") {
  YamlNode node;
  CHECK(describe_node(node) == "null");
  node.kind = YamlNode::Kind::Map;
  CHECK(describe_node(node) == "a map");
  node.kind = YamlNode::Kind::Sequence;
  CHECK(describe_node(node) == "a list");
  node.kind = YamlNode::Kind::Scalar;
  node.scalar = "5";
  CHECK(describe_node(node) == "an integer");
  node.style = YamlNode::Style::Quoted;
  CHECK(describe_node(node) == "a string");
  node.style = YamlNode::Style::Plain;
  node.scalar = "2.5";
  CHECK(describe_node(node) == "a number");
  node.scalar = "false";
  CHECK(describe_node(node) == "a boolean");
  node.scalar = "yes";
  CHECK(describe_node(node) == "a string");
}

TEST_CASE("line index counts 1-based lines and byte columns", "[load][scalar]") {
  const std::string text = "ab\ncd\r\n\xC3\xA9x\n";
  const LineIndex lines(text);
  CHECK(lines.at(0).line == 1);
  CHECK(lines.at(0).column == 1);
  CHECK(lines.at(1).column == 2);
  CHECK(lines.at(3).line == 2);
  CHECK(lines.at(3).column == 1);
  CHECK(lines.at(9).line == 3);  // 'x' after the two bytes of é
  CHECK(lines.at(9).column == 3);
}

TEST_CASE("line index leaves a byte order mark out of line 1", "[load][scalar]") {
  const std::string text =
      "\xEF\xBB\xBF"
      "a: 1\n";
  CHECK(bom_length(text) == 3);
  CHECK(bom_length("a: 1") == 0);
  const LineIndex lines(text);
  CHECK(lines.at(3).column == 1);
  CHECK(lines.at(6).column == 4);
}

namespace {

/// Parses `text` and returns the origin of the scalar under `key` of the root map.
ExprOrigin origin_of(const std::string& text, const std::string& key, std::string* value) {
  DiagnosticSink sink;
  std::optional<YamlDocument> doc = parse_yaml(text, "t.yaml", YamlLimits{}, sink);
  REQUIRE(doc);
  const YamlNode* node = doc->root.find(key);
  REQUIRE(node);
  *value = node->scalar;
  return scalar_origin(*doc, LineIndex(doc->text), *node);
}

}  // namespace

TEST_CASE("expression origins follow plain, quoted, folded and block scalars", "[load][scalar]") {
  std::string value;
  SECTION("plain on one line") {
    const ExprOrigin origin = origin_of("x: 1\nwhen: a == b\n", "when", &value);
    CHECK(value == "a == b");
    CHECK(origin.locate(0).line == 2);
    CHECK(origin.locate(0).column == 7);
    CHECK(origin.locate(5).column == 12);
  }
  SECTION("double-quoted over two lines") {
    const ExprOrigin origin = origin_of("when: \"a == b and\n  c == d\"\n", "when", &value);
    REQUIRE(value == "a == b and c == d");
    const std::size_t c = value.find('c');
    CHECK(origin.locate(0).line == 1);
    CHECK(origin.locate(0).column == 8);
    CHECK(origin.locate(c).line == 2);
    CHECK(origin.locate(c).column == 3);
    CHECK(origin.locate(c + 5).column == 8);
  }
  SECTION("single-quoted with an escaped quote") {
    const ExprOrigin origin = origin_of("when: 'a == ''x y'' or b'\n", "when", &value);
    REQUIRE(value == "a == 'x y' or b");
    CHECK(origin.locate(value.find('b')).column == 24);
  }
  SECTION("plain folded over lines") {
    const ExprOrigin origin = origin_of("when: a == b\n  or c\n", "when", &value);
    REQUIRE(value == "a == b or c");
    CHECK(origin.locate(value.find("or")).line == 2);
    CHECK(origin.locate(value.find("or")).column == 3);
    CHECK(origin.locate(value.find('c')).column == 6);
  }
  SECTION("literal block scalar") {
    const ExprOrigin origin = origin_of("when: |\n  a == b\n    and c\n", "when", &value);
    REQUIRE(value == "a == b\n  and c\n");
    CHECK(origin.locate(0).line == 2);
    CHECK(origin.locate(0).column == 3);
    CHECK(origin.locate(value.find("and")).line == 3);
    CHECK(origin.locate(value.find("and")).column == 5);
  }
  SECTION("folded block scalar with a comment on the header") {
    const ExprOrigin origin = origin_of("when: >-  # note\n  a == b\n  or c\n", "when", &value);
    REQUIRE(value == "a == b or c");
    CHECK(origin.locate(value.find('c')).line == 3);
    CHECK(origin.locate(value.find('c')).column == 6);
  }
}
