// SHA-256 (FIPS 180-4), for the rule set and case digests of every assessment.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace scarwise::internal {

class Sha256 {
 public:
  Sha256();
  void update(std::string_view bytes);
  std::array<std::uint8_t, 32> finish();
  /// Lower-case hex of finish().
  std::string hex_digest();

 private:
  void compress(const std::uint8_t* block);
  std::array<std::uint32_t, 8> state_;
  std::array<std::uint8_t, 64> buffer_{};
  std::size_t buffered_ = 0;
  std::uint64_t total_bytes_ = 0;
};

/// "sha256:<hex>" of `bytes`.
std::string sha256_tagged(std::string_view bytes);

}  // namespace scarwise::internal
