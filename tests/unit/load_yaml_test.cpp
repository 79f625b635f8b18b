// parse_yaml: the strict YAML subset, with exact 1-based positions for every error.
#include "load/yaml_tree.hpp"

#include <catch2/catch.hpp>

#include <chrono>
#include <string>

using namespace scarwise::internal;
using scarwise::Diagnostic;

namespace {

struct Parsed {
  std::optional<YamlDocument> doc;
  std::vector<Diagnostic> diagnostics;
};

Parsed parse(std::string text, YamlLimits limits = {}) {
  DiagnosticSink sink;
  Parsed parsed;
  parsed.doc = parse_yaml(std::move(text), "t.yaml", limits, sink);
  parsed.diagnostics = sink.take();
  return parsed;
}

/// The parse failed with exactly one diagnostic: `code` at line:column.
void require_error(const Parsed& parsed, const std::string& code, int line, int column) {
  CHECK_FALSE(parsed.doc);
  REQUIRE(parsed.diagnostics.size() == 1);
  const Diagnostic& d = parsed.diagnostics[0];
  CHECK(d.code == code);
  CHECK(d.file == "t.yaml");
  CHECK(d.line == line);
  CHECK(d.column == column);
  CHECK(d.severity == scarwise::Severity::error);
  CHECK_FALSE(d.message.empty());
}

}  // namespace

TEST_CASE("parse_yaml builds a tree with 1-based marks", "[load][yaml]") {
  const Parsed parsed = parse("a: 1\nb:\n  - x\n  - [y, z]\nc: {d: e}\n");
  REQUIRE(parsed.doc);
  CHECK(parsed.diagnostics.empty());
  const YamlNode& root = parsed.doc->root;
  REQUIRE(root.is_map());
  REQUIRE(root.entries.size() == 3);
  CHECK(root.mark.line == 1);
  CHECK(root.mark.column == 1);
  const YamlNode& a = root.entries[0].second;
  CHECK(a.scalar == "1");
  CHECK(a.mark.line == 1);
  CHECK(a.mark.column == 4);
  CHECK(a.mark.offset == 3);
  const YamlNode* b = root.find("b");
  REQUIRE(b);
  REQUIRE(b->is_sequence());
  REQUIRE(b->items.size() == 2);
  CHECK(b->items[0].scalar == "x");
  CHECK(b->items[0].mark.line == 3);
  CHECK(b->items[0].mark.column == 5);
  REQUIRE(b->items[1].is_sequence());
  CHECK(b->items[1].items[1].scalar == "z");
  CHECK(b->items[1].items[1].mark.column == 9);
  const YamlNode* c = root.find("c");
  REQUIRE(c);
  CHECK(c->find("d")->scalar == "e");
  CHECK(root.find_key("c")->mark.line == 5);
  CHECK(root.find("nope") == nullptr);
  CHECK(parsed.doc->text == "a: 1\nb:\n  - x\n  - [y, z]\nc: {d: e}\n");
}

TEST_CASE("parse_yaml records how scalars were written", "[load][yaml]") {
  const Parsed parsed =
      parse("p: plain\nd: \"dq\"\ns: 'sq'\nl: |\n  lit\nf: >\n  fold\n");
  REQUIRE(parsed.doc);
  const YamlNode& root = parsed.doc->root;
  CHECK(root.find("p")->style == YamlNode::Style::Plain);
  CHECK(root.find("d")->style == YamlNode::Style::Quoted);
  CHECK(root.find("s")->style == YamlNode::Style::Quoted);
  CHECK(root.find("l")->style == YamlNode::Style::Block);
  CHECK(root.find("l")->scalar == "lit\n");
  CHECK(root.find("f")->style == YamlNode::Style::Block);
}

