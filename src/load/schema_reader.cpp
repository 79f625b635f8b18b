#include "load/schema_reader.hpp"

#include <algorithm>
#include <cctype>
#include <limits>

#include "load/scalar_values.hpp"
#include "support/did_you_mean.hpp"
#include "support/quote.hpp"

namespace scarwise::internal {
namespace {

bool contains(const std::vector<std::string>& list, std::string_view word) {
  return std::find(list.begin(), list.end(), word) != list.end();
}

}  // namespace

bool is_valid_id(std::string_view id) noexcept {
  if (id.empty()) return false;
  return std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
  });
}

void SchemaReader::error(const YamlNode& at, std::string code, std::string message,
                         std::string hint) const {
  sink_.error(loc(at), std::move(code), std::move(message), std::move(hint));
}

void SchemaReader::type_error(const YamlNode& node, std::string_view what,
                              std::string_view expected, std::string hint) const {
  error(
      node, "E-TYPE",
      "expected " + std::string(expected) + " for " + quote(what) + ", got " + describe_node(node),
      std::move(hint));
}

bool SchemaReader::expect_map(const YamlNode& node, std::string_view what) const {
  if (node.is_map()) return true;
  type_error(node, what, "a map");
  return false;
}

const std::vector<YamlNode>* SchemaReader::read_list(const YamlNode& node,
                                                     std::string_view what) const {
  static const std::vector<YamlNode> kEmpty;
  if (node.is_null()) return &kEmpty;
  if (node.is_sequence()) return &node.items;
  type_error(node, what, "a list", node.is_scalar() ? "write a list as [a, b]" : "");
  return nullptr;
}

void SchemaReader::check_keys(const YamlNode& map, const KeySet& keys,
                              std::string_view where) const {
  for (const auto& [key, value] : map.entries) {
    if (contains(keys.allowed, key.scalar)) continue;
    if (contains(keys.reserved, key.scalar)) {
      error(key, "E-UNSUPPORTED", quote(key.scalar) + " is not supported: " + keys.reserved_reason);
    } else if (contains(keys.misplaced, key.scalar)) {
      error(key, "E-NOT-ALLOWED",
            quote(key.scalar) + " is not allowed in " + std::string(where) + ": " +
                keys.misplaced_reason);
    } else {
      unknown_keys_.push_back(&key);
      error(key, "E-UNKNOWN-KEY", "unknown key " + quote(key.scalar) + " in " + std::string(where),
            did_you_mean(
                key.scalar, keys.allowed, "allowed keys: " + [&] {
                  std::string list;
                  for (const std::string& k : keys.allowed) list += (list.empty() ? "" : ", ") + k;
                  return list;
                }()));
    }
  }
}

const YamlNode* SchemaReader::require(const YamlNode& map, std::string_view key,
                                      std::string_view where) const {
  if (const YamlNode* value = map.find(key)) return value;
  // A misspelt key was reported as unknown with this key as its hint; once is enough.
  const std::vector<std::string> wanted{std::string(key)};
  for (const auto& entry : map.entries) {
    const bool reported =
        std::find(unknown_keys_.begin(), unknown_keys_.end(), &entry.first) != unknown_keys_.end();
    if (reported && !closest_match(entry.first.scalar, wanted).empty()) return nullptr;
  }
  error(map, "E-MISSING-KEY", std::string(where) + " needs the key " + quote(key));
  return nullptr;
}

std::optional<std::int64_t> SchemaReader::read_int(const YamlNode& node,
                                                   std::string_view what) const {
  if (node.is_scalar() && node.style == YamlNode::Style::Plain) {
    if (const auto value = parse_decimal_int(node.scalar)) return value;
    const std::string& s = node.scalar;
    const bool looks_numeric = !s.empty() && (std::isdigit(static_cast<unsigned char>(s[0])) ||
                                              s[0] == '-' || s[0] == '+');
    if (looks_numeric) {
      error(node, "E-TYPE", "expected an integer for " + quote(what) + ", got " + quote(s),
            "integers are written in decimal, without leading zeros or a fraction");
      return std::nullopt;
    }
  }
  const bool quoted_number = node.is_scalar() && node.style != YamlNode::Style::Plain &&
                             parse_decimal_int(node.scalar).has_value();
  type_error(node, what, "an integer", quoted_number ? "write the number without quotes" : "");
  return std::nullopt;
}

std::optional<int> SchemaReader::read_int_in(const YamlNode& node, std::string_view what, int min,
                                             int max) const {
  const std::optional<std::int64_t> value = read_int(node, what);
  if (!value) return std::nullopt;
  if (*value < min || *value > max) {
    // A range that ends at an int limit is named by the end the value crossed.
    const bool open_ended = min == std::numeric_limits<int>::min() ||
                            max == std::numeric_limits<int>::max();
    const std::string range =
        !open_ended    ? "between " + std::to_string(min) + " and " + std::to_string(max)
        : *value < min ? "at least " + std::to_string(min)
                       : "at most " + std::to_string(max);
    error(node, "E-BAD-VALUE", quote(what) + " must be " + range + ", got " + shown(node.scalar));
    return std::nullopt;
  }
  return static_cast<int>(*value);
}

std::optional<double> SchemaReader::read_number(const YamlNode& node, std::string_view what) const {
  if (node.is_scalar() && node.style == YamlNode::Style::Plain) {
    if (const auto value = parse_decimal_number(node.scalar)) return value;
  }
  const bool quoted_number = node.is_scalar() && node.style != YamlNode::Style::Plain &&
                             parse_decimal_number(node.scalar).has_value();
  type_error(node, what, "a number",
             quoted_number ? "write the number without quotes"
                           : "numbers are decimal and finite, e.g. 1.5");
  return std::nullopt;
}

std::optional<bool> SchemaReader::read_bool(const YamlNode& node, std::string_view what) const {
  if (node.is_scalar() && node.style == YamlNode::Style::Plain) {
    if (node.scalar == "true") return true;
    if (node.scalar == "false") return false;
    if (is_foreign_bool_word(node.scalar)) {
      error(node, "E-TYPE",
            "expected true or false for " + quote(what) + ", got " + quote(node.scalar),
            "use true or false");
      return std::nullopt;
    }
  }
  type_error(node, what, "true or false", "use true or false");
  return std::nullopt;
}

std::optional<std::string> SchemaReader::read_string(const YamlNode& node,
                                                     std::string_view what) const {
  if (node.is_scalar()) return node.scalar;
  type_error(node, what, "a string");
  return std::nullopt;
}

std::optional<std::string> SchemaReader::read_id(const YamlNode& node,
                                                 std::string_view what) const {
  std::optional<std::string> id = read_string(node, what);
  if (!id || !check_id(node, what)) return std::nullopt;
  return id;
}

bool SchemaReader::check_id(const YamlNode& key, std::string_view what) const {
  if (is_valid_id(key.scalar)) return true;
  error(key, "E-BAD-ID", "invalid " + std::string(what) + " " + quote(key.scalar),
        "ids use lower-case letters, digits, '.', '_' and '-'");
  return false;
}

}  // namespace scarwise::internal
