// Showing input inside a message. Messages name what is wrong by quoting what the input said,
// and input is untrusted: a whole file can be one scalar, and a scar id can hold a newline or a
// right-to-left override. So every piece of input in a message goes through here: it is capped
// (so that an error never echoes a file), and written so that it cannot pass for anything else
// (control characters, bidirectional controls and invalid bytes become escapes).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace scarwise::internal {

/// At most this many bytes of an input are shown; a longer one is cut at a character boundary
/// and ends in "…".
inline constexpr std::size_t kMaxShownBytes = 80;

/// `text` as it may appear in a message: at most kMaxShownBytes bytes of it, with tab, line
/// feed and carriage return written as \t, \n, \r, other C0 controls and DEL as \xNN, C1
/// controls and the bidirectional controls (U+061C, U+200E, U+200F, U+202A to U+202E, U+2066 to
/// U+2069) as \u{XXXX}, and bytes that are not UTF-8 as \xNN.
std::string shown(std::string_view text);

/// shown(text) without the cap, for a path or name that is not input but may still hold any
/// bytes (a file name in a rule set's directory).
std::string shown_in_full(std::string_view text);

/// shown(text) between single quotes, with any quote or backslash inside escaped, so that the
/// quoted part ends where it appears to end.
std::string quote(std::string_view text);

/// quote(text) without the cap, for case strings in a report (scar ids), where two inputs that
/// differ only past the cap must still look different.
std::string quote_in_full(std::string_view text);

}  // namespace scarwise::internal
