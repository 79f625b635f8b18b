#include <algorithm>

#include "expr/expression.hpp"

namespace scarwise::internal {

SourceLoc ExprOrigin::locate(std::size_t offset) const {
  // The last segment starting at or before `offset` holds it; characters within a segment are
  // consecutive on one line.
  const auto after = std::upper_bound(
      segments.begin(), segments.end(), offset,
      [](std::size_t value, const Segment& segment) { return value < segment.offset; });
  if (after == segments.begin()) return SourceLoc{file, 0, 0};
  const Segment& segment = *std::prev(after);
  return SourceLoc{file, segment.line, segment.column + static_cast<int>(offset - segment.offset)};
}

ExprOrigin ExprOrigin::single_line(std::string file, int line, int column) {
  ExprOrigin origin;
  origin.file = std::move(file);
  origin.segments.push_back(Segment{0, line, column});
  return origin;
}

}  // namespace scarwise::internal
