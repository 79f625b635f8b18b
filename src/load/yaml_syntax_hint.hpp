// Plain-words hints for the syntax errors yaml-cpp reports. Its messages ("illegal map value",
// "end of map flow not found") name a parser state, not the mistake a person made; the hint
// says what is most likely wrong at that spot and how to write it instead.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace scarwise::internal {

/// A hint for yaml-cpp's error `message` (one of yaml-cpp 0.7's ErrorMsg strings) raised at
/// 0-based `line` and `column` of `text` (counted after any byte order mark, as yaml-cpp
/// counts). The text decides between causes that share one message: a tab in the indentation
/// of that line or the one before it, or the ':' an error points at.
std::string yaml_syntax_hint(std::string_view message, std::string_view text, std::size_t line,
                             std::size_t column);

}  // namespace scarwise::internal
