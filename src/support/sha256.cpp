#include "support/sha256.hpp"

#include <openssl/err.h>
#include <openssl/evp.h>

#include <cstring>
#include <new>
#include <stdexcept>

namespace scarwise::internal {
namespace {

/// Throws for a libcrypto call that failed, with the reason OpenSSL queued, and leaves the
/// thread's OpenSSL error queue empty for the host.
[[noreturn]] void throw_crypto_error(const char* what) {
  const unsigned long code = ERR_get_error();
  ERR_clear_error();
  if (ERR_GET_REASON(code) == ERR_R_MALLOC_FAILURE) throw std::bad_alloc();
  std::string message = std::string("SHA-256 from OpenSSL's libcrypto failed: ") + what;
  if (code != 0) {
    char reason[256];
    ERR_error_string_n(code, reason, sizeof reason);
    message += ": ";
    message += reason;
  }
  throw std::runtime_error(message);
}

struct DigestDeleter {
  void operator()(EVP_MD* digest) const noexcept { EVP_MD_free(digest); }
};

/// SHA-256 fetched from the default library context once. Initialising a context with
/// EVP_sha256() would look the implementation up again on every message, under a lock.
const EVP_MD* sha256_method() {
  static const std::unique_ptr<EVP_MD, DigestDeleter> method{
      EVP_MD_fetch(nullptr, "SHA256", nullptr)};
  if (!method) throw_crypto_error("no SHA256 implementation (EVP_MD_fetch)");
  return method.get();
}

void init_context(EVP_MD_CTX* context) {
  if (EVP_DigestInit_ex(context, sha256_method(), nullptr) != 1) {
    throw_crypto_error("EVP_DigestInit_ex");
  }
}

void update_context(EVP_MD_CTX* context, std::string_view bytes) {
  if (bytes.empty()) return;
  if (EVP_DigestUpdate(context, bytes.data(), bytes.size()) != 1) {
    throw_crypto_error("EVP_DigestUpdate");
  }
}

Sha256Digest finish_context(EVP_MD_CTX* context) {
  Sha256Digest digest{};
  unsigned int size = 0;
  if (EVP_DigestFinal_ex(context, digest.data(), &size) != 1 || size != digest.size()) {
    throw_crypto_error("EVP_DigestFinal_ex");
  }
  return digest;
}

EVP_MD_CTX* new_context() {
  EVP_MD_CTX* context = EVP_MD_CTX_new();
  if (context == nullptr) throw std::bad_alloc();
  return context;
}

/// Writes the 64 lower-case hex digits of `digest` to `out`.
void write_hex(const Sha256Digest& digest, char* out) noexcept {
  static constexpr char kHex[] = "0123456789abcdef";
  for (const std::uint8_t byte : digest) {
    *out++ = kHex[byte >> 4];
    *out++ = kHex[byte & 0x0f];
  }
}

}  // namespace

void Sha256::ContextDeleter::operator()(evp_md_ctx_st* context) const noexcept {
  EVP_MD_CTX_free(context);
}

Sha256::Sha256() : context_(new_context()) { init_context(context_.get()); }

void Sha256::update(std::string_view bytes) { update_context(context_.get(), bytes); }

Sha256Digest Sha256::finish() { return finish_context(context_.get()); }

std::string Sha256::hex_digest() {
  std::string hex(64, '\0');
  write_hex(finish(), hex.data());
  return hex;
}

std::string Sha256::tagged_digest() {
  std::string tagged = "sha256:";
  tagged.resize(kSha256TaggedSize);
  write_hex(finish(), tagged.data() + 7);
  return tagged;
}

Sha256Digest sha256(std::string_view bytes) {
  // One context per thread, initialised again for every message: a fresh context would cost
  // an extra allocation and free each call. Nothing here calls back into sha256(), so a
  // thread's context is never in use twice at once.
  thread_local const std::unique_ptr<EVP_MD_CTX, void (*)(EVP_MD_CTX*)> context{new_context(),
                                                                                &EVP_MD_CTX_free};
  init_context(context.get());
  update_context(context.get(), bytes);
  return finish_context(context.get());
}

void sha256_tagged_into(std::string_view bytes, char (&out)[kSha256TaggedSize]) {
  const Sha256Digest digest = sha256(bytes);
  std::memcpy(out, "sha256:", 7);
  write_hex(digest, out + 7);
}

std::string sha256_tagged(std::string_view bytes) {
  char tagged[kSha256TaggedSize];
  sha256_tagged_into(bytes, tagged);
  return std::string(tagged, sizeof tagged);
}

}  // namespace scarwise::internal
