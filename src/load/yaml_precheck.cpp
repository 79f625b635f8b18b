#include "load/yaml_precheck.hpp"

#include <cctype>
#include <cstdint>
#include <optional>
#include <vector>

#include "load/line_index.hpp"
#include "support/utf8.hpp"

namespace scarwise::internal {
namespace {

SourceLoc loc_at(std::string_view text, const std::string& file, std::size_t offset) {
  const YamlMark mark = LineIndex(text).at(offset);
  return {file, mark.line, mark.column};
}

std::string hex_byte(unsigned char byte) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  return std::string("0x") + kHex[byte >> 4] + kHex[byte & 0x0f];
}

bool is_forbidden_control(unsigned char c) {
  return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F;
}

/// U+0080 to U+009F, whose UTF-8 form is C2 80 to C2 9F.
bool is_c1_control(std::string_view text, std::size_t i) {
  return static_cast<unsigned char>(text[i]) == 0xC2 && i + 1 < text.size() &&
         static_cast<unsigned char>(text[i + 1]) <= 0x9F;
}

}  // namespace

bool check_yaml_size(std::string_view text, const std::string& file, std::size_t max_bytes,
                     DiagnosticSink& sink) {
  if (text.size() <= max_bytes) return true;
  sink.error({file, 0, 0}, "E-FILE-TOO-LARGE",
             "the file has " + std::to_string(text.size()) + " bytes, more than the limit of " +
                 std::to_string(max_bytes),
             "split the rule set into included files or raise LoadOptions::max_file_bytes");
  return false;
}

bool check_yaml_characters(std::string_view text, const std::string& file, DiagnosticSink& sink) {
  for (std::size_t i = bom_length(text); i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == 0) {
      sink.error(loc_at(text, file, i), "E-YAML-UTF8", "the file contains a NUL byte",
                 "rule files are UTF-8 text");
      return false;
    }
    if (c < 0x80) {
      if (c == '\r' && (i + 1 >= text.size() || text[i + 1] != '\n')) {
        sink.error(loc_at(text, file, i), "E-YAML-SYNTAX",
                   "a carriage return not followed by a line feed", "use LF or CRLF line endings");
        return false;
      }
      if (is_forbidden_control(c)) {
        sink.error(loc_at(text, file, i), "E-YAML-SYNTAX",
                   "control character " + hex_byte(c) + " is not allowed in YAML",
                   "remove it; write special characters as escapes in a double-quoted string");
        return false;
      }
      ++i;
      continue;
    }
    const std::size_t length = utf8_sequence_length(text, i);
    if (length == 2 && is_c1_control(text, i)) {
      sink.error(loc_at(text, file, i), "E-YAML-SYNTAX",
                 "control character U+00" +
                     hex_byte(static_cast<unsigned char>(text[i + 1])).substr(2) +
                     " is not allowed in YAML",
                 "remove it");
      return false;
    }
    if (length == 0) {
      // Located at the start of the broken sequence: in a Latin-1 file that is the accented
      // letter itself, whatever byte follows it.
      sink.error(loc_at(text, file, i), "E-YAML-UTF8",
                 "invalid UTF-8: byte " + hex_byte(c) + " does not start a valid sequence",
                 "save the file as UTF-8");
      return false;
    }
    i += length;
  }
  return true;
}

std::optional<std::size_t> find_control_character(std::string_view value) {
  for (std::size_t i = 0; i < value.size(); ++i) {
    const auto c = static_cast<unsigned char>(value[i]);
    if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7F || is_c1_control(value, i)) return i;
  }
  return std::nullopt;
}

namespace {

/// Line-by-line nesting estimate; see check_yaml_depth.
class DepthScanner {
 public:
  DepthScanner(std::string_view text, std::size_t max_depth) : text_(text), max_depth_(max_depth) {}

  /// Offset where the nesting first exceeds the limit, if it does.
  std::optional<std::size_t> run() {
    std::size_t start = bom_length(text_);
    while (start <= text_.size() && !too_deep_) {
      std::size_t end = text_.find('\n', start);
      if (end == std::string_view::npos) end = text_.size();
      scan_line(start, end);
      start = end + 1;
    }
    if (too_deep_) return too_deep_at_;
    return std::nullopt;
  }

 private:
  static bool is_blank(char c) { return c == ' ' || c == '\t'; }

