// Reading cases from strict JSON: typing, locations and every reader error with its line:col.
#include <catch2/catch.hpp>
#include <string>

#include "case_test_support.hpp"
#include "io/case_reader.hpp"
#include "io/json_tree.hpp"

using namespace scarwise;
using namespace scarwise::internal;
using scarwise::test::codes;
using scarwise::test::contains;
using scarwise::test::find_code;

namespace {

struct JsonRead {
  std::unique_ptr<RawCase> raw;
  std::vector<Diagnostic> diagnostics;
};

JsonRead read_json(const std::string& text) {
  DiagnosticSink sink;
  JsonRead result;
  result.raw = read_case_json(text, "case.json", sink);
  result.diagnostics = sink.take();
  return result;
}

/// Reads `text`, expects it to fail with exactly one diagnostic, and returns it.
Diagnostic single_error(const std::string& text) {
  JsonRead result = read_json(text);
  CHECK(result.raw == nullptr);
  REQUIRE(result.diagnostics.size() == 1);
  return result.diagnostics.front();
}

const RawFact* fact(const RawFacts& facts, const std::string& key) {
  for (const RawFact& f : facts.facts) {
    if (f.key == key) return &f;
  }
  return nullptr;
}

}  // namespace

TEST_CASE("a JSON case is read with typed values and their locations", "[io][json]") {
  const std::string text =
      "{\n"
      "  \"patient\": {\"age\": 34, \"pregnant\": false, \"months\": 2.5, \"iso\": \"never\"},\n"
      "  \"scars\": [\n"
      "    {\"id\": \"cheeks\", \"type\": \"rolling\", \"regions\": [\"cheeks\", \"chin\"]},\n"
      "    {\"id\": \"chin\", \"severity\": \"5\", \"depth\": 5.0, \"zero\": -0}\n"
      "  ]\n"
      "}\n";
  JsonRead result = read_json(text);
  REQUIRE(result.diagnostics.empty());
  REQUIRE(result.raw != nullptr);
  const RawCase& raw = *result.raw;
  CHECK(raw.name == "case.json");

  REQUIRE(raw.patient.facts.size() == 4);
  CHECK(raw.patient.facts[0].key == "age");
  CHECK(std::get<std::int64_t>(raw.patient.facts[0].value) == 34);
  CHECK(raw.patient.facts[0].loc.file == "case.json");
  CHECK(raw.patient.facts[0].loc.line == 2);
  CHECK(raw.patient.facts[0].loc.column == 22);
  CHECK(raw.patient.facts[0].key_loc.line == 2);
  CHECK(raw.patient.facts[0].key_loc.column == 15);
  CHECK(std::get<bool>(fact(raw.patient, "pregnant")->value) == false);
  CHECK(fact(raw.patient, "pregnant")->loc.column == 38);
  CHECK(std::get<double>(fact(raw.patient, "months")->value) == 2.5);
  CHECK(std::get<std::string>(fact(raw.patient, "iso")->value) == "never");
  CHECK(raw.patient.loc.line == 2);
  CHECK(raw.patient.loc.column == 14);

  REQUIRE(raw.scars.size() == 2);
  CHECK(raw.scars[0]->id == "cheeks");
  CHECK(raw.scars[0]->facts.loc.line == 4);
  CHECK(raw.scars[0]->facts.loc.column == 5);
  const RawFact* regions = fact(raw.scars[0]->facts, "regions");
  REQUIRE(regions != nullptr);
  CHECK(std::get<std::vector<std::string>>(regions->value) ==
        std::vector<std::string>{"cheeks", "chin"});
  CHECK(regions->loc.line == 4);
  CHECK(regions->loc.column == 52);
  // The id is not a fact.
  CHECK(fact(raw.scars[0]->facts, "id") == nullptr);

  const RawScar& chin = *raw.scars[1];
  CHECK(chin.id == "chin");
  // A quoted number is a word; 5.0 stays a number; -0 is an integer.
  CHECK(std::get<std::string>(fact(chin.facts, "severity")->value) == "5");
  CHECK(std::get<double>(fact(chin.facts, "depth")->value) == 5.0);
  CHECK(std::get<std::int64_t>(fact(chin.facts, "zero")->value) == 0);
}

TEST_CASE("escaped keys and strings keep exact locations", "[io][json]") {
  const std::string text = "{\"patient\": {\"a\\\"b\": \"x\\\\y\", \"c\": 1}, \"scars\": []}";
  JsonRead result = read_json(text);
  REQUIRE(result.raw != nullptr);
  const RawFacts& patient = result.raw->patient;
  REQUIRE(patient.facts.size() == 2);
  CHECK(patient.facts[0].key == "a\"b");
  CHECK(std::get<std::string>(patient.facts[0].value) == "x\\y");
  CHECK(patient.facts[0].loc.column == 22);
  CHECK(patient.facts[1].key == "c");
  CHECK(patient.facts[1].loc.column == 35);
}

