// Checking cases against a vocabulary: slots, defaults, unknowns, every error code (each
// naming the scar and the full fact name), and the canonical JSON behind the case digest.
#include <boost/json.hpp>
#include <catch2/catch.hpp>
#include <cmath>
#include <limits>

#include "case_test_support.hpp"
#include "io/case_digest.hpp"
#include "io/case_reader.hpp"
#include "model/validated_case.hpp"

using namespace scarwise;
using namespace scarwise::internal;
using scarwise::test::codes;
using scarwise::test::contains;
using scarwise::test::test_vocabulary;

namespace {

struct Checked {
  std::optional<ValidatedCase> validated;
  std::vector<Diagnostic> diagnostics;
};

Checked check_raw(const RawCase& raw) {
  static const Vocabulary vocabulary = test_vocabulary();
  DiagnosticSink sink;
  Checked result;
  result.validated = validate_case(raw, vocabulary, sink);
  result.diagnostics = sink.take();
  return result;
}

std::unique_ptr<RawCase> parse(const std::string& yaml) {
  DiagnosticSink sink;
  std::unique_ptr<RawCase> raw = read_case_yaml(yaml, "case.yaml", sink);
  INFO(format_diagnostics(sink.diagnostics()));
  REQUIRE(raw != nullptr);
  return raw;
}

Checked check_yaml(const std::string& yaml) { return check_raw(*parse(yaml)); }

/// Expects exactly one error and returns it.
Diagnostic single_error(const std::string& yaml) {
  Checked result = check_yaml(yaml);
  CHECK_FALSE(result.validated.has_value());
  INFO(format_diagnostics(result.diagnostics));
  REQUIRE(result.diagnostics.size() == 1);
  return result.diagnostics.front();
}

const Vocabulary& vocabulary() {
  static const Vocabulary v = test_vocabulary();
  return v;
}

const Value& patient_slot(const ValidatedCase& c, const std::string& key) {
  return c.patient[vocabulary().fact(*vocabulary().find(Scope::Patient, key)).slot];
}

const Value& scar_slot(const ValidatedScar& s, const std::string& key) {
  return s.slots[vocabulary().fact(*vocabulary().find(Scope::Scar, key)).slot];
}

}  // namespace

TEST_CASE("a valid case fills every slot; omitted facts are unknown or defaulted", "[case]") {
  Checked result = check_yaml(
      "patient: {age: 34, fitzpatrick: 5, isotretinoin: stopped, months_since_isotretinoin: 3}\n"
      "scars:\n"
      "  - {id: cheeks, type: rolling, severity: 3, regions: [chin, cheeks], age_months: 24}\n"
      "  - {id: chin, type: boxcar, active_acne: false}\n");
  INFO(format_diagnostics(result.diagnostics));
  REQUIRE(result.validated.has_value());
  CHECK(result.diagnostics.empty());
  const ValidatedCase& c = *result.validated;
  REQUIRE(c.patient.size() == vocabulary().slot_count(Scope::Patient));
  CHECK(patient_slot(c, "age").kind == Value::Kind::Number);
  CHECK(patient_slot(c, "age").number.integral);
  CHECK(patient_slot(c, "age").number.integer == 34);
  CHECK(patient_slot(c, "isotretinoin").kind == Value::Kind::Enum);
  CHECK(patient_slot(c, "isotretinoin").index == 2);
  CHECK(patient_slot(c, "months_since_isotretinoin").number.real == 3);
  // Omitted without a default: unknown, never false.
  CHECK(patient_slot(c, "pregnant").kind == Value::Kind::Unknown);
  // Omitted with a default: the default.
  CHECK(patient_slot(c, "smoker").kind == Value::Kind::Bool);
  CHECK(patient_slot(c, "smoker").boolean == false);

  REQUIRE(c.scars.size() == 2);
  CHECK(c.scars[0].id == "cheeks");
  CHECK(scar_slot(c.scars[0], "type").index == 2);
  CHECK(scar_slot(c.scars[0], "regions").kind == Value::Kind::Set);
  CHECK(scar_slot(c.scars[0], "regions").bits == 0b0110);
  CHECK(scar_slot(c.scars[0], "active_acne").kind == Value::Kind::Unknown);
  CHECK(c.scars[1].id == "chin");
  CHECK(scar_slot(c.scars[1], "active_acne").kind == Value::Kind::Bool);
  CHECK(scar_slot(c.scars[1], "severity").kind == Value::Kind::Unknown);
}

