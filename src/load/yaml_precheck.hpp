// Checks on the raw bytes of a YAML file, made before yaml-cpp sees them: yaml-cpp would
// otherwise accept bytes we cannot report on (invalid UTF-8, NUL, a lone carriage return it
// silently drops) and descends recursively into nesting of any depth.
#pragma once

#include "load/yaml_tree.hpp"
#include "support/diagnostic_sink.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace scarwise::internal {

/// Reports E-FILE-TOO-LARGE when `text` exceeds `max_bytes`.
bool check_yaml_size(std::string_view text, const std::string& file, std::size_t max_bytes,
                     DiagnosticSink& sink);

/// Reports the first byte that is not valid UTF-8 or is NUL (E-YAML-UTF8), or a control
/// character YAML does not allow, including a carriage return not followed by a line feed and
/// the C1 controls U+0080 to U+009F (E-YAML-SYNTAX). A leading byte order mark is accepted.
bool check_yaml_characters(std::string_view text, const std::string& file, DiagnosticSink& sink);

/// Offset of the first control character in a scalar's value (UTF-8): C0 controls other than
/// tab and line feed, DEL, and C1 controls. Escapes such as "\0" or "\e" put them there even
/// when the raw text has none; they would reach ids, messages and terminals.
std::optional<std::size_t> find_control_character(std::string_view value);

/// A cheap scan of block indentation levels and '[' / '{' flow nesting (outside quotes, comments
/// and block scalars). Reports E-YAML-TOO-DEEP at the first place where the nesting exceeds
/// `max_depth`, so that yaml-cpp's recursive descent never meets a nesting bomb. The scan may
/// count a multi-line plain scalar as one level more than it is, and counts a sequence written
/// at its key's indentation together with the key's map (so never less than half the real
/// depth); the tree builder checks the exact depth again.
bool check_yaml_depth(std::string_view text, const std::string& file, std::size_t max_depth,
                      DiagnosticSink& sink);

}  // namespace scarwise::internal