TEST_CASE("parse_yaml reads nulls as Null and quoted null as a string", "[load][yaml]") {
  const Parsed parsed = parse("a: ~\nb: null\nc:\nd: 'null'\ne: NULL\nf: \"\"\n");
  REQUIRE(parsed.doc);
  const YamlNode& root = parsed.doc->root;
  CHECK(root.find("a")->is_null());
  CHECK(root.find("b")->is_null());
  CHECK(root.find("c")->is_null());
  CHECK(root.find("e")->is_null());
  CHECK(root.find("d")->is_scalar());
  CHECK(root.find("d")->scalar == "null");
  CHECK(root.find("f")->is_scalar());
  CHECK(root.find("f")->scalar.empty());
  // An empty value is marked at its key, not at whatever token follows it.
  CHECK(root.find("c")->mark.line == 3);
  CHECK(root.find("c")->mark.column == 1);
}

TEST_CASE("parse_yaml keeps plain words that other YAML versions turn into values",
          "[load][yaml]") {
  const Parsed parsed = parse("a: no\nb: 010\nc: yes\n");
  REQUIRE(parsed.doc);
  CHECK(parsed.doc->root.find("a")->scalar == "no");
  CHECK(parsed.doc->root.find("b")->scalar == "010");
  CHECK(parsed.doc->root.find("c")->scalar == "yes");
}

TEST_CASE("parse_yaml rejects anchors at the '&'", "[load][yaml]") {
  require_error(parse("a: 1\nb: &x 2\n"), "E-YAML-ANCHOR", 2, 4);
  require_error(parse("a: 1\nb: &m\n  c: 1\n"), "E-YAML-ANCHOR", 2, 4);
}

TEST_CASE("parse_yaml rejects aliases at the '*'", "[load][yaml]") {
  require_error(parse("a: 1\nb: *x\n"), "E-YAML-ALIAS", 2, 4);
}

TEST_CASE("parse_yaml reports both the anchor and its alias", "[load][yaml]") {
  const Parsed parsed = parse("a: &x 1\nb: *x\n");
  CHECK_FALSE(parsed.doc);
  REQUIRE(parsed.diagnostics.size() == 2);
  CHECK(parsed.diagnostics[0].code == "E-YAML-ANCHOR");
  CHECK(parsed.diagnostics[0].line == 1);
  CHECK(parsed.diagnostics[1].code == "E-YAML-ALIAS");
  CHECK(parsed.diagnostics[1].line == 2);
  CHECK(parsed.diagnostics[1].column == 4);
}

TEST_CASE("parse_yaml rejects tags at the '!'", "[load][yaml]") {
  require_error(parse("a: 1\nb: !!str 2\n"), "E-YAML-TAG", 2, 4);
  require_error(parse("a:\n  - !custom x\n"), "E-YAML-TAG", 2, 5);
  require_error(parse("a: !!map {b: 1}\n"), "E-YAML-TAG", 1, 4);
}

TEST_CASE("the non-specific tag '!' is a tag too", "[load][yaml]") {
  // It would make `! 10` the string "10" for a YAML loader that honours it.
  require_error(parse("priority: ! 10\n"), "E-YAML-TAG", 1, 11);
  require_error(parse("a: ! \"x\"\n"), "E-YAML-TAG", 1, 4);
  require_error(parse("a:\n  - ! [1]\n"), "E-YAML-TAG", 2, 5);
  // yaml-cpp reports "!" for every quoted scalar; without one written, none is there.
  const Parsed quoted = parse("a: \"x\"\nb: ['y', \"z\"]\n");
  CHECK(quoted.doc);
  CHECK(quoted.diagnostics.empty());
}

TEST_CASE("parse_yaml finds the tag and the anchor of one node", "[load][yaml]") {
  const Parsed parsed = parse("a: !t &x 1\n");
  REQUIRE(parsed.diagnostics.size() == 2);
  CHECK(parsed.diagnostics[0].code == "E-YAML-ANCHOR");
  CHECK(parsed.diagnostics[0].column == 7);
  CHECK(parsed.diagnostics[1].code == "E-YAML-TAG");
  CHECK(parsed.diagnostics[1].column == 4);
}

TEST_CASE("parse_yaml rejects merge keys", "[load][yaml]") {
  require_error(parse("a: 1\nb:\n  <<: {c: 1}\n  d: 2\n"), "E-YAML-MERGE-KEY", 3, 3);
}