TEST_CASE("case errors name the scar id and the full fact name", "[case]") {
  SECTION("E-CASE-RANGE for an integer") {
    const Diagnostic d =
        single_error("scars:\n  - id: cheeks\n    type: rolling\n    severity: 7\n");
    CHECK(d.code == "E-CASE-RANGE");
    CHECK(d.message == "scar 'cheeks': scar.severity must be an integer from 1 to 4, got 7");
    CHECK(d.file == "case.yaml");
    CHECK(d.line == 4);
    CHECK(d.column == 15);
  }
  SECTION("E-CASE-RANGE for a number with only a lower bound") {
    const Diagnostic d = single_error(
        "patient: {months_since_isotretinoin: -0.5}\nscars: [{id: a, type: boxcar}]\n");
    CHECK(d.code == "E-CASE-RANGE");
    CHECK(d.message ==
          "patient.months_since_isotretinoin must be a number of at least 0, got -0.5");
  }
  SECTION("E-CASE-TYPE for a fraction given to an int fact") {
    const Diagnostic d = single_error("scars: [{id: cheeks, type: rolling, severity: 2.5}]\n");
    CHECK(d.code == "E-CASE-TYPE");
    CHECK(contains(d.message, "scar 'cheeks'"));
    CHECK(contains(d.message, "scar.severity"));
    CHECK(contains(d.message, "2.5"));
  }
  SECTION("an integral number is fine for an int fact and an int for a number fact") {
    Checked result =
        check_yaml("patient: {age: 3.0e1}\nscars: [{id: a, type: boxcar, age_months: 12}]\n");
    REQUIRE(result.validated.has_value());
    CHECK(patient_slot(*result.validated, "age").number.integer == 30);
    CHECK(patient_slot(*result.validated, "age").number.integral);
    CHECK(scar_slot(result.validated->scars[0], "age_months").number.real == 12);
    CHECK_FALSE(scar_slot(result.validated->scars[0], "age_months").number.integral);
  }
  SECTION("E-CASE-TYPE for a word given to a bool fact") {
    const Diagnostic d = single_error("patient: {pregnant: yes}\nscars: [{id: a, type: boxcar}]\n");
    CHECK(d.code == "E-CASE-TYPE");
    CHECK(d.message == "patient.pregnant must be true or false, got 'yes'");
    CHECK(contains(d.hint, "true or false"));
  }
  SECTION("E-CASE-TYPE for a quoted number") {
    const Diagnostic d = single_error("patient: {age: \"34\"}\nscars: [{id: a, type: boxcar}]\n");
    CHECK(d.code == "E-CASE-TYPE");
    CHECK(d.hint == "write the number without quotes");
  }
  SECTION("E-CASE-TYPE for a word given to a set fact") {
    const Diagnostic d = single_error("scars: [{id: a, type: boxcar, regions: chin}]\n");
    CHECK(d.code == "E-CASE-TYPE");
    CHECK(d.hint == "write a list, e.g. [chin]");
  }
  SECTION("E-CASE-TYPE for a number given to an enum fact") {
    const Diagnostic d = single_error("scars: [{id: a, type: 3}]\n");
    CHECK(d.code == "E-CASE-TYPE");
    CHECK(contains(d.message, "scar 'a': scar.type must be one of ice_pick, boxcar"));
  }
  SECTION("E-CASE-UNKNOWN-VALUE with did-you-mean") {
    const Diagnostic d = single_error("scars: [{id: cheeks, type: rollng}]\n");
    CHECK(d.code == "E-CASE-UNKNOWN-VALUE");
    CHECK(d.message == "scar 'cheeks': scar.type has no value 'rollng'");
    CHECK(d.hint == "did you mean 'rolling'?");
    CHECK(d.column == 28);
  }
  SECTION("E-CASE-UNKNOWN-VALUE in a set lists the values when nothing is close") {
    const Diagnostic d = single_error("scars: [{id: a, type: boxcar, regions: [chin, knee]}]\n");
    CHECK(d.code == "E-CASE-UNKNOWN-VALUE");
    CHECK(contains(d.message, "scar.regions"));
    CHECK(contains(d.message, "'knee'"));
    CHECK(d.hint == "its values are: forehead, cheeks, chin, temples");
  }
  SECTION("E-CASE-DUPLICATE-VALUE in a set") {
    const Diagnostic d = single_error("scars: [{id: a, type: boxcar, regions: [chin, chin]}]\n");
    CHECK(d.code == "E-CASE-DUPLICATE-VALUE");
    CHECK(contains(d.message, "scar 'a': scar.regions"));
  }
  SECTION("E-CASE-UNKNOWN-FACT with did-you-mean") {
    const Diagnostic d =
        single_error("scars:\n  - id: cheeks\n    type: rolling\n    sevrity: 3\n");
    CHECK(d.code == "E-CASE-UNKNOWN-FACT");
    CHECK(d.message == "scar 'cheeks': unknown fact 'scar.sevrity'");
    CHECK(d.hint == "did you mean 'severity'?");
    CHECK(d.line == 4);
    CHECK(d.column == 5);  // at the key, not the value
  }
  SECTION("E-CASE-UNKNOWN-FACT for a fact of the other scope") {
    const Diagnostic d = single_error("scars: [{id: a, type: boxcar, fitzpatrick: 4}]\n");
    CHECK(d.code == "E-CASE-UNKNOWN-FACT");
    CHECK(d.hint == "'fitzpatrick' is a patient fact: give it under patient");
  }
  SECTION("E-CASE-UNKNOWN-FACT for a key written with its scope") {
    const Diagnostic d =
        single_error("patient: {patient.fitzpatrick: 4}\nscars: [{id: a, type: boxcar}]\n");
    CHECK(d.code == "E-CASE-UNKNOWN-FACT");
    CHECK(d.message == "unknown fact 'patient.patient.fitzpatrick'");
    CHECK(d.hint == "write the key without its scope: 'fitzpatrick'");
  }
  SECTION("E-CASE-MISSING-REQUIRED names the scar") {
    const Diagnostic d = single_error("scars:\n  - id: cheeks\n    severity: 2\n");
    CHECK(d.code == "E-CASE-MISSING-REQUIRED");
    CHECK(d.message == "scar 'cheeks': scar.type is required");
    CHECK(d.line == 2);
    CHECK(d.column == 5);
  }
  SECTION("E-CASE-DUPLICATE-SCAR") {
    const Diagnostic d =
        single_error("scars:\n  - {id: cheeks, type: rolling}\n  - {id: cheeks, type: boxcar}\n");
    CHECK(d.code == "E-CASE-DUPLICATE-SCAR");
    CHECK(contains(d.message, "'cheeks'"));
    CHECK(d.line == 3);
    CHECK(d.hint == "the first is at line 2");
  }
  SECTION("E-CASE-NO-SCARS") {
    const Diagnostic d = single_error("patient: {age: 30}\nscars: []\n");
    CHECK(d.code == "E-CASE-NO-SCARS");
    CHECK(d.file == "case.yaml");
  }
  SECTION("E-CASE-NO-SCARS when the key is missing") {
    CHECK(single_error("patient: {age: 30}\n").code == "E-CASE-NO-SCARS");
  }
  SECTION("E-CASE-BAD-SCAR-ID for an empty id") {
    const Diagnostic d = single_error("scars: [{id: \"\", type: rolling}]\n");
    CHECK(d.code == "E-CASE-BAD-SCAR-ID");
    CHECK(contains(d.message, "scar #1"));
  }
}

