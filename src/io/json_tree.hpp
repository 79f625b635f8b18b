// Strict JSON reading into the located document tree the YAML loader also produces, so that one
// case reader walks both formats and reports the same located errors for both.
#pragma once

#include <cstddef>
#include <optional>
#include <string>

#include "load/yaml_tree.hpp"
#include "support/diagnostic_sink.hpp"

namespace scarwise::internal {

/// Largest JSON document read by default (a case is a few kilobytes).
inline constexpr std::size_t kMaxJsonBytes = 4u << 20;
/// Deepest nesting read by default (a case needs 4 levels).
inline constexpr std::size_t kMaxJsonDepth = 32;

/// Parses `text` as one strict RFC 8259 JSON document: no comments, trailing commas, NaN or
/// Infinity, nothing but whitespace after the document, valid UTF-8 and unique keys in every
/// object. Strings become Quoted scalars, numbers, `true` and `false` Plain scalars holding their
/// exact text, and `null` a Null node; every node's mark is where its token starts.
///
/// Errors: E-CASE-SYNTAX (at the line:col where parsing stopped), E-CASE-DUPLICATE-KEY (at the
/// repeated key), E-CASE-TOO-LARGE (more than `max_bytes`), E-CASE-TOO-DEEP (arrays and objects
/// nested more than `max_depth` deep, at the bracket that goes too deep), E-LIMIT-NODES (more
/// than max_nodes_for(max_bytes) values, arrays and objects, at the first past the limit; the
/// parser stops there). Returns nothing if there was any error.
std::optional<YamlDocument> parse_json_tree(std::string text, std::string file,
                                            DiagnosticSink& sink,
                                            std::size_t max_bytes = kMaxJsonBytes,
                                            std::size_t max_depth = kMaxJsonDepth);

}  // namespace scarwise::internal
