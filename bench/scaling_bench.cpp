// How loading and evaluation grow with the number of rules: generated rule sets of 10 to 10,000
// rules over a fixed vocabulary of 20 facts (bench/generated_rules.hpp). About a third of the
// rules fire for the benchmark case, and their suggestions, precautions and aftercare come from
// catalogues that grow with the rules, so that a merge that is quadratic in the fired rules or
// in the distinct entries shows up between the sizes.
#include <benchmark/benchmark.h>

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "allocation_counter.hpp"
#include "bench_support.hpp"
#include "generated_rules.hpp"

namespace {

using namespace scarwise::bench;

/// A generated rule set written to its own scratch directory, once per size for the whole run.
struct WrittenRuleSet {
  explicit WrittenRuleSet(int rules)
      : generated(rules),
        directory("scarwise-bench-rules"),
        root(generated.write(directory.path())) {}
  GeneratedRuleSet generated;
  ScratchDirectory directory;
  std::string root;
};

const WrittenRuleSet& written_rules(int rules) {
  static std::map<int, std::unique_ptr<WrittenRuleSet>> written;
  std::unique_ptr<WrittenRuleSet>& slot = written[rules];
  if (!slot) slot = std::make_unique<WrittenRuleSet>(rules);
  return *slot;
}

/// Loads `rules` or stops the benchmark with the load's first diagnostic.
bool load_or_skip(benchmark::State& state, const WrittenRuleSet& rules,
                  std::optional<scarwise::RuleSet>& loaded) {
  const scarwise::LoadResult result = scarwise::RuleSet::try_load_file(rules.root);
  if (!result.ok()) {
    std::string message = "the generated rule set did not load";
    for (const scarwise::Diagnostic& d : result.diagnostics()) {
      if (d.severity == scarwise::Severity::error) {
        message += ": " + d.to_string();
        break;
      }
    }
    state.SkipWithError(message.c_str());
    return false;
  }
  loaded.emplace(result.value());
  return true;
}

// Reading, parsing, validating, type-checking and compiling N rules in ceil(N / 1000) files.
void BM_LoadGenerated(benchmark::State& state) {
  const WrittenRuleSet& rules = written_rules(static_cast<int>(state.range(0)));
  std::optional<scarwise::RuleSet> check;
  if (!load_or_skip(state, rules, check)) return;
  if (check->rule_count() != static_cast<std::size_t>(rules.generated.rules())) {
    state.SkipWithError("the generated rule set lost rules on loading");
    return;
  }
  const AllocationProbe probe;
  for (auto _ : state) {
    scarwise::RuleSet loaded = scarwise::RuleSet::load_file(rules.root);
    benchmark::DoNotOptimize(loaded);
  }
  probe.report(state);
  state.SetItemsProcessed(state.iterations() * state.range(0));
}

// Engine::evaluate on one complete case with one scar: every rule is evaluated, and the fired
// ones (about a third) are merged. Items are rules evaluated.
void BM_EvaluateGenerated(benchmark::State& state) {
  const WrittenRuleSet& rules = written_rules(static_cast<int>(state.range(0)));
  std::optional<scarwise::RuleSet> loaded;
  if (!load_or_skip(state, rules, loaded)) return;
  const scarwise::Engine engine{*loaded};
  const scarwise::Case c = rules.generated.complete_case();
  {
    // The generator computed which rules fire; the engine must agree, and enough of them must
    // fire that the merge is what is measured.
    const scarwise::Assessment a = engine.evaluate(c);
    const int expected = rules.generated.expected_fired();
    if (!a.complete() || a.scars().size() != 1) {
      state.SkipWithError("the generated case gave an incomplete assessment");
      return;
    }
    const scarwise::ScarAssessment& scar = a.scars().front();
    if (static_cast<int>(scar.reasons.size()) != expected) {
      const std::string message = "the engine fired " + std::to_string(scar.reasons.size()) +
                                  " rules where the generator expects " + std::to_string(expected);
      state.SkipWithError(message.c_str());
      return;
    }
    if (expected * 5 < rules.generated.rules() || expected * 5 > rules.generated.rules() * 3 ||
        scar.combinations.empty() || scar.precautions.empty()) {
      state.SkipWithError("the generated case fires too few or too many rules (not 20-60%)");
      return;
    }
    state.counters["fired"] = expected;
    state.counters["combinations"] = static_cast<double>(scar.combinations.size());
    state.counters["precautions"] = static_cast<double>(scar.precautions.size());
  }
  const AllocationProbe probe;
  for (auto _ : state) {
    scarwise::Assessment a = engine.evaluate(c);
    benchmark::DoNotOptimize(a);
  }
  probe.report(state);
  state.SetItemsProcessed(state.iterations() * state.range(0));
}

// The same on 64 cases with values drawn at random, one after another: every rule is
// evaluated, and which ones fire changes from case to case, as in a stream of patients.
// BM_EvaluateGenerated's one case takes the same branches every time, which the processor
// learns for a small rule set and not for a large one, so its growth with the rules is steeper
// than a real stream's. Items are rules evaluated; `fired` is the mean over the 64 cases.
void BM_EvaluateGeneratedVaried(benchmark::State& state) {
  const WrittenRuleSet& rules = written_rules(static_cast<int>(state.range(0)));
  std::optional<scarwise::RuleSet> loaded;
  if (!load_or_skip(state, rules, loaded)) return;
  const scarwise::Engine engine{*loaded};
  constexpr int kCases = 64;
  const std::vector<scarwise::Case> cases = rules.generated.varied_cases(kCases);
  std::size_t fired = 0;
  for (const scarwise::Case& c : cases) {
    const scarwise::Assessment a = engine.evaluate(c);
    if (!a.complete() || a.scars().size() != 1) {
      state.SkipWithError("a varied case gave an incomplete assessment");
      return;
    }
    fired += a.scars().front().reasons.size();
  }
  state.counters["fired"] = static_cast<double>(fired) / kCases;
  std::size_t next = 0;
  for (auto _ : state) {
    scarwise::Assessment a = engine.evaluate(cases[next]);
    benchmark::DoNotOptimize(a);
    next = (next + 1) % kCases;
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}

BENCHMARK(BM_LoadGenerated)->RangeMultiplier(10)->Range(10, 10000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_EvaluateGenerated)
    ->RangeMultiplier(10)
    ->Range(10, 10000)
    ->Unit(benchmark::kMicrosecond);

BENCHMARK(BM_EvaluateGeneratedVaried)
    ->RangeMultiplier(10)
    ->Range(10, 10000)
    ->Unit(benchmark::kMicrosecond);

}  // namespace
