// The public Case API: reading JSON, YAML and files, the errors it throws, and FactSet.
#include <catch2/catch.hpp>
#include <scarwise/scarwise.hpp>
#include <string>
#include <utility>
#include <vector>

namespace {

const std::string kCases = std::string(SCARWISE_TEST_DATA_DIR) + "/cases/";

std::vector<scarwise::Diagnostic> case_errors(const std::string& json) {
  try {
    scarwise::Case::from_json(json, "in.json");
  } catch (const scarwise::CaseError& e) {
    return e.diagnostics();
  }
  FAIL("no CaseError for " << json);
  return {};
}

}  // namespace

TEST_CASE("Case::from_json reads patient facts and scars", "[case]") {
  const scarwise::Case c = scarwise::Case::from_json(
      R"({"patient": {"fitzpatrick": 5, "pregnant": false, "isotretinoin": "never"},
          "scars": [{"id": "cheeks", "type": "rolling", "severity": 3, "age_months": 24.5},
                    {"id": "chin", "regions": ["chin", "jaw"]}]})");
  CHECK(c.patient().keys() == std::vector<std::string>{"fitzpatrick", "pregnant", "isotretinoin"});
  REQUIRE(c.patient().get("fitzpatrick") != nullptr);
  CHECK(std::get<std::int64_t>(*c.patient().get("fitzpatrick")) == 5);
  CHECK(std::get<bool>(*c.patient().get("pregnant")) == false);
  CHECK(c.patient().get("age") == nullptr);
  REQUIRE(c.scar_count() == 2);
  CHECK(c.scar_id(0) == "cheeks");
  CHECK(std::get<std::string>(*c.scar(0).get("type")) == "rolling");
  CHECK(std::get<double>(*c.scar(0).get("age_months")) == 24.5);
  CHECK(c.scar(0).get("id") == nullptr);
  CHECK(std::get<std::vector<std::string>>(*c.scar(1).get("regions")) ==
        std::vector<std::string>{"chin", "jaw"});
  CHECK_THROWS_AS(c.scar_id(2), std::out_of_range);
  CHECK_THROWS_AS(c.scar(2), std::out_of_range);
}

TEST_CASE("Case::from_json throws CaseError with located diagnostics", "[case]") {
  SECTION("syntax") {
    const auto d = case_errors("{\"patient\": {\n  \"age\": 3,,}}");
    REQUIRE(d.size() == 1);
    CHECK(d[0].code == "E-CASE-SYNTAX");
    CHECK(d[0].file == "in.json");
    CHECK(d[0].line == 2);
    CHECK(d[0].column == 12);
    CHECK(d[0].to_string().rfind("in.json:2:12: error", 0) == 0);
  }
  SECTION("duplicate keys") {
    const auto d = case_errors(R"({"scars": [], "patient": {}, "scars": []})");
    REQUIRE(d.size() == 1);
    CHECK(d[0].code == "E-CASE-DUPLICATE-KEY");
    CHECK(d[0].column == 30);
  }
  SECTION("NaN") { CHECK(case_errors(R"({"patient": {"age": NaN}})")[0].code == "E-CASE-SYNTAX"); }
  SECTION("trailing content") {
    CHECK(case_errors(R"({"scars": []} [])")[0].code == "E-CASE-SYNTAX");
  }
  SECTION("unknown key") {
    const auto d = case_errors(R"({"patients": {}})");
    REQUIRE(d.size() == 1);
    CHECK(d[0].code == "E-CASE-UNKNOWN-KEY");
    CHECK(d[0].hint == "did you mean 'patient'?");
  }
  SECTION("what() summarises the first error") {
    try {
      scarwise::Case::from_json("[]");
      FAIL("no exception");
    } catch (const scarwise::CaseError& e) {
      CHECK(std::string(e.what()).find("E-CASE-SHAPE") != std::string::npos);
    }
  }
}

TEST_CASE("Case::from_yaml reads the same strict subset", "[case]") {
  const scarwise::Case c = scarwise::Case::from_yaml(
      "patient: {fitzpatrick: 2, pregnant: true}\nscars:\n  - id: forehead\n    type: boxcar\n");
  CHECK(std::get<bool>(*c.patient().get("pregnant")) == true);
  CHECK(c.scar_id(0) == "forehead");
  CHECK_THROWS_AS(scarwise::Case::from_yaml("patient: {age: 010}\n"), scarwise::CaseError);
  CHECK_THROWS_AS(scarwise::Case::from_yaml("patient: [\n"), scarwise::CaseError);
}

