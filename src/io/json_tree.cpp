#include "io/json_tree.hpp"

#include <algorithm>
#include <boost/json.hpp>
#include <boost/json/basic_parser_impl.hpp>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "support/quote.hpp"

namespace scarwise::internal {

namespace {

namespace json = boost::json;

/// Maps byte offsets to 1-based line and byte column.
class LineIndex {
 public:
  explicit LineIndex(std::string_view text) {
    starts_.push_back(0);
    for (std::size_t i = 0; i < text.size(); ++i) {
      if (text[i] == '\n') starts_.push_back(i + 1);
    }
  }
  YamlMark mark(std::size_t offset) const {
    const auto after = std::upper_bound(starts_.begin(), starts_.end(), offset);
    const auto line = static_cast<std::size_t>(after - starts_.begin());
    return {offset, static_cast<int>(line), static_cast<int>(offset - starts_[line - 1] + 1)};
  }

 private:
  std::vector<std::size_t> starts_;
};

/// Finds where each token starts. Boost.JSON's events carry no positions, but they arrive in
/// document order, so re-scanning the (already validated) text token by token from the end of
/// the previous one is exact: between two tokens there is only whitespace and `:` or `,`.
class TokenCursor {
 public:
  explicit TokenCursor(std::string_view text) : text_(text) {}

  /// Start of the next token; the cursor moves past it by `length` bytes.
  std::size_t take(std::size_t length) {
    const std::size_t start = next_token();
    pos_ = std::min(text_.size(), start + length);
    return start;
  }
  /// Start of the next string token; the cursor moves past its closing quote.
  std::size_t take_string() {
    const std::size_t start = next_token();
    std::size_t i = start + 1;
    while (i < text_.size() && text_[i] != '"') i += text_[i] == '\\' ? 2 : 1;
    pos_ = std::min(text_.size(), i + 1);
    return start;
  }
  /// Start and length of the next number token; the cursor moves past it.
  std::pair<std::size_t, std::size_t> take_number() {
    const std::size_t start = next_token();
    std::size_t i = start;
    while (i < text_.size() && is_number_char(text_[i])) ++i;
    pos_ = i;
    return {start, i - start};
  }

 private:
  static bool is_number_char(char c) {
    return (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E';
  }
  std::size_t next_token() const {
    std::size_t i = pos_;
    while (i < text_.size() &&
           std::string_view(" \t\r\n:,").find(text_[i]) != std::string_view::npos) {
      ++i;
    }
    return i;
  }
  std::string_view text_;
  std::size_t pos_ = 0;
};

/// A container being built, with the keys seen so far when it is an object.
struct Frame {
  YamlNode node;
  YamlNode pending_key;
  std::unordered_map<std::string, YamlMark> keys;
};

/// Boost.JSON SAX handler that builds the located tree and reports duplicate keys.
class TreeBuilder {
 public:
  static constexpr std::size_t max_array_size = static_cast<std::size_t>(-1);
  static constexpr std::size_t max_object_size = static_cast<std::size_t>(-1);
  static constexpr std::size_t max_string_size = static_cast<std::size_t>(-1);
  static constexpr std::size_t max_key_size = static_cast<std::size_t>(-1);

  TreeBuilder(std::string_view text, const std::string& file, DiagnosticSink& sink,
              std::size_t max_nodes)
      : lines_(text), cursor_(text), text_(text), file_(file), sink_(sink), max_nodes_(max_nodes) {}

