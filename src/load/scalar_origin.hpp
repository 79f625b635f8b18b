// Maps the characters of a scalar's value back to the file, so that an error at offset k of a
// `when:` expression is reported at the right line:col even when the scalar is quoted, folded
// over several lines or a block scalar.
#pragma once

#include "expr/expression.hpp"
#include "load/line_index.hpp"
#include "load/yaml_tree.hpp"

namespace scarwise::internal {

/// Aligns `node.scalar` with the raw text of `doc` from the node's mark: value characters are
/// matched to raw ones, skipping what YAML drops (quotes, indentation, line breaks, escape
/// backslashes). A character YAML made up (an escape's result, a folded line break) is placed
/// at the raw character it came from. Contiguous runs become one segment each.
ExprOrigin scalar_origin(const YamlDocument& doc, const LineIndex& lines, const YamlNode& node);

}  // namespace scarwise::internal
