// The merged case of a test as compact YAML, for the report of a failing test: the author sees
// the case the engine was given, defaults and all, next to what was expected of it.
#pragma once

#include <cstddef>
#include <string>

#include "load/yaml_tree.hpp"

namespace scarwise::internal {

/// Lines of the rendering are cut at this many bytes; a case is a few hundred.
inline constexpr std::size_t kMaxCaseLineBytes = 1000;
/// Scars shown; more are counted instead, so a hostile case cannot flood the report.
inline constexpr std::size_t kMaxCaseScars = 20;

/// `case_node` as compact YAML: `patient: {...}` on one line and one `- {...}` line per scar,
/// each line ending in "\n". Every key and value is shown through quote.hpp (escaped and
/// capped), quoted values stay quoted, and a line past kMaxCaseLineBytes ends in "…".
std::string case_text(const YamlNode& case_node);

}  // namespace scarwise::internal
