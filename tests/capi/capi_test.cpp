// The C API end to end, called the way a C host or a language binding calls it: status codes,
// errors with located diagnostics, explicit buffer ownership, NULL-safety and threads.
#include <catch2/catch.hpp>

#include <scarwise/scarwise.h>
#include <scarwise/scarwise.hpp>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace {

const std::string kDefaultRules = std::string(SCARWISE_SOURCE_DIR) + "/rules/default";
const std::string kJsonCase =
    std::string(SCARWISE_SOURCE_DIR) + "/examples/cases/surgical-scar.json";
const std::string kYamlCase =
    std::string(SCARWISE_SOURCE_DIR) + "/examples/cases/rolling-acne-dark-skin.yaml";

std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

/// Owns the handles of one test, so that a failed REQUIRE frees them too.
struct Handles {
  scw_ruleset* rules = nullptr;
  scw_engine* engine = nullptr;
  scw_error* error = nullptr;
  char* out = nullptr;
  size_t out_len = 0;

  ~Handles() {
    scw_free(out);
    scw_error_free(error);
    scw_engine_free(engine);
    scw_ruleset_free(rules);
  }

  void load_default() {
    REQUIRE(scw_ruleset_load_file(&rules, kDefaultRules.c_str(), &error) == SCW_OK);
    REQUIRE(scw_engine_new(&engine, rules, &error) == SCW_OK);
  }

  int evaluate(const std::string& text, unsigned flags) {
    scw_free(out);
    scw_error_free(error);
    return scw_engine_evaluate(&out, &out_len, engine, text.data(), text.size(), flags, &error);
  }
};

bool contains(const char* text, const std::string& part) {
  return text != nullptr && std::string(text).find(part) != std::string::npos;
}

}  // namespace

TEST_CASE("C API: version matches the C++ API", "[capi]") {
  CHECK(std::strcmp(scw_version(), scarwise::version()) == 0);
  CHECK(scw_version_number() == scarwise::version_number());
}

TEST_CASE("C API: loads the default rules and reports their identity", "[capi]") {
  Handles h;
  h.load_default();
  CHECK(h.error == nullptr);
  CHECK(std::strcmp(scw_ruleset_id(h.rules), "scarwise-default") == 0);
  CHECK(std::strcmp(scw_ruleset_version(h.rules), "1.1.0") == 0);
  CHECK(std::string(scw_ruleset_digest(h.rules)).rfind("sha256:", 0) == 0);
  CHECK(std::strcmp(scw_ruleset_warnings_json(h.rules), "[]") == 0);
}

TEST_CASE("C API: a rule set that fails to load gives located diagnostics", "[capi]") {
  Handles h;
  const std::string yaml = "schema_version: 1\nruleset: {id: x, version: 1.0.0}\nrulez: []\n";
  REQUIRE(scw_ruleset_load_string(&h.rules, yaml.data(), yaml.size(), "bad.yaml", &h.error) ==
          SCW_ELOAD);
  CHECK(h.rules == nullptr);
  REQUIRE(h.error != nullptr);
  CHECK(scw_error_code(h.error) == SCW_ELOAD);
  CHECK(contains(scw_error_message(h.error), "bad.yaml:3:1"));
  const char* json = scw_error_diagnostics_json(h.error);
  CHECK(contains(json, "\"code\":\"E-UNKNOWN-KEY\""));
  CHECK(contains(json, "\"file\":\"bad.yaml\""));
  CHECK(contains(json, "\"line\":3"));
  CHECK(contains(json, "\"column\":1"));
  CHECK(contains(json, "\"severity\":\"error\""));
  CHECK(contains(json, "\"hint\":\"did you mean 'rules'?\""));
}

TEST_CASE("C API: a missing rule set file is a load error naming the path", "[capi]") {
  Handles h;
  CHECK(scw_ruleset_load_file(&h.rules, "/nonexistent/rules.yaml", &h.error) == SCW_ELOAD);
  CHECK(h.rules == nullptr);
  CHECK(contains(scw_error_message(h.error), "/nonexistent/rules.yaml"));
  CHECK(contains(scw_error_diagnostics_json(h.error), "E-FILE-NOT-FOUND"));
}

