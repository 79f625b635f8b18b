// The whole in-process path a service pays for one consultation: a case as JSON text in, the
// assessment as one JSON line out (parse + evaluate + render), with its allocations.
#include "allocation_counter.hpp"
#include "bench_support.hpp"

#include <benchmark/benchmark.h>

namespace {

using namespace scarwise::bench;

/// Stops the benchmark when the case is not valid and complete: a change in the rules must
/// not quietly turn it into a cheaper one.
bool check_case(benchmark::State& state, const scarwise::Engine& engine, const std::string& text) {
  const scarwise::EvalResult result = engine.try_evaluate_json(text);
  if (!result.ok() || !result.assessment->complete()) {
    state.SkipWithError("the benchmark case is not a valid, complete case");
    return false;
  }
  return true;
}

// Engine::try_evaluate_json and Assessment::append_json_line into a reused buffer: the path
// of `scarwise batch` and of a service that streams records.
void BM_JsonCaseToLine(benchmark::State& state) {
  const scarwise::Engine engine{default_rules()};
  const std::string text = case_json(case_with_scars(static_cast<int>(state.range(0))));
  if (!check_case(state, engine, text)) return;
  std::string line;
  const AllocationProbe probe;
  for (auto _ : state) {
    line.clear();
    const scarwise::EvalResult result = engine.try_evaluate_json(text);
    result.assessment->append_json_line(line);
    benchmark::DoNotOptimize(line.data());
  }
  probe.report(state);
  state.SetItemsProcessed(state.iterations() * state.range(0));  // scars
}
BENCHMARK(BM_JsonCaseToLine)->Arg(1)->Arg(2)->Arg(4);

// The same through the general API: Case::from_json, Engine::evaluate, to_json_line.
void BM_JsonCaseToLineViaCase(benchmark::State& state) {
  const scarwise::Engine engine{default_rules()};
  const std::string text = case_json(case_with_scars(static_cast<int>(state.range(0))));
  if (!check_case(state, engine, text)) return;
  const AllocationProbe probe;
  for (auto _ : state) {
    const scarwise::Assessment a = engine.evaluate(scarwise::Case::from_json(text));
    std::string line = a.to_json_line();
    benchmark::DoNotOptimize(line.data());
  }
  probe.report(state);
  state.SetItemsProcessed(state.iterations() * state.range(0));  // scars
}
BENCHMARK(BM_JsonCaseToLineViaCase)->Arg(1)->Arg(2)->Arg(4);

}  // namespace
