// Equality of short byte strings (fact keys, enum values), inline: they are a few bytes long,
// and a call to memcmp costs more than comparing them.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>

namespace scarwise::internal {

/// Whether the `n` bytes at `a` and at `b` are equal. Eight bytes at a time, the last eight
/// (or four) overlapping the ones before, so that no byte is compared alone unless `n` < 4.
inline bool same_bytes(const char* a, const char* b, std::size_t n) noexcept {
  const auto load8 = [](const char* p) {
    std::uint64_t v = 0;
    std::memcpy(&v, p, 8);
    return v;
  };
  const auto load4 = [](const char* p) {
    std::uint32_t v = 0;
    std::memcpy(&v, p, 4);
    return v;
  };
  if (n >= 8) {
    for (std::size_t i = 0; i + 8 < n; i += 8) {
      if (load8(a + i) != load8(b + i)) return false;
    }
    return load8(a + n - 8) == load8(b + n - 8);
  }
  if (n >= 4) return load4(a) == load4(b) && load4(a + n - 4) == load4(b + n - 4);
  for (std::size_t i = 0; i < n; ++i) {
    if (a[i] != b[i]) return false;
  }
  return true;
}

}  // namespace scarwise::internal