TEST_CASE("C API: evaluates a JSON case exactly as the C++ API does", "[capi]") {
  Handles h;
  h.load_default();
  const std::string text = read_text(kJsonCase);
  REQUIRE(h.evaluate(text, 0) == SCW_OK);
  CHECK(h.error == nullptr);
  REQUIRE(h.out != nullptr);
  CHECK(std::strlen(h.out) == h.out_len);
  const scarwise::Engine engine{scarwise::RuleSet::load_file(kDefaultRules)};
  CHECK(std::string(h.out, h.out_len) ==
        engine.evaluate(scarwise::Case::from_json(text)).to_json());
}

TEST_CASE("C API: flags select YAML input, text output and the trace", "[capi]") {
  Handles h;
  h.load_default();
  const std::string yaml = read_text(kYamlCase);
  REQUIRE(h.evaluate(yaml, SCW_EVAL_CASE_YAML) == SCW_OK);
  CHECK(contains(h.out, "\"format\": \"scarwise.assessment/1\""));
  CHECK_FALSE(contains(h.out, "\"trace\""));
  REQUIRE(h.evaluate(yaml, SCW_EVAL_CASE_YAML | SCW_EVAL_EXPLAIN) == SCW_OK);
  CHECK(contains(h.out, "\"trace\""));
  REQUIRE(h.evaluate(yaml, SCW_EVAL_CASE_YAML | SCW_EVAL_TEXT) == SCW_OK);
  CHECK(contains(h.out, "Overall verdict: suitable with caution"));
  CHECK(contains(h.out, "not a diagnosis"));
  REQUIRE(h.evaluate(yaml, SCW_EVAL_CASE_YAML | SCW_EVAL_JSON_LINE) == SCW_OK);
  CHECK(contains(h.out, "{\"format\":\"scarwise.assessment/1\","));
  CHECK(std::string(h.out).find('\n') == std::string::npos);
  CHECK(h.evaluate(yaml, SCW_EVAL_CASE_YAML | SCW_EVAL_TEXT | SCW_EVAL_JSON_LINE) == SCW_EINVAL);
  CHECK(h.evaluate(yaml, 0) == SCW_ECASE);  // YAML is not JSON
  CHECK(h.out == nullptr);
  CHECK(h.evaluate(yaml, SCW_EVAL_CASE_YAML | 64u) == SCW_EINVAL);
  CHECK(contains(scw_error_message(h.error), "unknown flag"));
}

TEST_CASE("C API: a case that does not fit the vocabulary is rejected with diagnostics", "[capi]") {
  Handles h;
  h.load_default();
  REQUIRE(h.evaluate(R"({"patient": {"fitzpatrik": 3}, "scars": [{"id": "a", "type": "rolling"}]})",
                     0) == SCW_ECASE);
  CHECK(h.out == nullptr);
  CHECK(h.out_len == 0);
  CHECK(scw_error_code(h.error) == SCW_ECASE);
  CHECK(contains(scw_error_diagnostics_json(h.error), "E-CASE-UNKNOWN-FACT"));
  CHECK(contains(scw_error_message(h.error), "fitzpatrick"));  // the did-you-mean hint

  REQUIRE(h.evaluate(R"({"patient": {}, "patient": {}, "scars": []})", 0) == SCW_ECASE);
  CHECK(contains(scw_error_diagnostics_json(h.error), "E-CASE-DUPLICATE-KEY"));
}

TEST_CASE("C API: a case over the size limit is refused before it is copied", "[capi]") {
  Handles h;
  h.load_default();
  const std::string too_large(scarwise::CaseOptions{}.max_bytes + 1, ' ');
  CHECK(h.evaluate(too_large, 0) == SCW_ECASE);
  CHECK(contains(scw_error_diagnostics_json(h.error), "E-CASE-TOO-LARGE"));
  try {
    (void)scarwise::Case::from_json(too_large);
    FAIL("the C++ API accepted a case over the limit");
  } catch (const scarwise::CaseError& e) {
    CHECK(scw_error_diagnostics_json(h.error) == scarwise::format_diagnostics_json(e.diagnostics()));
  }
  scw_error_free(h.error);
  h.error = nullptr;
  // The length alone decides: a length no copy could ever hold is refused the same way, and
  // not one byte of the buffer is read (this one holds two).
  const char small[] = "{}";
  CHECK(scw_engine_evaluate(&h.out, &h.out_len, h.engine, small, SIZE_MAX, 0, &h.error) ==
        SCW_ECASE);
  CHECK(contains(scw_error_diagnostics_json(h.error), "E-CASE-TOO-LARGE"));
  CHECK(h.out == nullptr);
}

