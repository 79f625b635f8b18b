#include "allocation_counter.hpp"

#include <openssl/crypto.h>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <new>

namespace {

std::atomic<std::uint64_t> g_allocations{0};
std::atomic<std::uint64_t> g_bytes{0};

void count(std::size_t size) noexcept {
  g_allocations.fetch_add(1, std::memory_order_relaxed);
  g_bytes.fetch_add(size, std::memory_order_relaxed);
}

void* counted_allocate(std::size_t size) {
  count(size);
  if (void* p = std::malloc(size == 0 ? 1 : size)) return p;
  throw std::bad_alloc();
}

// OpenSSL's libcrypto (the SHA-256 digests) allocates through its own CRYPTO_malloc, not
// operator new: its allocations are counted too. OpenSSL takes these functions only before its
// first allocation, hence a static initializer; should it refuse, its allocations go uncounted
// and the program says so.
void* crypto_malloc(std::size_t size, const char*, int) {
  count(size);
  return std::malloc(size);
}
void* crypto_realloc(void* p, std::size_t size, const char*, int) {
  if (size > 0) count(size);
  return std::realloc(p, size);
}
void crypto_free(void* p, const char*, int) { std::free(p); }

[[maybe_unused]] const bool g_crypto_counted = [] {
  const bool set = CRYPTO_set_mem_functions(crypto_malloc, crypto_realloc, crypto_free) == 1;
  if (!set) std::fputs("note: OpenSSL's allocations are not counted\n", stderr);
  return set;
}();

}  // namespace

// Every unaligned form is replaced, not only the plain one that the others forward to by
// default: under AddressSanitizer the library's own forms are ASan's, and mixing them with these
// would pair an ASan allocation with a plain free. The aligned forms keep their library
// definitions, which allocate and free consistently among themselves.
void* operator new(std::size_t size) { return counted_allocate(size); }
void* operator new[](std::size_t size) { return counted_allocate(size); }
void* operator new(std::size_t size, const std::nothrow_t&) noexcept {
  try {
    return counted_allocate(size);
  } catch (const std::bad_alloc&) {
    return nullptr;
  }
}
void* operator new[](std::size_t size, const std::nothrow_t& tag) noexcept {
  return operator new(size, tag);
}
void operator delete(void* p) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t) noexcept { std::free(p); }
void operator delete(void* p, const std::nothrow_t&) noexcept { std::free(p); }
void operator delete[](void* p, const std::nothrow_t&) noexcept { std::free(p); }

namespace scarwise::bench {

AllocationTotals allocation_totals() noexcept {
  return {g_allocations.load(std::memory_order_relaxed), g_bytes.load(std::memory_order_relaxed)};
}

void AllocationProbe::report(benchmark::State& state) const {
  const AllocationTotals end = allocation_totals();
  state.counters["allocs"] =
      benchmark::Counter(static_cast<double>(end.allocations - start_.allocations),
                         benchmark::Counter::kAvgIterations);
  state.counters["bytes"] =
      benchmark::Counter(static_cast<double>(end.bytes - start_.bytes),
                         benchmark::Counter::kAvgIterations, benchmark::Counter::kIs1024);
}

}  // namespace scarwise::bench
