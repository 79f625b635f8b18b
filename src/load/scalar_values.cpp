#include "load/scalar_values.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>

namespace scarwise::internal {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

/// Strips one leading '+' or '-' (from_chars takes only '-'), returning whether it was '-'.
bool take_sign(std::string_view& text) {
  if (text.empty() || (text[0] != '+' && text[0] != '-')) return false;
  const bool negative = text[0] == '-';
  text.remove_prefix(1);
  return negative;
}

/// Digits with no leading zero unless the run is exactly "0".
bool valid_integer_digits(std::string_view digits) {
  if (digits.empty()) return false;
  for (const char c : digits) {
    if (!is_digit(c)) return false;
  }
  return digits.size() == 1 || digits[0] != '0';
}

}  // namespace

std::optional<std::int64_t> parse_decimal_int(std::string_view text) {
  std::string_view digits = text;
  const bool negative = take_sign(digits);
  if (!valid_integer_digits(digits)) return std::nullopt;
  // Parse with the sign in place so that INT64_MIN is representable.
  const std::string_view signed_text =
      negative ? text.substr(text.size() - digits.size() - 1) : digits;
  std::int64_t value = 0;
  const auto [end, ec] =
      std::from_chars(signed_text.data(), signed_text.data() + signed_text.size(), value);
  if (ec != std::errc() || end != signed_text.data() + signed_text.size()) return std::nullopt;
  return value;
}

std::optional<double> parse_decimal_number(std::string_view text) {
  std::string_view rest = text;
  const bool negative = take_sign(rest);
  std::size_t i = 0;
  while (i < rest.size() && is_digit(rest[i])) ++i;
  const std::string_view integer_part = rest.substr(0, i);
  if (!integer_part.empty() && !valid_integer_digits(integer_part)) return std::nullopt;
  std::size_t fraction_digits = 0;
  if (i < rest.size() && rest[i] == '.') {
    ++i;
    for (; i < rest.size() && is_digit(rest[i]); ++i) ++fraction_digits;
  }
  if (integer_part.empty() && fraction_digits == 0) return std::nullopt;
  if (i < rest.size() && (rest[i] == 'e' || rest[i] == 'E')) {
    ++i;
    if (i < rest.size() && (rest[i] == '+' || rest[i] == '-')) ++i;
    const std::size_t exponent_start = i;
    while (i < rest.size() && is_digit(rest[i])) ++i;
    if (i == exponent_start) return std::nullopt;
  }
  if (i != rest.size()) return std::nullopt;
  double value = 0;
  const auto [end, ec] = std::from_chars(rest.data(), rest.data() + rest.size(), value);
  if (ec != std::errc() || end != rest.data() + rest.size() || !std::isfinite(value)) {
    return std::nullopt;
  }
  return negative ? -value : value;
}

namespace {

/// Dot-separated non-empty identifiers of [0-9A-Za-z-]; numeric ones without leading zeros
/// when `numeric_no_leading_zero`.
bool valid_semver_identifiers(std::string_view text, bool numeric_no_leading_zero) {
  std::size_t start = 0;
  while (true) {
    const std::size_t dot = std::min(text.find('.', start), text.size());
    const std::string_view part = text.substr(start, dot - start);
    if (part.empty()) return false;
    bool numeric = true;
    for (const char c : part) {
      const bool alnum = is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
      if (!alnum && c != '-') return false;
      numeric = numeric && is_digit(c);
    }
    if (numeric && numeric_no_leading_zero && part.size() > 1 && part[0] == '0') return false;
    if (dot == text.size()) return true;
    start = dot + 1;
  }
}

}  // namespace

bool is_semver(std::string_view text) {
  const std::size_t plus = std::min(text.find('+'), text.size());
  if (plus < text.size() && !valid_semver_identifiers(text.substr(plus + 1), false)) return false;
  const std::string_view version = text.substr(0, plus);
  const std::size_t dash = std::min(version.find('-'), version.size());
  if (dash < version.size() && !valid_semver_identifiers(version.substr(dash + 1), true)) {
    return false;
  }
  const std::string_view core = version.substr(0, dash);
  int parts = 0;
  std::size_t start = 0;
  while (start <= core.size()) {
    const std::size_t dot = std::min(core.find('.', start), core.size());
    if (!valid_integer_digits(core.substr(start, dot - start))) return false;
    ++parts;
    start = dot + 1;
  }
  return parts == 3;
}

bool is_foreign_bool_word(std::string_view text) {
  static constexpr std::array<std::string_view, 22> kWords = {
      "True", "TRUE", "False", "FALSE", "yes", "Yes", "YES", "no", "No", "NO", "on",
      "On",   "ON",   "off",   "Off",   "OFF", "y",   "Y",   "n",  "N",  "t",  "f"};
  for (const std::string_view word : kWords) {
    if (text == word) return true;
  }
  return false;
}

std::string describe_node(const YamlNode& node) {
  switch (node.kind) {
    case YamlNode::Kind::Null:
      return "null";
    case YamlNode::Kind::Map:
      return "a map";
    case YamlNode::Kind::Sequence:
      return "a list";
    case YamlNode::Kind::Scalar:
      break;
  }
  if (node.style != YamlNode::Style::Plain) return "a string";
  if (node.scalar == "true" || node.scalar == "false") return "a boolean";
  if (parse_decimal_int(node.scalar)) return "an integer";
  if (parse_decimal_number(node.scalar)) return "a number";
  return "a string";
}

}  // namespace scarwise::internal