  bool on_document_begin(json::error_code&) { return true; }
  bool on_document_end(json::error_code&) { return true; }
  bool on_object_begin(json::error_code& ec) { return open(YamlNode::Kind::Map, ec); }
  bool on_object_end(std::size_t, json::error_code&) { return close(); }
  bool on_array_begin(json::error_code& ec) { return open(YamlNode::Kind::Sequence, ec); }
  bool on_array_end(std::size_t, json::error_code&) { return close(); }
  bool on_string_part(json::string_view s, std::size_t, json::error_code&) {
    buffer_.append(s.data(), s.size());
    return true;
  }
  bool on_string(json::string_view s, std::size_t, json::error_code& ec) {
    buffer_.append(s.data(), s.size());
    return add(scalar(YamlNode::Style::Quoted, cursor_.take_string(), std::exchange(buffer_, {})),
               ec);
  }
  bool on_key_part(json::string_view s, std::size_t, json::error_code&) {
    buffer_.append(s.data(), s.size());
    return true;
  }
  bool on_key(json::string_view s, std::size_t, json::error_code&);
  bool on_number_part(json::string_view, json::error_code&) { return true; }
  bool on_int64(std::int64_t, json::string_view, json::error_code& ec) { return number(ec); }
  bool on_uint64(std::uint64_t, json::string_view, json::error_code& ec) { return number(ec); }
  bool on_double(double, json::string_view, json::error_code& ec) { return number(ec); }
  bool on_bool(bool b, json::error_code& ec) {
    const char* word = b ? "true" : "false";
    return add(scalar(YamlNode::Style::Plain, cursor_.take(b ? 4 : 5), word), ec);
  }
  bool on_null(json::error_code& ec) {
    YamlNode node;
    node.mark = lines_.mark(cursor_.take(4));
    return add(std::move(node), ec);
  }
  bool on_comment_part(json::string_view, json::error_code&) { return true; }
  bool on_comment(json::string_view, json::error_code&) { return true; }

  std::optional<YamlNode> take_root() { return std::move(root_); }
  std::size_t nodes() const noexcept { return nodes_; }
  /// True when parsing stopped at the node limit (already reported).
  bool too_many_nodes() const noexcept { return nodes_ > max_nodes_; }
  YamlMark mark(std::size_t offset) const { return lines_.mark(offset); }

 private:
  YamlNode scalar(YamlNode::Style style, std::size_t start, std::string text) const {
    YamlNode node;
    node.kind = YamlNode::Kind::Scalar;
    node.style = style;
    node.mark = lines_.mark(start);
    node.scalar = std::move(text);
    return node;
  }
  bool number(json::error_code& ec) {
    // The exact text is kept, so that the case reader types JSON and YAML numbers alike.
    const auto [start, length] = cursor_.take_number();
    return add(scalar(YamlNode::Style::Plain, start, std::string(text_.substr(start, length))), ec);
  }
  /// Counts a node before it is kept; past the limit, reports it and stops the parser.
  bool count(const YamlMark& at, json::error_code& ec) {
    if (++nodes_ <= max_nodes_) return true;
    sink_.error(
        {file_, at.line, at.column}, "E-LIMIT-NODES",
        "the case holds more than " + std::to_string(max_nodes_) + " values, arrays and objects",
        "a case may hold one per " + std::to_string(kBytesPerNode) +
            " bytes of its size limit: raise CaseOptions::max_bytes");
    ec = json::error::exception;
    return false;
  }
  bool open(YamlNode::Kind kind, json::error_code& ec) {
    Frame frame;
    frame.node.kind = kind;
    frame.node.mark = lines_.mark(cursor_.take(1));
    if (!count(frame.node.mark, ec)) return false;
    stack_.push_back(std::move(frame));
    return true;
  }
  bool close() {
    cursor_.take(1);
    YamlNode node = std::move(stack_.back().node);
    stack_.pop_back();
    node.items.shrink_to_fit();
    node.entries.shrink_to_fit();
    attach(std::move(node));
    return true;
  }
  /// Adds a scalar or null node (arrays and objects are counted when they open).
  bool add(YamlNode node, json::error_code& ec) {
    if (!count(node.mark, ec)) return false;
    attach(std::move(node));
    return true;
  }
  void attach(YamlNode node) {
    if (stack_.empty()) {
      root_ = std::move(node);
      return;
    }
    Frame& top = stack_.back();
    if (top.node.is_map()) {
      top.node.entries.emplace_back(std::move(top.pending_key), std::move(node));
    } else {
      top.node.items.push_back(std::move(node));
    }
  }

