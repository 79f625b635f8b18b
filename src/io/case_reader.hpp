// Reading patient cases from JSON or YAML text into a RawCase.
//
// Shape (DESIGN section 4): a mapping with `patient` (a mapping of fact key to value) and `scars`
// (a list of mappings, each with an `id` and fact keys). Values are true/false, integers, numbers,
// words and lists of words; they are typed here and checked against a vocabulary only later
// (validate_case). Both formats go through the same strict located tree, so they accept the same
// cases and report the same errors.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "load/yaml_tree.hpp"
#include "model/raw_case.hpp"
#include "support/diagnostic_sink.hpp"

namespace scarwise::internal {

/// Reads a case from strict JSON (see parse_json_tree) within `options` (E-CASE-TOO-LARGE,
/// E-CASE-TOO-DEEP, E-LIMIT-SCARS). `name` is the file name used in diagnostics. Returns
/// nullptr after reporting errors to `sink`.
std::unique_ptr<RawCase> read_case_json(std::string_view text, const std::string& name,
                                        const CaseOptions& options, DiagnosticSink& sink);
/// read_case_json() with the default CaseOptions.
std::unique_ptr<RawCase> read_case_json(std::string_view text, const std::string& name,
                                        DiagnosticSink& sink);

/// Reads a case from YAML under the loader's strict subset (parse_yaml) within `options`
/// (E-CASE-TOO-LARGE, E-YAML-TOO-DEEP, E-LIMIT-SCARS). Typed values must be plain scalars: `5`
/// is an integer, `"5"` a word. Returns nullptr after reporting errors.
std::unique_ptr<RawCase> read_case_yaml(std::string_view text, const std::string& name,
                                        const CaseOptions& options, DiagnosticSink& sink);
/// read_case_yaml() with the default CaseOptions.
std::unique_ptr<RawCase> read_case_yaml(std::string_view text, const std::string& name,
                                        DiagnosticSink& sink);

/// Reads a case from `node`, a mapping anywhere inside `doc` (a case file's root, or the
/// `case:` of a test). Errors: E-CASE-SHAPE (a part of the wrong kind), E-CASE-UNKNOWN-KEY
/// (with did-you-mean), E-CASE-DUPLICATE-KEY, E-CASE-BAD-SCAR-ID (missing or not a scalar),
/// E-CASE-NULL (a null value: leave the fact out instead), E-CASE-NUMBER (a malformed, infinite
/// or out-of-range number), E-LIMIT-SCARS (more than `max_scars` scars). Returns nullptr after
/// reporting errors.
std::unique_ptr<RawCase> read_case_node(const YamlDocument& doc, const YamlNode& node,
                                        std::size_t max_scars, DiagnosticSink& sink);
/// Reads the fact entries of `map`, a mapping of fact key to value, with the checks and codes
/// read_case_node() applies to a patient's facts (E-CASE-SHAPE, E-CASE-DUPLICATE-KEY,
/// E-CASE-NULL, E-CASE-NUMBER); `where` names the mapping in messages. Facts in error are left
/// out of the result.
RawFacts read_fact_map(const YamlDocument& doc, const YamlNode& map, const std::string& where,
                       DiagnosticSink& sink);
/// read_case_node() with the default scar limit.
std::unique_ptr<RawCase> read_case_node(const YamlDocument& doc, const YamlNode& node,
                                        DiagnosticSink& sink);

}  // namespace scarwise::internal
