// How `scarwise analyze` grows: generated rule sets of 10, 100 and 1,000 rules over 10, 20
// and 40 facts (bench/generated_rules.hpp), and the default rule set. Each run is a whole
// analysis (every finding and the overview) under the default budget; the counters say how
// many fact classes the searches tried, how many findings came out, and whether the budget
// stopped the analysis (docs/performance.md).
#include <benchmark/benchmark.h>

#include <map>
#include <memory>
#include <string>
#include <utility>

#include "generated_rules.hpp"

namespace {

using namespace scarwise::bench;

struct WrittenRuleSet {
  WrittenRuleSet(int rules, int facts)
      : generated(rules, facts),
        directory("scarwise-bench-analyze"),
        root(generated.write(directory.path())) {}
  GeneratedRuleSet generated;
  ScratchDirectory directory;
  std::string root;
};

const scarwise::RuleSet& generated_rules(int rules, int facts) {
  static std::map<std::pair<int, int>, std::unique_ptr<scarwise::RuleSet>> loaded;
  std::unique_ptr<scarwise::RuleSet>& slot = loaded[{rules, facts}];
  if (!slot) {
    const WrittenRuleSet written(rules, facts);
    slot = std::make_unique<scarwise::RuleSet>(scarwise::RuleSet::load_file(written.root));
  }
  return *slot;
}

void run_analysis(benchmark::State& state, const scarwise::RuleSet& rules) {
  scarwise::AnalysisReport report;
  for (auto _ : state) {
    report = scarwise::analyze(rules);
    benchmark::DoNotOptimize(report.findings.data());
  }
  state.counters["classes"] = static_cast<double>(report.classes_searched);
  state.counters["findings"] = static_cast<double>(report.findings.size());
  state.counters["stopped"] = report.stopped.empty() ? 0 : 1;
}

// N rules over F facts: the whole analysis.
void BM_AnalyzeGenerated(benchmark::State& state) {
  run_analysis(state, generated_rules(static_cast<int>(state.range(0)),
                                      static_cast<int>(state.range(1))));
}

// The bundled default rule set (73 rules).
void BM_AnalyzeDefault(benchmark::State& state) {
  static const scarwise::RuleSet rules =
      scarwise::RuleSet::load_file(std::string(SCARWISE_SOURCE_DIR) + "/rules/default/ruleset.yaml");
  run_analysis(state, rules);
}

}  // namespace

BENCHMARK(BM_AnalyzeGenerated)
    ->ArgsProduct({{10, 100, 1000}, {10, 20, 40}})
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_AnalyzeDefault)->Unit(benchmark::kMillisecond);