  LineIndex lines_;
  TokenCursor cursor_;
  std::string_view text_;
  const std::string& file_;
  DiagnosticSink& sink_;
  std::string buffer_;
  std::vector<Frame> stack_;
  std::optional<YamlNode> root_;
  std::size_t max_nodes_;
  std::size_t nodes_ = 0;
};

bool TreeBuilder::on_key(json::string_view s, std::size_t, json::error_code& ec) {
  buffer_.append(s.data(), s.size());
  YamlNode key = scalar(YamlNode::Style::Quoted, cursor_.take_string(), std::exchange(buffer_, {}));
  if (!count(key.mark, ec)) return false;
  Frame& top = stack_.back();
  const auto [first, inserted] = top.keys.emplace(key.scalar, key.mark);
  if (!inserted) {
    // Boost.JSON's own DOM would keep one of the two silently; a case must never lose data.
    sink_.error({file_, key.mark.line, key.mark.column}, "E-CASE-DUPLICATE-KEY",
                "duplicate key " + quote(key.scalar),
                "it is already given at line " + std::to_string(first->second.line) + ", column " +
                    std::to_string(first->second.column));
  }
  top.pending_key = std::move(key);
  return true;
}

/// Words a reader writes for JSON's error codes.
std::string describe_syntax_error(std::string_view text, std::size_t offset, json::error_code ec) {
  const std::string_view rest = text.substr(std::min(offset, text.size()));
  if (offset == 0 && rest.substr(0, 3) == "\xEF\xBB\xBF") {
    return "the text starts with a byte order mark; save it as UTF-8 without one";
  }
  for (std::string_view word : {"NaN", "Infinity", "-Infinity"}) {
    if (rest.substr(0, word.size()) == word) return "NaN and Infinity are not JSON numbers";
  }
  if (ec == json::error::extra_data) return "unexpected content after the JSON document";
  if (ec == json::error::incomplete || rest.empty()) return "unexpected end of JSON text";
  if (ec == json::error::exponent_overflow) return "number exponent out of range";
  if (static_cast<unsigned char>(rest.front()) >= 0x80) return "invalid UTF-8 in JSON text";
  return "invalid JSON: " + ec.message();
}

}  // namespace

std::optional<YamlDocument> parse_json_tree(std::string text, std::string file,
                                            DiagnosticSink& sink, std::size_t max_bytes,
                                            std::size_t max_depth) {
  if (text.size() > max_bytes) {
    sink.error({file, 0, 0}, "E-CASE-TOO-LARGE",
               "JSON text of " + std::to_string(text.size()) + " bytes exceeds the limit of " +
                   std::to_string(max_bytes) + " bytes");
    return std::nullopt;
  }
  const std::size_t errors_before = sink.error_count();
  json::parse_options options;
  options.max_depth = max_depth;
  json::basic_parser<TreeBuilder> parser(options, text, file, sink, max_nodes_for(max_bytes));
  json::error_code ec;
  const std::size_t used = parser.write_some(false, text.data(), text.size(), ec);
  if (!ec && used < text.size()) ec = json::error::extra_data;
  if (!ec && !parser.done()) ec = json::error::incomplete;
  if (parser.handler().too_many_nodes()) return std::nullopt;
  if (ec == json::error::too_deep) {
    const YamlMark at = parser.handler().mark(used);
    sink.error({file, at.line, at.column}, "E-CASE-TOO-DEEP",
               "the JSON nests deeper than the limit of " + std::to_string(max_depth) + " levels",
               "a case is {\"patient\": {...}, \"scars\": [{...}]}; raise "
               "CaseOptions::max_nesting_depth if it must nest deeper");
    return std::nullopt;
  }
  if (ec) {
    const YamlMark at = parser.handler().mark(used);
    sink.error({file, at.line, at.column}, "E-CASE-SYNTAX", describe_syntax_error(text, used, ec),
               ec == json::error::extra_data ? "a case file holds exactly one JSON object" : "");
    return std::nullopt;
  }
  std::optional<YamlNode> root = parser.handler().take_root();
  if (sink.error_count() > errors_before || !root) return std::nullopt;
  YamlDocument document;
  document.file = std::move(file);
  document.root = std::move(*root);
  document.text = std::move(text);
  document.nodes = parser.handler().nodes();
  return document;
}

}  // namespace scarwise::internal
