// Integers past 2^53 and past 64 bits, end to end: an int fact holds exactly the integer the
// case gives, compares exactly with the literals of a rule, and refuses what it cannot hold.
#include <catch2/catch.hpp>

#include <scarwise/scarwise.hpp>

#include <algorithm>
#include <string>
#include <vector>

namespace {

// One int fact without bounds, and a rule that fires only for 2^53 + 1 exactly.
const std::string kRules =
    "schema_version: 1\n"
    "ruleset: {id: numbers, version: 1.0.0}\n"
    "facts:\n"
    "  patient.count: {type: int}\n"
    "  patient.tally: {type: int, default: 9007199254740992}\n"
    "  scar.type: {type: enum, values: [rolling], required: true}\n"
    "rules:\n"
    "  - id: exact.count\n"
    "    when: patient.count == 9007199254740993\n"
    "    then: {suitability: not_suitable}\n"
    "  - id: exact.tally\n"
    "    when: patient.tally == 9007199254740993\n"
    "    then: {suitability: not_suitable}\n";

scarwise::Suitability verdict(const scarwise::Engine& engine, const std::string& patient_json) {
  const scarwise::Case c = scarwise::Case::from_json(
      R"({"patient": )" + patient_json + R"(, "scars": [{"id": "a", "type": "rolling"}]})");
  return engine.evaluate(c).scars().at(0).suitability;
}

bool has_code(const std::vector<scarwise::Diagnostic>& diagnostics, const std::string& code) {
  return std::any_of(diagnostics.begin(), diagnostics.end(),
                     [&](const scarwise::Diagnostic& d) { return d.code == code; });
}

}  // namespace

TEST_CASE("an int fact compares with an int literal exactly past 2^53", "[api][numbers]") {
  const scarwise::Engine engine{scarwise::RuleSet::load_string(kRules)};
  const auto count = [&](const std::string& value) {
    return verdict(engine, R"({"tally": 0, "count": )" + value + "}");
  };
  CHECK(count("9007199254740992") != scarwise::Suitability::not_suitable);
  CHECK(count("9007199254740993") == scarwise::Suitability::not_suitable);
  CHECK(count("9007199254740994") != scarwise::Suitability::not_suitable);
  // Past 2^53 a fraction does not say which integer it is: this one reads as 2^53.
  CHECK_THROWS_AS(count("9007199254740993.0"), scarwise::CaseError);
}

TEST_CASE("an int fact's default is the exact integer declared", "[api][numbers]") {
  const scarwise::Engine engine{scarwise::RuleSet::load_string(kRules)};
  CHECK(verdict(engine, "{}") != scarwise::Suitability::not_suitable);
}

TEST_CASE("a huge value for an int fact is refused at input, never wrapped", "[api][numbers]") {
  const scarwise::Engine engine{scarwise::RuleSet::load_string(kRules)};
  for (const char* value : {"1e30", "123456789012345678901234567890", "-9223372036854775809"}) {
    INFO(value);
    const scarwise::Case c = scarwise::Case::from_json(
        std::string(R"({"patient": {"count": )") + value +
        R"(}, "scars": [{"id": "a", "type": "rolling"}]})");
    const scarwise::EvalResult result = engine.try_evaluate(c, scarwise::EvalOptions{true});
    CHECK_FALSE(result.ok());
    CHECK(has_code(result.diagnostics, "E-CASE-RANGE"));
  }
  scarwise::Case built;
  built.patient().set("count", 1e30);
  built.add_scar("a").set("type", "rolling");
  CHECK(has_code(engine.validate(built), "E-CASE-RANGE"));
}
