// RuleSet::facts() and format_facts_json: everything a host needs to build an intake form from
// the rules, including where a case gives each fact and what a left-out fact defaults to.
#include <catch2/catch.hpp>

#include <scarwise/scarwise.hpp>

#include <cstdint>
#include <stdexcept>
#include <string>
#include <variant>
#include <vector>

namespace {

// One fact of every type with a default, and facts without one, in both scopes.
const std::string kRules =
    "schema_version: 1\n"
    "ruleset: {id: intake, version: 1.0.0}\n"
    "facts:\n"
    "  patient.smoker: {type: bool, default: false, doc: Smokes daily.}\n"
    "  patient.age: {type: int, min: 0, max: 120}\n"
    "  patient.sessions_done: {type: int, min: 0, default: 0}\n"
    "  patient.tally: {type: int, default: 9007199254740993}\n"
    "  scar.depth_mm: {type: number, min: 0.25, max: 3, default: 1.5}\n"
    "  scar.type: {type: enum, values: [rolling, boxcar], required: true}\n"
    "  scar.area: {type: enum, values: [face, neck], default: neck}\n"
    "  scar.features: {type: set, values: [pigmentation, erythema, volume_loss],\n"
    "                  default: [volume_loss, pigmentation]}\n"
    "  scar.none: {type: set, values: [a], default: []}\n"
    "rules: []\n";

const scarwise::FactInfo& fact(const std::vector<scarwise::FactInfo>& facts,
                               const std::string& name) {
  for (const scarwise::FactInfo& f : facts) {
    if (f.name == name) return f;
  }
  FAIL("no fact " << name);
  throw std::logic_error("unreachable");
}

template <typename T>
const T& default_of(const scarwise::FactInfo& info) {
  REQUIRE(info.default_value.has_value());
  REQUIRE(std::holds_alternative<T>(*info.default_value));
  return std::get<T>(*info.default_value);
}

}  // namespace

TEST_CASE("facts() gives each fact's scope", "[api][facts]") {
  const std::vector<scarwise::FactInfo> facts = scarwise::RuleSet::load_string(kRules).facts();
  REQUIRE(facts.size() == 9);
  CHECK(fact(facts, "patient.smoker").scope == "patient");
  CHECK(fact(facts, "patient.age").scope == "patient");
  CHECK(fact(facts, "scar.type").scope == "scar");
  CHECK(fact(facts, "scar.features").scope == "scar");
}

TEST_CASE("facts() gives each declared default with the type a case would give", "[api][facts]") {
  const std::vector<scarwise::FactInfo> facts = scarwise::RuleSet::load_string(kRules).facts();
  CHECK(default_of<bool>(fact(facts, "patient.smoker")) == false);
  CHECK(default_of<std::int64_t>(fact(facts, "patient.sessions_done")) == 0);
  // Exactly, not rounded to the nearest double.
  CHECK(default_of<std::int64_t>(fact(facts, "patient.tally")) == 9007199254740993);
  CHECK(default_of<double>(fact(facts, "scar.depth_mm")) == 1.5);
  CHECK(default_of<std::string>(fact(facts, "scar.area")) == "neck");
  // A set default lists its values in declaration order, whatever order the default used.
  CHECK(default_of<std::vector<std::string>>(fact(facts, "scar.features")) ==
        std::vector<std::string>{"pigmentation", "volume_loss"});
  CHECK(default_of<std::vector<std::string>>(fact(facts, "scar.none")).empty());
  // No default declared: the fact is unknown when left out, and says so.
  CHECK_FALSE(fact(facts, "patient.age").default_value.has_value());
  CHECK_FALSE(fact(facts, "scar.type").default_value.has_value());
}

TEST_CASE("format_facts_json lists every member of every fact", "[api][facts]") {
  const std::vector<scarwise::FactInfo> facts = scarwise::RuleSet::load_string(kRules).facts();
  const std::string json = scarwise::format_facts_json(facts);
  CHECK(json.rfind(
            R"([{"name":"patient.smoker","scope":"patient","key":"smoker","type":"bool",)"
            R"("min":null,"max":null,"values":[],"required":false,"default":false,)"
            R"("doc":"Smokes daily."},)",
            0) == 0);
  CHECK(json.find(R"({"name":"patient.age","scope":"patient","key":"age","type":"int",)"
                  R"("min":0,"max":120,"values":[],"required":false,"default":null,"doc":""})") !=
        std::string::npos);
  CHECK(json.find(R"("key":"tally","type":"int","min":null,"max":null,"values":[],)"
                  R"("required":false,"default":9007199254740993,)") != std::string::npos);
  CHECK(json.find(R"("key":"depth_mm","type":"number","min":0.25,"max":3,"values":[],)"
                  R"("required":false,"default":1.5,)") != std::string::npos);
  CHECK(json.find(R"("key":"type","type":"enum","min":null,"max":null,)"
                  R"("values":["rolling","boxcar"],"required":true,"default":null,)") !=
        std::string::npos);
  CHECK(json.find(R"("key":"features","type":"set","min":null,"max":null,)"
                  R"("values":["pigmentation","erythema","volume_loss"],"required":false,)"
                  R"("default":["pigmentation","volume_loss"],)") != std::string::npos);
  CHECK(json.back() == ']');
  CHECK(scarwise::format_facts_json({}) == "[]");
}

TEST_CASE("format_facts_json writes a host-built FactInfo as valid UTF-8", "[api][facts]") {
  scarwise::FactInfo info;
  info.name = "patient.x";
  info.scope = "patient";
  info.type = "enum";
  info.values = {"ok", std::string("bad\xff")};
  info.default_value = std::string("bad\xff");
  const std::string json = scarwise::format_facts_json({info});
  CHECK(json.find('\xff') == std::string::npos);
  CHECK(json.find(R"("key":"x")") != std::string::npos);
}

TEST_CASE("facts of the default rule set: scar.features defaults to none", "[api][facts]") {
  const scarwise::RuleSet rules =
      scarwise::RuleSet::load_file(std::string(SCARWISE_SOURCE_DIR) + "/rules/default");
  const std::vector<scarwise::FactInfo> facts = rules.facts();
  CHECK(default_of<std::vector<std::string>>(fact(facts, "scar.features")).empty());
  CHECK(fact(facts, "scar.features").scope == "scar");
  CHECK(fact(facts, "patient.fitzpatrick").scope == "patient");
}
