// SHA-256 (FIPS 180-4), for the rule set and case digests of every assessment. Computed by
// OpenSSL's libcrypto, which picks the fastest implementation the processor supports (SHA
// extensions, AVX2); nothing of OpenSSL appears in this header.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

struct evp_md_ctx_st;  // OpenSSL's EVP_MD_CTX

namespace scarwise::internal {

/// A digest in bytes.
using Sha256Digest = std::array<std::uint8_t, 32>;

/// Length of "sha256:" followed by the 64 lower-case hex digits of a digest.
inline constexpr std::size_t kSha256TaggedSize = 7 + 64;

/// Incremental hashing of one message given in pieces. Not copyable; one object per message:
/// finish() (or hex_digest()) ends it, and nothing may be called on it afterwards.
/// Throws std::bad_alloc when memory runs out, and std::runtime_error when libcrypto fails
/// otherwise (an OpenSSL configuration without its default provider).
class Sha256 {
 public:
  Sha256();
  Sha256(const Sha256&) = delete;
  Sha256& operator=(const Sha256&) = delete;
  Sha256(Sha256&&) noexcept = default;
  Sha256& operator=(Sha256&&) noexcept = default;
  ~Sha256() = default;

  void update(std::string_view bytes);
  Sha256Digest finish();
  /// Lower-case hex of finish().
  std::string hex_digest();
  /// "sha256:" followed by hex_digest().
  std::string tagged_digest();

 private:
  struct ContextDeleter {
    void operator()(evp_md_ctx_st* context) const noexcept;
  };
  std::unique_ptr<evp_md_ctx_st, ContextDeleter> context_;
};

/// The digest of `bytes` in one call. Reuses one libcrypto context per thread, so that hashing
/// allocates nothing here; OpenSSL 3.0 itself still allocates its small hash state once a call.
Sha256Digest sha256(std::string_view bytes);

/// Writes "sha256:<64 lower-case hex>" of `bytes` to `out`, without a terminating NUL and with
/// no allocation beyond sha256()'s.
void sha256_tagged_into(std::string_view bytes, char (&out)[kSha256TaggedSize]);

/// "sha256:<64 lower-case hex>" of `bytes`.
std::string sha256_tagged(std::string_view bytes);

}  // namespace scarwise::internal
