// The expression lexer and ExprOrigin: token kinds, texts and offsets; located syntax errors.
#include <algorithm>
#include <clocale>
#include <string>

#include "expr/lexer.hpp"
#include "expr_test_support.hpp"

using namespace scarwise::internal;
using namespace scarwise::internal::expr_test;

namespace {

std::vector<Token> lex_ok(std::string_view text) {
  DiagnosticSink sink;
  std::optional<std::vector<Token>> tokens = lex_expression(text, origin(), sink);
  INFO(format_diagnostics(sink.diagnostics()));
  REQUIRE(tokens.has_value());
  CHECK(sink.diagnostics().empty());
  return *tokens;
}

// The tokens without the commas that separate them: a '-' right after a value subtracts, so
// negative numbers are listed after commas.
std::vector<Token> without_commas(std::vector<Token> tokens) {
  tokens.erase(std::remove_if(tokens.begin(), tokens.end(),
                              [](const Token& t) { return t.kind == TokenKind::Comma; }),
               tokens.end());
  return tokens;
}

// Lexes text that must fail; returns the sink for inspection.
DiagnosticSink lex_bad(std::string_view text) {
  DiagnosticSink sink;
  CHECK_FALSE(lex_expression(text, origin(), sink).has_value());
  return sink;
}

std::vector<TokenKind> kinds(const std::vector<Token>& tokens) {
  std::vector<TokenKind> out;
  for (const Token& token : tokens) out.push_back(token.kind);
  return out;
}

}  // namespace

TEST_CASE("ExprOrigin::single_line maps offsets to consecutive columns", "[expr][origin]") {
  const ExprOrigin o = ExprOrigin::single_line("rules.yaml", 10, 11);
  CHECK(o.locate(0).file == "rules.yaml");
  CHECK(o.locate(0).line == 10);
  CHECK(o.locate(0).column == 11);
  CHECK(o.locate(7).column == 18);
  CHECK(o.locate(7).line == 10);
}

TEST_CASE("ExprOrigin::locate picks the segment holding the offset", "[expr][origin]") {
  // A folded scalar: "a == 1 and" on line 4 from column 9, "b" on line 5 from column 7.
  ExprOrigin o;
  o.file = "acne.yaml";
  o.segments = {{0, 4, 9}, {11, 5, 7}};
  CHECK(o.locate(0).line == 4);
  CHECK(o.locate(10).line == 4);
  CHECK(o.locate(10).column == 19);
  CHECK(o.locate(11).line == 5);
  CHECK(o.locate(11).column == 7);
  CHECK(o.locate(13).column == 9);
  CHECK(o.locate(13).file == "acne.yaml");
}

TEST_CASE("ExprOrigin without segments gives an unknown position", "[expr][origin]") {
  ExprOrigin o;
  o.file = "x.yaml";
  CHECK(o.locate(3).line == 0);
  CHECK(o.locate(3).column == 0);
  CHECK(o.locate(3).file == "x.yaml");
}

TEST_CASE("lexer splits a typical condition with offsets and texts", "[expr][lexer]") {
  const std::string text = "patient.fitzpatrick >= 4 and scar.type in [rolling, 'ice_pick']";
  const std::vector<Token> tokens = lex_ok(text);
  const std::vector<TokenKind> expected{TokenKind::Name,     TokenKind::Ge,       TokenKind::Number,
                                        TokenKind::And,      TokenKind::Name,     TokenKind::In,
                                        TokenKind::LBracket, TokenKind::Word,     TokenKind::Comma,
                                        TokenKind::String,   TokenKind::RBracket, TokenKind::End};
  REQUIRE(kinds(tokens) == expected);
  CHECK(tokens[0].text == "patient.fitzpatrick");
  CHECK(tokens[0].offset == 0);
  CHECK(tokens[1].offset == text.find(">="));
  CHECK(tokens[2].number.integral);
  CHECK(tokens[2].number.integer == 4);
  CHECK(tokens[4].text == "scar.type");
  CHECK(tokens[4].offset == text.find("scar.type"));
  CHECK(tokens[7].text == "rolling");
  CHECK(tokens[9].text == "ice_pick");                 // without its quotes
  CHECK(tokens[9].offset == text.find("'ice_pick'"));  // at the opening quote
  CHECK(tokens[11].offset == text.size());
}

TEST_CASE("lexer knows every operator and punctuation mark", "[expr][lexer]") {
  const std::vector<Token> tokens = lex_ok("== != < <= > >= ( ) [ ] ,");
  const std::vector<TokenKind> expected{TokenKind::Eq,       TokenKind::Ne,     TokenKind::Lt,
                                        TokenKind::Le,       TokenKind::Gt,     TokenKind::Ge,
                                        TokenKind::LParen,   TokenKind::RParen, TokenKind::LBracket,
                                        TokenKind::RBracket, TokenKind::Comma,  TokenKind::End};
  CHECK(kinds(tokens) == expected);
  CHECK(tokens[5].offset == 13);
  CHECK(tokens[5].text == ">=");
}

