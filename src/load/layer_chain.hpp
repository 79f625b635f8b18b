// The `extends` chain of a rule set: the rule set's own files, then those of the rule set it
// extends, and so on, each layer read with its includes like any rule set. `extends` names a
// bundled rule set (`scarwise:NAME`, found on LoadOptions::rules_path or in the installed share
// directory) or a path inside the extending rule set's own directory tree. A chain never
// loops: a rule set reached twice is E-EXTENDS-CYCLE, naming the chain.
#pragma once

#include "load/source_files.hpp"
#include "support/diagnostic_sink.hpp"

#include <scarwise/ruleset.hpp>

#include <string>
#include <vector>

namespace scarwise::internal {

/// The files of every layer, the furthest base first: SourceFile::layer numbers the layers
/// from 0 (that base) up to the rule set named by `path`, and each layer's root file has
/// is_root set. The limits of `options` hold for all layers together. Errors: those of
/// read_source_files(), E-EXTENDS-NOT-FOUND, E-EXTENDS-ESCAPE, E-EXTENDS-CYCLE, E-BAD-VALUE;
/// after any of them for an `extends`, SourceSet::base_missing is set.
SourceSet read_layered_files(const std::string& path, const LoadOptions& options,
                             DiagnosticSink& sink);

/// The same for a rule set held in memory: it may extend a bundled rule set only
/// (E-UNSUPPORTED for a path, which would have no directory to be relative to).
SourceSet read_layered_string(std::string yaml, const std::string& name,
                              const LoadOptions& options, DiagnosticSink& sink);

/// The directories searched for `scarwise:NAME`, in order: `options.rules_path`, then the
/// installed share directory.
std::vector<std::string> bundled_rules_path(const LoadOptions& options);

}  // namespace scarwise::internal
