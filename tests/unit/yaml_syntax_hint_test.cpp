// Syntax errors from yaml-cpp carry a hint in plain words: what is most likely wrong at the
// spot and how to write it, at the position yaml-cpp reported.
#include "load/yaml_syntax_hint.hpp"
#include "load/yaml_tree.hpp"

#include <catch2/catch.hpp>

#include <string>

using namespace scarwise::internal;
using scarwise::Diagnostic;

namespace {

/// The one E-YAML-SYNTAX error of parsing `text`, checked to be at line:column.
Diagnostic syntax_error(std::string text, int line, int column) {
  DiagnosticSink sink;
  CHECK_FALSE(parse_yaml(std::move(text), "t.yaml", YamlLimits{}, sink));
  std::vector<Diagnostic> diagnostics = sink.take();
  REQUIRE(diagnostics.size() == 1);
  CHECK(diagnostics[0].code == "E-YAML-SYNTAX");
  CHECK(diagnostics[0].file == "t.yaml");
  CHECK(diagnostics[0].line == line);
  CHECK(diagnostics[0].column == column);
  return diagnostics[0];
}

bool says(const Diagnostic& d, const std::string& words) {
  return d.hint.find(words) != std::string::npos;
}

}  // namespace

TEST_CASE("a tab used for indentation is named as such", "[load][yaml][hint]") {
  // yaml-cpp reports these as an illegal map value and an illegal tab in a block scalar.
  CHECK(says(syntax_error("a:\n\tb: 1\n", 2, 3), "tab is used for indentation"));
  CHECK(says(syntax_error("rules:\n  - id: x\n\t  when: true\n", 3, 1), "tab"));
  CHECK(says(syntax_error("a: |\n x\n\ty\n", 3, 1), "spaces only"));
}

TEST_CASE("a ': ' inside a value says to quote it", "[load][yaml][hint]") {
  const Diagnostic flow = syntax_error("a: {b: c: d}\n", 1, 9);
  CHECK(says(flow, "cannot hold ': '"));
  CHECK(says(flow, "quotes"));
  CHECK(says(syntax_error("a: [b: c: d]\n", 1, 9), "cannot hold ': '"));
  CHECK(says(syntax_error("note: see: below\n", 1, 10), "put the value in quotes"));
}

TEST_CASE("an unclosed bracket or quote says which one to add", "[load][yaml][hint]") {
  CHECK(says(syntax_error("a: [1, 2\nb: 3\n", 2, 2), "a '[' is not closed"));
  CHECK(says(syntax_error("a: {b: 1\n", 2, 1), "a '{' is not closed"));
  CHECK(says(syntax_error("a: 'abc\n", 1, 4), "closing quote"));
  // Without a line break yaml-cpp itself finds the end of the file inside the string.
  CHECK(says(syntax_error("a: \"abc", 1, 8), "closing quote"));
  CHECK(says(syntax_error("a: ]\n", 1, 4), "closes nothing"));
}

TEST_CASE("other yaml-cpp errors get a hint too", "[load][yaml][hint]") {
  CHECK(says(syntax_error("a: \"bad \\q escape\"\n", 1, 11), "backslash"));
  CHECK(says(syntax_error("a: @x\n", 1, 4), "reserved"));
  CHECK(says(syntax_error("a:\n  b: 1\n c: 2\n", 3, 2), "indentation does not line up"));
  CHECK_FALSE(syntax_error("a: 1\n- b\n", 2, 1).hint.empty());
}

TEST_CASE("the input yaml-cpp echoes in its message is quoted", "[load][yaml][hint]") {
  const Diagnostic d = syntax_error("a: \"bad \\q escape\"\n", 1, 11);
  CHECK(d.message.find("'q'") != std::string::npos);
}

TEST_CASE("yaml_syntax_hint reads the line the error is on", "[load][yaml][hint]") {
  // The same message means a missing ']' on the next line, and a ':' inside the brackets on
  // this one.
  CHECK(yaml_syntax_hint("end of sequence flow not found", "a: [1, 2\nb: 3\n", 1, 1)
            .find("not closed") != std::string::npos);
  CHECK(yaml_syntax_hint("end of sequence flow not found", "a: [b: c: d]\n", 0, 8)
            .find("cannot hold ': '") != std::string::npos);
  // A line past the end of the text is no tab and no ':'.
  CHECK_FALSE(yaml_syntax_hint("illegal map value", "a: 1", 7, 0).empty());
  // Columns count after a byte order mark, as yaml-cpp counts them.
  CHECK(yaml_syntax_hint("illegal map value", "\xEF\xBB\xBF" "a:\n\tb: 1\n", 1, 2)
            .find("tab") != std::string::npos);
}