TEST_CASE("C API: a case full of errors is reported up to the error limit", "[capi]") {
  Handles h;
  h.load_default();
  std::string text = R"({"patient": {)";
  for (int i = 0; i < 1000; ++i) {
    text += std::string(i ? ", " : "") + "\"unknown_" + std::to_string(i) + "\": true";
  }
  text += R"(}, "scars": [{"id": "a", "type": "rolling"}]})";
  REQUIRE(h.evaluate(text, 0) == SCW_ECASE);
  const std::string json = scw_error_diagnostics_json(h.error);
  std::size_t unknown = 0;
  for (std::size_t at = json.find("E-CASE-UNKNOWN-FACT"); at != std::string::npos;
       at = json.find("E-CASE-UNKNOWN-FACT", at + 1)) {
    ++unknown;
  }
  CHECK(unknown == 100);
  CHECK(contains(json.c_str(), R"("code":"E-LIMIT-ERRORS")"));
  CHECK(json.size() < 64u * 1024);
}

TEST_CASE("C API: an omitted fact makes the assessment incomplete, never safer", "[capi]") {
  Handles h;
  h.load_default();
  REQUIRE(h.evaluate(R"({"patient": {}, "scars": [{"id": "a", "type": "rolling"}]})", 0) == SCW_OK);
  CHECK(contains(h.out, "\"complete\": false"));
  CHECK(contains(h.out, "patient.pregnant"));
}

TEST_CASE("C API: misuse is reported, never a crash", "[capi]") {
  Handles h;
  CHECK(scw_ruleset_load_file(nullptr, kDefaultRules.c_str(), &h.error) == SCW_EINVAL);
  CHECK(scw_error_code(h.error) == SCW_EINVAL);
  scw_error_free(h.error);
  h.error = nullptr;
  CHECK(scw_ruleset_load_file(&h.rules, nullptr, nullptr) == SCW_EINVAL);  // error may be NULL
  CHECK(scw_ruleset_load_string(&h.rules, nullptr, 5, nullptr, nullptr) == SCW_EINVAL);
  CHECK(scw_engine_new(&h.engine, nullptr, nullptr) == SCW_EINVAL);
  CHECK(h.engine == nullptr);
  CHECK(scw_engine_evaluate(&h.out, &h.out_len, nullptr, "{}", 2, 0, nullptr) == SCW_EINVAL);
  CHECK(h.out == nullptr);

  // Accessors and destructors accept NULL.
  CHECK(scw_ruleset_id(nullptr) == nullptr);
  CHECK(std::strcmp(scw_ruleset_warnings_json(nullptr), "[]") == 0);
  CHECK(scw_error_code(nullptr) == SCW_OK);
  CHECK(std::strcmp(scw_error_message(nullptr), "") == 0);
  CHECK(std::strcmp(scw_error_diagnostics_json(nullptr), "[]") == 0);
  scw_free(nullptr);
  scw_error_free(nullptr);
  scw_engine_free(nullptr);
  scw_ruleset_free(nullptr);
}

TEST_CASE("C API: every status code has its own description", "[capi]") {
  std::vector<std::string> seen;
  for (int code : {SCW_OK, SCW_EINVAL, SCW_ELOAD, SCW_ECASE, SCW_ENOMEM, SCW_EINTERNAL}) {
    const std::string text = scw_strerror(code);
    CHECK(std::find(seen.begin(), seen.end(), text) == seen.end());
    seen.push_back(text);
  }
  CHECK(std::string(scw_strerror(42)) == "unknown scarwise status code");
}

