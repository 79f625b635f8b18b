// `scarwise diff` as a library call: a pair of rule sets with planted differences checked
// against an oracle on every case of their joint class space, identical rule sets, the default
// rule set against the clinic overlay example with every witness replayed, and the limits.
#include <catch2/catch.hpp>

#include <scarwise/diff.hpp>
#include <scarwise/engine.hpp>

#include <algorithm>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace {

using scarwise::DiffReport;
using scarwise::RuleSet;

std::string data(const std::string& name) {
  return std::string(SCARWISE_ANALYZE_DATA_DIR) + "/diff/" + name;
}

RuleSet load(const std::string& path) {
  scarwise::LoadOptions options;
  options.rules_path = {std::string(SCARWISE_SOURCE_DIR) + "/rules"};
  return RuleSet::load_file(path, options);
}

std::string number(double x) {
  std::ostringstream out;
  out << x;
  return out.str();
}

std::string range(const scarwise::Range& r) {
  return r.min == r.max ? number(r.min) : number(r.min) + "-" + number(r.max);
}

// One scar's assessment in the terms diff reports, each part a set of "part: value" lines.
std::set<std::string> parts_of(const RuleSet& rules, const std::string& yaml) {
  const scarwise::Engine engine(rules);
  const scarwise::Assessment a = engine.evaluate(scarwise::Case::from_yaml(yaml));
  const scarwise::ScarAssessment& s = a.scars().at(0);
  std::set<std::string> out;
  out.insert(std::string("verdict: ") + scarwise::to_string(s.suitability));
  out.insert("reevaluate_after_weeks: " +
             (s.reevaluate_after_weeks ? std::to_string(*s.reevaluate_after_weeks) : "none"));
  std::string plan = "none";
  if (s.plan) {
    plan = range(s.plan->sessions) + " sessions, every " + range(s.plan->interval_weeks) + " weeks";
    if (s.plan->needle_depth_mm) plan += ", needle depth " + range(*s.plan->needle_depth_mm) + " mm";
  }
  out.insert("plan: " + plan);
  for (const auto& c : s.combinations) out.insert("combinations: " + c.id);
  for (const auto& c : s.alternatives) out.insert("alternatives: " + c.id);
  for (const auto& c : s.avoid) out.insert("avoid: " + c.id);
  for (const auto& c : s.precautions) out.insert("precautions: " + c.id);
  for (const auto& c : s.aftercare) out.insert("aftercare: " + c.id);
  for (const auto& m : s.missing_facts) {
    for (const std::string& rule : m.rules) out.insert("missing_facts: " + m.fact + " (" + rule + ")");
  }
  return out;
}

// Whether a reported change holds between the two assessments.
bool change_holds(const scarwise::DiffChange& c, const std::set<std::string>& before,
                  const std::set<std::string>& after) {
  const std::string p = c.part + ": ";
  const bool listed = c.part != "verdict" && c.part != "plan" && c.part != "reevaluate_after_weeks";
  if (!listed) return before.count(p + c.old_value) && after.count(p + c.new_value);
  if (c.old_value.empty()) return !before.count(p + c.new_value) && after.count(p + c.new_value);
  return before.count(p + c.old_value) && !after.count(p + c.old_value);
}

std::string change_line(const scarwise::DiffChange& c) {
  return c.part + ": " + c.old_value + " -> " + c.new_value;
}

// The class of each fact of a case of the planted pair, as diff writes classes.
struct PlantedCase {
  std::string pregnant, age, fitzpatrick, type, features;

  std::string yaml() const {
    std::string patient;
    if (pregnant != "-") patient += "  pregnant: " + pregnant + "\n";
    if (age != "-") patient += "  age: " + age + "\n";
    if (fitzpatrick != "-") patient += "  fitzpatrick: " + fitzpatrick + "\n";
    std::string out = patient.empty() ? "patient: {}\n" : "patient:\n" + patient;
    out += "scars:\n  - id: s\n    type: " + type + "\n";
    if (features != "-") out += "    features: " + features + "\n";
    return out;
  }
  std::map<std::string, std::string> classes() const {
    const auto age_class = [](const std::string& v) -> std::string {
      if (v == "-") return "not given";
      const int n = std::stoi(v);
      return n < 16 ? "[0, 15]" : n < 18 ? "[16, 17]" : "[18, 120]";
    };
    const auto fitz_class = [](const std::string& v) -> std::string {
      if (v == "-") return "not given";
      const int n = std::stoi(v);
      return n < 4 ? "[1, 3]" : n == 4 ? "== 4" : "[5, 6]";
    };
    return {{"patient.pregnant", pregnant == "-" ? "not given" : pregnant},
            {"patient.age", age_class(age)},
            {"patient.fitzpatrick", fitz_class(fitzpatrick)},
            {"scar.type", type},
            {"scar.features", features == "-" ? "not given"
                              : features.find("volume_loss") != std::string::npos
                                  ? "contains volume_loss"
                                  : "not volume_loss"}};
  }
};

