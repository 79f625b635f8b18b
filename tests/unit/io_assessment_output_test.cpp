// The assessment JSON contract (DESIGN section 5) and the text report, from hand-built data.
#include <algorithm>
#include <boost/json.hpp>
#include <charconv>
#include <cmath>
#include <cstring>
#include <random>
#include <catch2/catch.hpp>
#include <scarwise/version.hpp>
#include <vector>

#include "io/assessment_json.hpp"
#include "io/assessment_text.hpp"
#include "io/json_writer.hpp"

using namespace scarwise;
using namespace scarwise::internal;

namespace {

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

/// Two scars: a rolling scar with a full plan and every list filled, and a deferred one.
AssessmentData sample(bool explained) {
  AssessmentData data;
  data.suitability = Suitability::defer;
  data.complete = false;
  data.ruleset_id = "scarwise-default";
  data.ruleset_version = "1.0.0";
  data.ruleset_digest = "sha256:" + std::string(64, 'a');
  data.case_digest = "sha256:" + std::string(64, 'b');
  data.explained = explained;

  ScarAssessment cheeks;
  cheeks.id = "cheeks";
  cheeks.suitability = Suitability::suitable_with_caution;
  cheeks.complete = false;
  cheeks.missing_facts = {{"patient.pregnant", {"defer.pregnancy", "avoid.x"}}};
  cheeks.plan = Plan{{4, 6}, {4, 6}, Range{1.5, 2.5}, "plan.rolling"};
  cheeks.combinations = {{"subcision", "Subcision", "plan.rolling"}};
  cheeks.alternatives = {
      {"silicone_gel", "Silicone gel", "alternatives.keloid"},
      {"corticosteroid_injection", "Corticosteroid injection", "alternatives.hypertrophic"}};
  cheeks.avoid = {
      {"fractional_laser_ablative", "Ablative fractional laser", "avoid.ablative-laser-dark-skin"}};
  cheeks.precautions = {{"pih_risk", "Higher risk of \"PIH\".\nUse care.", "avoid.dark"}};
  cheeks.aftercare = {{"sun_protection", "Avoid sun exposure.", "aftercare.standard"}};
  cheeks.reasons = {{"plan.rolling",
                     "Rolling scars",
                     "Rolling scars respond well.",
                     {"alster-2016", "fabbrocini-2009"}}};
  if (explained) {
    cheeks.trace = {{"plan.rolling",
                     RuleOutcome::fired,
                     {{"scar.type", FactValue{std::string("rolling")}},
                      {"scar.depth", FactValue{0.25}},
                      {"patient.pregnant", std::nullopt},
                      {"scar.regions", FactValue{std::vector<std::string>{"chin"}}}},
                     {"suggestion prp suppressed by avoid.x"}},
                    {"defer.pregnancy", RuleOutcome::unknown, {}, {}}};
  }

  ScarAssessment chin;
  chin.id = "chin";
  chin.suitability = Suitability::defer;
  chin.reevaluate_after_weeks = 12;
  chin.reasons = {{"defer.isotretinoin-6m", "Recent systemic isotretinoin", "", {}}};
  data.scars = {cheeks, chin};
  return data;
}

/// The text with every run of spaces and line breaks made one space, so that checks do not
/// depend on where lines wrap.
std::string flat(const std::string& text) {
  std::string out;
  for (char c : text) {
    const bool space = c == ' ' || c == '\n';
    if (space && !out.empty() && out.back() == ' ') continue;
    out += space ? ' ' : c;
  }
  return out;
}

std::vector<std::string> keys_of(const boost::json::object& object) {
  std::vector<std::string> keys;
  for (const auto& member : object) keys.emplace_back(member.key());
  return keys;
}

}  // namespace