TEST_CASE("Case::from_file picks the format by extension", "[case]") {
  const scarwise::Case json = scarwise::Case::from_file(kCases + "rolling_cheeks.json");
  const scarwise::Case yaml = scarwise::Case::from_file(kCases + "rolling_cheeks.yaml");
  CHECK(json.patient().keys() == yaml.patient().keys());
  REQUIRE(json.scar_count() == yaml.scar_count());
  for (std::size_t i = 0; i < json.scar_count(); ++i) {
    CHECK(json.scar_id(i) == yaml.scar_id(i));
    for (const std::string& key : json.scar(i).keys()) {
      REQUIRE(yaml.scar(i).get(key) != nullptr);
      CHECK(*json.scar(i).get(key) == *yaml.scar(i).get(key));
    }
  }
  try {
    scarwise::Case::from_file(kCases + "duplicate_key.json");
    FAIL("no exception");
  } catch (const scarwise::CaseError& e) {
    REQUIRE(e.diagnostics().size() == 1);
    CHECK(e.diagnostics()[0].code == "E-CASE-DUPLICATE-KEY");
    CHECK(e.diagnostics()[0].file == kCases + "duplicate_key.json");
    CHECK(e.diagnostics()[0].line == 5);
    CHECK(e.diagnostics()[0].column == 5);
  }
}

TEST_CASE("a case file that cannot be read is E-CASE-READ", "[case]") {
  for (const std::string& path : {kCases + "no_such_case.json", kCases}) {
    INFO(path);
    try {
      scarwise::Case::from_file(path);
      FAIL("no exception");
    } catch (const scarwise::CaseError& e) {
      REQUIRE(e.diagnostics().size() == 1);
      CHECK(e.diagnostics()[0].code == "E-CASE-READ");
      CHECK(e.diagnostics()[0].file == path);
      CHECK(e.diagnostics()[0].line == 0);
    }
  }
}

TEST_CASE("FactSet sets, replaces, unsets and lists facts in order", "[case]") {
  scarwise::Case c;
  CHECK(c.scar_count() == 0);
  c.patient().set("fitzpatrick", 5).set("pregnant", false).set("weight", 61.5);
  c.patient().set("isotretinoin", "stopped").set("note", std::string("x"));
  c.patient().set("big", 5000000000LL).set("l", 7L);
  CHECK(c.patient().keys() == std::vector<std::string>{"fitzpatrick", "pregnant", "weight",
                                                       "isotretinoin", "note", "big", "l"});
  CHECK(std::get<std::int64_t>(*c.patient().get("fitzpatrick")) == 5);
  CHECK(std::get<double>(*c.patient().get("weight")) == 61.5);
  CHECK(std::get<std::string>(*c.patient().get("isotretinoin")) == "stopped");
  CHECK(std::get<std::int64_t>(*c.patient().get("big")) == 5000000000LL);

  // Replacing keeps the position; unsetting makes the fact unknown again.
  c.patient().set("fitzpatrick", 2);
  CHECK(std::get<std::int64_t>(*c.patient().get("fitzpatrick")) == 2);
  CHECK(c.patient().keys().front() == "fitzpatrick");
  c.patient().unset("pregnant").unset("not-there");
  CHECK(c.patient().get("pregnant") == nullptr);
  CHECK(c.patient().keys().size() == 6);

  scarwise::FactSet cheeks = c.add_scar("cheeks");
  cheeks.set("type", "rolling");
  // Adding scars does not invalidate earlier views.
  for (int i = 0; i < 50; ++i) c.add_scar("s" + std::to_string(i)).set("severity", i % 4 + 1);
  cheeks.set("regions", std::vector<std::string>{"chin", "cheeks"});
  CHECK(c.scar_count() == 51);
  CHECK(c.scar(0).keys() == std::vector<std::string>{"type", "regions"});
  CHECK(std::get<std::int64_t>(*c.scar(50).get("severity")) == 2);
  CHECK_THROWS_AS(c.patient().set("x", static_cast<const char*>(nullptr)), std::invalid_argument);
}

TEST_CASE("Case copies are deep and moves keep both sides usable", "[case]") {
  scarwise::Case original;
  original.patient().set("age", 40);
  original.add_scar("a").set("type", "boxcar");
  scarwise::Case copy = original;
  copy.patient().set("age", 41);
  copy.scar(0).set("type", "rolling");
  CHECK(std::get<std::int64_t>(*original.patient().get("age")) == 40);
  CHECK(std::get<std::string>(*original.scar(0).get("type")) == "boxcar");

  scarwise::Case assigned;
  assigned = copy;
  CHECK(std::get<std::int64_t>(*assigned.patient().get("age")) == 41);

  scarwise::Case moved = std::move(copy);
  CHECK(moved.scar_count() == 1);
  scarwise::Case target;
  target = std::move(moved);
  CHECK(target.scar_id(0) == "a");
  CHECK(std::get<std::string>(*target.scar(0).get("type")) == "rolling");
}

TEST_CASE("a case is checked against the rule set only when evaluated", "[case]") {
  // Reading does not know the vocabulary: an unknown fact reads fine.
  const scarwise::Case c =
      scarwise::Case::from_json(R"({"scars": [{"id": "a", "colour": "red"}]})");
  CHECK(c.scar(0).get("colour") != nullptr);
}
