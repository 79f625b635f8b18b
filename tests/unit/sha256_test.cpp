// SHA-256 against the FIPS 180-4 / NIST CAVP example vectors, incremental and one-shot.
#include "support/sha256.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <iterator>
#include <string>
#include <thread>
#include <vector>

using scarwise::internal::kSha256TaggedSize;
using scarwise::internal::Sha256;
using scarwise::internal::sha256;
using scarwise::internal::sha256_tagged;
using scarwise::internal::sha256_tagged_into;

namespace {

std::string hex_of(std::string_view bytes) {
  Sha256 hasher;
  hasher.update(bytes);
  return hasher.hex_digest();
}

std::string hex_of(const scarwise::internal::Sha256Digest& digest) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex;
  for (const std::uint8_t byte : digest) {
    hex.push_back(kHex[byte >> 4]);
    hex.push_back(kHex[byte & 0x0f]);
  }
  return hex;
}

constexpr const char* kMillionA =
    "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0";

}  // namespace

TEST_CASE("sha256 of the empty message", "[sha256]") {
  CHECK(hex_of("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

TEST_CASE("sha256 of 'abc'", "[sha256]") {
  CHECK(hex_of("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST_CASE("sha256 of the 448-bit message", "[sha256]") {
  CHECK(hex_of("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

TEST_CASE("sha256 of the 896-bit message", "[sha256]") {
  CHECK(hex_of("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqkl"
               "mnopqrlmnopqrsmnopqrstnopqrstu") ==
        "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1");
}

TEST_CASE("sha256 of one million 'a'", "[sha256]") {
  CHECK(hex_of(std::string(1000000, 'a')) == kMillionA);
}

TEST_CASE("sha256 of one million 'a' given in pieces", "[sha256]") {
  const std::string piece(1000, 'a');
  Sha256 even;
  for (int i = 0; i < 1000; ++i) even.update(piece);
  CHECK(even.hex_digest() == kMillionA);
  // Pieces of uneven sizes that never line up with a 64-byte block, and empty ones.
  Sha256 uneven;
  const std::size_t sizes[] = {1, 13, 55, 63, 64, 65, 127, 1000};
  std::size_t left = 1000000;
  for (std::size_t i = 0; left > 0; ++i) {
    const std::size_t take = std::min(sizes[i % std::size(sizes)], left);
    uneven.update(std::string_view(piece).substr(0, take));
    uneven.update("");
    left -= take;
  }
  CHECK(uneven.hex_digest() == kMillionA);
}

TEST_CASE("sha256 gives the same digest however the input is split", "[sha256]") {
  std::string message;
  for (int i = 0; i < 300; ++i) message.push_back(static_cast<char>('a' + i % 26));
  const std::string whole = hex_of(message);
  // Split points around the 55/56/64-byte padding boundaries and across several blocks.
  for (const std::size_t chunk : {1u, 7u, 55u, 56u, 63u, 64u, 65u, 128u}) {
    Sha256 hasher;
    for (std::size_t at = 0; at < message.size(); at += chunk) {
      hasher.update(std::string_view(message).substr(at, chunk));
    }
    CHECK(hasher.hex_digest() == whole);
  }
}

TEST_CASE("sha256 pads correctly at every length near a block boundary", "[sha256]") {
  // Messages of 55, 56 and 64 bytes need one or two padding blocks; a wrong split would make
  // two of these equal or change their lengths.
  const std::string d55 = hex_of(std::string(55, 'x'));
  const std::string d56 = hex_of(std::string(56, 'x'));
  const std::string d64 = hex_of(std::string(64, 'x'));
  CHECK(d55 != d56);
  CHECK(d56 != d64);
  CHECK(d55.size() == 64);
  // Known value for 64 'a' (one full block plus a padding block).
  CHECK(hex_of(std::string(64, 'a')) ==
        "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb");
}

TEST_CASE("sha256_tagged prefixes the algorithm", "[sha256]") {
  CHECK(sha256_tagged("abc") ==
        "sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST_CASE("tagged_digest is sha256: and the hex digest", "[sha256]") {
  Sha256 hasher;
  hasher.update("a");
  hasher.update("bc");
  CHECK(hasher.tagged_digest() ==
        "sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST_CASE("the one-shot sha256 gives the FIPS 180-4 digests, call after call", "[sha256]") {
  // Each call starts a new message on the same per-thread context.
  for (int round = 0; round < 3; ++round) {
    CHECK(hex_of(sha256("abc")) ==
          "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    CHECK(hex_of(sha256("")) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    CHECK(hex_of(sha256("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")) ==
          "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    CHECK(hex_of(sha256(std::string(1000000, 'a'))) == kMillionA);
  }
}

TEST_CASE("sha256_tagged_into writes the tagged digest and nothing past it", "[sha256]") {
  struct {
    char tagged[kSha256TaggedSize];
    char after = '#';
  } buffer;
  sha256_tagged_into("abc", buffer.tagged);
  CHECK(std::string(buffer.tagged, sizeof buffer.tagged) ==
        "sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(buffer.after == '#');
  sha256_tagged_into("", buffer.tagged);
  CHECK(std::string(buffer.tagged, sizeof buffer.tagged) == sha256_tagged(""));
}

TEST_CASE("the one-shot sha256 gives the same digests on several threads at once", "[sha256]") {
  // Thread t hashes every prefix of its own message; the last digest must be its message's.
  const auto message_of = [](std::size_t t) {
    return std::string(200, static_cast<char>('a' + t));
  };
  std::vector<std::string> results(4);
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < results.size(); ++t) {
    threads.emplace_back([&results, &message_of, t] {
      const std::string message = message_of(t);
      for (std::size_t size = 0; size <= message.size(); ++size) {
        results[t] = sha256_tagged(std::string_view(message).substr(0, size));
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (std::size_t t = 0; t < results.size(); ++t) {
    CHECK(results[t] == "sha256:" + hex_of(message_of(t)));
  }
}