TEST_CASE("assessment JSON follows the contract, keys in order", "[io][output]") {
  const std::string text = assessment_to_json(sample(false));
  const boost::json::value doc = boost::json::parse(text);
  const boost::json::object& root = doc.as_object();
  CHECK(keys_of(root) == std::vector<std::string>{"format", "engine", "ruleset", "case_digest",
                                                  "suitability", "complete", "scars"});
  CHECK(root.at("format") == "scarwise.assessment/1");
  CHECK(root.at("engine").at("name") == "scarwise");
  CHECK(root.at("engine").at("version") == SCARWISE_VERSION_STRING);
  CHECK(root.at("ruleset").at("id") == "scarwise-default");
  CHECK(root.at("ruleset").at("version") == "1.0.0");
  CHECK(root.at("ruleset").at("digest").as_string() == ("sha256:" + std::string(64, 'a')).c_str());
  CHECK(root.at("case_digest").as_string() == ("sha256:" + std::string(64, 'b')).c_str());
  CHECK(root.at("suitability") == "defer");
  CHECK(root.at("complete") == false);

  const boost::json::array& scars = root.at("scars").as_array();
  REQUIRE(scars.size() == 2);
  const boost::json::object& cheeks = scars[0].as_object();
  CHECK(keys_of(cheeks) == std::vector<std::string>{"id", "suitability", "complete",
                                                    "missing_facts", "reevaluate_after_weeks",
                                                    "reevaluate_when", "plan", "combinations",
                                                    "alternatives", "avoid", "precautions",
                                                    "aftercare", "reasons"});
  CHECK(cheeks.at("suitability") == "suitable_with_caution");
  CHECK(cheeks.at("missing_facts").at(0).at("fact") == "patient.pregnant");
  CHECK(cheeks.at("missing_facts").at(0).at("rules").at(1) == "avoid.x");
  CHECK(cheeks.at("reevaluate_after_weeks").is_null());
  const boost::json::object& plan = cheeks.at("plan").as_object();
  CHECK(keys_of(plan) ==
        std::vector<std::string>{"sessions", "interval_weeks", "needle_depth_mm", "rule"});
  // Whole numbers are written as integers, others as the shortest exact decimal.
  CHECK(plan.at("sessions").at("min").is_int64());
  CHECK(plan.at("sessions").at("min") == 4);
  CHECK(plan.at("needle_depth_mm").at("max").as_double() == 2.5);
  CHECK(plan.at("rule") == "plan.rolling");
  CHECK(cheeks.at("combinations").at(0).at("name") == "Subcision");
  const boost::json::array& alternatives = cheeks.at("alternatives").as_array();
  REQUIRE(alternatives.size() == 2);
  CHECK(keys_of(alternatives[0].as_object()) == std::vector<std::string>{"id", "name", "rule"});
  CHECK(alternatives[0].at("id") == "silicone_gel");
  CHECK(alternatives[0].at("name") == "Silicone gel");
  CHECK(alternatives[0].at("rule") == "alternatives.keloid");
  CHECK(alternatives[1].at("id") == "corticosteroid_injection");
  CHECK(alternatives[1].at("rule") == "alternatives.hypertrophic");
  CHECK(cheeks.at("avoid").at(0).at("id") == "fractional_laser_ablative");
  CHECK(keys_of(cheeks.at("avoid").at(0).as_object()) ==
        std::vector<std::string>{"id", "name", "rule"});
  CHECK(cheeks.at("avoid").at(0).at("name") == "Ablative fractional laser");
  CHECK(cheeks.at("precautions").at(0).at("text") == "Higher risk of \"PIH\".\nUse care.");
  CHECK(cheeks.at("aftercare").at(0).at("rule") == "aftercare.standard");
  CHECK(keys_of(cheeks.at("reasons").at(0).as_object()) ==
        std::vector<std::string>{"rule", "title", "message", "evidence"});
  CHECK(cheeks.at("reasons").at(0).at("evidence").as_array().size() == 2);

  const boost::json::object& chin = scars[1].as_object();
  CHECK(chin.at("reevaluate_after_weeks") == 12);
  CHECK(chin.at("plan").is_null());
  CHECK(chin.at("combinations").as_array().empty());
  CHECK(chin.at("alternatives").as_array().empty());
  CHECK_FALSE(chin.contains("trace"));
}

TEST_CASE("assessment JSON has a trace only when explained", "[io][output]") {
  const boost::json::value doc = boost::json::parse(assessment_to_json(sample(true)));
  const boost::json::object& cheeks = doc.at("scars").at(0).as_object();
  REQUIRE(cheeks.contains("trace"));
  const boost::json::object& entry = cheeks.at("trace").at(0).as_object();
  CHECK(keys_of(entry) == std::vector<std::string>{"rule", "layer", "result", "facts", "notes"});
  CHECK(entry.at("result") == "fired");
  CHECK(entry.at("facts").at("scar.type") == "rolling");
  CHECK(entry.at("facts").at("scar.depth").as_double() == 0.25);
  CHECK(entry.at("facts").at("patient.pregnant").is_null());
  CHECK(entry.at("facts").at("scar.regions").at(0) == "chin");
  CHECK(entry.at("notes").at(0) == "suggestion prp suppressed by avoid.x");
  CHECK(cheeks.at("trace").at(1).at("result") == "unknown");
  // Explained or not, every scar of an explained assessment has a trace array.
  CHECK(doc.at("scars").at(1).at("trace").as_array().empty());
}

