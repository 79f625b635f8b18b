#include "load/yaml_tree.hpp"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <sstream>
#include <unordered_map>

#include "load/line_index.hpp"
#include "load/yaml_precheck.hpp"
#include "load/yaml_syntax_hint.hpp"
#include "support/quote.hpp"
#include "support/utf8.hpp"

namespace scarwise::internal {

const YamlNode* YamlNode::find(std::string_view key) const {
  for (const auto& [k, v] : entries) {
    if (k.scalar == key) return &v;
  }
  return nullptr;
}

const YamlNode* YamlNode::find_key(std::string_view key) const {
  for (const auto& [k, v] : entries) {
    if (k.scalar == key) return &k;
  }
  return nullptr;
}

namespace {

/// Thrown by the handler to stop yaml-cpp once continuing makes no sense.
struct StopParsing {};

/// Where the parts of a node's properties ("&anchor", "!tag") and its content start.
struct NodeProperties {
  std::size_t anchor = std::string::npos;
  std::size_t tag = std::string::npos;
  std::size_t content = 0;
};

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

/// yaml-cpp marks a node with properties at its first property; find each part in the text.
NodeProperties scan_properties(std::string_view text, std::size_t offset) {
  NodeProperties props;
  std::size_t pos = offset;
  while (pos < text.size() && (text[pos] == '&' || text[pos] == '!')) {
    (text[pos] == '&' ? props.anchor : props.tag) = pos;
    while (pos < text.size() && !is_space(text[pos])) ++pos;
    while (pos < text.size() && is_space(text[pos])) ++pos;
  }
  props.content = pos;
  return props;
}

/// yaml-cpp 0.7 accepts a quoted scalar that runs into the end of the file; we do not.
bool has_closing_quote(std::string_view text, std::size_t open) {
  const char quote = text[open];
  for (std::size_t i = open + 1; i < text.size(); ++i) {
    if (quote == '"' && text[i] == '\\') {
      ++i;
    } else if (text[i] == quote) {
      if (quote == '"' || i + 1 == text.size() || text[i + 1] != '\'') return true;
      ++i;  // '' is an escaped quote inside single quotes
    }
  }
  return false;
}

/// "0x1B" for a C0 control or DEL, "U+0085" for a C1 control at `at` in `value`.
std::string describe_byte(std::string_view value, std::size_t at) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  auto c = static_cast<unsigned char>(value[at]);
  std::string prefix = "0x";
  if (c == 0xC2 && at + 1 < value.size()) {
    c = static_cast<unsigned char>(value[at + 1]);
    prefix = "U+00";
  }
  return prefix + kHex[c >> 4] + kHex[c & 0x0f];
}

bool is_null_word(std::string_view s) {
  return s.empty() || s == "~" || s == "null" || s == "Null" || s == "NULL";
}

/// Builds a YamlNode tree from yaml-cpp events and enforces the strict subset as they arrive.
class TreeBuilder : public YAML::EventHandler {
 public:
  TreeBuilder(const std::string& text, const std::string& file, const YamlLimits& limits,
              DiagnosticSink& sink)
      : text_(text), bom_(bom_length(text)), file_(file), limits_(limits), sink_(sink) {}

  std::optional<YamlNode> take_root() { return std::move(root_); }
  std::size_t nodes() const noexcept { return nodes_; }

  void OnDocumentStart(const YAML::Mark& mark) override {
    if (++documents_ > 1) {
      error(to_mark(mark), "E-YAML-MULTI-DOC", "a file must hold exactly one YAML document",
            "remove the '---' separator or move the second document to its own file");
      throw StopParsing{};
    }
  }
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    YamlNode node = make_node(YamlNode::Kind::Null, mark, anchor, "");
    add(std::move(node));
  }

