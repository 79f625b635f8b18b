// The rule-set loader: files in, a validated and compiled RuleSetModel out. A load with any
// error returns nullptr, so a failed load activates nothing; every problem of the load is
// reported to the sink (sorted into source order), not just the first.
#pragma once

#include "model/ruleset_model.hpp"
#include "support/diagnostic_sink.hpp"

#include <scarwise/ruleset.hpp>

#include <memory>
#include <string>
#include <vector>

namespace scarwise::internal {

/// Loads the rule set whose root file is `path`, or `path`/ruleset.yaml when `path` is a
/// directory, with everything it includes. Warnings are also copied into model->warnings.
std::shared_ptr<const RuleSetModel> load_ruleset_file(const std::string& path,
                                                      const LoadOptions& options,
                                                      DiagnosticSink& sink);

/// Loads a single-file rule set from memory (no includes); `name` is its file name in
/// diagnostics and in the digest.
std::shared_ptr<const RuleSetModel> load_ruleset_string(const std::string& yaml,
                                                        const std::string& name,
                                                        const LoadOptions& options,
                                                        DiagnosticSink& sink);

/// "sha256:<hex>" over `files` sorted by path, each contributing path, "\n", its length in
/// decimal, "\n" and its bytes.
std::string ruleset_digest(std::vector<SourceFileInfo> files);

}  // namespace scarwise::internal
