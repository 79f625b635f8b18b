// `scarwise diff` of the default rule set and the clinic overlay example: the rule-level
// comparison, the search for every region whose assessments differ, and the summaries.
#include "bench_support.hpp"

#include <benchmark/benchmark.h>
#include <scarwise/diff.hpp>

namespace {

using namespace scarwise::bench;

void BM_DiffClinicOverlay(benchmark::State& state) {
  scarwise::LoadOptions options;
  options.rules_path = {source_path("rules")};
  const scarwise::RuleSet clinic =
      scarwise::RuleSet::load_file(source_path("examples/clinic-overlay"), options);
  std::size_t regions = 0;
  for (auto _ : state) {
    const scarwise::DiffReport report = scarwise::diff(default_rules(), clinic);
    regions = report.regions.size();
    benchmark::DoNotOptimize(regions);
  }
  state.counters["regions"] = static_cast<double>(regions);
}
BENCHMARK(BM_DiffClinicOverlay)->Unit(benchmark::kMillisecond);

}  // namespace
