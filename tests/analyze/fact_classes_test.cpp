// The classes, representatives and inexact readings of small rule sets, written out by hand.
#include <catch2/catch.hpp>

#include "analyze/fact_class_text.hpp"
#include "analyze/fact_classes.hpp"

#include <scarwise/scarwise.hpp>

#include <string>
#include <vector>

namespace {

using namespace scarwise;
using namespace scarwise::internal;

const std::string kData = SCARWISE_ANALYZE_DATA_DIR;
const std::string kSource = SCARWISE_SOURCE_DIR;

FactId fact_id(const RuleSetModel& model, const std::string& name) {
  const std::optional<FactId> id = model.vocabulary.find(name);
  REQUIRE(id);
  return *id;
}

std::vector<std::string> described(const RuleSetModel& model, const FactClassTable& table,
                                   const std::string& name) {
  const FactId id = fact_id(model, name);
  std::vector<std::string> out;
  for (const FactClass& c : table.fact(id).classes) {
    out.push_back(describe_class(model.vocabulary.fact(id), table.fact(id), c));
  }
  return out;
}

std::vector<std::string> representatives(const RuleSetModel& model, const FactClassTable& table,
                                         const std::string& name) {
  std::vector<std::string> out;
  for (const FactClass& c : table.fact(fact_id(model, name)).classes) {
    out.push_back(c.representative.known() ? format_numeric(c.representative.number) : "?");
  }
  return out;
}

using Strings = std::vector<std::string>;

}  // namespace

TEST_CASE("analyze: int classes have whole-number ends and skip empty intervals",
          "[analyze]") {
  const RuleSet rules = RuleSet::load_file(kData + "/edges.yaml");
  const RuleSetModel& model = *rules.model();
  const FactClassTable table = FactClassTable::build(model);
  // `< 2.5 and > 2` leaves (2, 2.5), which holds no integer; `<= 2.5` cuts between 2 and 3.
  CHECK(described(model, table, "scar.level") ==
        Strings{"unknown", "<= 2", "[3, 6]", "== 7", "== 8", "== 9", "[10, 99]", "== 100",
                ">= 101"});
  CHECK(representatives(model, table, "scar.level") ==
        Strings{"?", "2", "3", "7", "8", "9", "10", "100", "101"});
  // A default means never unknown; the cut at 4 is clipped to the declared 1 to 5.
  CHECK(described(model, table, "scar.grade") == Strings{"[1, 3]", "[4, 5]"});
}

TEST_CASE("analyze: number classes keep open and closed ends exactly", "[analyze]") {
  const RuleSet rules = RuleSet::load_file(kData + "/edges.yaml");
  const RuleSetModel& model = *rules.model();
  const FactClassTable table = FactClassTable::build(model);
  CHECK(described(model, table, "scar.depth") ==
        Strings{"unknown", "[0.5, 1)", "== 1", "(1, 2]", "(2, 2.25)", "== 2.25", "(2.25, 3]"});
  CHECK(representatives(model, table, "scar.depth") ==
        Strings{"?", "0.75", "1", "2", "2.125", "2.25", "3"});
  const FactClasses& depth = table.fact(fact_id(model, "scar.depth"));
  CHECK(depth.classify(Value::of_number(0.9999999999999999)) == 1u);
  CHECK(depth.classify(Value::of_number(1)) == 2u);
  CHECK(depth.classify(Value::of_number(1.0000000000000002)) == 3u);
  CHECK(depth.classify(Value::of_number(2.25)) == 5u);
  CHECK(depth.classify(Value{}) == 0u);
  CHECK_FALSE(depth.classify(Value::of_number(3.5)));  // outside the declared bounds
  CHECK_FALSE(depth.classify(Value::of_bool(true)));   // not a number
}

TEST_CASE("analyze: set classes are the combinations of the contains tests", "[analyze]") {
  const RuleSet rules = RuleSet::load_file(kData + "/edges.yaml");
  const RuleSetModel& model = *rules.model();
  const FactClassTable table = FactClassTable::build(model);
  const Strings tags = described(model, table, "scar.tags");
  REQUIRE(tags.size() == 9);  // unknown, then every subset of {a, b, c}; d is never tested
  CHECK(tags[1] == "not a, not b, not c");
  CHECK(tags[8] == "contains a, contains b, contains c");
  const FactClasses& classes = table.fact(fact_id(model, "scar.tags"));
  // d changes nothing: {d} is in the class of the empty set, {a, d} in the class of {a}.
  CHECK(classes.classify(Value::of_set(0b1000)) == classes.classify(Value::of_set(0)));
  CHECK(classes.classify(Value::of_set(0b1001)) == classes.classify(Value::of_set(0b0001)));
  CHECK(classes.classes[8].representative.bits == 0b0111);
}

