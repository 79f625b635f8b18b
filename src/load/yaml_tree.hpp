// Our own YAML document tree, built from yaml-cpp's event parser. Every node remembers where
// it was written, so that later validation can report file:line:col. Only load/ includes
// yaml-cpp; everything else sees this tree.
#pragma once

#include "support/diagnostic_sink.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace scarwise::internal {

struct YamlMark {
  std::size_t offset = 0;  ///< byte offset in the file
  int line = 0;            ///< 1-based
  int column = 0;          ///< 1-based
};

struct YamlNode {
  enum class Kind { Null, Scalar, Sequence, Map };
  enum class Style { Plain, Quoted, Block };  ///< how a scalar was written

  Kind kind = Kind::Null;
  Style style = Style::Plain;
  YamlMark mark;
  std::string scalar;                                  ///< Scalar: its text
  std::vector<YamlNode> items;                         ///< Sequence: its items
  std::vector<std::pair<YamlNode, YamlNode>> entries;  ///< Map: key/value pairs, in order

  bool is_map() const noexcept { return kind == Kind::Map; }
  bool is_sequence() const noexcept { return kind == Kind::Sequence; }
  bool is_scalar() const noexcept { return kind == Kind::Scalar; }
  bool is_null() const noexcept { return kind == Kind::Null; }
  /// Value of a map entry by key, or nullptr.
  const YamlNode* find(std::string_view key) const;
  /// Key node of a map entry by key, or nullptr (for diagnostics about the key itself).
  const YamlNode* find_key(std::string_view key) const;
};

/// Bytes of the size limit per tree node allowed (E-LIMIT-NODES). A node costs a hundred bytes
/// or more, the text that makes one as little as two ("[a,a,a]"): without this limit a file
/// inside the byte limit could cost fifty times its size. Real rule files and cases take 10 to
/// 20 bytes per node, so a file within the byte limit is within this one unless it is denser
/// than any real file.
inline constexpr std::size_t kBytesPerNode = 8;
/// The node limit never goes below this, so that a small byte limit set to fit a small file
/// exactly (where a few short keys may well take less than 8 bytes each) never refuses it.
inline constexpr std::size_t kMinNodeLimit = 4096;

/// The node limit for a file of at most `max_bytes` bytes.
inline constexpr std::size_t max_nodes_for(std::size_t max_bytes) {
  return max_bytes / kBytesPerNode > kMinNodeLimit ? max_bytes / kBytesPerNode : kMinNodeLimit;
}

/// Bytes of the total size limit per node of a whole rule set. Every file's tree is kept until
/// the rules are read, so files each under their own limit could still hold eight times as
/// many nodes together; the rule set's budget is that of one file at the default limits.
inline constexpr std::size_t kTotalBytesPerNode = 64;

/// The node limit for the files of a rule set of at most `max_total_bytes` bytes together.
inline constexpr std::size_t max_ruleset_nodes_for(std::size_t max_total_bytes) {
  return max_total_bytes / kTotalBytesPerNode > kMinNodeLimit ? max_total_bytes / kTotalBytesPerNode
                                                              : kMinNodeLimit;
}

struct YamlLimits {
  std::size_t max_bytes = 4u << 20;
  std::size_t max_depth = 64;
  /// The option that sets max_bytes, named in the hint of E-LIMIT-NODES.
  const char* size_option = "LoadOptions::max_file_bytes";
};

/// A parsed file: its display name, its exact bytes and its root node.
struct YamlDocument {
  std::string file;
  std::string text;
  YamlNode root;
  std::size_t nodes = 0;  ///< nodes in the tree, for limits on several files together

  SourceLoc loc(const YamlNode& node) const { return {file, node.mark.line, node.mark.column}; }
};

/// Parses `text` with yaml-cpp's event parser into a tree, accepting only the strict subset:
/// valid UTF-8 without NUL bytes, exactly one document, no anchors, aliases, tags or merge
/// keys, unique map keys, scalar keys. Errors (E-YAML-SYNTAX, E-YAML-UTF8, E-YAML-MULTI-DOC,
/// E-YAML-ANCHOR, E-YAML-ALIAS, E-YAML-TAG, E-YAML-MERGE-KEY, E-DUPLICATE-KEY,
/// E-YAML-COMPLEX-KEY, E-YAML-TOO-DEEP, E-FILE-TOO-LARGE, E-LIMIT-NODES, E-YAML-EMPTY) go to
/// `sink`; returns nothing if there was any. The parser stops at the first node past the node
/// limit (max_nodes_for(max_bytes)), and a tree that is not returned is freed at once.
///
/// Also rejected, because yaml-cpp 0.7 would accept them and lose data: control characters
/// (raw, or in a value through an escape such as "\0" or "\e"; tab and line feed are fine), a
/// carriage return without a line feed (yaml-cpp drops it, joining two lines), and a quoted
/// string that runs to the end of the file. The handler stops the parser at the first error past
/// the sink's error limit. A leading UTF-8 byte order mark is accepted and
/// skipped: it stays in YamlDocument::text (and so in digests) and mark offsets count it, but
/// columns on line 1 do not. The non-specific tag "!" is a tag like any other (E-YAML-TAG).
/// Plain `~`, `null`, `Null`, `NULL` and empty values are Null nodes; an empty map value is
/// marked at its key.
std::optional<YamlDocument> parse_yaml(std::string text, std::string file, const YamlLimits& limits,
                                       DiagnosticSink& sink);

}  // namespace scarwise::internal
