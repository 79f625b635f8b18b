// Input shown in messages: capped at a character boundary, escaped so that it cannot pass for
// anything else, and UTF-8 whatever it was given.
#include "support/quote.hpp"

#include <catch2/catch.hpp>
#include <string>

#include "support/utf8.hpp"

using scarwise::internal::find_invalid_utf8;
using scarwise::internal::kMaxShownBytes;
using scarwise::internal::quote;
using scarwise::internal::quote_in_full;
using scarwise::internal::shown;
using scarwise::internal::shown_in_full;
using scarwise::internal::valid_utf8;

namespace {
const std::string kEllipsis = "\xE2\x80\xA6";
}  // namespace

TEST_CASE("short input is shown as it is", "[unit][quote]") {
  CHECK(quote("cheeks") == "'cheeks'");
  CHECK(shown("patient.age") == "patient.age");
  CHECK(quote("") == "''");
  CHECK(quote("caf\xC3\xA9") == "'caf\xC3\xA9'");
}

TEST_CASE("long input is cut after the cap and ends in an ellipsis", "[unit][quote]") {
  const std::string long_word(10000, 'x');
  CHECK(shown(long_word) == std::string(kMaxShownBytes, 'x') + kEllipsis);
  CHECK(quote(long_word) == "'" + std::string(kMaxShownBytes, 'x') + kEllipsis + "'");
  CHECK(shown(std::string(kMaxShownBytes, 'x')) == std::string(kMaxShownBytes, 'x'));
  CHECK(quote_in_full(long_word) == "'" + long_word + "'");
}

TEST_CASE("the cut never splits a character", "[unit][quote]") {
  // 79 ASCII bytes, then a two-byte character that would end at byte 81.
  const std::string text = std::string(kMaxShownBytes - 1, 'a') + "\xC3\xA9" + "tail";
  const std::string out = shown(text);
  CHECK(out == std::string(kMaxShownBytes - 1, 'a') + kEllipsis);
  CHECK_FALSE(find_invalid_utf8(out));
}

TEST_CASE("controls, bidirectional controls and invalid bytes become escapes", "[unit][quote]") {
  CHECK(shown("a\nb\tc\rd") == "a\\nb\\tc\\rd");
  CHECK(shown(std::string("a\0b", 3)) == "a\\x00b");
  CHECK(shown("\x1B[31mred") == "\\x1B[31mred");
  CHECK(shown("\x7F") == "\\x7F");
  CHECK(shown("\xC2\x85") == "\\u{0085}");  // NEL, a C1 control
  CHECK(shown("abc\xE2\x80\xAE"
              "cba") == "abc\\u{202E}cba");     // right-to-left override
  CHECK(shown("\xE2\x81\xA6") == "\\u{2066}");  // left-to-right isolate
  CHECK(shown("\x85") == "\\x85");              // not UTF-8
  CHECK(shown("\xC3") == "\\xC3");              // a sequence cut short
  CHECK_FALSE(find_invalid_utf8(shown("\xFF\xFE\x85 text \xED\xA0\x80")));
}

TEST_CASE("a quote cannot be closed from inside", "[unit][quote]") {
  CHECK(quote("x': suitable") == "'x\\': suitable'");
  CHECK(quote("back\\slash") == "'back\\\\slash'");
  CHECK(shown("it's") == "it's");  // only quoting escapes quotes
}

TEST_CASE("shown_in_full escapes without cutting", "[unit][quote]") {
  const std::string long_name = std::string(200, 'd') + "\n";
  CHECK(shown_in_full(long_name) == std::string(200, 'd') + "\\n");
}

TEST_CASE("valid_utf8 replaces only the bytes that are not UTF-8", "[unit][quote]") {
  CHECK(valid_utf8("caf\xC3\xA9") == "caf\xC3\xA9");
  CHECK(valid_utf8("a\x85"
                   "b") ==
        "a\xEF\xBF\xBD"
        "b");
  CHECK(valid_utf8("\xC0\xAF") == "\xEF\xBF\xBD\xEF\xBF\xBD");  // an overlong '/'
  CHECK_FALSE(find_invalid_utf8(valid_utf8("\xF4\x90\x80\x80 \xED\xB0\x80")));
}
