// Test-file defaults: how file and group defaults merge into each test's case, how a null
// leaves a fact out, and how the merged case is shown.
#include <catch2/catch.hpp>
#include <memory>
#include <string>
#include <vector>

#include "testing/case_text.hpp"
#include "testing/test_file_reader.hpp"

namespace {

using scarwise::FactValue;
using scarwise::internal::TestSpec;
using scarwise::internal::TestSuiteData;

std::shared_ptr<TestSuiteData> read(const std::string& yaml) {
  scarwise::internal::DiagnosticSink sink;
  auto data = scarwise::internal::read_test_file(yaml, "t.yaml", {}, nullptr, sink);
  for (const scarwise::Diagnostic& d : sink.take()) UNSCOPED_INFO(d.to_string());
  REQUIRE(data);
  return data;
}

const TestSpec& test_named(const TestSuiteData& data, const std::string& name) {
  for (const TestSpec& spec : data.tests) {
    if (spec.name == name) return spec;
  }
  FAIL("no test " << name);
  return data.tests.front();
}

/// The patient keys of a test's merged case, in order.
std::vector<std::string> patient_keys(const TestSpec& spec) {
  REQUIRE(spec.test_case);
  return spec.test_case->patient().keys();
}

std::vector<std::string> scar_keys(const TestSpec& spec, std::size_t index) {
  REQUIRE(spec.test_case);
  return spec.test_case->scar(index).keys();
}

FactValue patient_fact(const TestSpec& spec, const std::string& key) {
  REQUIRE(spec.test_case);
  const FactValue* value = spec.test_case->patient().get(key);
  REQUIRE(value);
  return *value;
}

FactValue scar_fact(const TestSpec& spec, std::size_t index, const std::string& key) {
  REQUIRE(spec.test_case);
  const FactValue* value = spec.test_case->scar(index).get(key);
  REQUIRE(value);
  return *value;
}

const std::string kFile =
    "schema_version: 1\n"
    "defaults:\n"
    "  patient: {age: 30, pregnant: false, smoker: false}\n"
    "  scar: {area: face, severity: 2}\n"
    "tests:\n"
    "  - name: plain\n"
    "    case: {scars: [{id: a, type: rolling}]}\n"
    "    expect: {}\n"
    "  - name: overrides\n"
    "    case:\n"
    "      patient: {age: 41, fitzpatrick: 5}\n"
    "      scars: [{id: a, type: boxcar, severity: 4}, {id: b, type: keloid, area: chest}]\n"
    "    expect: {}\n"
    "  - name: nulls\n"
    "    case:\n"
    "      patient: {pregnant: null, hsv_history: ~}\n"
    "      scars: [{id: a, type: rolling, area: null}]\n"
    "    expect: {}\n"
    "  - group: HSV history\n"
    "    defaults:\n"
    "      patient: {hsv_history: true, smoker: null, age: 25}\n"
    "      scar: {severity: 3}\n"
    "    tests:\n"
    "      - name: plain\n"
    "        case: {scars: [{id: a, type: rolling}]}\n"
    "        expect: {}\n"
    "      - name: smoker again\n"
    "        case: {patient: {smoker: true}, scars: [{id: a, type: rolling}]}\n"
    "        expect: {}\n";

}  // namespace

TEST_CASE("file defaults are merged under every test's case", "[test_defaults]") {
  const auto data = read(kFile);
  SECTION("a test that gives no patient gets the defaults") {
    const TestSpec& plain = test_named(*data, "plain");
    CHECK(patient_keys(plain) == std::vector<std::string>{"age", "pregnant", "smoker"});
    CHECK(patient_fact(plain, "age") == FactValue{std::int64_t{30}});
    CHECK(scar_keys(plain, 0) == std::vector<std::string>{"area", "severity", "type"});
  }
  SECTION("the test's keys win and new keys are added") {
    const TestSpec& overrides = test_named(*data, "overrides");
    CHECK(patient_keys(overrides) ==
          std::vector<std::string>{"age", "pregnant", "smoker", "fitzpatrick"});
    CHECK(patient_fact(overrides, "age") == FactValue{std::int64_t{41}});
    CHECK(patient_fact(overrides, "pregnant") == FactValue{false});
  }
  SECTION("every scar gets the scar defaults, its own keys winning") {
    const TestSpec& overrides = test_named(*data, "overrides");
    REQUIRE(overrides.test_case->scar_count() == 2);
    CHECK(scar_fact(overrides, 0, "severity") == FactValue{std::int64_t{4}});
    CHECK(scar_fact(overrides, 0, "area") == FactValue{std::string("face")});
    CHECK(scar_fact(overrides, 1, "severity") == FactValue{std::int64_t{2}});
    CHECK(scar_fact(overrides, 1, "area") == FactValue{std::string("chest")});
    CHECK(overrides.test_case->scar_id(1) == "b");
  }
  SECTION("a null in the case leaves the fact out, whether or not a default gives it") {
    const TestSpec& nulls = test_named(*data, "nulls");
    CHECK(nulls.case_diagnostics.empty());
    CHECK(patient_keys(nulls) == std::vector<std::string>{"age", "smoker"});
    CHECK(scar_keys(nulls, 0) == std::vector<std::string>{"severity", "type"});
  }
}

