// Reading cases from YAML: plain scalars are typed, quoted ones are words, and the reader's
// errors are located; also read_case_node on a case inside a larger document.
#include <catch2/catch.hpp>
#include <string>

#include "case_test_support.hpp"
#include "io/case_reader.hpp"
#include "io/case_scalar.hpp"

using namespace scarwise;
using namespace scarwise::internal;
using scarwise::test::codes;
using scarwise::test::contains;

namespace {

struct YamlRead {
  std::unique_ptr<RawCase> raw;
  std::vector<Diagnostic> diagnostics;
};

YamlRead read_yaml(const std::string& text) {
  DiagnosticSink sink;
  YamlRead result;
  result.raw = read_case_yaml(text, "case.yaml", sink);
  result.diagnostics = sink.take();
  return result;
}

Diagnostic single_error(const std::string& text) {
  YamlRead result = read_yaml(text);
  CHECK(result.raw == nullptr);
  REQUIRE(result.diagnostics.size() == 1);
  return result.diagnostics.front();
}

const RawFact& fact(const RawFacts& facts, const std::string& key) {
  for (const RawFact& f : facts.facts) {
    if (f.key == key) return f;
  }
  FAIL("no fact " << key);
  throw std::logic_error("unreachable");
}

}  // namespace

TEST_CASE("a YAML case is read with typed plain scalars and exact locations", "[io][yaml]") {
  const std::string text =
      "patient:\n"
      "  age: 34\n"
      "  pregnant: false\n"
      "  months: 2.5\n"
      "  isotretinoin: never\n"
      "  quoted: \"5\"\n"
      "  answer: yes\n"
      "scars:\n"
      "  - id: cheeks\n"
      "    type: rolling\n"
      "    regions: [cheeks, chin]\n"
      "  - id: 3\n"
      "    regions:\n"
      "      - forehead\n"
      "    note: |\n"
      "      two lines\n"
      "      of text\n";
  YamlRead result = read_yaml(text);
  REQUIRE(result.diagnostics.empty());
  REQUIRE(result.raw != nullptr);
  const RawCase& raw = *result.raw;
  CHECK(raw.name == "case.yaml");
  const RawFacts& patient = raw.patient;
  REQUIRE(patient.facts.size() == 6);
  CHECK(std::get<std::int64_t>(fact(patient, "age").value) == 34);
  CHECK(fact(patient, "age").loc.file == "case.yaml");
  CHECK(fact(patient, "age").loc.line == 2);
  CHECK(fact(patient, "age").loc.column == 8);
  CHECK(fact(patient, "age").key_loc.column == 3);
  CHECK(std::get<bool>(fact(patient, "pregnant").value) == false);
  CHECK(std::get<double>(fact(patient, "months").value) == 2.5);
  CHECK(std::get<std::string>(fact(patient, "isotretinoin").value) == "never");
  CHECK(std::get<std::string>(fact(patient, "quoted").value) == "5");
  // YAML 1.1 booleans are words here; the validator tells the user to write true or false.
  CHECK(std::get<std::string>(fact(patient, "answer").value) == "yes");
  CHECK(patient.loc.line == 2);

  REQUIRE(raw.scars.size() == 2);
  CHECK(raw.scars[0]->id == "cheeks");
  CHECK(raw.scars[0]->facts.loc.line == 9);
  CHECK(raw.scars[0]->facts.loc.column == 5);
  CHECK(std::get<std::vector<std::string>>(fact(raw.scars[0]->facts, "regions").value) ==
        std::vector<std::string>{"cheeks", "chin"});
  CHECK(fact(raw.scars[0]->facts, "regions").loc.line == 11);
  CHECK(fact(raw.scars[0]->facts, "regions").loc.column == 14);
  // Any scalar is an id; the block list and the block scalar are read as written.
  CHECK(raw.scars[1]->id == "3");
  CHECK(std::get<std::vector<std::string>>(fact(raw.scars[1]->facts, "regions").value) ==
        std::vector<std::string>{"forehead"});
  CHECK(std::get<std::string>(fact(raw.scars[1]->facts, "note").value) == "two lines\nof text\n");
}