TEST_CASE("analyze: bools, enums and unknown", "[analyze]") {
  const RuleSet rules = RuleSet::load_file(kData + "/edges.yaml");
  const RuleSetModel& model = *rules.model();
  const FactClassTable table = FactClassTable::build(model);
  CHECK(described(model, table, "patient.flag_a") == Strings{"unknown", "false", "true"});
  CHECK(described(model, table, "patient.flag_b") == Strings{"false", "true"});
  CHECK(described(model, table, "scar.kind") == Strings{"one", "two", "three"});  // required
  CHECK(described(model, table, "patient.skin") ==
        Strings{"unknown", "light", "medium", "dark"});
  // A fact no rule reads has classes, but adds nothing to the space analysis searches.
  CHECK(described(model, table, "patient.unread") == Strings{"unknown", "[0, 10]"});
  CHECK(table.fact(fact_id(model, "patient.unread")).rules.empty());
  // weight 2, height 2, flag_a 3, flag_b 2, skin 4, tone 4, months 3.
  CHECK(table.class_space(Scope::Patient).count == 1152);
  // kind 3, level 9, depth 7, tags 9, grade 2.
  CHECK(table.class_space(Scope::Scar).count == 3402);
  CHECK_FALSE(table.class_space(Scope::Scar).saturated);
}

TEST_CASE("analyze: readings the classes cannot decide are reported with their rules",
          "[analyze]") {
  const RuleSet rules = RuleSet::load_file(kData + "/edges.yaml");
  const RuleSetModel& model = *rules.model();
  const FactClassTable table = FactClassTable::build(model);
  std::vector<std::string> found;
  for (const Inexactness& inexact : table.inexactness()) {
    found.push_back(model.vocabulary.fact(inexact.fact).name + " " + to_string(inexact.reason) +
                    " in " + model.rules[inexact.rule].id + " (" +
                    model.vocabulary.fact(inexact.other).name + ") " +
                    std::to_string(inexact.affects));
  }
  CHECK(found == Strings{
      "patient.weight used in arithmetic in a condition in weight.arithmetic (patient.weight) 1",
      "patient.height compared with another fact in height.weight (patient.weight) 1",
      "patient.weight compared with another fact in height.weight (patient.height) 1",
      "patient.months used in a reevaluate_after_weeks expression in defer.months "
      "(patient.months) 6"});
  CHECK_FALSE(table.exact());
  CHECK(table.inexact_parts() == (kRuleOutcome | kReevaluateWeeks | kCompleteness));
  // Bools and enums compared with each other are exact: every value is a class of its own.
  CHECK(table.fact(fact_id(model, "patient.flag_a")).exact);
  CHECK(table.fact(fact_id(model, "patient.tone")).exact);
  CHECK_FALSE(table.fact(fact_id(model, "patient.months")).exact);
}

TEST_CASE("analyze: the default rule set's classes", "[analyze]") {
  const RuleSet rules = RuleSet::load_file(kSource + "/rules/default");
  const RuleSetModel& model = *rules.model();
  const FactClassTable table = FactClassTable::build(model);
  CHECK(described(model, table, "patient.fitzpatrick") ==
        Strings{"unknown", "[1, 2]", "== 3", "== 4", "[5, 6]"});
  CHECK(described(model, table, "patient.age") == Strings{"unknown", "[0, 17]", "[18, 120]"});
  CHECK(described(model, table, "scar.severity") ==
        Strings{"unknown", "== 1", "== 2", "== 3", "== 4"});
  CHECK(described(model, table, "scar.features") ==
        Strings{"not pigmentation, not volume_loss", "contains pigmentation, not volume_loss",
                "not pigmentation, contains volume_loss",
                "contains pigmentation, contains volume_loss"});
  // The one inexact reading: the isotretinoin wait computed from the months since the dose.
  REQUIRE(table.inexactness().size() == 1);
  const Inexactness& inexact = table.inexactness().front();
  CHECK(model.vocabulary.fact(inexact.fact).name == "patient.months_since_isotretinoin");
  CHECK(inexact.reason == InexactReason::ReevaluateWeeks);
  CHECK(inexact.affects == (kReevaluateWeeks | kCompleteness));
  CHECK(described(model, table, "patient.months_since_isotretinoin") ==
        Strings{"unknown", "[0, 6)", ">= 6"});
}

TEST_CASE("analyze: a fact past the class budget stops the build", "[analyze]") {
  const RuleSet rules = RuleSet::load_file(kData + "/edges.yaml");
  FactClassLimits limits;
  limits.max_classes_per_fact = 7;  // scar.tags and scar.level need 8 each, besides unknown
  CHECK_THROWS_AS(FactClassTable::build(*rules.model(), limits), ClassBudgetExceeded);
  limits.max_classes_per_fact = 8;
  CHECK_NOTHROW(FactClassTable::build(*rules.model(), limits));
}
