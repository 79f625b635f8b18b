#include "testing/field_reader.hpp"

#include "load/scalar_values.hpp"
#include "support/did_you_mean.hpp"
#include "support/quote.hpp"

namespace scarwise::internal {

namespace {

bool is_plain(const YamlNode& node) {
  return node.is_scalar() && node.style == YamlNode::Style::Plain;
}

/// "a string 'soon'", "a list": what was written, for type-error messages.
std::string describe_written(const YamlNode& node) {
  std::string out = describe_node(node);
  if (!node.is_scalar()) return out;
  if (node.scalar.empty()) return node.style == YamlNode::Style::Plain ? out : "an empty string";
  return out + " " + quote(node.scalar);
}

}  // namespace

bool FieldReader::is_null(const YamlNode& node) {
  if (node.is_null()) return true;
  return is_plain(node) && (node.scalar.empty() || node.scalar == "null" || node.scalar == "~");
}

void FieldReader::error(const YamlNode& node, std::string code, std::string message,
                        std::string hint) {
  sink_.error(loc(node), std::move(code), std::move(message), std::move(hint));
}

void FieldReader::type_error(const YamlNode& node, std::string_view what,
                             std::string_view expected) {
  const bool bool_word = is_plain(node) && is_foreign_bool_word(node.scalar);
  error(node, "E-TEST-TYPE",
        std::string(what) + " must be " + std::string(expected) + ", not " + describe_written(node),
        bool_word ? "write true or false" : "");
}

bool FieldReader::expect_map(const YamlNode& node, std::string_view what) {
  if (node.is_map()) return true;
  type_error(node, what, "a mapping");
  return false;
}

bool FieldReader::expect_sequence(const YamlNode& node, std::string_view what) {
  if (node.is_sequence()) return true;
  type_error(node, what, "a list");
  return false;
}

void FieldReader::check_keys(const YamlNode& map, const std::vector<std::string>& allowed,
                             std::string_view where) {
  for (const auto& [key, value] : map.entries) {
    bool known = false;
    for (const std::string& name : allowed) known = known || key.scalar == name;
    if (known) continue;
    std::string allowed_list;
    for (const std::string& name : allowed) {
      allowed_list += (allowed_list.empty() ? "" : ", ") + name;
    }
    error(key, "E-TEST-UNKNOWN-KEY",
          "unknown key " + quote(key.scalar) + " in " + std::string(where),
          did_you_mean(key.scalar, allowed, "allowed keys: " + allowed_list));
  }
}

const YamlNode* FieldReader::require(const YamlNode& map, std::string_view key,
                                     std::string_view where) {
  if (const YamlNode* value = map.find(key)) return value;
  error(map, "E-TEST-MISSING-KEY", std::string(where) + " has no " + quote(std::string(key)));
  return nullptr;
}

std::optional<std::string> FieldReader::read_string(const YamlNode& node, std::string_view what) {
  if (node.is_scalar() && !is_null(node)) return node.scalar;
  type_error(node, what, "text");
  return std::nullopt;
}

std::optional<LocatedId> FieldReader::read_id(const YamlNode& node, std::string_view what) {
  std::optional<std::string> text = read_string(node, what);
  if (!text) return std::nullopt;
  if (text->empty()) {
    type_error(node, what, "a non-empty id");
    return std::nullopt;
  }
  return LocatedId{std::move(*text), loc(node)};
}

std::optional<bool> FieldReader::read_bool(const YamlNode& node, std::string_view what) {
  if (is_plain(node) && node.scalar == "true") return true;
  if (is_plain(node) && node.scalar == "false") return false;
  type_error(node, what, "true or false");
  return std::nullopt;
}

std::optional<long long> FieldReader::read_int(const YamlNode& node, std::string_view what) {
  if (is_plain(node)) {
    if (std::optional<std::int64_t> value = parse_decimal_int(node.scalar)) return *value;
  }
  type_error(node, what, "a whole number");
  return std::nullopt;
}

std::optional<double> FieldReader::read_number(const YamlNode& node, std::string_view what) {
  if (is_plain(node)) {
    if (std::optional<double> value = parse_decimal_number(node.scalar)) return *value;
  }
  type_error(node, what, "a number");
  return std::nullopt;
}

std::vector<LocatedId> FieldReader::read_id_list(const YamlNode& node, std::string_view what) {
  std::vector<LocatedId> ids;
  if (!expect_sequence(node, what)) return ids;
  for (const YamlNode& item : node.items) {
    if (std::optional<LocatedId> id =
            read_id(item, std::string("an item of ") + std::string(what))) {
      ids.push_back(std::move(*id));
    }
  }
  return ids;
}

}  // namespace scarwise::internal