TEST_CASE("operators need no spaces around them", "[expr][lexer]") {
  const std::vector<Token> tokens = lex_ok("scar.severity>=3");
  CHECK(kinds(tokens) ==
        std::vector<TokenKind>{TokenKind::Name, TokenKind::Ge, TokenKind::Number, TokenKind::End});
  CHECK(tokens[1].offset == 13);
  CHECK(tokens[2].offset == 15);
}

TEST_CASE("lexer knows every keyword, only in lower case and never inside a name",
          "[expr][lexer]") {
  const std::vector<Token> tokens =
      lex_ok("and or not in contains known true false AND patient.in");
  const std::vector<TokenKind> expected{TokenKind::And,  TokenKind::Or,       TokenKind::Not,
                                        TokenKind::In,   TokenKind::Contains, TokenKind::Known,
                                        TokenKind::True, TokenKind::False,    TokenKind::Word,
                                        TokenKind::Name, TokenKind::End};
  CHECK(kinds(tokens) == expected);
}

TEST_CASE("dotted names are fact references, plain names are words", "[expr][lexer]") {
  const std::vector<Token> tokens = lex_ok("scar.type ice_pick _x2 a.b.c");
  REQUIRE(tokens.size() == 5);
  CHECK(tokens[0].kind == TokenKind::Name);
  CHECK(tokens[1].kind == TokenKind::Word);
  CHECK(tokens[1].text == "ice_pick");
  CHECK(tokens[2].kind == TokenKind::Word);
  CHECK(tokens[2].text == "_x2");
  CHECK(tokens[3].kind == TokenKind::Name);
  CHECK(tokens[3].text == "a.b.c");
}

TEST_CASE("numbers: integers, fractions and negatives", "[expr][lexer]") {
  const std::vector<Token> tokens =
      without_commas(lex_ok("3, -1, 2.5, -0.25, 0, 1234567.125, 9007199254740993, 7.0"));
  REQUIRE(tokens.size() == 9);
  for (std::size_t i = 0; i + 1 < tokens.size(); ++i) CHECK(tokens[i].kind == TokenKind::Number);
  const auto integer = [&](std::size_t i) {
    CHECK(tokens[i].number.integral);
    return tokens[i].number.integer;
  };
  const auto real = [&](std::size_t i) {
    CHECK_FALSE(tokens[i].number.integral);
    return tokens[i].number.real;
  };
  CHECK(integer(0) == 3);
  CHECK(integer(1) == -1);
  CHECK(tokens[1].text == "-1");
  CHECK(real(2) == 2.5);
  CHECK(real(3) == -0.25);
  CHECK(integer(4) == 0);
  CHECK(real(5) == 1234567.125);
  CHECK(integer(6) == 9007199254740993);  // exact, where a double would be 2^53
  CHECK(real(7) == 7.0);                  // a fraction makes a number, even .0
}

TEST_CASE("number parsing does not depend on the locale", "[expr][lexer]") {
  const std::string saved = std::setlocale(LC_ALL, nullptr);
  // Where one of these is installed it makes ',' the C library's decimal separator.
  const bool switched = std::setlocale(LC_ALL, "de_DE.UTF-8") != nullptr ||
                        std::setlocale(LC_ALL, "fr_FR.UTF-8") != nullptr;
  const std::vector<Token> tokens = lex_ok("2.5");
  std::setlocale(LC_ALL, saved.c_str());
  INFO("a comma-decimal locale was " << (switched ? "" : "not ") << "available");
  REQUIRE(tokens.size() == 2);
  CHECK(tokens[0].number.real == 2.5);
}