TEST_CASE("a quoted '<<' is an ordinary key", "[load][yaml]") {
  const Parsed parsed = parse("\"<<\": 1\n");
  REQUIRE(parsed.doc);
  CHECK(parsed.doc->root.find("<<")->scalar == "1");
}

TEST_CASE("parse_yaml rejects duplicate keys and points at the first", "[load][yaml]") {
  const Parsed parsed = parse("a: 1\nb:\n  c: 1\n  c: 2\n");
  require_error(parsed, "E-DUPLICATE-KEY", 4, 3);
  CHECK(parsed.diagnostics[0].hint.find("3:3") != std::string::npos);
}

TEST_CASE("keys that differ only in quoting are duplicates", "[load][yaml]") {
  require_error(parse("a: 1\n\"a\": 2\n"), "E-DUPLICATE-KEY", 2, 1);
}

TEST_CASE("parse_yaml rejects complex and null keys", "[load][yaml]") {
  require_error(parse("a: 1\n? [x, y]\n: 2\n"), "E-YAML-COMPLEX-KEY", 2, 3);
  require_error(parse("a: 1\n{b: 1}: 2\n"), "E-YAML-COMPLEX-KEY", 2, 1);
  require_error(parse("a: 1\n~: 2\n"), "E-YAML-COMPLEX-KEY", 2, 1);
}

TEST_CASE("parse_yaml rejects a second document at its start", "[load][yaml]") {
  require_error(parse("a: 1\n---\nb: 2\n"), "E-YAML-MULTI-DOC", 2, 1);
  require_error(parse("---\na: 1\n---\nb: 2\n"), "E-YAML-MULTI-DOC", 3, 1);
}

TEST_CASE("one document with explicit markers is fine", "[load][yaml]") {
  const Parsed parsed = parse("---\na: 1\n...\n");
  REQUIRE(parsed.doc);
  CHECK(parsed.doc->root.find("a")->scalar == "1");
}

TEST_CASE("parse_yaml rejects empty files", "[load][yaml]") {
  require_error(parse(""), "E-YAML-EMPTY", 1, 1);
  require_error(parse("# only a comment\n\n"), "E-YAML-EMPTY", 1, 1);
  require_error(parse("   \n"), "E-YAML-EMPTY", 1, 1);
  CHECK(parse("---\n").diagnostics.at(0).code == "E-YAML-EMPTY");
  CHECK(parse("~\n").diagnostics.at(0).code == "E-YAML-EMPTY");
}

TEST_CASE("parse_yaml reports syntax errors at yaml-cpp's 1-based mark", "[load][yaml]") {
  require_error(parse("a: [1, 2\nb: 3\n"), "E-YAML-SYNTAX", 2, 2);
  require_error(parse("a: 1\n- b\n"), "E-YAML-SYNTAX", 2, 1);
  // yaml-cpp itself would accept these two, reading to the end of the file.
  require_error(parse("a: \"unterminated\n"), "E-YAML-SYNTAX", 1, 4);
  require_error(parse("a: 1\nb: 'it''s\n"), "E-YAML-SYNTAX", 2, 4);
  // yaml-cpp points just past a bad escape.
  require_error(parse("a: \"bad \\q escape\"\n"), "E-YAML-SYNTAX", 1, 11);
}

TEST_CASE("parse_yaml rejects a NUL byte at its position", "[load][yaml]") {
  require_error(parse(std::string("a: 1\nb: x\0y\n", 12)), "E-YAML-UTF8", 2, 5);
}

