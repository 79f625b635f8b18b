#include "load/line_index.hpp"

#include <algorithm>

namespace scarwise::internal {

std::size_t bom_length(std::string_view text) noexcept {
  return text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
}

LineIndex::LineIndex(std::string_view text) : size_(text.size()) {
  line_starts_.push_back(bom_length(text));
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') line_starts_.push_back(i + 1);
  }
}

YamlMark LineIndex::at(std::size_t offset) const {
  offset = std::min(offset, size_);
  const auto next = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  const std::size_t line = static_cast<std::size_t>(next - line_starts_.begin());
  const std::size_t start = line_starts_[line - 1];
  const std::size_t column = offset >= start ? offset - start + 1 : 1;
  return YamlMark{offset, static_cast<int>(line), static_cast<int>(column)};
}

}  // namespace scarwise::internal