TEST_CASE("assessment JSON text is pretty, deterministic and prints numbers plainly",
          "[io][output]") {
  const AssessmentData data = sample(true);
  const std::string first = assessment_to_json(data);
  CHECK(first == assessment_to_json(data));
  CHECK(first.rfind("{\n  \"format\": \"scarwise.assessment/1\",\n  \"engine\": {\n    \"name\"",
                    0) == 0);
  CHECK(first.back() == '\n');
  CHECK(first[first.size() - 2] == '}');
  CHECK(contains(first, "\"min\": 1.5,"));
  CHECK(contains(first, "\"min\": 4,"));
  CHECK(contains(first, "\"scar.depth\": 0.25,"));
  CHECK(contains(first, "\"combinations\": [],"));
  CHECK_FALSE(contains(first, "E0"));
  CHECK_FALSE(contains(first, "\t"));
}

TEST_CASE("the one-line JSON is the same document without whitespace", "[io][output]") {
  const AssessmentData data = sample(true);
  const std::string line = assessment_to_json_line(data);
  CHECK(line.find('\n') == std::string::npos);
  CHECK(line.rfind("{\"format\":\"scarwise.assessment/1\",\"engine\":{\"name\"", 0) == 0);
  CHECK(contains(line, "\"min\":1.5,"));
  CHECK(contains(line, "\"combinations\":[],"));
  CHECK(boost::json::parse(line) == boost::json::parse(assessment_to_json(data)));
  CHECK(write_compact_json(boost::json::object{{"a", 1}, {"b", boost::json::array{1.5, "x y"}}}) ==
        R"({"a":1,"b":[1.5,"x y"]})");
}

TEST_CASE("JSON numbers are integers when whole, shortest round-trip otherwise", "[io][output]") {
  CHECK(format_json_number(3.0) == "3");
  CHECK(format_json_number(-0.0) == "0");
  CHECK(format_json_number(1.5) == "1.5");
  CHECK(format_json_number(0.1) == "0.1");
  CHECK(format_json_number(-2.25) == "-2.25");
  CHECK(format_json_number(1e300) == "1e+300");
  CHECK(format_json_number(1.0 / 3.0) == "0.3333333333333333");
  CHECK(std::stod(format_json_number(1.0 / 3.0)) == 1.0 / 3.0);
  CHECK(write_pretty_json(boost::json::object{}) == "{}\n");
  CHECK(write_pretty_json(boost::json::array{1, "a\"b"}) == "[\n  1,\n  \"a\\\"b\"\n]\n");
}

namespace {

/// What std::to_chars writes for a double: the shortest text that reads back to it.
std::string shortest_text(double value) {
  char buffer[64];
  return std::string(buffer, std::to_chars(buffer, buffer + sizeof buffer, value).ptr);
}

}  // namespace

// Decimals of up to three places take a shortcut past std::to_chars; it must write the same.
TEST_CASE("JSON numbers of a few decimal places print as std::to_chars prints them",
          "[io][output]") {
  std::mt19937_64 rng(7);
  int compared = 0;
  const auto check = [&](double value) {
    if (std::trunc(value) == value) return;  // whole numbers print as integers
    INFO(shortest_text(value));
    REQUIRE(format_json_number(value) == shortest_text(value));
    ++compared;
  };
  // Every decimal of one to three places near zero and around the ends of the shortcut's
  // range (0.01 and 10^12), both signs.
  for (long n = -200000; n <= 200000; ++n) {
    for (const double scale : {10.0, 100.0, 1000.0}) check(static_cast<double>(n) / scale);
  }
  for (long n = 0; n < 20000; ++n) {
    for (const double scale : {10.0, 100.0, 1000.0}) {
      check((1e12 * scale - static_cast<double>(n)) / scale);
      check(-(1e12 * scale + static_cast<double>(n)) / scale);
    }
  }
  // Random decimals of every magnitude, and random doubles of every bit pattern.
  for (int i = 0; i < 200000; ++i) {
    const auto digits = static_cast<double>(rng() % 1000000000000000ULL);
    check(digits / std::pow(10.0, static_cast<double>(rng() % 20)));
    double any = 0;
    const std::uint64_t bits = rng();
    std::memcpy(&any, &bits, sizeof any);
    if (std::isfinite(any)) check(any);
  }
  CHECK(compared > 1000000);
  CHECK(format_json_number(0.005) == "0.005");
  CHECK(format_json_number(-0.015) == "-0.015");
  CHECK(format_json_number(31.2) == "31.2");
  CHECK(format_json_number(0.0001) == "1e-04");
}

TEST_CASE("strings are escaped byte for byte as Boost.JSON escapes them", "[io][json]") {
  std::string every_ascii;
  for (int c = 0; c < 128; ++c) every_ascii += static_cast<char>(c);
  const std::string multibyte = "caf\xc3\xa9 \xe2\x80\x94 \xf0\x9f\x98\x80";
  for (const std::string& text : {every_ascii, multibyte, std::string(), std::string("\"\\/")}) {
    const boost::json::value value(text);
    CHECK(write_pretty_json(value) == boost::json::serialize(value) + "\n");
    const boost::json::value keyed = boost::json::object{{text, 1}};
    CHECK(write_pretty_json(keyed) ==
          "{\n  " + boost::json::serialize(boost::json::value(text)) + ": 1\n}\n");
  }
}