TEST_CASE("parse_yaml rejects invalid UTF-8 where the broken sequence starts", "[load][yaml]") {
  require_error(parse("a: 1\nb: caf\xFF\n"), "E-YAML-UTF8", 2, 7);
  // A Latin-1 'é' followed by a space: the error is at the 'é', not at the space.
  require_error(parse("a: caf\xE9 x\n"), "E-YAML-UTF8", 1, 7);
  require_error(parse("a: \xC3x\n"), "E-YAML-UTF8", 1, 4);
  require_error(parse("a: \xC0\xAF\n"), "E-YAML-UTF8", 1, 4);          // overlong '/'
  require_error(parse("a: \xED\xA0\x80\n"), "E-YAML-UTF8", 1, 4);      // UTF-16 surrogate
  require_error(parse("a: \xF4\x90\x80\x80\n"), "E-YAML-UTF8", 1, 4);  // above U+10FFFF
  require_error(parse("a: \xE2\x82"), "E-YAML-UTF8", 1, 4);            // cut at end of file
  require_error(parse("x: ok\n\x80"), "E-YAML-UTF8", 2, 1);            // lone continuation
  require_error(parse("\xFF\xFE"
                      "a"),
                "E-YAML-UTF8", 1, 1);  // UTF-16 LE
}

TEST_CASE("parse_yaml accepts multi-byte UTF-8 and counts columns in bytes", "[load][yaml]") {
  const Parsed parsed = parse("caf\xC3\xA9: \xE2\x9C\x93 \xF0\x9F\x98\x80\nb: 2\n");
  REQUIRE(parsed.doc);
  const YamlNode& value = parsed.doc->root.entries[0].second;
  CHECK(value.scalar == "\xE2\x9C\x93 \xF0\x9F\x98\x80");
  CHECK(value.mark.column == 8);
}

TEST_CASE("parse_yaml skips a leading byte order mark", "[load][yaml]") {
  const Parsed parsed = parse(
      "\xEF\xBB\xBF"
      "a: 1\nb: x\n");
  REQUIRE(parsed.doc);
  const YamlNode& root = parsed.doc->root;
  CHECK(root.entries[0].first.scalar == "a");
  CHECK(root.entries[0].first.mark.column == 1);
  CHECK(root.find("a")->mark.column == 4);
  // Offsets stay offsets into the exact bytes, which keep the mark.
  CHECK(root.find("a")->mark.offset == 6);
  CHECK(parsed.doc->text.substr(0, 3) == "\xEF\xBB\xBF");
  // Errors after a BOM are placed as if it were not there.
  require_error(parse("\xEF\xBB\xBF"
                      "a: &x 1\n"),
                "E-YAML-ANCHOR", 1, 4);
}

TEST_CASE("parse_yaml accepts CRLF line endings", "[load][yaml]") {
  const Parsed parsed = parse("a: 1\r\nb: \"x\r\n  y\"\r\n");
  REQUIRE(parsed.doc);
  CHECK(parsed.doc->root.find("b")->scalar == "x y");
  CHECK(parsed.doc->root.find("b")->mark.line == 2);
}

TEST_CASE("parse_yaml rejects a lone carriage return, which yaml-cpp would drop", "[load][yaml]") {
  require_error(parse("a: 1\rb: 2\n"), "E-YAML-SYNTAX", 1, 5);
}

TEST_CASE("parse_yaml rejects control characters", "[load][yaml]") {
  require_error(parse("a: 1\nb: x\x01y\n"), "E-YAML-SYNTAX", 2, 5);
  require_error(parse("a: \x7F\n"), "E-YAML-SYNTAX", 1, 4);
}

TEST_CASE("parse_yaml accepts tabs inside values", "[load][yaml]") {
  const Parsed parsed = parse("a: \"x\ty\"\nb: c\td\n");
  REQUIRE(parsed.doc);
  CHECK(parsed.doc->root.find("a")->scalar == "x\ty");
}

TEST_CASE("parse_yaml rejects files over the size limit", "[load][yaml]") {
  YamlLimits limits;
  limits.max_bytes = 8;
  const Parsed parsed = parse("a: 123456\n", limits);
  require_error(parsed, "E-FILE-TOO-LARGE", 0, 0);
  CHECK(parse("a: 1\n", limits).doc);
}

TEST_CASE("parse_yaml stops a nesting bomb of 100000 opening brackets quickly", "[load][yaml]") {
  const auto start = std::chrono::steady_clock::now();
  const Parsed parsed = parse("a: " + std::string(100000, '['));
  const auto elapsed = std::chrono::steady_clock::now() - start;
  // Root map is level 1; the 64th '[' (column 67) is level 65.
  require_error(parsed, "E-YAML-TOO-DEEP", 1, 67);
  CHECK(elapsed < std::chrono::seconds(2));
}

