#include "load/scalar_origin.hpp"

#include <string_view>

namespace scarwise::internal {
namespace {

/// Raw characters that carry no value character of their own.
bool is_ignorable(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '"' || c == '\'' || c == '\\';
}

/// Where the scalar's first value character can be: after the opening quote, or on the line
/// after a block scalar's header.
std::size_t content_start(std::string_view raw, const YamlNode& node) {
  std::size_t pos = node.mark.offset;
  if (node.style == YamlNode::Style::Block) {
    const std::size_t newline = raw.find('\n', pos);
    return newline == std::string_view::npos ? raw.size() : newline + 1;
  }
  if (node.style == YamlNode::Style::Quoted) return pos + 1;
  return pos;
}

}  // namespace

ExprOrigin scalar_origin(const YamlDocument& doc, const LineIndex& lines, const YamlNode& node) {
  const std::string_view raw = doc.text;
  const std::string_view value = node.scalar;
  ExprOrigin origin;
  origin.file = doc.file;
  std::size_t r = content_start(raw, node);
  std::size_t previous = std::string_view::npos;
  for (std::size_t i = 0; i < value.size(); ++i) {
    std::size_t s = r;
    while (s < raw.size() && raw[s] != value[i] && is_ignorable(raw[s])) ++s;
    std::size_t at = r;
    if (s < raw.size() && raw[s] == value[i]) {
      at = s;
      r = s + 1;
    } else if (r < raw.size()) {
      ++r;  // a character YAML produced (escape, fold): charge it to the raw one here
    }
    const YamlMark mark = lines.at(at);
    const bool contiguous = previous != std::string_view::npos && at == previous + 1 &&
                            !origin.segments.empty() && lines.at(previous).line == mark.line;
    if (!contiguous) origin.segments.push_back({i, mark.line, mark.column});
    previous = at;
  }
  if (origin.segments.empty()) origin.segments.push_back({0, node.mark.line, node.mark.column});
  return origin;
}

}  // namespace scarwise::internal
