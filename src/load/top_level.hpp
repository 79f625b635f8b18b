// The top level of a rule file: which keys the root file and included files may hold, and
// schema_version.
#pragma once

#include "load/schema_reader.hpp"

namespace scarwise::internal {

/// The only rule format version this loader reads.
inline constexpr int kSchemaVersion = 1;

/// Checks the top-level keys of a file (root or included) and its schema_version (required in
/// the root). Returns false when the rest of the file cannot be read as schema_version 1: the
/// top level is not a map, or schema_version names another version (E-SCHEMA-VERSION).
bool check_file_top_level(const SchemaReader& reader, bool is_root);

}  // namespace scarwise::internal
