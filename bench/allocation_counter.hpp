// Counts heap allocations made through global operator new, and those OpenSSL's libcrypto makes
// through its own allocator, so that benchmarks can report allocations and bytes per iteration
// next to time. The counting operator new is defined in allocation_counter.cpp and replaces the
// global one for the whole benchmark executable.
#pragma once

#include <benchmark/benchmark.h>

#include <cstdint>

namespace scarwise::bench {

struct AllocationTotals {
  std::uint64_t allocations = 0;
  std::uint64_t bytes = 0;
};

/// Allocations and bytes requested since the program started.
AllocationTotals allocation_totals() noexcept;

/// Measures the allocations of a benchmark's timed loop: construct it before the loop and call
/// report() after it. Meaningful in single-threaded benchmarks only, since the totals are global.
class AllocationProbe {
 public:
  AllocationProbe() noexcept : start_(allocation_totals()) {}
  /// Adds "allocs" and "bytes" counters, averaged per iteration.
  void report(benchmark::State& state) const;

 private:
  AllocationTotals start_;
};

}  // namespace scarwise::bench
