// SHA-256 of the digests: the one-shot form a hot path uses, against a hasher made for each
// message. Internal functions, so this file is built into its own executable that links the
// library's object files, as the unit tests do.
#include <benchmark/benchmark.h>

#include <string>

#include "allocation_counter.hpp"
#include "support/sha256.hpp"

namespace {

using namespace scarwise::bench;
using namespace scarwise::internal;

std::string message(benchmark::State& state) {
  return std::string(static_cast<std::size_t>(state.range(0)), 'x');
}

void finish(benchmark::State& state, const AllocationProbe& probe) {
  probe.report(state);
  state.SetBytesProcessed(state.iterations() * state.range(0));
}

// One call, one thread-local libcrypto context reused: what a case digest costs.
void BM_Sha256OneShot(benchmark::State& state) {
  const std::string bytes = message(state);
  const AllocationProbe probe;
  for (auto _ : state) {
    Sha256Digest digest = sha256(bytes);
    benchmark::DoNotOptimize(digest);
  }
  finish(state, probe);
}

// The tagged text written into the caller's buffer.
void BM_Sha256TaggedInto(benchmark::State& state) {
  const std::string bytes = message(state);
  const AllocationProbe probe;
  for (auto _ : state) {
    char tagged[kSha256TaggedSize];
    sha256_tagged_into(bytes, tagged);
    benchmark::DoNotOptimize(tagged);
  }
  finish(state, probe);
}

// The tagged text as a new string, as case_digest() returns it.
void BM_Sha256Tagged(benchmark::State& state) {
  const std::string bytes = message(state);
  const AllocationProbe probe;
  for (auto _ : state) {
    std::string tagged = sha256_tagged(bytes);
    benchmark::DoNotOptimize(tagged);
  }
  finish(state, probe);
}

// A hasher (and its libcrypto context) made for each message, as the rule-set digest does.
void BM_Sha256Hasher(benchmark::State& state) {
  const std::string bytes = message(state);
  const AllocationProbe probe;
  for (auto _ : state) {
    Sha256 hasher;
    hasher.update(bytes);
    Sha256Digest digest = hasher.finish();
    benchmark::DoNotOptimize(digest);
  }
  finish(state, probe);
}

// 64 bytes, a 770-byte case, 16 KiB and 1 MiB.
#define SCARWISE_SHA256_SIZES ->Arg(64)->Arg(770)->Arg(16 << 10)->Arg(1 << 20)
BENCHMARK(BM_Sha256OneShot) SCARWISE_SHA256_SIZES;
BENCHMARK(BM_Sha256TaggedInto) SCARWISE_SHA256_SIZES;
BENCHMARK(BM_Sha256Tagged) SCARWISE_SHA256_SIZES;
BENCHMARK(BM_Sha256Hasher) SCARWISE_SHA256_SIZES;

}  // namespace