TEST_CASE("the text report has every section and ends with the disclaimer", "[io][output]") {
  const std::string raw_text = assessment_to_text(sample(true));
  const std::string text = flat(raw_text);
  for (const char* part :
       {"Rule set: scarwise-default 1.0.0",
        "Overall verdict: defer treatment",
        "Complete: no",
        "Scar 'cheeks': suitable with caution",
        "Plan: 4-6 sessions, every 4-6 weeks, needle depth 1.5-2.5 mm (rule plan.rolling)",
        "Consider combining:",
        "Subcision [subcision] (rule plan.rolling)",
        "Instead of microneedling, consider: "
        "- Silicone gel [silicone_gel] (rule alternatives.keloid) "
        "- Corticosteroid injection [corticosteroid_injection] (rule alternatives.hypertrophic) "
        "Avoid:",
        "Ablative fractional laser [fractional_laser_ablative] "
        "(rule avoid.ablative-laser-dark-skin)",
        "Precautions:",
        "Aftercare:",
        "Avoid sun exposure. [sun_protection]",
        "Reasons:",
        "Rolling scars (plan.rolling): Rolling scars respond well. [evidence: "
        "alster-2016, fabbrocini-2009]",
        "Missing information:",
        "patient.pregnant: would settle defer.pregnancy, avoid.x",
        "Trace:",
        "plan.rolling: fired (scar.type = rolling, scar.depth = 0.25, "
        "patient.pregnant = unknown, scar.regions = [chin])",
        "note: suggestion prp suppressed by avoid.x",
        "Scar 'chin': defer treatment",
        "Re-evaluate after: 12 weeks",
        "Plan: none (no plan rule applies)"}) {
    INFO(part);
    CHECK(contains(text, part));
  }
  // Multi-line rule text stays on its line.
  CHECK(contains(text, "Higher risk of \"PIH\". Use care. [pih_risk]"));
  const std::string disclaimer = kDecisionSupportDisclaimer;
  CHECK(disclaimer.rfind("Decision support for trained professionals, not a diagnosis.", 0) == 0);
  REQUIRE(text.size() > disclaimer.size());
  CHECK(text.substr(text.size() - disclaimer.size() - 1) == disclaimer + " ");
  CHECK(raw_text.back() == '\n');
  const bool plain_ascii = std::all_of(raw_text.begin(), raw_text.end(),
                                       [](char c) { return c == '\n' || (c >= 0x20 && c < 0x7f); });
  CHECK(plain_ascii);
}

TEST_CASE("the text report lists alternatives only for a scar that has some", "[io][output]") {
  const std::string text = assessment_to_text(sample(false));
  const std::size_t chin = text.find("Scar 'chin'");
  REQUIRE(chin != std::string::npos);
  CHECK(text.find("Instead of microneedling, consider:") < chin);
  CHECK(text.find("Instead of microneedling, consider:", chin) == std::string::npos);
}

TEST_CASE("the text report wraps long lines at word boundaries", "[io][output]") {
  AssessmentData data = sample(false);
  std::string long_text;
  for (int i = 0; i < 60; ++i) long_text += "word" + std::to_string(i) + " ";
  data.scars[0].precautions[0].text = long_text;
  const std::string text = assessment_to_text(data);
  std::size_t line_start = 0;
  while (line_start < text.size()) {
    const std::size_t line_end = text.find('\n', line_start);
    REQUIRE(line_end != std::string::npos);
    INFO(text.substr(line_start, line_end - line_start));
    CHECK(line_end - line_start <= 100);
    line_start = line_end + 1;
  }
  CHECK(contains(flat(text), "word0 word1 word2"));
  CHECK(contains(flat(text), "word58 word59 [pih_risk]"));
}

TEST_CASE("the text report leaves out the trace unless explained", "[io][output]") {
  const std::string text = flat(assessment_to_text(sample(false)));
  CHECK_FALSE(contains(text, "Trace:"));
  CHECK(assessment_to_text(sample(false)) == assessment_to_text(sample(false)));
  AssessmentData single = sample(false);
  single.scars[0].plan = Plan{{1, 1}, {4, 4}, std::nullopt, "plan.single"};
  single.scars[1].suitability = Suitability::not_suitable;
  single.scars[1].reevaluate_after_weeks.reset();
  const std::string other = flat(assessment_to_text(single));
  CHECK(contains(other, "Plan: 1 session, every 4 weeks (rule plan.single)"));
  CHECK(contains(other, "Scar 'chin': not suitable"));
  CHECK(contains(other, "Plan: none (not suitable)"));
}
