// The property the finite abstraction promises: replacing every fact of a case by the
// representative of its class (unknown stays unknown) leaves the assessment as it was. Checked
// on thousands of random cases per rule set, two ways: strictly, with the facts the table
// reports as inexact left as they are; and with every fact replaced, the reported parts of the
// assessment masked. It must also be able to fail: joining two classes, as a missed threshold
// would, is caught, and a rule set with inexact readings does differ where they are reported.
#include <catch2/catch.hpp>

#include "analyze/fact_class_text.hpp"
#include "class_cases.hpp"

#include "generated_rules.hpp"

#include <cstdio>
#include <set>

namespace {

using namespace scarwise;
using namespace scarwise::internal;
using scarwise::analyze_test::CaseValues;
using scarwise::analyze_test::RandomCases;

constexpr int kCasesPerRuleSet = 3000;

const std::string kData = SCARWISE_ANALYZE_DATA_DIR;
const std::string kSource = SCARWISE_SOURCE_DIR;

/// How a concrete and an abstracted case are compared: the facts left concrete, and the
/// OutputPart bits masked.
struct Comparison {
  std::vector<bool> keep;
  std::uint8_t masked = 0;
};

/// Everything abstracted; only what the table reports may differ.
Comparison masked_comparison(const FactClassTable& table) {
  Comparison comparison;
  comparison.keep.assign(table.facts().size(), false);
  // A rule whose firing the classes cannot decide may change anything: its facts stay as they
  // are, and the strict comparison covers the rest.
  for (const Inexactness& inexact : table.inexactness()) {
    if (inexact.affects & kRuleOutcome) comparison.keep[inexact.fact] = true;
  }
  for (const Inexactness& inexact : table.inexactness()) {
    if (!comparison.keep[inexact.fact]) comparison.masked |= inexact.affects;
  }
  return comparison;
}

/// Every inexact fact left concrete; nothing masked.
Comparison strict_comparison(const FactClassTable& table) {
  Comparison comparison;
  comparison.keep.assign(table.facts().size(), false);
  for (const Inexactness& inexact : table.inexactness()) comparison.keep[inexact.fact] = true;
  return comparison;
}

/// Every fact abstracted, nothing masked: what a report of inexact readings warns about.
Comparison naive_comparison(const FactClassTable& table) {
  Comparison comparison;
  comparison.keep.assign(table.facts().size(), false);
  return comparison;
}

std::string line_of(const Engine& engine, const Vocabulary& vocabulary, const CaseValues& values,
                    std::uint8_t masked) {
  const Assessment a = engine.evaluate(analyze_test::to_case(vocabulary, values));
  return analyze_test::comparable_line(a.to_json_line(), masked);
}

/// How many of `count` random cases assess differently once abstracted by `classes`. With
/// `require_same`, the first difference fails the test, showing both lines.
int differing_cases(const RuleSet& rules, const std::vector<FactClasses>& classes,
                    const Comparison& comparison, int count, std::uint64_t seed,
                    bool require_same) {
  const Engine engine{rules};
  const RuleSetModel& model = *rules.model();
  RandomCases cases(model, seed);
  int differing = 0;
  for (int i = 0; i < count; ++i) {
    const CaseValues values = cases.next();
    const CaseValues abstracted = analyze_test::abstract_case(classes, values, comparison.keep);
    const std::string concrete = line_of(engine, model.vocabulary, values, comparison.masked);
    const std::string abstract = line_of(engine, model.vocabulary, abstracted, comparison.masked);
    if (concrete == abstract) continue;
    ++differing;
    if (require_same) {
      INFO("case " << i << "\nconcrete: " << concrete << "\nabstract: " << abstract);
      REQUIRE(concrete == abstract);
    }
  }
  return differing;
}

std::string count_text(const ClassCount& count) {
  return count.saturated ? "over 2^64" : std::to_string(count.count);
}

/// The property on one rule set, with its figures printed for the record.
void check_abstraction(const RuleSet& rules, const std::string& name, std::uint64_t seed) {
  const FactClassTable table = FactClassTable::build(*rules.model());
  INFO("rule set " << name);
  differing_cases(rules, table.facts(), strict_comparison(table), kCasesPerRuleSet, seed, true);
  const Comparison masked = masked_comparison(table);
  differing_cases(rules, table.facts(), masked, kCasesPerRuleSet, seed + 1, true);
  int naive = 0;
  if (!table.exact()) {
    // The report is not idle: abstracting the reported facts too does change assessments.
    naive = differing_cases(rules, table.facts(), naive_comparison(table), kCasesPerRuleSet,
                            seed + 2, false);
    CHECK(naive > 0);
  }
  std::printf("%s: %d rules, class space %s per patient x %s per scar, %zu inexact "
              "readings, %d cases equal strictly and %d masked; with nothing masked %d of %d "
              "differ\n",
              name.c_str(), static_cast<int>(rules.model()->rules.size()),
              count_text(table.class_space(Scope::Patient)).c_str(),
              count_text(table.class_space(Scope::Scar)).c_str(), table.inexactness().size(),
              kCasesPerRuleSet, kCasesPerRuleSet, naive, table.exact() ? 0 : kCasesPerRuleSet);
}

RuleSet generated(const bench::ScratchDirectory& dir, int rules, int facts, std::uint32_t seed) {
  return RuleSet::load_file(bench::write_generated_ruleset(dir.path(), rules, facts, seed));
}

/// `classes` with interval classes `index` and `index + 1` of `fact` joined into one, as if the
/// threshold between them had been missed.
std::vector<FactClasses> join_classes(std::vector<FactClasses> classes, FactId fact,
                                      std::size_t index) {
  std::vector<FactClass>& list = classes[fact].classes;
  list[index].interval.upper = list[index + 1].interval.upper;
  list.erase(list.begin() + static_cast<std::ptrdiff_t>(index) + 1);
  return classes;
}

}  // namespace

