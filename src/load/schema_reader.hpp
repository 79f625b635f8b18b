// Typed access to the nodes of one parsed file, reporting every problem at the node it is
// about: E-TYPE, E-UNKNOWN-KEY (with did-you-mean), E-UNSUPPORTED, E-MISSING-KEY, E-BAD-ID,
// E-BAD-VALUE. The schema readers of the loader are written in terms of these.
#pragma once

#include "load/yaml_tree.hpp"
#include "support/diagnostic_sink.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace scarwise::internal {

/// The keys a map may hold. `reserved` keys are known but not supported yet (E-UNSUPPORTED
/// with `reserved_reason`); `misplaced` keys are known but not allowed here (E-NOT-ALLOWED with
/// `misplaced_reason`).
struct KeySet {
  std::vector<std::string> allowed;
  std::vector<std::string> reserved = {};
  std::string reserved_reason = {};
  std::vector<std::string> misplaced = {};
  std::string misplaced_reason = {};
};

/// True for ids of the form [a-z0-9._-]+.
bool is_valid_id(std::string_view id) noexcept;

class SchemaReader {
 public:
  SchemaReader(const YamlDocument& doc, DiagnosticSink& sink) : doc_(doc), sink_(sink) {}

  const YamlDocument& doc() const noexcept { return doc_; }
  DiagnosticSink& sink() const noexcept { return sink_; }
  SourceLoc loc(const YamlNode& node) const { return doc_.loc(node); }
  void error(const YamlNode& at, std::string code, std::string message,
             std::string hint = {}) const;
  /// E-TYPE "expected <expected> for '<what>', got <what the node is>".
  void type_error(const YamlNode& node, std::string_view what, std::string_view expected,
                  std::string hint = {}) const;

  /// E-TYPE unless `node` is a map.
  bool expect_map(const YamlNode& node, std::string_view what) const;
  /// The items of a list; null counts as an empty list. E-TYPE (and nullptr) otherwise.
  const std::vector<YamlNode>* read_list(const YamlNode& node, std::string_view what) const;
  /// Reports every key of `map` that `keys` does not allow.
  void check_keys(const YamlNode& map, const KeySet& keys, std::string_view where) const;
  /// The value of `key`, or nullptr after E-MISSING-KEY at the map. When check_keys() reported
  /// a key of this map as unknown with `key` as its did-you-mean, the missing key is not
  /// reported again.
  const YamlNode* require(const YamlNode& map, std::string_view key, std::string_view where) const;

  /// A plain decimal integer.
  std::optional<std::int64_t> read_int(const YamlNode& node, std::string_view what) const;
  /// A plain decimal integer within [min, max] (E-BAD-VALUE outside).
  std::optional<int> read_int_in(const YamlNode& node, std::string_view what, int min,
                                 int max) const;
  /// A plain decimal number.
  std::optional<double> read_number(const YamlNode& node, std::string_view what) const;
  /// Plain `true` or `false`.
  std::optional<bool> read_bool(const YamlNode& node, std::string_view what) const;
  /// Any scalar's text (plain, quoted or block); null, lists and maps are type errors.
  std::optional<std::string> read_string(const YamlNode& node, std::string_view what) const;
  /// A string of the form [a-z0-9._-]+ (E-BAD-ID otherwise).
  std::optional<std::string> read_id(const YamlNode& node, std::string_view what) const;
  /// Checks an id that is a map key (E-BAD-ID at the key).
  bool check_id(const YamlNode& key, std::string_view what) const;

 private:
  const YamlDocument& doc_;
  DiagnosticSink& sink_;
  mutable std::vector<const YamlNode*> unknown_keys_;  ///< keys check_keys() reported
};

}  // namespace scarwise::internal
