// UTF-8, checked strictly: every reader of input and every writer of output agrees on what a
// valid sequence is.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace scarwise::internal {

/// Length of the valid UTF-8 sequence starting at `i` (RFC 3629; Unicode table 3-7: no overlong
/// forms, no UTF-16 surrogates, nothing above U+10FFFF), or 0 when the bytes there are not one.
std::size_t utf8_sequence_length(std::string_view text, std::size_t i);

/// The code point of the valid sequence of `length` bytes at `i`.
std::uint32_t utf8_code_point(std::string_view text, std::size_t i, std::size_t length);

/// Offset of the first byte that does not begin a valid UTF-8 sequence, if any.
std::optional<std::size_t> find_invalid_utf8(std::string_view text);

/// `text` with every byte that does not begin a valid sequence replaced by U+FFFD, for output
/// that must be UTF-8 whatever it was given (JSON, above all).
std::string valid_utf8(std::string_view text);

/// True for the code points that reorder text when it is shown (U+061C, U+200E, U+200F,
/// U+202A to U+202E, U+2066 to U+2069): shown raw, they make a message or report say
/// something other than what its bytes say.
bool is_bidi_control(std::uint32_t code_point);

}  // namespace scarwise::internal