  void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override {
    YamlNode node;
    node.mark = to_mark(mark);
    error(node.mark, "E-YAML-ALIAS", "aliases ('*name') are not supported",
          "write the value out in full");
    add(std::move(node));
  }

  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    YamlNode node = make_node(YamlNode::Kind::Scalar, mark, anchor, tag);
    node.scalar = value;
    const std::size_t content = scan_properties(text_, node.mark.offset).content;
    node.style = style_at(content);
    if (node.style == YamlNode::Style::Quoted && !has_closing_quote(text_, content)) {
      error(mark_at(content), "E-YAML-SYNTAX", "a quoted string is not closed",
            "add the closing quote");
      throw StopParsing{};  // the rest of the file is inside the string: nothing more to say
    }
    if (const std::optional<std::size_t> bad = find_invalid_utf8(value)) {
      // The raw text was valid UTF-8, so an escape produced this: yaml-cpp 0.7 decodes "\N"
      // and "\_" to the single bytes 0x85 and 0xA0 instead of their UTF-8 forms.
      error(node.mark, "E-YAML-UTF8",
            "the value holds byte " + describe_byte(value, *bad) +
                ", which is not UTF-8 (the escapes \\N and \\_ decode to such bytes)",
            "write a no-break space as \\u00A0; \\N is a control character, which is not allowed");
    } else if (const std::optional<std::size_t> at = find_control_character(value)) {
      error(node.mark, "E-YAML-SYNTAX",
            "the value holds control character " + describe_byte(value, *at) +
                ", written as an escape",
            "control characters other than tab and line feed are not allowed");
    }
    if (node.style == YamlNode::Style::Plain && is_null_word(value)) {
      node.kind = YamlNode::Kind::Null;
      node.scalar.clear();
    }
    add(std::move(node));
  }

  void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    open(make_node(YamlNode::Kind::Sequence, mark, anchor, tag));
  }
  void OnSequenceEnd() override { close(); }

  void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override {
    open(make_node(YamlNode::Kind::Map, mark, anchor, tag));
  }
  void OnMapEnd() override { close(); }

 private:
  struct Frame {
    YamlNode node;
    std::optional<YamlNode> key;  ///< a map's key waiting for its value
    bool drop_value = false;      ///< the key was rejected; its value is not kept
    std::unordered_map<std::string, YamlMark> keys;
  };

  YamlMark to_mark(const YAML::Mark& mark) const {
    if (mark.is_null()) return {};
    return {static_cast<std::size_t>(mark.pos) + bom_, mark.line + 1, mark.column + 1};
  }
  SourceLoc loc(const YamlMark& mark) const { return {file_, mark.line, mark.column}; }
  void error(const YamlMark& mark, std::string code, std::string message, std::string hint = {}) {
    sink_.error(loc(mark), std::move(code), std::move(message), std::move(hint));
    // A file full of anchors or duplicate keys is not read to its end once nothing more
    // would be reported.
    if (sink_.errors_dropped()) throw StopParsing{};
  }
  YamlMark mark_at(std::size_t offset) const {
    if (!lines_) lines_.emplace(text_);
    return lines_->at(offset);
  }

  /// The property token (e.g. "!!str") written at `offset`.
  std::string token_at(std::size_t offset) const {
    std::size_t end = offset;
    while (end < text_.size() && !is_space(text_[end])) ++end;
    return text_.substr(offset, end - offset);
  }

  YamlNode::Style style_at(std::size_t offset) const {
    if (offset >= text_.size()) return YamlNode::Style::Plain;
    const char c = text_[offset];
    if (c == '"' || c == '\'') return YamlNode::Style::Quoted;
    if (c == '|' || c == '>') return YamlNode::Style::Block;
    return YamlNode::Style::Plain;
  }

  YamlNode make_node(YamlNode::Kind kind, const YAML::Mark& mark, YAML::anchor_t anchor,
                     const std::string& tag) {
    YamlNode node;
    node.kind = kind;
    node.mark = to_mark(mark);
    const NodeProperties props = scan_properties(text_, node.mark.offset);
    if (anchor != 0) {
      error(props.anchor != std::string::npos ? mark_at(props.anchor) : node.mark, "E-YAML-ANCHOR",
            "anchors ('&name') are not supported", "write the value out in full");
    }
    // yaml-cpp reports "!" for a quoted scalar with no tag written, and for the non-specific
    // tag `!` alike: only the text tells them apart, and a written `!` is a tag like any other.
    const bool found = props.tag != std::string::npos;
    if (found || (!tag.empty() && tag != "?" && tag != "!")) {
      error(found ? mark_at(props.tag) : node.mark, "E-YAML-TAG",
            "YAML tags such as " + quote(found ? token_at(props.tag) : tag) + " are not supported",
            "remove the tag");
    }
    return node;
  }

  /// Counts a node before it is kept, and stops the parser at the first past the limit.
  void count(const YamlMark& mark) {
    if (++nodes_ <= max_nodes_for(limits_.max_bytes)) return;
    error(mark, "E-LIMIT-NODES",
          "the file holds more than " + std::to_string(max_nodes_for(limits_.max_bytes)) +
              " values, lists and maps",
          "a file may hold one per " + std::to_string(kBytesPerNode) +
              " bytes of its size limit: split it, or raise " + limits_.size_option);
    throw StopParsing{};
  }

  void open(YamlNode node) {
    count(node.mark);
    if (stack_.size() >= limits_.max_depth) {
      error(node.mark, "E-YAML-TOO-DEEP",
            "the YAML nesting is deeper than the limit of " + std::to_string(limits_.max_depth) +
                " levels",
            "flatten the structure or raise LoadOptions::max_nesting_depth");
      throw StopParsing{};
    }
    stack_.push_back(Frame{std::move(node), std::nullopt, false, {}});
  }

  void close() {
    Frame frame = std::move(stack_.back());
    stack_.pop_back();
    // A tree is kept until every file is read: it should not keep the slack of growing too.
    frame.node.items.shrink_to_fit();
    frame.node.entries.shrink_to_fit();
    attach(std::move(frame.node));
  }

  /// Adds a scalar, null or alias node (lists and maps are counted when they open).
  void add(YamlNode node) {
    count(node.mark);
    attach(std::move(node));
  }

  void attach(YamlNode node) {
    if (stack_.empty()) {
      root_ = std::move(node);
      return;
    }
    Frame& frame = stack_.back();
    if (frame.node.is_sequence()) {
      frame.node.items.push_back(std::move(node));
    } else if (!frame.key) {
      frame.drop_value = !accept_key(frame, node);
      frame.key = std::move(node);
    } else {
      if (node.is_null() && !explicit_null_at(node.mark.offset)) {
        // yaml-cpp marks an empty value at the next token; the key is where the author looks.
        node.mark = frame.key->mark;
      }
      if (!frame.drop_value) {
        frame.node.entries.emplace_back(std::move(*frame.key), std::move(node));
      }
      frame.key.reset();
    }
  }

  bool explicit_null_at(std::size_t offset) const {
    const std::string_view rest = std::string_view(text_).substr(std::min(offset, text_.size()));
    return rest.substr(0, 1) == "~" || rest.substr(0, 4) == "null" || rest.substr(0, 4) == "Null" ||
           rest.substr(0, 4) == "NULL";
  }

  bool accept_key(Frame& frame, const YamlNode& key) {
    if (!key.is_scalar()) {
      error(key.mark, "E-YAML-COMPLEX-KEY",
            key.is_null() ? "a map key must not be empty or null" : "a map key must be a scalar",
            "use a plain word as the key");
      return false;
    }
    if (key.style == YamlNode::Style::Plain && key.scalar == "<<") {
      error(key.mark, "E-YAML-MERGE-KEY", "merge keys ('<<') are not supported",
            "write the entries out in full");
      return false;
    }
    const auto [it, inserted] = frame.keys.emplace(key.scalar, key.mark);
    if (!inserted) {
      error(key.mark, "E-DUPLICATE-KEY", "duplicate key " + quote(key.scalar),
            "first defined at " + std::to_string(it->second.line) + ":" +
                std::to_string(it->second.column));
      return false;
    }
    return true;
  }

  const std::string& text_;
  std::size_t bom_;
  const std::string& file_;
  const YamlLimits& limits_;
  DiagnosticSink& sink_;
  mutable std::optional<LineIndex> lines_;
  std::vector<Frame> stack_;
  std::optional<YamlNode> root_;
  int documents_ = 0;
  std::size_t nodes_ = 0;
};

