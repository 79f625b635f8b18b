// Typed values of plain YAML scalars, read the YAML 1.2 core way but stricter: decimal only,
// locale-independent, `true`/`false` only.
#pragma once

#include "load/yaml_tree.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace scarwise::internal {

/// A decimal integer: optional sign, digits, no leading zeros ("010" and "0x10" are not
/// integers), within int64.
std::optional<std::int64_t> parse_decimal_int(std::string_view text);

/// A finite decimal number: optional sign, digits with an optional fraction and exponent
/// (".5", "1.", "1e3"); no leading zeros in the integer part, no inf/nan, no hex.
std::optional<double> parse_decimal_number(std::string_view text);

/// True for a semantic version (semver.org 2.0.0): MAJOR.MINOR.PATCH without leading zeros,
/// with an optional -prerelease and +build.
bool is_semver(std::string_view text);

/// True for the words YAML 1.1 or other YAML 1.2 schemas read as booleans but we do not
/// ("yes", "True", "on", ...), so that an error can say "use true or false".
bool is_foreign_bool_word(std::string_view text);

/// What a node is, for messages such as "expected an integer, got a string": "null", "a map",
/// "a list", "a string", or for plain scalars also "an integer", "a number", "a boolean".
std::string describe_node(const YamlNode& node);

}  // namespace scarwise::internal