bool inside(const std::vector<scarwise::DiffCondition>& conditions,
            const std::map<std::string, std::string>& classes) {
  for (const scarwise::DiffCondition& c : conditions) {
    const auto it = classes.find(c.fact);
    if (it == classes.end()) return false;
    if (std::find(c.classes.begin(), c.classes.end(), it->second) == c.classes.end()) return false;
  }
  return true;
}

}  // namespace

TEST_CASE("diff lists the planted rule changes by id", "[analyze][diff]") {
  const DiffReport report = scarwise::diff(load(data("old.yaml")), load(data("new.yaml")));
  std::vector<std::string> rules;
  for (const auto& r : report.rules) {
    std::string parts;
    for (const auto& p : r.parts) parts += " " + p;
    rules.push_back(r.kind + " " + r.id + parts + (r.affects_assessment ? "" : " (wording)"));
  }
  CHECK(rules == std::vector<std::string>{
                     "changed defer.pregnancy then.message (wording)", "changed caution.minor when",
                     "changed plan.boxcar then.plan", "removed prp.volume",
                     "added avoid.subcision-dark-skin"});
  CHECK(report.entries.empty());
  CHECK(report.notes.empty());
}

TEST_CASE("diff finds every planted difference and nothing else", "[analyze][diff]") {
  const RuleSet old_rules = load(data("old.yaml"));
  const RuleSet new_rules = load(data("new.yaml"));
  const DiffReport report = scarwise::diff(old_rules, new_rules);
  REQUIRE(report.assessments_differ());

  std::set<std::string> summarised;
  for (const auto& s : report.summaries) summarised.insert(change_line(s.change));
  const std::string plan_old = "4-6 sessions, every 4-6 weeks";
  const std::string plan_new = "5-8 sessions, every 4-6 weeks";
  CHECK(summarised ==
        std::set<std::string>{"verdict: suitable_with_caution -> suitable",
                              "plan: " + plan_old + " -> " + plan_new, "combinations: prp -> ",
                              "combinations: subcision -> ", "avoid:  -> subcision",
                              "missing_facts:  -> patient.fitzpatrick (avoid.subcision-dark-skin)"});

  // Every case of the joint class space (two values of most classes): the oracle says which
  // changes it has; the regions and summaries must say the same.
  std::size_t differing = 0;
  for (const std::string pregnant : {"-", "false", "true"}) {
    for (const std::string age : {"-", "0", "15", "16", "17", "18", "120"}) {
      for (const std::string fitz : {"-", "1", "3", "4", "5", "6"}) {
        for (const std::string type : {"rolling", "boxcar"}) {
          for (const std::string features :
               {"-", "[]", "[pigmentation]", "[volume_loss]", "[pigmentation, volume_loss]"}) {
            const PlantedCase c{pregnant, age, fitz, type, features};
            const int a = age == "-" ? -1 : std::stoi(age);
            const int f = fitz == "-" ? -1 : std::stoi(fitz);
            std::set<std::string> expected;
            if ((a == 16 || a == 17) && pregnant != "true") {
              expected.insert("verdict: suitable_with_caution -> suitable");
            }
            if (type == "boxcar") expected.insert("plan: " + plan_old + " -> " + plan_new);
            if (features.find("volume_loss") != std::string::npos) {
              expected.insert("combinations: prp -> ");
            }
            if (type == "rolling" && f >= 5) expected.insert("combinations: subcision -> ");
            if (f >= 5) expected.insert("avoid:  -> subcision");
            if (f == -1) {
              expected.insert("missing_facts:  -> patient.fitzpatrick (avoid.subcision-dark-skin)");
            }
            INFO(c.yaml());
            // The engines agree with the oracle...
            const auto before = parts_of(old_rules, c.yaml());
            const auto after = parts_of(new_rules, c.yaml());
            std::set<std::string> actual;
            CHECK((before != after) == !expected.empty());
            // ...and the case lies in exactly one region iff it differs, with the region's
            // changes among its own and every change of its own reported or flagged.
            const auto classes = c.classes();
            std::size_t regions = 0;
            for (const auto& r : report.regions) {
              if (!inside(r.conditions, classes)) continue;
              ++regions;
              std::set<std::string> parts_flagged(r.may_also_differ.begin(), r.may_also_differ.end());
              for (const auto& change : r.changes) {
                CHECK(expected.count(change_line(change)) == 1);
                actual.insert(change_line(change));
              }
              for (const std::string& line : expected) {
                const std::string part = line.substr(0, line.find(':'));
                CHECK((actual.count(line) == 1 || parts_flagged.count(part) == 1));
              }
            }
            CHECK(regions == (expected.empty() ? 0u : 1u));
            differing += expected.empty() ? 0 : 1;
            // Each summary covers exactly the cases with its change.
            for (const auto& s : report.summaries) {
              bool covered = false;
              for (const auto& area : s.areas) covered = covered || inside(area.conditions, classes);
              INFO(change_line(s.change));
              CHECK(s.complete);
              CHECK(covered == (expected.count(change_line(s.change)) == 1));
            }
          }
        }
      }
    }
  }
  CHECK(differing > 0);
}