TEST_CASE("a tag or an anchor before a nesting bomb does not hide it", "[load][yaml]") {
  // Only the depth is reported: the scan stops before yaml-cpp reads the file.
  require_error(parse("a: !t " + std::string(100000, '[')), "E-YAML-TOO-DEEP", 1, 70);
  require_error(parse("a: &x " + std::string(100000, '[')), "E-YAML-TOO-DEEP", 1, 70);
  require_error(parse("- " + std::string(100000, '[')), "E-YAML-TOO-DEEP", 1, 66);
}

TEST_CASE("block nesting bombs are stopped too", "[load][yaml]") {
  std::string compact;
  for (int i = 0; i < 50000; ++i) compact += "- ";
  require_error(parse(compact + "x\n"), "E-YAML-TOO-DEEP", 1, 129);
  std::string stairs;
  for (int i = 0; i < 2000; ++i) stairs += std::string(static_cast<std::size_t>(i), ' ') + "a:\n";
  require_error(parse(stairs), "E-YAML-TOO-DEEP", 65, 65);
}

TEST_CASE("parse_yaml stops a bomb of opening braces inside a list too", "[load][yaml]") {
  require_error(parse("a:\n  - " + std::string(5000, '{')), "E-YAML-TOO-DEEP", 2, 67);
}

TEST_CASE("nesting up to the limit is accepted, one more is not", "[load][yaml]") {
  YamlLimits limits;
  limits.max_depth = 3;
  CHECK(parse("a: [[1]]\n", limits).doc);
  require_error(parse("a: [[[1]]]\n", limits), "E-YAML-TOO-DEEP", 1, 6);
  CHECK(parse("a:\n  b:\n    c: 1\n", limits).doc);
  require_error(parse("a:\n  b:\n    c:\n      d: 1\n", limits), "E-YAML-TOO-DEEP", 4, 7);
  CHECK(parse("a:\n  - b: 1\n    c: 2\n", limits).doc);
  require_error(parse("a:\n  - - - x\n", limits), "E-YAML-TOO-DEEP", 2, 7);
}

TEST_CASE("brackets in quotes, comments and block scalars do not count as nesting",
          "[load][yaml]") {
  YamlLimits limits;
  limits.max_depth = 2;
  const Parsed parsed = parse(
      "a: \"[[[[\"\n"
      "b: '{{{{'  # [[[[[\n"
      "c: |\n"
      "  [[[[[[\n"
      "  {{{{{{\n"
      "d: x [[[[\n"
      "e: [1, \"]]]\"]\n"
      "f: it's [[[\n"
      "g: [don't, x]\n",
      limits);
  REQUIRE(parsed.doc);
  CHECK(parsed.doc->root.find("d")->scalar == "x [[[[");
}

TEST_CASE("the tree builder enforces the exact depth the scan may underestimate", "[load][yaml]") {
  YamlLimits limits;
  limits.max_depth = 2;
  // A list at the same indentation as its key: the scan sees one column, yaml-cpp two levels.
  CHECK(parse("a:\n- x\n", limits).doc);
  require_error(parse("a:\n- b:\n  - x\n", limits), "E-YAML-TOO-DEEP", 2, 3);
}

TEST_CASE("parse_yaml reports every strict-subset problem of a file", "[load][yaml]") {
  const Parsed parsed = parse("a: &x 1\nb: !!str 2\nb: 3\n<<: {}\n");
  CHECK_FALSE(parsed.doc);
  REQUIRE(parsed.diagnostics.size() == 4);
  CHECK(parsed.diagnostics[0].code == "E-YAML-ANCHOR");
  CHECK(parsed.diagnostics[1].code == "E-YAML-TAG");
  CHECK(parsed.diagnostics[2].code == "E-DUPLICATE-KEY");
  CHECK(parsed.diagnostics[2].line == 3);
  CHECK(parsed.diagnostics[3].code == "E-YAML-MERGE-KEY");
  CHECK(parsed.diagnostics[3].line == 4);
}