  void scan_line(std::size_t start, std::size_t end) {
    if (end > start && text_[end - 1] == '\r') --end;
    std::size_t indent = 0;
    while (start + indent < end && text_[start + indent] == ' ') ++indent;
    const bool blank = start + indent == end;
    if (in_block_scalar_ && (blank || in_block_scalar_content(indent))) return;
    in_block_scalar_ = false;
    std::size_t pos = start;
    if (quote_ != 0) {
      pos = skip_quoted(start, end);
      if (quote_ != 0) return;
    } else {
      if (blank || text_[start + indent] == '#') return;
      pos = start + indent;
      if (flow_depth_ == 0) pos = open_block_levels(start, pos, end);
    }
    scan_content(start, pos, end);
  }

  /// Whether a non-blank line with this indentation is still content of the block scalar. As in
  /// yaml-cpp, the first content line sets the indentation (it must be deeper than the node
  /// that holds the scalar), unless the header gave it; a line indented less ends the scalar.
  /// Ending it too early only makes the scan count more, never less.
  bool in_block_scalar_content(std::size_t indent) {
    if (!block_scalar_indent_) {
      if (block_scalar_parent_ && indent <= *block_scalar_parent_) return false;
      block_scalar_indent_ = indent;
      return true;
    }
    return indent >= *block_scalar_indent_;
  }

  /// Starts a block scalar; `digit` is its explicit indentation indicator, or 0.
  void open_block_scalar(int digit) {
    in_block_scalar_ = true;
    block_scalar_parent_.reset();
    if (!block_columns_.empty()) block_scalar_parent_ = block_columns_.back();
    block_scalar_indent_.reset();
    if (digit > 0) {
      block_scalar_indent_ = block_scalar_parent_.value_or(0) + static_cast<std::size_t>(digit);
    }
  }

  /// Pops the levels this line closes, pushes the ones it opens (its own column and any
  /// compact "- " / "? " / "- key:" forms after it); returns where the content starts.
  std::size_t open_block_levels(std::size_t line_start, std::size_t pos, std::size_t end) {
    push_column(pos - line_start, pos);
    while (pos < end && (text_[pos] == '-' || text_[pos] == '?') &&
           (pos + 1 == end || is_blank(text_[pos + 1]))) {
      std::size_t next = pos + 1;
      while (next < end && is_blank(text_[next])) ++next;
      if (next == end || text_[next] == '#') return next;
      const bool nested_indicator = (text_[next] == '-' || text_[next] == '?') &&
                                    (next + 1 == end || is_blank(text_[next + 1]));
      if (!nested_indicator && !looks_like_key(next, end)) return next;
      block_columns_.push_back(next - line_start);
      check(next);
      pos = next;
    }
    return pos;
  }

  void push_column(std::size_t column, std::size_t offset) {
    while (!block_columns_.empty() && block_columns_.back() > column) block_columns_.pop_back();
    if (block_columns_.empty() || block_columns_.back() < column) {
      block_columns_.push_back(column);
      check(offset);
    }
  }

  /// True when a ": " or a final ':' follows on this line outside quotes and flow brackets.
  bool looks_like_key(std::size_t pos, std::size_t end) const {
    if (text_[pos] == '"' || text_[pos] == '\'' || text_[pos] == '[' || text_[pos] == '{') {
      return false;
    }
    for (std::size_t i = pos; i < end; ++i) {
      if (text_[i] == '#' && i > pos && is_blank(text_[i - 1])) return false;
      if (text_[i] == ':' && (i + 1 == end || is_blank(text_[i + 1]))) return true;
    }
    return false;
  }

  /// Consumes a quoted scalar from `pos` (quote_ already set) to its closing quote or the line
  /// end; returns the offset after it.
  std::size_t skip_quoted(std::size_t pos, std::size_t end) {
    while (pos < end) {
      const char c = text_[pos];
      if (quote_ == '"' && c == '\\') {
        pos += 2;
        continue;
      }
      if (c == quote_) {
        if (quote_ == '\'' && pos + 1 < end && text_[pos + 1] == '\'') {
          pos += 2;
          continue;
        }
        quote_ = 0;
        return pos + 1;
      }
      ++pos;
    }
    return end;
  }

