// Deterministic JSON text for scarwise's output contracts. Boost.JSON builds the documents (its
// objects keep insertion order, so keys come out in the documented order), but its serializer
// writes doubles as "1.5E0"; this writer prints numbers the way people and diff tools expect.
#pragma once

#include <boost/json.hpp>
#include <array>
#include <string>
#include <string_view>

namespace scarwise::internal {

class TextBuffer;

/// A number as JSON text: integral values that a double holds exactly print as integers
/// ("3", not "3.0"), anything else in the shortest form that reads back to the same double
/// ("1.5", "0.1"). Locale-independent. Non-finite values (never produced by scarwise) print as
/// "null", since JSON has no spelling for them.
std::string format_json_number(double value);

/// Room for any number json_number_text writes.
using JsonNumberBuffer = std::array<char, 32>;
/// format_json_number(value), written into `buffer` (or a constant) without allocating.
std::string_view json_number_text(double value, JsonNumberBuffer& buffer);

/// Appends format_json_number(value) to `out` without a temporary string.
void append_json_number(std::string& out, double value);

/// Whether a JSON string literal of `text` has escapes (else it is `text` in quotes).
bool json_string_needs_escape(std::string_view text);

/// Appends `text` as a JSON string literal, escaped as Boost.JSON's serializer escapes it.
void append_json_string(std::string& out, std::string_view text);
/// The same into a TextBuffer: a plain string by three inline appends, without a temporary.
void append_json_string(TextBuffer& out, std::string_view text);

/// `value` pretty-printed: two-space indentation, one member or element per line, ": " after
/// keys, "[]" and "{}" for empty containers, strings escaped as Boost.JSON escapes them, and a
/// final newline.
/// The same value always gives the same bytes.
std::string write_pretty_json(const boost::json::value& value);

/// `value` on one line: the same members, order and numbers as write_pretty_json, with no
/// whitespace between tokens and no final newline.
std::string write_compact_json(const boost::json::value& value);

}  // namespace scarwise::internal