TEST_CASE("every problem of a case is reported", "[case]") {
  Checked result = check_yaml(
      "patient: {age: -1, fitzpatrick: 9, pregnant: 1}\n"
      "scars:\n"
      "  - {id: a, type: rollng, severity: 0}\n"
      "  - {id: b}\n"
      "  - {id: a, type: boxcar}\n");
  CHECK_FALSE(result.validated.has_value());
  CHECK(codes(result.diagnostics) ==
        std::vector<std::string>{"E-CASE-RANGE", "E-CASE-RANGE", "E-CASE-TYPE",
                                 "E-CASE-UNKNOWN-VALUE", "E-CASE-RANGE", "E-CASE-MISSING-REQUIRED",
                                 "E-CASE-DUPLICATE-SCAR"});
  CHECK(result.diagnostics[5].message == "scar 'b': scar.type is required");
}

TEST_CASE("a case built in code is checked like one read from a file", "[case]") {
  RawCase raw;
  raw.name = "<case>";
  raw.patient.facts.push_back(RawFact{"fitzpatrick", FactValue{std::int64_t{7}}, {}, {}});
  raw.patient.facts.push_back(
      RawFact{"age", FactValue{std::numeric_limits<double>::quiet_NaN()}, {}, {}});
  auto scar = std::make_unique<RawScar>();
  scar->id = "x\ty";
  scar->facts.facts.push_back(RawFact{"type", FactValue{std::string("boxcar")}, {}, {}});
  raw.scars.push_back(std::move(scar));
  Checked result = check_raw(raw);
  CHECK(codes(result.diagnostics) ==
        std::vector<std::string>{"E-CASE-RANGE", "E-CASE-TYPE", "E-CASE-BAD-SCAR-ID"});
  for (const Diagnostic& d : result.diagnostics) {
    CHECK(d.file == "<case>");
    CHECK(d.line == 0);
  }
}