  /// Scans the rest of a line for flow brackets, quotes and block scalar headers. Inside a
  /// plain scalar nothing opens: "x [1" is text, not a list.
  void scan_content(std::size_t line_start, std::size_t pos, std::size_t end) {
    bool in_plain = false;
    while (pos < end && !too_deep_) {
      const char c = text_[pos];
      if (c == '#' && (pos == line_start || is_blank(text_[pos - 1]))) return;
      if (in_plain) {
        if (ends_plain_with_colon(pos, end)) {
          in_plain = false;
          ++pos;
          continue;
        }
        if (flow_depth_ == 0 || !is_flow_indicator(c)) {
          ++pos;
          continue;
        }
        in_plain = false;  // a flow indicator ends a plain scalar inside brackets
      }
      if (c == '"' || c == '\'') {
        quote_ = c;
        pos = skip_quoted(pos + 1, end);
        continue;
      }
      if (c == '!' || c == '&') {
        // A tag or an anchor: the node it belongs to comes after it.
        while (pos < end && !is_blank(text_[pos])) ++pos;
        continue;
      }
      if (c == '[' || c == '{') {
        ++flow_depth_;
        check(pos);
      } else if ((c == ']' || c == '}') && flow_depth_ > 0) {
        --flow_depth_;
      } else if ((c == '|' || c == '>') && flow_depth_ == 0 &&
                 is_block_scalar_header(pos + 1, end)) {
        open_block_scalar(indentation_indicator(pos + 1, end));
        return;
      } else if (!is_blank(c) && !is_flow_indicator(c) && !is_block_indicator(pos, end)) {
        in_plain = true;
      }
      ++pos;
    }
  }

  static bool is_flow_indicator(char c) {
    return c == ',' || c == '[' || c == ']' || c == '{' || c == '}';
  }

  /// '-', '?' or ':' followed by a blank or the line end.
  bool is_block_indicator(std::size_t pos, std::size_t end) const {
    const char c = text_[pos];
    return (c == '-' || c == '?' || c == ':') && (pos + 1 == end || is_blank(text_[pos + 1]));
  }

  /// A ':' that ends a plain key: followed by a blank, the line end, or (in brackets) a flow
  /// indicator.
  bool ends_plain_with_colon(std::size_t pos, std::size_t end) const {
    if (text_[pos] != ':') return false;
    if (pos + 1 == end || is_blank(text_[pos + 1])) return true;
    return flow_depth_ > 0 && is_flow_indicator(text_[pos + 1]);
  }

  /// After '|' or '>': only indentation/chomping indicators, then blanks or a comment.
  bool is_block_scalar_header(std::size_t pos, std::size_t end) const {
    while (pos < end &&
           (text_[pos] == '+' || text_[pos] == '-' || (text_[pos] >= '1' && text_[pos] <= '9'))) {
      ++pos;
    }
    while (pos < end && is_blank(text_[pos])) ++pos;
    return pos == end || text_[pos] == '#';
  }

  /// The digit among the header's indicators after '|' or '>', or 0.
  int indentation_indicator(std::size_t pos, std::size_t end) const {
    for (; pos < end && (text_[pos] == '+' || text_[pos] == '-' ||
                         std::isdigit(static_cast<unsigned char>(text_[pos])));
         ++pos) {
      if (text_[pos] >= '1' && text_[pos] <= '9') return text_[pos] - '0';
    }
    return 0;
  }

  void check(std::size_t offset) {
    if (!too_deep_ && block_columns_.size() + flow_depth_ > max_depth_) {
      too_deep_ = true;
      too_deep_at_ = offset;
    }
  }

  std::string_view text_;
  std::size_t max_depth_;
  std::vector<std::size_t> block_columns_;
  std::size_t flow_depth_ = 0;
  char quote_ = 0;
  bool in_block_scalar_ = false;
  std::optional<std::size_t> block_scalar_parent_;  ///< column of the node holding the scalar
  std::optional<std::size_t> block_scalar_indent_;  ///< indentation of its content, once known
  bool too_deep_ = false;
  std::size_t too_deep_at_ = 0;
};

}  // namespace

bool check_yaml_depth(std::string_view text, const std::string& file, std::size_t max_depth,
                      DiagnosticSink& sink) {
  const std::optional<std::size_t> at = DepthScanner(text, max_depth).run();
  if (!at) return true;
  sink.error(
      loc_at(text, file, *at), "E-YAML-TOO-DEEP",
      "the YAML nesting is deeper than the limit of " + std::to_string(max_depth) + " levels",
      "flatten the structure or raise LoadOptions::max_nesting_depth");
  return false;
}

}  // namespace scarwise::internal
