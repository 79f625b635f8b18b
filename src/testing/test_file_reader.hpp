// Reading test files (DESIGN §8) into TestSuiteData, as strictly as rule files are read.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "load/yaml_tree.hpp"
#include "model/ruleset_model.hpp"
#include "support/diagnostic_sink.hpp"
#include "testing/field_reader.hpp"
#include "testing/test_spec.hpp"

namespace scarwise::internal {

/// Parses and checks a whole test file, merging its defaults into every test's case. Errors
/// (E-TEST-* and the YAML errors of parse_yaml) go to `sink`; returns nullptr if there was any.
/// With `rules`, the ids in expectations and the facts of the defaults are checked against it
/// too, so that one load reports every kind of mistake. A malformed case is not a file error:
/// its diagnostics are kept in its TestSpec, and that test fails when run.
std::shared_ptr<TestSuiteData> read_test_file(std::string text, std::string file,
                                              const YamlLimits& limits, const RuleSetModel* rules,
                                              DiagnosticSink& sink);

/// Reads the `expect:` mapping of one test. `scar_ids` are the case's scar ids, used to reject
/// expectations about scars the case does not have; nullptr when the case could not be read.
CaseExpect read_expect(FieldReader& reader, const YamlNode& expect,
                       const std::vector<std::string>* scar_ids);

}  // namespace scarwise::internal