TEST_CASE("canonical JSON sorts keys and normalises values, whatever the input order", "[case]") {
  Checked a = check_yaml(
      "scars:\n"
      "  - {severity: 3, type: rolling, id: cheeks, regions: [chin, forehead], age_months: 2.5}\n"
      "  - {id: \"b\\\"q\", type: boxcar}\n"
      "patient: {fitzpatrick: 5, age: 34.0, isotretinoin: never}\n");
  REQUIRE(a.validated.has_value());
  CHECK(a.validated->canonical_json ==
        R"({"patient":{"age":34,"fitzpatrick":5,"isotretinoin":"never"},)"
        R"("scars":[{"age_months":2.5,"id":"cheeks","regions":["forehead","chin"],)"
        R"("severity":3,"type":"rolling"},{"id":"b\"q","type":"boxcar"}]})");
  // Defaults are not part of the case as given.
  CHECK_FALSE(contains(a.validated->canonical_json, "smoker"));
  // It is real JSON.
  boost::json::value parsed = boost::json::parse(a.validated->canonical_json);
  CHECK(parsed.at("scars").as_array().size() == 2);

  DiagnosticSink sink;
  std::unique_ptr<RawCase> json = read_case_json(
      R"({"patient": {"isotretinoin": "never", "age": 34, "fitzpatrick": 5},
          "scars": [{"id": "cheeks", "regions": ["forehead", "chin"], "type": "rolling",
                     "age_months": 2.5, "severity": 3.0}, {"type": "boxcar", "id": "b\"q"}]})",
      "case.json", sink);
  REQUIRE(json != nullptr);
  Checked b = check_raw(*json);
  REQUIRE(b.validated.has_value());
  CHECK(b.validated->canonical_json == a.validated->canonical_json);
  CHECK(case_digest(*b.validated) == case_digest(*a.validated));
  CHECK(case_digest(*a.validated).rfind("sha256:", 0) == 0);
  CHECK(case_digest(*a.validated).size() == 7 + 64);
}

TEST_CASE("different cases have different digests", "[case]") {
  Checked a = check_yaml("scars: [{id: a, type: boxcar, severity: 2}]\n");
  Checked b = check_yaml("scars: [{id: a, type: boxcar, severity: 3}]\n");
  REQUIRE(a.validated.has_value());
  REQUIRE(b.validated.has_value());
  CHECK(case_digest(*a.validated) != case_digest(*b.validated));
}

TEST_CASE("an int fact takes only integers that fit in 64 bits, never a rounded value",
          "[case][numbers]") {
  SECTION("past the int64 range, whatever the spelling, is E-CASE-RANGE at the value") {
    for (const char* value : {"1e30", "123456789012345678901234567890", "9223372036854775808",
                              "-1e300"}) {
      INFO(value);
      const Diagnostic d = single_error(std::string("patient: {age: ") + value +
                                        "}\nscars: [{id: a, type: boxcar}]\n");
      CHECK(d.code == "E-CASE-RANGE");
      CHECK(contains(d.message, "patient.age must be an integer from 0 to 9223372036854775807"));
      CHECK(d.line == 1);
      CHECK(d.column == 16);
    }
  }
  SECTION("a fraction or exponent past 2^53 cannot stand for one exact integer") {
    const Diagnostic d = single_error("patient: {age: 1e17}\nscars: [{id: a, type: boxcar}]\n");
    CHECK(d.code == "E-CASE-TYPE");
    CHECK(contains(d.message, "patient.age must be an integer written in digits"));
  }
  SECTION("JSON numbers are read the same way") {
    DiagnosticSink sink;
    const std::unique_ptr<RawCase> raw = read_case_json(
        R"({"patient": {"age": 1e30}, "scars": [{"id": "a", "type": "boxcar"}]})", "c.json", sink);
    REQUIRE(raw);
    const Checked result = check_raw(*raw);
    CHECK_FALSE(result.validated);
    CHECK(codes(result.diagnostics) == std::vector<std::string>{"E-CASE-RANGE"});
  }
  SECTION("the largest int64 is accepted") {
    const Checked result = check_yaml(
        "patient: {age: 9223372036854775807}\nscars: [{id: a, type: boxcar}]\n");
    INFO(format_diagnostics(result.diagnostics));
    REQUIRE(result.validated.has_value());
    const Value& age = patient_slot(*result.validated, "age");
    CHECK(age.number.integral);
    CHECK(age.number.integer == 9223372036854775807);
  }
}
