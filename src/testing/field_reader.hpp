// Typed, located reading of a test file's YAML tree. Every problem is reported to the sink
// with its position and reading goes on, so one run shows all mistakes of a file.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "load/yaml_tree.hpp"
#include "support/diagnostic_sink.hpp"
#include "testing/test_spec.hpp"

namespace scarwise::internal {

class FieldReader {
 public:
  FieldReader(const YamlDocument& doc, DiagnosticSink& sink) : doc_(doc), sink_(sink) {}

  SourceLoc loc(const YamlNode& node) const { return doc_.loc(node); }
  const YamlDocument& document() const noexcept { return doc_; }
  DiagnosticSink& sink() noexcept { return sink_; }

  /// True for `null`, `~` or an empty plain value.
  static bool is_null(const YamlNode& node);

  /// Reports E-TEST-TYPE unless `node` is a mapping; `what` names it in the message.
  bool expect_map(const YamlNode& node, std::string_view what);
  /// Reports E-TEST-TYPE unless `node` is a sequence.
  bool expect_sequence(const YamlNode& node, std::string_view what);
  /// Reports every key of `map` not in `allowed` (E-TEST-UNKNOWN-KEY, with did-you-mean).
  void check_keys(const YamlNode& map, const std::vector<std::string>& allowed,
                  std::string_view where);
  /// The value of `key`, or nullptr after reporting E-TEST-MISSING-KEY at the map.
  const YamlNode* require(const YamlNode& map, std::string_view key, std::string_view where);

  /// A scalar of any style, read as text.
  std::optional<std::string> read_string(const YamlNode& node, std::string_view what);
  /// A non-empty scalar, e.g. an id or a name.
  std::optional<LocatedId> read_id(const YamlNode& node, std::string_view what);
  /// A plain `true` or `false` (YAML 1.2 core; `yes`, `on` or quoted text are errors).
  std::optional<bool> read_bool(const YamlNode& node, std::string_view what);
  /// A plain decimal integer.
  std::optional<long long> read_int(const YamlNode& node, std::string_view what);
  /// A plain decimal number, parsed independently of the locale.
  std::optional<double> read_number(const YamlNode& node, std::string_view what);
  /// A sequence of ids; bad items are reported and skipped.
  std::vector<LocatedId> read_id_list(const YamlNode& node, std::string_view what);

  /// Reports an error of any code at `node`.
  void error(const YamlNode& node, std::string code, std::string message, std::string hint = {});

 private:
  void type_error(const YamlNode& node, std::string_view what, std::string_view expected);

  const YamlDocument& doc_;
  DiagnosticSink& sink_;
};

}  // namespace scarwise::internal
