// Evaluation: the per-consultation cost a host pays, alone and shared between threads.
#include "allocation_counter.hpp"
#include "bench_support.hpp"

#include <benchmark/benchmark.h>

namespace {

using namespace scarwise::bench;

/// Times engine.evaluate(c, options) and reports its allocations. Stops the benchmark instead
/// when the case does not give the complete assessment it is meant to measure, so that a change
/// in the rules cannot quietly turn it into a cheaper one.
void measure_evaluation(benchmark::State& state, const scarwise::Case& c,
                        const scarwise::EvalOptions& options = {}) {
  const scarwise::Engine engine{default_rules()};
  if (!engine.evaluate(c).complete()) {
    state.SkipWithError("the benchmark case gave an incomplete assessment");
    return;
  }
  const AllocationProbe probe;
  for (auto _ : state) {
    scarwise::Assessment a = engine.evaluate(c, options);
    benchmark::DoNotOptimize(a);
  }
  probe.report(state);
}

scarwise::Case readme_example() {
  return scarwise::Case::from_file(source_path("examples/cases/rolling-acne-dark-skin.yaml"));
}

// The README example: two facial acne scars in darker skin.
void BM_EvaluateExample(benchmark::State& state) { measure_evaluation(state, readme_example()); }
BENCHMARK(BM_EvaluateExample);

// The same with the explanation trace: one entry per rule and scar.
void BM_EvaluateExampleExplained(benchmark::State& state) {
  scarwise::EvalOptions options;
  options.explain = true;
  measure_evaluation(state, readme_example(), options);
}
BENCHMARK(BM_EvaluateExampleExplained);

// Cost against the number of scar sites in one case.
void BM_EvaluateScars(benchmark::State& state) {
  measure_evaluation(state, case_with_scars(static_cast<int>(state.range(0))));
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_EvaluateScars)->RangeMultiplier(4)->Range(1, 64);

// One Engine shared by every thread, as a server would share it: the rules are immutable, so
// throughput should grow with threads up to the core count.
void BM_EvaluateSharedEngine(benchmark::State& state) {
  static const scarwise::Engine engine{default_rules()};
  const scarwise::Case c = case_with_scars(4);
  for (auto _ : state) {
    scarwise::Assessment a = engine.evaluate(c);
    benchmark::DoNotOptimize(a);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_EvaluateSharedEngine)->ThreadRange(1, 4)->UseRealTime();

// Rendering the audit record (pretty and on one line) and the clinician's report.
void BM_AssessmentTo(benchmark::State& state, std::string (scarwise::Assessment::*render)() const) {
  const scarwise::Engine engine{default_rules()};
  const scarwise::Assessment a = engine.evaluate(case_with_scars(4));
  const AllocationProbe probe;
  for (auto _ : state) {
    std::string out = (a.*render)();
    benchmark::DoNotOptimize(out);
  }
  probe.report(state);
}
BENCHMARK_CAPTURE(BM_AssessmentTo, Json, &scarwise::Assessment::to_json);
BENCHMARK_CAPTURE(BM_AssessmentTo, JsonLine, &scarwise::Assessment::to_json_line);
BENCHMARK_CAPTURE(BM_AssessmentTo, Text, &scarwise::Assessment::to_text);

}  // namespace
