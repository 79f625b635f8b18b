// The search core: abstract outcomes over regions, goals, witnesses confirmed by the engine,
// undecided inexact readings and the budget.
#include <catch2/catch.hpp>

#include "analyze/outcome_goals.hpp"
#include "analyze/region_search.hpp"

#include <scarwise/scarwise.hpp>

#include <string>

namespace {

using namespace scarwise;
using namespace scarwise::internal;

const std::string kData = SCARWISE_ANALYZE_DATA_DIR;
const std::string kSource = SCARWISE_SOURCE_DIR;

std::uint32_t rule_index(const RuleSetModel& model, const std::string& id) {
  const std::optional<std::uint32_t> index = model.find_rule(id);
  REQUIRE(index);
  return *index;
}

}  // namespace

TEST_CASE("analyze: a search finds a confirmed witness or proves the goal impossible",
          "[analyze]") {
  const RuleSet rules = RuleSet::load_file(kData + "/findings/unreachable.yaml");
  const RuleSetModel& model = *rules.model();
  const FactClassTable table = FactClassTable::build(model);
  SearchBudget budget{1000, 0};
  RegionSearch search(model, table, budget);
  const Domain domain = Domain::full(table);

  const SearchResult never = search.find(Goal::fires(rule_index(model, "caution.age")), domain);
  CHECK(never.status == SearchStatus::Impossible);

  const std::uint32_t plan = rule_index(model, "plan.rolling");
  const SearchResult found = search.find(Goal::fires(plan), domain);
  REQUIRE(found.status == SearchStatus::Found);
  CHECK(found.witness.outcomes[plan] == Tri::True);
  // Only the fact the goal depends on is fixed; the case gives nothing else.
  CHECK(witness_case_yaml(model, table, found.witness) ==
        "patient: {}\nscars:\n  - id: witness\n    type: rolling\n");

  // The witness's values, as the evaluator reads them, give the same outcomes.
  std::vector<Value> patient, scar;
  search.witness_values(found.witness, patient, scar);
  CHECK(search.evaluate(patient, scar) == found.witness.outcomes);

  // A goal can ask for an unknown outcome: the search fixes the fact to `unknown`.
  const std::uint32_t age_rule = rule_index(model, "caution.age");
  const SearchResult unknown =
      search.find(Goal::outcome_in(age_rule, kOutcomeUnknown), domain);
  REQUIRE(unknown.status == SearchStatus::Found);
  CHECK(unknown.witness.outcomes[age_rule] == Tri::Unknown);
  CHECK(budget.used > 0);
}

TEST_CASE("analyze: a domain fixes a fact or requires it known", "[analyze]") {
  const RuleSet rules = RuleSet::load_file(kData + "/findings/gap.yaml");
  const RuleSetModel& model = *rules.model();
  const FactClassTable table = FactClassTable::build(model);
  SearchBudget budget{1000, 0};
  RegionSearch search(model, table, budget);
  const FactId type = *model.vocabulary.find("scar.type");
  const FactId severity = *model.vocabulary.find("scar.severity");

  Domain keloid = Domain::full(table);
  keloid.fix(type, 1);
  CHECK(search.find(no_plan(model), keloid).status == SearchStatus::Impossible);

  Domain rolling = Domain::full(table);
  rolling.fix(type, 0);
  const SearchResult gap = search.find(no_plan(model), rolling);
  REQUIRE(gap.status == SearchStatus::Found);
  // Known classes are tried before `unknown`: the witness gives a severity of 1.
  CHECK(witness_case_yaml(model, table, gap.witness).find("severity: 1\n") != std::string::npos);

  rolling.require_known(table, severity);
  for (std::uint32_t c : rolling.allowed[severity]) {
    CHECK(table.fact(severity).classes[c].kind != FactClass::Kind::Unknown);
  }
}

TEST_CASE("analyze: an inexact reading the representatives cannot settle is undecided",
          "[analyze]") {
  const RuleSet rules = RuleSet::load_file(kData + "/findings/unknown-stuck-clean.yaml");
  const RuleSetModel& model = *rules.model();
  const FactClassTable table = FactClassTable::build(model);
  SearchBudget budget{1000, 0};
  RegionSearch search(model, table, budget);
  // `dose / weight > 2` with weight > 0: its classes' representatives (dose 0, weight 1) never
  // fire it, but a larger dose would, so the search must not call it impossible.
  const SearchResult found =
      search.find(Goal::fires(rule_index(model, "defer.dose")), Domain::full(table));
  CHECK(found.status == SearchStatus::Undecided);
}

TEST_CASE("analyze: a search past its budget throws", "[analyze]") {
  const RuleSet rules = RuleSet::load_file(kSource + "/rules/default/ruleset.yaml");
  const RuleSetModel& model = *rules.model();
  const FactClassTable table = FactClassTable::build(model);
  SearchBudget budget{5, 0};
  RegionSearch search(model, table, budget);
  Domain domain = Domain::full(table);
  CHECK_THROWS_AS(search.find(no_plan(model), domain), SearchBudgetExceeded);
}

TEST_CASE("analyze: goals judge outcome sets", "[analyze]") {
  const Goal both = Goal::all_of({Goal::fires(0), Goal::not_fires(1)});
  const auto judge = [&](OutcomeSet a, OutcomeSet b) {
    return both.judge([&](std::uint32_t r) { return r == 0 ? a : b; });
  };
  CHECK(judge(kOutcomeTrue, kOutcomeFalse) == Certainty::Certain);
  CHECK(judge(kOutcomeTrue, kOutcomeFalse | kOutcomeUnknown) == Certainty::Certain);
  CHECK(judge(kOutcomeTrue | kOutcomeFalse, kOutcomeFalse) == Certainty::Possible);
  CHECK(judge(kAnyOutcome, kOutcomeTrue) == Certainty::Impossible);
  const Goal either = Goal::any_of({Goal::fires(0), Goal::fires(1)});
  CHECK(either.judge([](std::uint32_t r) { return r == 0 ? kOutcomeFalse : kAnyOutcome; }) ==
        Certainty::Possible);
  CHECK(Goal::any_of({}).judge([](std::uint32_t) { return kAnyOutcome; }) ==
        Certainty::Impossible);
  CHECK(Goal::always().judge([](std::uint32_t) { return kAnyOutcome; }) == Certainty::Certain);
}
