#include "io/case_scalar.hpp"

#include <algorithm>
#include <cstdint>
#include <optional>

#include "load/scalar_values.hpp"

namespace scarwise::internal {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

/// Length of the run of digits starting at `i`.
std::size_t digits_at(std::string_view text, std::size_t i) {
  std::size_t n = 0;
  while (i + n < text.size() && is_digit(text[i + n])) ++n;
  return n;
}

/// A scalar that a reader would take for a number: a digit first, or a sign or dot then a digit.
bool looks_numeric(std::string_view text) {
  std::size_t i = 0;
  if (i < text.size() && (text[i] == '+' || text[i] == '-')) ++i;
  if (i < text.size() && text[i] == '.') ++i;
  return i < text.size() && is_digit(text[i]);
}

bool is_infinity_or_nan(std::string_view text) {
  if (!text.empty() && (text[0] == '+' || text[0] == '-')) text.remove_prefix(1);
  for (std::string_view word : {".inf", ".Inf", ".INF", ".nan", ".NaN", ".NAN"}) {
    if (text == word) return true;
  }
  return false;
}

/// Matches [-+]?[0-9]+ exactly.
bool is_decimal_integer(std::string_view text) {
  const std::size_t sign = !text.empty() && (text[0] == '+' || text[0] == '-') ? 1 : 0;
  return text.size() > sign && digits_at(text, sign) == text.size() - sign;
}

ScalarTyping bad_number(std::string reason) {
  ScalarTyping typing;
  typing.kind = ScalarTyping::Kind::BadNumber;
  typing.reason = std::move(reason);
  return typing;
}

ScalarTyping value(FactValue v) {
  ScalarTyping typing;
  typing.value = std::move(v);
  return typing;
}

/// Why a scalar that looks like a number is not one, in the words of the likely mistake.
ScalarTyping explain_bad_number(std::string_view text) {
  if (is_decimal_integer(text)) {
    const std::string_view magnitude = text.substr(text[0] == '+' || text[0] == '-' ? 1 : 0);
    if (magnitude.size() > 1 && magnitude[0] == '0') {
      return bad_number("an integer with a leading zero is ambiguous (YAML 1.1 reads it as octal)");
    }
    return bad_number("integer out of range");
  }
  return bad_number("not a finite decimal number");
}

}  // namespace

ScalarTyping type_plain_scalar(std::string_view text) {
  if (text == "true") return value(true);
  if (text == "false") return value(false);
  if (text.empty() || text == "~" || text == "null" || text == "Null" || text == "NULL") {
    ScalarTyping typing;
    typing.kind = ScalarTyping::Kind::Null;
    return typing;
  }
  if (is_infinity_or_nan(text)) return bad_number("infinite and NaN numbers are not allowed");
  if (!looks_numeric(text)) return value(std::string(text));
  // The loader's number grammar, so that case files and rule files read numbers alike.
  if (std::optional<std::int64_t> n = parse_decimal_int(text)) return value(*n);
  if (std::optional<double> d = parse_decimal_number(text)) return value(*d);
  return explain_bad_number(text);
}

std::string case_word_yaml(std::string_view word) {
  const auto word_char = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || is_digit(c) || c == '_' ||
           c == '-' || c == '.';
  };
  bool plain = !word.empty() && word[0] != '-' &&
               std::all_of(word.begin(), word.end(), word_char);
  if (plain) {
    const ScalarTyping typed = type_plain_scalar(word);
    const std::string* text = std::get_if<std::string>(&typed.value);
    plain = typed.kind == ScalarTyping::Kind::Value && text != nullptr && *text == word;
  }
  if (plain) return std::string(word);
  std::string out = "\"";
  for (const char c : word) {
    if (static_cast<unsigned char>(c) < 0x20) {
      static constexpr char kHex[] = "0123456789abcdef";
      out += "\\x";
      out += kHex[(c >> 4) & 0xf];
      out += kHex[c & 0xf];
      continue;
    }
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + '"';
}

}  // namespace scarwise::internal