TEST_CASE("JSON syntax errors are located at line:col", "[io][json]") {
  SECTION("missing comma") {
    const Diagnostic d = single_error("{\n  \"patient\": {\"age\": 34\n  \"x\": 1}}");
    CHECK(d.code == "E-CASE-SYNTAX");
    CHECK(d.file == "case.json");
    CHECK(d.line == 3);
    CHECK(d.column == 3);
  }
  SECTION("trailing content after the document") {
    const Diagnostic d = single_error("{\"scars\": []}\n{\"scars\": []}");
    CHECK(d.code == "E-CASE-SYNTAX");
    CHECK(d.line == 2);
    CHECK(d.column == 1);
    CHECK(contains(d.message, "after the JSON document"));
  }
  SECTION("NaN") {
    const Diagnostic d = single_error("{\"patient\": {\"age\": NaN}}");
    CHECK(d.code == "E-CASE-SYNTAX");
    CHECK(d.line == 1);
    CHECK(d.column == 21);
    CHECK(contains(d.message, "NaN"));
  }
  SECTION("Infinity") {
    const Diagnostic d = single_error("{\"patient\": {\"age\": -Infinity}}");
    CHECK(d.code == "E-CASE-SYNTAX");
    CHECK(d.column == 22);
    CHECK(contains(d.message, "Infinity"));
  }
  SECTION("truncated text") {
    const Diagnostic d = single_error("{\"patient\": {\"age\": 3");
    CHECK(d.code == "E-CASE-SYNTAX");
    CHECK(contains(d.message, "end of JSON"));
  }
  SECTION("empty text") {
    const Diagnostic d = single_error("");
    CHECK(d.code == "E-CASE-SYNTAX");
    CHECK(d.line == 1);
    CHECK(d.column == 1);
  }
  SECTION("trailing comma") {
    const Diagnostic d = single_error("{\"scars\": [],}");
    CHECK(d.code == "E-CASE-SYNTAX");
    CHECK(d.column == 14);
  }
  SECTION("comments are not JSON") {
    CHECK(single_error("{\"scars\": [] // none\n}").code == "E-CASE-SYNTAX");
  }
  SECTION("invalid UTF-8") {
    const Diagnostic d = single_error("{\"patient\": {\"name\": \"\xff\"}}");
    CHECK(d.code == "E-CASE-SYNTAX");
    CHECK(d.column == 23);
  }
  SECTION("a byte order mark") {
    const Diagnostic d = single_error("\xEF\xBB\xBF{}");
    CHECK(d.code == "E-CASE-SYNTAX");
    CHECK(contains(d.message, "byte order mark"));
  }
  SECTION("nesting far too deep ends in an error, not a crash") {
    const Diagnostic d = single_error(std::string(10000, '[') + std::string(10000, ']'));
    CHECK(d.code == "E-CASE-TOO-DEEP");
  }
}

TEST_CASE("duplicate JSON keys are errors at the repeated key", "[io][json]") {
  SECTION("in the patient") {
    const Diagnostic d = single_error("{\"patient\": {\"age\": 3,\n \"age\": 4}, \"scars\": []}");
    CHECK(d.code == "E-CASE-DUPLICATE-KEY");
    CHECK(d.line == 2);
    CHECK(d.column == 2);
    CHECK(contains(d.message, "'age'"));
    CHECK(contains(d.hint, "line 1"));
  }
  SECTION("at the top level") {
    const Diagnostic d = single_error("{\"scars\": [], \"scars\": []}");
    CHECK(d.code == "E-CASE-DUPLICATE-KEY");
    CHECK(d.column == 15);
  }
  SECTION("in a scar") {
    const Diagnostic d =
        single_error("{\"scars\": [{\"id\": \"a\", \"type\": \"x\", \"type\": \"y\"}]}");
    CHECK(d.code == "E-CASE-DUPLICATE-KEY");
    CHECK(d.column == 37);
  }
}