TEST_CASE("YAML case errors are located", "[io][yaml]") {
  SECTION("unknown top-level key") {
    const Diagnostic d = single_error("patient: {}\nscar: []\n");
    CHECK(d.code == "E-CASE-UNKNOWN-KEY");
    CHECK(d.line == 2);
    CHECK(d.column == 1);
    CHECK(d.hint == "did you mean 'scars'?");
  }
  SECTION("hexadecimal number") {
    const Diagnostic d = single_error("patient:\n  age: 0x1F\n");
    CHECK(d.code == "E-CASE-NUMBER");
    CHECK(d.line == 2);
    CHECK(d.column == 8);
    CHECK(contains(d.message, "'age'"));
  }
  SECTION("octal-looking integer") {
    const Diagnostic d = single_error("patient: {age: 010}\n");
    CHECK(d.code == "E-CASE-NUMBER");
    CHECK(contains(d.message, "leading zero"));
  }
  SECTION("infinity") { CHECK(single_error("patient: {age: .inf}\n").code == "E-CASE-NUMBER"); }
  SECTION("a number with a unit") {
    CHECK(single_error("patient: {age: 10kg}\n").code == "E-CASE-NUMBER");
  }
  SECTION("empty value") {
    const Diagnostic d = single_error("patient:\n  pregnant:\nscars: []\n");
    CHECK(d.code == "E-CASE-NULL");
    CHECK(d.line == 2);
    CHECK(contains(d.message, "'pregnant'"));
  }
  SECTION("tilde") { CHECK(single_error("patient: {pregnant: ~}\n").code == "E-CASE-NULL"); }
  SECTION("a nested mapping as value") {
    const Diagnostic d = single_error("scars:\n  - id: a\n    type: {x: 1}\n");
    CHECK(d.code == "E-CASE-SHAPE");
    CHECK(d.line == 3);
    CHECK(d.column == 11);
    CHECK(contains(d.message, "scar 'a'"));
  }
  SECTION("a list of numbers: one error per item") {
    YamlRead result = read_yaml("scars: [{id: a, regions: [1, 2.5]}]\n");
    CHECK(result.raw == nullptr);
    CHECK(codes(result.diagnostics) == std::vector<std::string>{"E-CASE-SHAPE", "E-CASE-SHAPE"});
    REQUIRE(result.diagnostics.size() == 2);
    CHECK(result.diagnostics[1].column == 30);
  }
  SECTION("a scar without an id") {
    const Diagnostic d = single_error("scars:\n  - type: rolling\n");
    CHECK(d.code == "E-CASE-BAD-SCAR-ID");
    CHECK(d.line == 2);
    CHECK(d.column == 5);
  }
  SECTION("a scar whose id is empty") {
    CHECK(single_error("scars:\n  - id:\n    type: rolling\n").code == "E-CASE-BAD-SCAR-ID");
  }
  SECTION("the document is a list") { CHECK(single_error("- a\n- b\n").code == "E-CASE-SHAPE"); }
}

TEST_CASE("YAML cases get the loader's strictness", "[io][yaml]") {
  SECTION("duplicate keys") {
    YamlRead result = read_yaml("patient:\n  age: 3\n  age: 4\n");
    CHECK(result.raw == nullptr);
    REQUIRE_FALSE(result.diagnostics.empty());
    CHECK(result.diagnostics[0].code == "E-DUPLICATE-KEY");
    CHECK(result.diagnostics[0].line == 3);
  }
  SECTION("anchors and aliases") {
    YamlRead result = read_yaml("patient: &p {age: 3}\nscars: [{id: a, x: *p}]\n");
    CHECK(result.raw == nullptr);
    CHECK_FALSE(result.diagnostics.empty());
  }
  SECTION("two documents") {
    YamlRead result = read_yaml("patient: {}\n---\npatient: {}\n");
    CHECK(result.raw == nullptr);
    CHECK_FALSE(result.diagnostics.empty());
  }
}

TEST_CASE("read_case_node reads a case inside a larger document", "[io][yaml]") {
  DiagnosticSink sink;
  std::optional<YamlDocument> doc = parse_yaml(
      "tests:\n"
      "  - name: t\n"
      "    case:\n"
      "      patient: {fitzpatrick: 5}\n"
      "      scars: [{id: cheeks, type: rolling}]\n",
      "suite.yaml", YamlLimits{}, sink);
  REQUIRE(doc.has_value());
  const YamlNode& case_node = doc->root.entries[0].second.items[0].entries[1].second;
  std::unique_ptr<RawCase> raw = read_case_node(*doc, case_node, sink);
  REQUIRE(raw != nullptr);
  CHECK(sink.diagnostics().empty());
  CHECK(raw->name == "suite.yaml");
  REQUIRE(raw->patient.facts.size() == 1);
  CHECK(raw->patient.facts[0].loc.line == 4);
  CHECK(raw->patient.facts[0].loc.column == 30);
  REQUIRE(raw->scars.size() == 1);
  CHECK(raw->scars[0]->id == "cheeks");

  const YamlNode& name_node = doc->root.entries[0].second.items[0].entries[0].second;
  CHECK(read_case_node(*doc, name_node, sink) == nullptr);
  REQUIRE(sink.diagnostics().size() == 1);
  CHECK(sink.diagnostics()[0].code == "E-CASE-SHAPE");
  CHECK(sink.diagnostics()[0].line == 2);
}