TEST_CASE("every witness of the planted pair shows its changes in both engines",
          "[analyze][diff]") {
  const RuleSet old_rules = load(data("old.yaml"));
  const RuleSet new_rules = load(data("new.yaml"));
  const DiffReport report = scarwise::diff(old_rules, new_rules);
  for (const auto& r : report.regions) {
    CHECK(r.confirmed);
    const auto before = parts_of(old_rules, r.old_case);
    const auto after = parts_of(new_rules, r.new_case);
    for (const auto& c : r.changes) CHECK(change_holds(c, before, after));
  }
  for (const auto& s : report.summaries) {
    for (const auto& area : s.areas) {
      INFO(change_line(s.change) + "\n" + area.new_case);
      CHECK(change_holds(s.change, parts_of(old_rules, area.old_case),
                         parts_of(new_rules, area.new_case)));
    }
  }
}

TEST_CASE("identical rule sets do not differ", "[analyze][diff]") {
  const RuleSet rules = load(std::string(SCARWISE_SOURCE_DIR) + "/rules/default");
  const DiffReport report = scarwise::diff(rules, rules);
  CHECK(report.rules.empty());
  CHECK(report.entries.empty());
  CHECK(report.regions.empty());
  CHECK(report.summaries.empty());
  CHECK_FALSE(report.assessments_differ());
  const DiffReport planted = scarwise::diff(load(data("old.yaml")), load(data("old.yaml")));
  CHECK_FALSE(planted.assessments_differ());
}

TEST_CASE("the default rule set against the clinic overlay", "[analyze][diff]") {
  const RuleSet base = load(std::string(SCARWISE_SOURCE_DIR) + "/rules/default");
  const RuleSet clinic = load(std::string(SCARWISE_SOURCE_DIR) + "/examples/clinic-overlay");
  const DiffReport report = scarwise::diff(base, clinic);

  std::map<std::string, std::string> rules;
  for (const auto& r : report.rules) rules[r.id] = r.kind + (r.how.empty() ? "" : " " + r.how);
  CHECK(rules == std::map<std::string, std::string>{
                     {"defer.pregnancy", "removed disabled by northgate-clinic"},
                     {"caution.minor", "changed overridden by northgate-clinic"},
                     {"clinic.refer-pregnancy", "added"},
                     {"clinic.adjust.severe-boxcar", "added"},
                     {"clinic.caution.sunbed", "added"},
                     {"clinic.cooling-mask-face", "added"}});
  std::set<std::string> entries;
  for (const auto& e : report.entries) entries.insert(e.kind + " " + e.section + " " + e.id);
  CHECK(entries.count("added facts patient.sunbed_use") == 1);
  CHECK(entries.count("changed aftercare sun_protection") == 1);

  std::map<std::string, const scarwise::DiffSummary*> summaries;
  for (const auto& s : report.summaries) summaries[change_line(s.change)] = &s;
  CHECK(summaries.count("verdict: suitable -> suitable_with_caution") == 1);
  CHECK(summaries.count("verdict: defer -> not_suitable") == 1);
  CHECK(summaries.count("verdict: suitable_with_caution -> not_suitable") == 1);
  CHECK(summaries.count("combinations:  -> cooling_mask") == 1);
  // The sunbed precaution is the clinic's alone: exactly the patients who used a sunbed.
  REQUIRE(summaries.count("precautions:  -> no_sunbed") == 1);
  const auto& sunbed = *summaries["precautions:  -> no_sunbed"];
  REQUIRE(sunbed.areas.size() == 1);
  REQUIRE(sunbed.areas[0].conditions.size() == 1);
  CHECK(sunbed.areas[0].conditions[0].fact == "patient.sunbed_use");
  CHECK(sunbed.areas[0].conditions[0].classes == std::vector<std::string>{"true"});
  CHECK(sunbed.causes == std::vector<std::string>{"clinic.caution.sunbed"});
  // Minors lose their re-evaluation date because the clinic makes them not_suitable; the
  // disabled pregnancy deferral only asks for `patient.pregnant` there and sets no date.
  for (const auto& s : report.summaries) {
    if (s.change.part != "reevaluate_after_weeks") continue;
    INFO(change_line(s.change));
    CHECK(s.causes == std::vector<std::string>{"caution.minor"});
  }

  // Every region's witness shows its changes in both engines; the old rule set never sees the
  // clinic's own fact.
  for (const auto& r : report.regions) {
    CHECK(r.confirmed);
    CHECK(r.old_case.find("sunbed_use") == std::string::npos);
    const auto before = parts_of(base, r.old_case);
    const auto after = parts_of(clinic, r.new_case);
    for (const auto& c : r.changes) {
      INFO(change_line(c) + "\n" + r.new_case);
      CHECK(change_holds(c, before, after));
    }
  }
}