TEST_CASE("a JSON case of the wrong shape is rejected with located errors", "[io][json]") {
  SECTION("unknown top-level key, with did-you-mean") {
    const Diagnostic d = single_error("{\"patient\": {}, \"sacrs\": []}");
    CHECK(d.code == "E-CASE-UNKNOWN-KEY");
    CHECK(d.column == 17);
    CHECK(d.hint == "did you mean 'scars'?");
  }
  SECTION("the root is not an object") {
    const Diagnostic d = single_error("[1, 2]");
    CHECK(d.code == "E-CASE-SHAPE");
    CHECK(d.column == 1);
  }
  SECTION("patient is not an object") {
    const Diagnostic d = single_error("{\"patient\": [1]}");
    CHECK(d.code == "E-CASE-SHAPE");
    CHECK(d.column == 13);
  }
  SECTION("scars is not a list") {
    CHECK(single_error("{\"scars\": {\"id\": \"a\"}}").code == "E-CASE-SHAPE");
  }
  SECTION("a scar is not an object") {
    const Diagnostic d = single_error("{\"scars\": [\"cheeks\"]}");
    CHECK(d.code == "E-CASE-SHAPE");
    CHECK(d.column == 12);
    CHECK(contains(d.message, "scar #1"));
  }
  SECTION("a fact value is an object") {
    const Diagnostic d = single_error("{\"patient\": {\"age\": {\"years\": 3}}}");
    CHECK(d.code == "E-CASE-SHAPE");
    CHECK(d.column == 21);
  }
  SECTION("a list holds a number") {
    const Diagnostic d = single_error("{\"scars\": [{\"id\": \"a\", \"regions\": [\"chin\", 3]}]}");
    CHECK(d.code == "E-CASE-SHAPE");
    CHECK(d.column == 44);
    CHECK(contains(d.message, "scar 'a'"));
  }
  SECTION("null is not a value") {
    const Diagnostic d = single_error("{\"patient\": {\"pregnant\": null}}");
    CHECK(d.code == "E-CASE-NULL");
    CHECK(d.column == 26);
    CHECK(contains(d.hint, "leave"));
  }
  SECTION("a number beyond double range") {
    const Diagnostic d = single_error("{\"patient\": {\"age\": 1e400}}");
    CHECK(d.code == "E-CASE-NUMBER");
    CHECK(d.column == 21);
  }
  SECTION("a number beyond the exponent range") {
    CHECK(single_error("{\"patient\": {\"age\": -2.5e-999}}").code == "E-CASE-NUMBER");
  }
  SECTION("a scar without an id") {
    const Diagnostic d = single_error("{\"scars\": [{\"type\": \"rolling\"}]}");
    CHECK(d.code == "E-CASE-BAD-SCAR-ID");
    CHECK(d.column == 12);
    CHECK(contains(d.message, "scar #1"));
  }
  SECTION("a scar id that is null") {
    CHECK(single_error("{\"scars\": [{\"id\": null}]}").code == "E-CASE-BAD-SCAR-ID");
  }
  SECTION("a scar id that is a list") {
    CHECK(single_error("{\"scars\": [{\"id\": [\"a\"]}]}").code == "E-CASE-BAD-SCAR-ID");
  }
}

TEST_CASE("every problem in a JSON case is reported, not just the first", "[io][json]") {
  JsonRead result = read_json(
      "{\"patient\": {\"age\": null, \"x\": {}},\n"
      " \"scars\": [{\"type\": \"a\"}, {\"id\": \"b\", \"regions\": [1]}], \"extra\": 1}");
  CHECK(result.raw == nullptr);
  CHECK(codes(result.diagnostics) == std::vector<std::string>{"E-CASE-NULL", "E-CASE-SHAPE",
                                                              "E-CASE-BAD-SCAR-ID", "E-CASE-SHAPE",
                                                              "E-CASE-UNKNOWN-KEY"});
  const Diagnostic* unknown = find_code(result.diagnostics, "E-CASE-UNKNOWN-KEY");
  REQUIRE(unknown != nullptr);
  CHECK(unknown->line == 2);
  CHECK(unknown->hint == "a case has only the keys 'patient' and 'scars'");
}

TEST_CASE("an integer beyond int64 is read as a number, as the loader reads it", "[io][json]") {
  JsonRead result = read_json("{\"patient\": {\"age\": 99999999999999999999}}");
  REQUIRE(result.raw != nullptr);
  CHECK(std::get<double>(result.raw->patient.facts[0].value) == 1e20);
}

TEST_CASE("JSON larger than the limit is rejected before parsing", "[io][json]") {
  DiagnosticSink sink;
  CHECK_FALSE(parse_json_tree(std::string(100, ' ') + "{}", "big.json", sink, 64).has_value());
  REQUIRE(sink.diagnostics().size() == 1);
  CHECK(sink.diagnostics()[0].code == "E-CASE-TOO-LARGE");
  CHECK(sink.diagnostics()[0].file == "big.json");
}

TEST_CASE("a case without patient or scars keys still reads", "[io][json]") {
  // Whether scars are missing is the validator's question (E-CASE-NO-SCARS).
  JsonRead result = read_json("{}");
  REQUIRE(result.raw != nullptr);
  CHECK(result.raw->patient.facts.empty());
  CHECK(result.raw->scars.empty());
}
