#include "io/case_format.hpp"

#include "io/json_tree.hpp"
#include "load/yaml_tree.hpp"
#include "support/diagnostic_sink.hpp"

#include <algorithm>

namespace scarwise::internal {

namespace {

bool ends_with(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

bool starts_with_brace(std::string_view text) {
  const std::size_t first = text.find_first_not_of(" \t\r\n");
  return first != std::string_view::npos && text[first] == '{';
}

/// The suffix that decided the format, or "" when the text did.
std::string_view format_suffix(std::string_view name) {
  for (std::string_view suffix : {".json", ".yaml", ".yml"}) {
    if (ends_with(name, suffix)) return suffix;
  }
  return {};
}

/// True when `text` parses as `format`, syntax only; nothing is reported.
bool parses_as(CaseFormat format, std::string_view text, const CaseOptions& options) {
  DiagnosticSink quiet;
  if (format == CaseFormat::Json) {
    return parse_json_tree(std::string(text), "", quiet, options.max_bytes,
                           options.max_nesting_depth)
        .has_value();
  }
  const YamlLimits limits{options.max_bytes, options.max_nesting_depth, "CaseOptions::max_bytes"};
  return parse_yaml(std::string(text), "", limits, quiet).has_value();
}

}  // namespace

CaseFormat case_format_of(const std::string& name, std::string_view text) {
  const std::string_view suffix = format_suffix(name);
  if (suffix == ".json") return CaseFormat::Json;
  if (!suffix.empty()) return CaseFormat::Yaml;
  return starts_with_brace(text) ? CaseFormat::Json : CaseFormat::Yaml;
}

void explain_format_mixup(std::vector<Diagnostic>& diagnostics, const std::string& name,
                          std::string_view text, const CaseOptions& options) {
  const std::string_view suffix = format_suffix(name);
  if (suffix.empty()) return;
  const bool json_expected = suffix == ".json";
  const std::string syntax_code = json_expected ? "E-CASE-SYNTAX" : "E-YAML-SYNTAX";
  const auto syntax_error =
      std::find_if(diagnostics.begin(), diagnostics.end(),
                   [&](const Diagnostic& d) { return d.code == syntax_code; });
  if (syntax_error == diagnostics.end()) return;
  const CaseFormat other = json_expected ? CaseFormat::Yaml : CaseFormat::Json;
  if (starts_with_brace(text) != (other == CaseFormat::Json) || !parses_as(other, text, options)) {
    return;
  }
  const std::string expected = json_expected ? "JSON" : "YAML";
  const std::string found = json_expected ? "YAML" : "JSON";
  syntax_error->hint = "this looks like " + found + ", but " + expected +
                       " was expected because the file name ends in '" + std::string(suffix) +
                       "': rename the file to " + (json_expected ? ".yaml" : ".json") +
                       ", or write the case as " + expected;
}

}  // namespace scarwise::internal