TEST_CASE("plain scalars are typed like the loader types them", "[io][yaml]") {
  using Kind = ScalarTyping::Kind;
  CHECK(std::get<bool>(type_plain_scalar("true").value) == true);
  CHECK(std::get<std::int64_t>(type_plain_scalar("-12").value) == -12);
  CHECK(std::get<std::int64_t>(type_plain_scalar("+7").value) == 7);
  CHECK(std::get<double>(type_plain_scalar("1e3").value) == 1000.0);
  CHECK(std::get<double>(type_plain_scalar(".5").value) == 0.5);
  CHECK(std::get<std::string>(type_plain_scalar("rolling").value) == "rolling");
  CHECK(std::get<std::string>(type_plain_scalar("True").value) == "True");
  CHECK(std::get<std::string>(type_plain_scalar("-").value) == "-");
  CHECK(std::get<double>(type_plain_scalar("99999999999999999999").value) == 1e20);
  CHECK(type_plain_scalar("null").kind == Kind::Null);
  CHECK(type_plain_scalar("").kind == Kind::Null);
  for (const char* bad : {"0x10", "010", "1_000", "1.2.3", "-.inf", ".NaN", "1e", "3d", "1e999"}) {
    INFO(bad);
    CHECK(type_plain_scalar(bad).kind == Kind::BadNumber);
    CHECK_FALSE(type_plain_scalar(bad).reason.empty());
  }
}

TEST_CASE("the same case reads the same from JSON and YAML", "[io][yaml][json]") {
  DiagnosticSink sink;
  auto from_json = read_case_json(
      R"({"patient": {"age": 34, "smoker": true},
          "scars": [{"id": "a", "regions": ["chin"], "depth": 1.5}]})",
      "c.json", sink);
  auto from_yaml = read_case_yaml(
      "patient: {age: 34, smoker: true}\nscars: [{id: a, regions: [chin], depth: 1.5}]\n", "c.yaml",
      sink);
  REQUIRE(from_json != nullptr);
  REQUIRE(from_yaml != nullptr);
  CHECK(codes(sink.diagnostics()).empty());
  REQUIRE(from_json->patient.facts.size() == from_yaml->patient.facts.size());
  for (std::size_t i = 0; i < from_json->patient.facts.size(); ++i) {
    CHECK(from_json->patient.facts[i].key == from_yaml->patient.facts[i].key);
    CHECK(from_json->patient.facts[i].value == from_yaml->patient.facts[i].value);
  }
  REQUIRE(from_json->scars.size() == 1);
  REQUIRE(from_yaml->scars.size() == 1);
  CHECK(from_json->scars[0]->id == from_yaml->scars[0]->id);
  REQUIRE(from_json->scars[0]->facts.facts.size() == 2);
  CHECK(from_json->scars[0]->facts.facts[0].value == from_yaml->scars[0]->facts.facts[0].value);
  CHECK(from_json->scars[0]->facts.facts[1].value == from_yaml->scars[0]->facts.facts[1].value);
}

TEST_CASE("case_word_yaml writes a word that a case file reads back as that word",
          "[io][yaml]") {
  CHECK(case_word_yaml("rolling") == "rolling");
  CHECK(case_word_yaml("upper_back") == "upper_back");
  CHECK(case_word_yaml("true") == "\"true\"");
  CHECK(case_word_yaml("12") == "\"12\"");
  CHECK(case_word_yaml("null") == "\"null\"");
  CHECK(case_word_yaml("") == "\"\"");
  CHECK(case_word_yaml("a \"b\"") == "\"a \\\"b\\\"\"");
  // Every one of them reads back as the word, through the case reader itself.
  for (const std::string word :
       {"rolling", "true", "false", "12", "1.5", "0x1F", "null", "~", "", "-x", "a: b", "# c",
        "[d]", "e, f", "g\\h", "i\"j", "line\nbreak", "yes", "Fitz 4"}) {
    const YamlRead read = read_yaml("patient:\n  word: " + case_word_yaml(word) + "\nscars: []\n");
    INFO(word);
    REQUIRE(read.diagnostics.empty());
    REQUIRE(read.raw->patient.facts.size() == 1);
    CHECK(std::get<std::string>(read.raw->patient.facts[0].value) == word);
  }
}
