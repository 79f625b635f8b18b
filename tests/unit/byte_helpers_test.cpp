// The inline byte helpers of the fast path: same_bytes compares keys and enum values by
// overlapping loads, TextBuffer copies short fragments by overlapping moves. Both are checked
// at every length around their load sizes, against the plain comparison and std::string.
#include <catch2/catch.hpp>
#include <string>

#include "support/same_bytes.hpp"
#include "support/text_buffer.hpp"

using scarwise::internal::same_bytes;
using scarwise::internal::TextBuffer;

namespace {

/// n bytes that differ from one position to the next, so that a byte compared at the wrong
/// offset shows.
std::string pattern(std::size_t n) {
  std::string text;
  for (std::size_t i = 0; i < n; ++i) text += static_cast<char>('a' + (i * 7) % 26);
  return text;
}

}  // namespace

TEST_CASE("same_bytes: equal at every length, and unequal at every differing position",
          "[support]") {
  for (std::size_t n = 0; n <= 40; ++n) {
    const std::string a = pattern(n);
    std::string b = a;
    CAPTURE(n);
    CHECK(same_bytes(a.data(), b.data(), n));
    for (std::size_t at = 0; at < n; ++at) {
      CAPTURE(at);
      b[at] = static_cast<char>(b[at] ^ 0x20);
      CHECK_FALSE(same_bytes(a.data(), b.data(), n));
      b[at] = a[at];
    }
  }
}

TEST_CASE("same_bytes reads only the n bytes it is given", "[support]") {
  // Equal prefixes of strings that differ right after them.
  const std::string a = "fitzpatrick_x";
  const std::string b = "fitzpatrick_y";
  for (std::size_t n = 0; n + 1 < a.size(); ++n) {
    CAPTURE(n);
    CHECK(same_bytes(a.data(), b.data(), n));
  }
  CHECK_FALSE(same_bytes(a.data(), b.data(), a.size()));
}

TEST_CASE("TextBuffer: appends of every length give what std::string gives", "[support]") {
  TextBuffer buffer;
  std::string expected;
  // Lengths around the inline copies' sizes (1-3, 4-7, 8-16, longer), appended one after
  // another so that the buffer also grows past its first capacity.
  for (int round = 0; round < 20; ++round) {
    for (std::size_t n = 0; n <= 70; ++n) {
      const std::string fragment = pattern(n + static_cast<std::size_t>(round));
      const std::string_view piece(fragment.data(), n);
      buffer += piece;
      expected += piece;
    }
    buffer += ',';
    expected += ',';
  }
  REQUIRE(expected.size() > 4096 * 2);
  CHECK(buffer.view() == expected);
  buffer.clear();
  CHECK(buffer.view().empty());
  buffer += std::string_view("ab");
  CHECK(buffer.view() == "ab");
}