TEST_CASE("diff stops at its class budget with a clear error", "[analyze][diff]") {
  const RuleSet base = load(std::string(SCARWISE_SOURCE_DIR) + "/rules/default");
  const RuleSet clinic = load(std::string(SCARWISE_SOURCE_DIR) + "/examples/clinic-overlay");
  scarwise::DiffOptions options;
  options.max_classes = 100;
  CHECK_THROWS_WITH(scarwise::diff(base, clinic, options),
                    Catch::Contains("more than 100 fact classes"));
}

TEST_CASE("diff refuses facts whose types differ", "[analyze][diff]") {
  CHECK_THROWS_WITH(scarwise::diff(load(data("old.yaml")), load(data("retyped.yaml"))),
                    Catch::Contains("'patient.age' is declared as int in the old rule set and as number"));
}

TEST_CASE("the text report prints the conditions a change's areas share once", "[analyze][diff]") {
  const auto area = [](std::vector<scarwise::DiffCondition> conditions, const char* witness) {
    scarwise::DiffArea a;
    a.conditions = std::move(conditions);
    a.old_case = a.new_case = witness;
    return a;
  };
  const scarwise::DiffCondition sunbed{"patient.sunbed_use", {"true"}};
  const scarwise::DiffCondition not_pregnant{"patient.pregnant", {"not given", "false"}};
  DiffReport report;
  report.old_id = "old";
  report.new_id = "new";
  scarwise::DiffRegion region;
  region.confirmed = true;
  report.regions = {region, region};
  scarwise::DiffSummary summary;
  summary.change = {"verdict", "suitable", "suitable_with_caution"};
  summary.areas = {
      area({not_pregnant, {"scar.type", {"boxcar"}}, sunbed}, "patient:\n  sunbed_use: true\n"),
      area({sunbed, not_pregnant, {"scar.type", {"rolling"}}}, "patient:\n  sunbed_use: true\n")};
  summary.regions = 2;
  report.summaries = {summary};
  // The shared conditions once, those that state a value first; then what sets each area apart.
  const std::string text = report.to_text();
  CHECK(text.find("   all with: patient.sunbed_use = true and patient.pregnant in {not given, "
                  "false}\n   - scar.type = boxcar\n") != std::string::npos);
  CHECK(text.find("   - scar.type = rolling\n") != std::string::npos);

  // The broadest groups first: fewer stated values, then fewer conditions.
  report.summaries[0].areas.insert(
      report.summaries[0].areas.begin(),
      area({sunbed, not_pregnant, {"scar.type", {"boxcar", "rolling"}}, {"scar.severity", {"4"}}},
           "patient:\n  sunbed_use: true\n"));
  const std::string ordered = report.to_text();
  const std::size_t boxcar = ordered.find("   - scar.type = boxcar\n");
  const std::size_t severe =
      ordered.find("   - scar.type in {boxcar, rolling} and scar.severity = 4\n");
  REQUIRE(boxcar != std::string::npos);
  REQUIRE(severe != std::string::npos);
  CHECK(boxcar < severe);
  report.summaries[0].areas.erase(report.summaries[0].areas.begin());

  // One area: nothing to factor out.
  report.summaries[0].areas.pop_back();
  const std::string single = report.to_text();
  CHECK(single.find("all with:") == std::string::npos);
  CHECK(single.find("   - scar.type = boxcar and patient.sunbed_use = true and patient.pregnant "
                    "in {not given, false}\n") != std::string::npos);
}