TEST_CASE("strings take either quote and keep the other one", "[expr][lexer]") {
  const std::vector<Token> tokens = lex_ok(R"('a "b"' "it's" '')");
  REQUIRE(tokens.size() == 4);
  CHECK(tokens[0].kind == TokenKind::String);
  CHECK(tokens[0].text == "a \"b\"");
  CHECK(tokens[1].text == "it's");
  CHECK(tokens[1].offset == 8);
  CHECK(tokens[2].text.empty());
}

TEST_CASE("whitespace includes tabs and line breaks", "[expr][lexer]") {
  const std::vector<Token> tokens = lex_ok(" \tscar.type\n==\r\n rolling ");
  REQUIRE(tokens.size() == 4);
  CHECK(tokens[0].offset == 2);
  CHECK(tokens[1].offset == 12);
  CHECK(tokens[2].offset == 17);
  CHECK(tokens[3].offset == 25);
}

TEST_CASE("empty text lexes to the end token alone", "[expr][lexer]") {
  const std::vector<Token> tokens = lex_ok("");
  REQUIRE(tokens.size() == 1);
  CHECK(tokens[0].kind == TokenKind::End);
  CHECK(describe(tokens[0]) == "end of expression");
}

TEST_CASE("a bad character is a syntax error at its exact position", "[expr][lexer]") {
  struct Row {
    const char* text;
    std::size_t offset;
    const char* hint_part;
  };
  const Row rows[] = {
      {"scar.severity @ 3", 14, ""},
      {"patient.age = 3", 12, "=="},
      {"!patient.pregnant", 0, "not"},
      {"patient.pregnant && scar.active_acne", 17, "and"},
      {"a || b", 2, "or"},
      {"patient.fitzpatrick \xE2\x89\xA5 4", 20, ">="},
      {"a\xC2\xA0== b", 1, "non-breaking space"},
      {"a == \x01", 5, ""},
      {"a == $", 5, ""},
  };
  for (const Row& row : rows) {
    INFO(row.text);
    const DiagnosticSink sink = lex_bad(row.text);
    check_single(sink, "E-EXPR-SYNTAX", row.offset);
    CHECK_THAT(sink.diagnostics()[0].hint, Catch::Contains(row.hint_part));
  }
}

TEST_CASE("malformed numbers, names and strings are located", "[expr][lexer]") {
  struct Row {
    const char* text;
    std::size_t offset;
  };
  const Row rows[] = {
      {"scar.severity > 1.", 18},  // a digit must follow '.'
      {"scar.severity > 1.x", 18},
      {"scar.severity > 12abc", 18},  // at the first letter
      {"scar.severity > 1.5.2", 19},  // at the second '.'
      {"patient. == 3", 8},           // a name must follow '.'
      {"patient.x.1 == 3", 10},
      {"scar.type == 'rolling", 13},  // at the opening quote
      {"scar.type == \"rolling'", 13},
  };
  for (const Row& row : rows) {
    INFO(row.text);
    check_single(lex_bad(row.text), "E-EXPR-SYNTAX", row.offset);
  }
}

TEST_CASE("a number too large for a double is an error, not infinity", "[expr][lexer]") {
  const std::string text = "patient.age < " + std::string(400, '9');
  const DiagnosticSink sink = lex_bad(text);
  check_single(sink, "E-EXPR-SYNTAX", 14);
  CHECK_THAT(sink.diagnostics()[0].message, Catch::Contains("out of range"));
}

TEST_CASE("a number with a leading zero is an error, as in case and rule files", "[expr][lexer]") {
  struct Row {
    const char* text;
    std::size_t offset;
  };
  const Row rows[] = {
      {"patient.age == 010", 15},
      {"patient.age == -010", 15},
      {"patient.age == 00", 15},
      {"patient.age > 007.5", 14},
      {"patient.age in [1, 02]", 19},
  };
  for (const Row& row : rows) {
    INFO(row.text);
    const DiagnosticSink sink = lex_bad(row.text);
    check_single(sink, "E-EXPR-SYNTAX", row.offset);
    CHECK_THAT(sink.diagnostics()[0].message, Catch::Contains("leading zero"));
  }
  CHECK(without_commas(lex_ok("0, -0, 0.5, -0.25, 10, 100.01")).size() == 7);
}

TEST_CASE("an integer beyond 64 bits is an error, never rounded to a double", "[expr][lexer]") {
  CHECK(without_commas(lex_ok("9223372036854775807, -9223372036854775808")).size() == 3);
  for (const char* text : {"9223372036854775808", "-9223372036854775809",
                           "123456789012345678901234567890"}) {
    INFO(text);
    const DiagnosticSink sink = lex_bad(std::string("patient.age == ") + text);
    check_single(sink, "E-EXPR-SYNTAX", 15);
    CHECK_THAT(sink.diagnostics()[0].message, Catch::Contains("9223372036854775807"));
  }
}

TEST_CASE("a long number is quoted in a message only in part", "[expr][lexer]") {
  const DiagnosticSink sink = lex_bad("patient.age < " + std::string(4000, '9'));
  REQUIRE(sink.diagnostics().size() == 1);
  CHECK(sink.diagnostics()[0].message.size() < 300);
  const DiagnosticSink fraction = lex_bad("patient.age < " + std::string(4000, '9') + ".5");
  REQUIRE(fraction.diagnostics().size() == 1);
  CHECK(fraction.diagnostics()[0].message.size() < 300);
}

TEST_CASE("describe shows tokens as messages quote them", "[expr][lexer]") {
  const std::vector<Token> tokens = lex_ok("<= 'x' scar.type");
  CHECK(describe(tokens[0]) == "'<='");
  CHECK(describe(tokens[1]) == "the string 'x'");
  CHECK(describe(tokens[2]) == "'scar.type'");
}

TEST_CASE("keyword_for_case_typo finds keywords written in capitals", "[expr][lexer]") {
  CHECK(keyword_for_case_typo("AND") == "and");
  CHECK(keyword_for_case_typo("Not") == "not");
  CHECK(keyword_for_case_typo("and").empty());
  CHECK(keyword_for_case_typo("rolling").empty());
}
