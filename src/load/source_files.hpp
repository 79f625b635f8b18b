// The files of a rule set: the root file and, depth first, everything it includes, each parsed
// into a YamlDocument. Include paths are relative to the including file and may not leave the
// root file's directory tree; a cycle is an error, a file reached twice (diamond) is read once.
#pragma once

#include "load/line_index.hpp"
#include "load/yaml_tree.hpp"
#include "support/diagnostic_sink.hpp"

#include <scarwise/ruleset.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace scarwise::internal {

struct SourceFile {
  YamlDocument doc;           ///< doc.file: the name used in diagnostics
  std::string relative_path;  ///< relative to the root file's directory, '/' separators
  bool is_root = false;        ///< the root file of its layer
  std::uint32_t layer = 0;     ///< index of its layer, 0 = the furthest base (layer_chain.hpp)
  LineIndex lines;  ///< positions in doc.text
};

struct SourceSet {
  /// Declaration order: a file's includes (in the order listed, depth first) before the file.
  /// Only files whose top level could be read as schema_version 1 are here.
  std::vector<SourceFile> files;
  /// Diagnostic names of all files in the order they were opened (root first), for sorting
  /// diagnostics into source order.
  std::vector<std::string> opened;
  /// Some layer names a base (`extends`) that could not be read. Its rules are then not
  /// checked: every reference to the base would be an error of its own, hiding the one that
  /// matters (layer_chain.hpp).
  bool base_missing = false;
};

/// Reads the rule set whose root file is `path` (or `path`/ruleset.yaml for a directory).
/// Errors: E-FILE-NOT-FOUND, E-FILE-READ (also for anything but a regular file),
/// E-FILE-TOO-LARGE, E-LIMIT-TOTAL-SIZE, E-LIMIT-FILES, E-LIMIT-NODES (also for the files
/// together, at the include that crosses max_ruleset_nodes_for), E-INCLUDE-ESCAPE, E-INCLUDE-CYCLE,
/// E-BAD-VALUE (an empty include path, or one with control characters), everything parse_yaml
/// reports, and the top-level checks of check_file_top_level(). A problem with an included
/// file is reported at the include that names it.
SourceSet read_source_files(const std::string& path, const LoadOptions& options,
                            DiagnosticSink& sink);

/// A single-file rule set held in memory; `include` is E-UNSUPPORTED there.
SourceSet read_source_string(std::string yaml, const std::string& name, const LoadOptions& options,
                             DiagnosticSink& sink);

}  // namespace scarwise::internal