/// yaml-cpp's words for an alias whose anchor is missing; with anchors banned, that is an alias.
bool is_undefined_alias(const YAML::Exception& e) {
  return e.msg.find("referenced anchor is not defined") != std::string::npos;
}

/// yaml-cpp's message with any input it ends in ("unknown escape character: q") quoted, since
/// that part is a byte of the file and may be a control or half of a UTF-8 character.
std::string parser_message(const std::string& message) {
  const std::size_t colon = message.find(": ");
  if (colon == std::string::npos) return message;
  return message.substr(0, colon) + " " + quote(message.substr(colon + 2));
}

void run_parser(const std::string& text, TreeBuilder& builder, const std::string& file,
                DiagnosticSink& sink) {
  std::istringstream in(text);
  YAML::Parser parser(in);
  try {
    // A second document makes the handler stop at its start, so this loop runs at most twice.
    while (parser.HandleNextDocument(builder)) {
    }
  } catch (const StopParsing&) {
  } catch (const YAML::Exception& e) {
    SourceLoc at{file, 0, 0};
    if (!e.mark.is_null()) at = {file, e.mark.line + 1, e.mark.column + 1};
    if (is_undefined_alias(e)) {
      sink.error(at, "E-YAML-ALIAS", "aliases ('*name') are not supported",
                 "write the value out in full");
    } else {
      const std::string hint =
          e.mark.is_null() ? std::string()
                           : yaml_syntax_hint(e.msg, text, static_cast<std::size_t>(e.mark.line),
                                              static_cast<std::size_t>(e.mark.column));
      sink.error(at, "E-YAML-SYNTAX", "YAML syntax error: " + parser_message(e.msg), hint);
    }
  }
}

}  // namespace

std::optional<YamlDocument> parse_yaml(std::string text, std::string file, const YamlLimits& limits,
                                       DiagnosticSink& sink) {
  const std::size_t errors_before = sink.error_count();
  if (!check_yaml_size(text, file, limits.max_bytes, sink) ||
      !check_yaml_characters(text, file, sink) ||
      !check_yaml_depth(text, file, limits.max_depth, sink)) {
    return std::nullopt;
  }
  TreeBuilder builder(text, file, limits, sink);
  run_parser(text, builder, file, sink);
  std::optional<YamlNode> root = builder.take_root();
  if (sink.error_count() != errors_before) return std::nullopt;
  if (!root || root->is_null()) {
    const YamlMark at = root ? root->mark : YamlMark{0, 1, 1};
    sink.error({file, at.line, at.column}, "E-YAML-EMPTY", "the file holds no YAML content");
    return std::nullopt;
  }
  return YamlDocument{std::move(file), std::move(text), std::move(*root), builder.nodes()};
}

}  // namespace scarwise::internal
