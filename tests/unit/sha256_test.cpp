// SHA-256 against the FIPS 180-4 / NIST CAVP example vectors.
#include "support/sha256.hpp"

#include <catch2/catch.hpp>

#include <string>

using scarwise::internal::Sha256;
using scarwise::internal::sha256_tagged;

namespace {

std::string hex_of(std::string_view bytes) {
  Sha256 hasher;
  hasher.update(bytes);
  return hasher.hex_digest();
}

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
  CHECK(hex_of(std::string(1000000, 'a')) ==
        "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
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