TEST_CASE("C API: an engine outlives its rule set handle and serves threads", "[capi]") {
  Handles h;
  h.load_default();
  scw_ruleset_free(h.rules);  // the engine keeps the rules alive
  h.rules = nullptr;
  const std::string text = read_text(kJsonCase);
  REQUIRE(h.evaluate(text, 0) == SCW_OK);
  const std::string expected(h.out, h.out_len);

  std::vector<std::string> results(4);
  std::vector<std::thread> threads;
  for (std::string& result : results) {
    threads.emplace_back([&] {
      for (int i = 0; i < 20; ++i) {
        char* out = nullptr;
        size_t len = 0;
        if (scw_engine_evaluate(&out, &len, h.engine, text.data(), text.size(), 0, nullptr) ==
            SCW_OK) {
          result.assign(out, len);
        }
        scw_free(out);
      }
    });
  }
  for (std::thread& t : threads) t.join();
  for (const std::string& result : results) CHECK(result == expected);
}

TEST_CASE("C API: lists the rule set's facts as JSON for an intake form", "[capi][facts]") {
  Handles h;
  h.load_default();
  REQUIRE(scw_ruleset_facts_json(&h.out, &h.out_len, h.rules, &h.error) == SCW_OK);
  CHECK(h.error == nullptr);
  REQUIRE(h.out != nullptr);
  CHECK(std::strlen(h.out) == h.out_len);
  const std::string json(h.out, h.out_len);
  // The same text as the C++ API gives, fact for fact.
  CHECK(json == scarwise::format_facts_json(scarwise::RuleSet::load_file(kDefaultRules).facts()));
  CHECK(json.front() == '[');
  CHECK(contains(h.out, R"({"name":"patient.fitzpatrick","scope":"patient","key":"fitzpatrick",)"
                        R"("type":"int","min":1,"max":6,"values":[],"required":false,)"
                        R"("default":null,"doc":"Fitzpatrick skin phototype)"));
  CHECK(contains(h.out, R"("name":"scar.type","scope":"scar","key":"type","type":"enum",)"));
  CHECK(contains(h.out, R"("values":["pigmentation","erythema","volume_loss"],"required":false,)"
                        R"("default":[],)"));

  scw_free(h.out);
  h.out = nullptr;
  char* again = nullptr;
  REQUIRE(scw_ruleset_facts_json(&again, nullptr, h.rules, nullptr) == SCW_OK);  // length optional
  CHECK(std::string(again) == json);
  scw_free(again);
}

TEST_CASE("C API: validates a case without evaluating it", "[capi][validate]") {
  Handles h;
  h.load_default();
  const std::string json = read_text(kJsonCase);
  CHECK(scw_engine_validate(h.engine, json.data(), json.size(), 0, &h.error) == SCW_OK);
  CHECK(h.error == nullptr);
  const std::string yaml = read_text(kYamlCase);
  CHECK(scw_engine_validate(h.engine, yaml.data(), yaml.size(), SCW_EVAL_CASE_YAML, &h.error) ==
        SCW_OK);
  // The same flags as evaluation: without SCW_EVAL_CASE_YAML a YAML case is not JSON.
  CHECK(scw_engine_validate(h.engine, yaml.data(), yaml.size(), 0, &h.error) == SCW_ECASE);
  CHECK(contains(scw_error_diagnostics_json(h.error), "E-CASE-SYNTAX"));
  scw_error_free(h.error);
  h.error = nullptr;

  const std::string bad =
      R"({"patient": {"fitzpatrik": 3, "age": 400}, "scars": [{"id": "a", "type": "rolling"}]})";
  REQUIRE(scw_engine_validate(h.engine, bad.data(), bad.size(), 0, &h.error) == SCW_ECASE);
  CHECK(scw_error_code(h.error) == SCW_ECASE);
  const std::string diagnostics = scw_error_diagnostics_json(h.error);
  CHECK(contains(diagnostics.c_str(), "E-CASE-UNKNOWN-FACT"));
  CHECK(contains(diagnostics.c_str(), "E-CASE-RANGE"));
  // Exactly the diagnostics evaluation reports for the same case.
  CHECK(h.evaluate(bad, 0) == SCW_ECASE);
  CHECK(scw_error_diagnostics_json(h.error) == diagnostics);

  scw_error* error = nullptr;
  CHECK(scw_engine_validate(h.engine, "{}", 2, 64u, &error) == SCW_EINVAL);
  scw_error_free(error);
  CHECK(scw_engine_validate(h.engine, bad.data(), bad.size(), 0, nullptr) == SCW_ECASE);
}

TEST_CASE("C API: SCW_EINVAL names the function and the argument", "[capi]") {
  Handles h;
  h.load_default();
  scw_ruleset* rules = nullptr;
  scw_engine* engine = nullptr;
  char* out = nullptr;
  size_t len = 0;
  using Call = std::function<int(scw_error**)>;
  // Runs one call with a fresh error handle; it must fail with SCW_EINVAL and this message.
  const auto check_einval = [](const Call& call, const std::string& message) {
    scw_error* error = nullptr;
    CHECK(call(&error) == SCW_EINVAL);
    CHECK(scw_error_code(error) == SCW_EINVAL);
    CHECK(scw_error_message(error) == message);
    scw_error_free(error);
  };
  check_einval([&](auto e) { return scw_ruleset_load_file(nullptr, "x", e); },
               "scw_ruleset_load_file: out is NULL");
  check_einval([&](auto e) { return scw_ruleset_load_file(&rules, nullptr, e); },
               "scw_ruleset_load_file: path is NULL");
  check_einval([&](auto e) { return scw_ruleset_load_string(nullptr, "x", 1, "n", e); },
               "scw_ruleset_load_string: out is NULL");
  check_einval([&](auto e) { return scw_ruleset_load_string(&rules, nullptr, 5, "n", e); },
               "scw_ruleset_load_string: yaml is NULL but yaml_len is 5");
  check_einval([&](auto e) { return scw_ruleset_facts_json(nullptr, &len, h.rules, e); },
               "scw_ruleset_facts_json: out is NULL");
  check_einval([&](auto e) { return scw_ruleset_facts_json(&out, &len, nullptr, e); },
               "scw_ruleset_facts_json: ruleset is NULL");
  check_einval([&](auto e) { return scw_engine_new(nullptr, h.rules, e); },
               "scw_engine_new: out is NULL");
  check_einval([&](auto e) { return scw_engine_new(&engine, nullptr, e); },
               "scw_engine_new: ruleset is NULL");
  const scw_engine* valid = h.engine;
  check_einval([&](auto e) { return scw_engine_evaluate(nullptr, &len, valid, "{}", 2, 0, e); },
               "scw_engine_evaluate: out is NULL");
  check_einval([&](auto e) { return scw_engine_evaluate(&out, &len, nullptr, "{}", 2, 0, e); },
               "scw_engine_evaluate: engine is NULL");
  check_einval([&](auto e) { return scw_engine_evaluate(&out, &len, valid, nullptr, 2, 0, e); },
               "scw_engine_evaluate: case_text is NULL but case_len is 2");
  check_einval([&](auto e) { return scw_engine_evaluate(&out, &len, valid, "{}", 2, 64, e); },
               "scw_engine_evaluate: flags holds unknown flag bits 0x40");
  const unsigned both = SCW_EVAL_TEXT | SCW_EVAL_JSON_LINE;
  check_einval([&](auto e) { return scw_engine_evaluate(&out, &len, valid, "{}", 2, both, e); },
               "scw_engine_evaluate: flags combine SCW_EVAL_TEXT and SCW_EVAL_JSON_LINE, which "
               "exclude each other");
  check_einval([&](auto e) { return scw_engine_validate(nullptr, "{}", 2, 0, e); },
               "scw_engine_validate: engine is NULL");
  check_einval([&](auto e) { return scw_engine_validate(valid, nullptr, 3, 0, e); },
               "scw_engine_validate: case_text is NULL but case_len is 3");
  CHECK(rules == nullptr);
  CHECK(engine == nullptr);
  CHECK(out == nullptr);
}