TEST_CASE("analyze: cases in the same classes get the same assessment (default rules)",
          "[analyze][property]") {
  check_abstraction(RuleSet::load_file(kSource + "/rules/default"), "rules/default", 11);
}

TEST_CASE("analyze: cases in the same classes get the same assessment (test rule sets)",
          "[analyze][property]") {
  check_abstraction(RuleSet::load_file(kSource + "/tests/data/good_rules/single.yaml"),
                    "good_rules/single.yaml", 21);
  check_abstraction(RuleSet::load_file(kSource + "/tests/data/good_rules/clinic"),
                    "good_rules/clinic", 31);
  LoadOptions options;
  options.rules_path = {kSource + "/rules"};
  check_abstraction(RuleSet::load_file(kSource + "/examples/clinic-overlay", options),
                    "examples/clinic-overlay", 41);
  check_abstraction(RuleSet::load_file(kData + "/edges.yaml"), "analyze/edges.yaml", 51);
}

TEST_CASE("analyze: cases in the same classes get the same assessment (generated rules)",
          "[analyze][property]") {
  const bench::ScratchDirectory small("scarwise-analyze");
  check_abstraction(generated(small, 30, 8, 7), "generated 30 rules, 8 facts", 61);
  const bench::ScratchDirectory large("scarwise-analyze");
  check_abstraction(generated(large, 300, 24, 8), "generated 300 rules, 24 facts", 71);
}

TEST_CASE("analyze: the property test catches every threshold of the default rules missed",
          "[analyze][property]") {
  const RuleSet rules = RuleSet::load_file(kSource + "/rules/default");
  const RuleSetModel& model = *rules.model();
  const FactClassTable table = FactClassTable::build(model);
  const Comparison comparison = masked_comparison(table);
  int joins = 0;
  for (const FactClasses& facts : table.facts()) {
    for (std::size_t i = 0; i + 1 < facts.classes.size(); ++i) {
      if (facts.classes[i].kind != FactClass::Kind::Interval) continue;
      const FactDecl& decl = model.vocabulary.fact(facts.fact);
      INFO(decl.name << ": " << describe_class(decl, facts, facts.classes[i]) << " joined with "
                     << describe_class(decl, facts, facts.classes[i + 1]));
      const std::vector<FactClasses> wrong = join_classes(table.facts(), facts.fact, i);
      CHECK(differing_cases(rules, wrong, comparison, kCasesPerRuleSet, 81 + i, false) > 0);
      ++joins;
    }
  }
  CHECK(joins == 12);  // age, fitzpatrick (3), months, severity (3), age_months (4)
}

TEST_CASE("analyze: the isotretinoin wait is reported inexact because it differs within a class",
          "[analyze][property]") {
  const RuleSet rules = RuleSet::load_file(kSource + "/rules/default");
  const RuleSetModel& model = *rules.model();
  const FactClassTable table = FactClassTable::build(model);
  const Engine engine{rules};
  Case c;
  c.patient().set("isotretinoin", "stopped").set("months_since_isotretinoin", 1.0);
  c.add_scar("a").set("type", "rolling");
  Case representative = c;
  const FactId months = *model.vocabulary.find("patient.months_since_isotretinoin");
  const Value& value = table.representative(months, *table.classify(months, Value::of_number(1)));
  representative.patient().set("months_since_isotretinoin", to_double(value.number));
  CHECK(to_double(value.number) == 0);
  const std::string one = engine.evaluate(c).to_json_line();
  const std::string zero = engine.evaluate(representative).to_json_line();
  // (6 - 1) * 4.35 rounds up to 22 weeks, (6 - 0) * 4.35 to 27.
  CHECK(analyze_test::comparable_line(one, 0) != analyze_test::comparable_line(zero, 0));
  CHECK(analyze_test::comparable_line(one, table.inexact_parts()) ==
        analyze_test::comparable_line(zero, table.inexact_parts()));
}

TEST_CASE("analyze: the random cases meet every class of every fact the rules read",
          "[analyze][property]") {
  for (const std::string& path : {kSource + "/rules/default", kData + "/edges.yaml"}) {
    const RuleSet rules = RuleSet::load_file(path);
    const RuleSetModel& model = *rules.model();
    const FactClassTable table = FactClassTable::build(model);
    std::set<std::pair<FactId, std::size_t>> met;
    RandomCases cases(model, 91);
    const auto meet = [&](const std::vector<Value>& values, Scope scope) {
      for (FactId id = 0; id < values.size(); ++id) {
        if (model.vocabulary.fact(id).scope != scope) continue;
        if (!values[id].known() && !table.fact(id).may_be_unknown) continue;  // defaulted
        met.emplace(id, *table.classify(id, values[id]));
      }
    };
    for (int i = 0; i < kCasesPerRuleSet; ++i) {
      const CaseValues values = cases.next();
      meet(values.patient, Scope::Patient);
      for (const std::vector<Value>& scar : values.scars) meet(scar, Scope::Scar);
    }
    for (const FactClasses& facts : table.facts()) {
      if (facts.rules.empty()) continue;
      for (std::size_t i = 0; i < facts.classes.size(); ++i) {
        const FactDecl& decl = model.vocabulary.fact(facts.fact);
        INFO(path << ": " << decl.name << " " << describe_class(decl, facts, facts.classes[i]));
        CHECK(met.count({facts.fact, i}) == 1);
      }
    }
  }
}
