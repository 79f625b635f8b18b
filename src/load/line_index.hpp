// Byte offsets to 1-based line:column positions, the way every diagnostic of the loader counts
// them: lines end at '\n', columns count bytes, and a leading UTF-8 byte order mark is not part
// of line 1 (so columns agree with what yaml-cpp reports once it has skipped the mark).
#pragma once

#include "load/yaml_tree.hpp"

#include <cstddef>
#include <string_view>
#include <vector>

namespace scarwise::internal {

/// Length of the UTF-8 byte order mark at the start of `text` (3), or 0.
std::size_t bom_length(std::string_view text) noexcept;

class LineIndex {
 public:
  explicit LineIndex(std::string_view text);
  /// The position of byte `offset` (an offset at or past the end gives the end position).
  YamlMark at(std::size_t offset) const;

 private:
  std::vector<std::size_t> line_starts_;
  std::size_t size_ = 0;
};

}  // namespace scarwise::internal
