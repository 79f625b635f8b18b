// Loading: what a host pays once per rule-set (re)load, and per case it reads.
#include "allocation_counter.hpp"
#include "bench_support.hpp"

#include <benchmark/benchmark.h>

namespace {

using namespace scarwise::bench;

// The whole default rule set: read, parse, validate, type-check and compile every rule.
void BM_LoadDefaultRules(benchmark::State& state) {
  const std::string root = source_path("rules/default");
  const AllocationProbe probe;
  for (auto _ : state) {
    scarwise::RuleSet rules = scarwise::RuleSet::load_file(root);
    benchmark::DoNotOptimize(rules);
  }
  probe.report(state);
}
BENCHMARK(BM_LoadDefaultRules)->Unit(benchmark::kMillisecond);

// Reading one validated example case, as JSON or as YAML.
void BM_ParseCase(benchmark::State& state, const char* example, bool yaml) {
  const std::string text = read_text(source_path(example));
  const AllocationProbe probe;
  for (auto _ : state) {
    scarwise::Case c = yaml ? scarwise::Case::from_yaml(text) : scarwise::Case::from_json(text);
    benchmark::DoNotOptimize(c);
  }
  probe.report(state);
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}
BENCHMARK_CAPTURE(BM_ParseCase, Json, "examples/cases/surgical-scar.json", false);
BENCHMARK_CAPTURE(BM_ParseCase, Yaml, "examples/cases/rolling-acne-dark-skin.yaml", true);

}  // namespace