TEST_CASE("group defaults are merged over the file's, for the group only", "[test_defaults]") {
  const auto data = read(kFile);
  REQUIRE(data->tests.size() == 5);
  const TestSpec& grouped = test_named(*data, "HSV history / plain");
  CHECK(patient_keys(grouped) == std::vector<std::string>{"age", "pregnant", "hsv_history"});
  CHECK(patient_fact(grouped, "age") == FactValue{std::int64_t{25}});
  CHECK(scar_fact(grouped, 0, "severity") == FactValue{std::int64_t{3}});
  CHECK(scar_fact(grouped, 0, "area") == FactValue{std::string("face")});
  // A null in the group's defaults leaves out the file's default, unless the test gives it.
  CHECK(patient_fact(test_named(*data, "HSV history / smoker again"), "smoker") == FactValue{true});
  // Tests outside the group are untouched by its defaults.
  CHECK(test_named(*data, "plain").test_case->patient().get("hsv_history") == nullptr);
}

TEST_CASE("a fact given by the defaults is located where the defaults give it", "[test_defaults]") {
  const std::string yaml =
      "schema_version: 1\n"
      "defaults:\n"
      "  patient: {age: [1, 2]}\n"
      "tests:\n"
      "  - name: t\n"
      "    case: {scars: [{id: a, type: rolling}]}\n"
      "    expect: {}\n";
  scarwise::internal::DiagnosticSink sink;
  auto data = scarwise::internal::read_test_file(yaml, "t.yaml", {}, nullptr, sink);
  // The shape of a default is a file error, reported once at the default.
  CHECK_FALSE(data);
  const std::vector<scarwise::Diagnostic> errors = sink.take();
  REQUIRE_FALSE(errors.empty());
  CHECK(errors.front().code == "E-CASE-SHAPE");
  CHECK(errors.front().line == 3);
  CHECK(errors.front().column == 19);
}

TEST_CASE("the merged case is shown as compact YAML", "[test_defaults]") {
  const auto data = read(kFile);
  CHECK(test_named(*data, "overrides").case_text ==
        "patient: {age: 41, pregnant: false, smoker: false, fitzpatrick: 5}\n"
        "scars:\n"
        "  - {id: a, area: face, severity: 4, type: boxcar}\n"
        "  - {id: b, area: chest, severity: 2, type: keloid}\n");
  CHECK(test_named(*data, "nulls").case_text ==
        "patient: {age: 30, smoker: false}\n"
        "scars:\n"
        "  - {id: a, severity: 2, type: rolling}\n");
}

TEST_CASE("the shown case is escaped and capped", "[test_defaults]") {
  std::string many_scars;
  for (int i = 0; i < 25; ++i)
    many_scars += (i ? ", " : "") + std::string("{id: s") + std::to_string(i) + "}";
  const std::string long_word(300, 'x');
  const auto data = read(
      "schema_version: 1\n"
      "tests:\n"
      "  - name: t\n"
      "    case:\n"
      "      patient: {a: " +
      long_word + ", b: " + long_word + ", c: " + long_word + ", d: " + long_word +
      ", e: " + long_word + ", f: " + long_word + ", g: " + long_word + ", h: " + long_word +
      ", i: " + long_word + ", j: " + long_word + ", k: " + long_word + ", l: " + long_word +
      ", m: " + long_word +
      ", n: \"\\u202Eevil\"}\n"
      "      scars: [" +
      many_scars +
      "]\n"
      "    expect: {}\n");
  const std::string& text = data->tests.front().case_text;
  const std::size_t first_line_end = text.find('\n');
  // Each value at most 80 bytes, the line at most kMaxCaseLineBytes and an ellipsis.
  CHECK(first_line_end <= scarwise::internal::kMaxCaseLineBytes + 3);
  CHECK(text.substr(first_line_end - 3, 3) == "…");
  CHECK(text.find(std::string(81, 'x')) == std::string::npos);
  CHECK(text.find("  - {id: s19}\n") != std::string::npos);
  CHECK(text.find("s20") == std::string::npos);
  CHECK(text.find("# and 5 more scars\n") != std::string::npos);

  const auto quoted = read(
      "schema_version: 1\n"
      "tests:\n"
      "  - name: t\n"
      "    case: {patient: {n: \"\\u202Eevil\", q: \"5\"}, scars: [{id: a}]}\n"
      "    expect: {}\n");
  CHECK(quoted->tests.front().case_text ==
        "patient: {n: '\\u{202E}evil', q: '5'}\nscars:\n  - {id: a}\n");
}
