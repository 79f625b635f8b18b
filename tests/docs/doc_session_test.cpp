// The reading and matching that the tutorial test relies on: if these were lax, the tutorial
// test would pass whatever the commands print.
#include "doc_session.hpp"

#include <catch2/catch.hpp>

using scarwise_doc_test::output_matches;
using scarwise_doc_test::read_session;
using scarwise_doc_test::rewrite_outputs;
using scarwise_doc_test::Step;
using scarwise_doc_test::updated_output;

TEST_CASE("a session is read as files and commands with their output", "[docs]") {
  const std::string doc =
      "Intro\n"
      "<!-- file: r/ruleset.yaml -->\n"
      "```yaml\n"
      "schema_version: 1\n"
      "```\n"
      "<!-- append: r/ruleset.yaml -->\n"
      "```yaml\n"
      "rules: []\n"
      "```\n"
      "<!-- exit: 2 -->\n"
      "```console\n"
      "$ scarwise check r\n"
      "error one\n"
      "$ scarwise check r --strict\n"
      "```\n"
      "```yaml\n"
      "not a file, not a command\n"
      "```\n";
  std::string error;
  const std::vector<Step> steps = read_session(doc, error);
  REQUIRE(error.empty());
  REQUIRE(steps.size() == 4);
  CHECK(steps[0].kind == Step::Kind::write_file);
  CHECK(steps[0].path == "r/ruleset.yaml");
  CHECK(steps[0].text == "schema_version: 1\n");
  CHECK(steps[1].kind == Step::Kind::append_file);
  CHECK(steps[1].text == "rules: []\n");
  CHECK(steps[2].text == "scarwise check r");
  CHECK(steps[2].line == 12);
  CHECK(steps[2].exit_code == 2);
  CHECK(steps[2].expected == std::vector<std::string>{"error one"});
  CHECK(steps[3].expected.empty());
  CHECK(steps[3].exit_code == 2);
}

TEST_CASE("a malformed session is an error with its line", "[docs]") {
  std::string error;
  CHECK(read_session("<!-- file: ../x -->\n```\n```\n", error).empty());
  CHECK(error.rfind("line 1:", 0) == 0);
  CHECK(read_session("```console\n$ a\n", error).empty());
  CHECK(error.rfind("line 1:", 0) == 0);
  CHECK(read_session("```console\nprose\n```\n", error).empty());
  CHECK(error.rfind("line 2:", 0) == 0);
  CHECK(read_session("<!-- file: x -->\ntext\n", error).empty());
  CHECK(read_session("<!-- exit: two -->\n", error).empty());
}

TEST_CASE("output matches exactly, or with [...] elisions", "[docs]") {
  using Lines = std::vector<std::string>;
  CHECK(output_matches(Lines{"a", "b"}, Lines{"a", "b"}));
  CHECK_FALSE(output_matches(Lines{"a", "b"}, Lines{"a", "c"}));
  CHECK_FALSE(output_matches(Lines{"a"}, Lines{"a", "b"}));
  CHECK_FALSE(output_matches(Lines{"a", "b"}, Lines{"a"}));
  // A line of its own: any number of lines, none included.
  CHECK(output_matches(Lines{"a", "[...]", "z"}, Lines{"a", "z"}));
  CHECK(output_matches(Lines{"a", "[...]", "z"}, Lines{"a", "b", "c", "z"}));
  CHECK_FALSE(output_matches(Lines{"a", "[...]", "z"}, Lines{"a", "b", "y"}));
  CHECK_FALSE(output_matches(Lines{"[...]", "z"}, Lines{"z", "y"}));
  // Inside a line: any characters on that line, anchored at both ends.
  CHECK(output_matches(Lines{"digest: sha256:[...]"}, Lines{"digest: sha256:f7c4"}));
  CHECK(output_matches(Lines{"a [...] c [...] e"}, Lines{"a b c d e"}));
  CHECK_FALSE(output_matches(Lines{"a [...] c"}, Lines{"a b d"}));
  CHECK_FALSE(output_matches(Lines{"ab[...]ba"}, Lines{"aba"}));
  CHECK_FALSE(output_matches(Lines{"x[...]"}, Lines{"y"}));
}

TEST_CASE("rewriting replaces only the outputs asked for", "[docs]") {
  const std::string doc = "```console\n$ one\nold 1\n$ two\nold 2\n```\n";
  std::string error;
  const std::vector<Step> steps = read_session(doc, error);
  REQUIRE(steps.size() == 2);
  const std::string rewritten =
      rewrite_outputs(doc, steps, {{"new 1a", "new 1b"}, {"new 2"}}, {true, false});
  CHECK(rewritten == "```console\n$ one\nnew 1a\nnew 1b\n$ two\nold 2\n```\n");
  const std::string empty = "```console\n$ one\n$ two\n```\n";
  const std::vector<Step> empty_steps = read_session(empty, error);
  CHECK(rewrite_outputs(empty, empty_steps, {{"x"}, {"y"}}, {true, true}) ==
        "```console\n$ one\nx\n$ two\ny\n```\n");
}

TEST_CASE("rewriting keeps what the document elided", "[docs]") {
  // A changed line outside the elided stretch is replaced; the stretch stays "[...]".
  CHECK(updated_output({"head", "[...]", "count: 5"}, {"head", "a", "b", "count: 6"}) ==
        std::vector<std::string>{"head", "[...]", "count: 6"});
  // In-line elisions survive on lines that still match.
  CHECK(updated_output({"digest: [...]", "old"}, {"digest: abc", "new"}) ==
        std::vector<std::string>{"digest: [...]", "new"});
  // A new line inside the elided stretch stays elided; one before an anchor is added.
  CHECK(updated_output({"a", "[...]", "z"}, {"a", "new", "z"}) ==
        std::vector<std::string>{"a", "[...]", "z"});
  CHECK(updated_output({"a", "b", "[...]"}, {"a", "new", "b", "c"}) ==
        std::vector<std::string>{"a", "new", "b", "[...]"});
  // Without elisions the printed output is taken as it is.
  CHECK(updated_output({"x", "y"}, {"y", "w"}) == std::vector<std::string>{"y", "w"});
}
