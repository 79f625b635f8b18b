#include "load/top_level.hpp"

namespace scarwise::internal {
namespace {

const KeySet& root_keys() {
  static const KeySet keys{{"schema_version", "ruleset", "extends", "include", "disable",
                            "evidence", "facts", "treatments", "precautions", "aftercare", "limits",
                            "rules"}};
  return keys;
}

const KeySet& included_file_keys() {
  static const KeySet keys{{"schema_version", "include", "evidence", "facts", "treatments",
                            "precautions", "aftercare", "rules"},
                           {},
                           {},
                           {"ruleset", "limits", "extends", "disable"},
                           "it belongs in the root file of the rule set"};
  return keys;
}

/// False when the file declares a schema_version other than ours.
bool check_schema_version(const SchemaReader& reader, const YamlNode& root, bool is_root) {
  const YamlNode* version = root.find("schema_version");
  if (!version) {
    if (is_root) {
      reader.error(root, "E-MISSING-KEY", "the root file needs 'schema_version: 1'",
                   "start the file with 'schema_version: 1'");
    }
    return true;
  }
  const std::optional<std::int64_t> value = reader.read_int(*version, "schema_version");
  if (!value) return true;
  if (*value != kSchemaVersion) {
    reader.error(*version, "E-SCHEMA-VERSION",
                 "schema_version " + std::to_string(*value) + " is not supported",
                 "this version of scarwise reads schema_version " + std::to_string(kSchemaVersion));
    return false;
  }
  return true;
}

}  // namespace

bool check_file_top_level(const SchemaReader& reader, bool is_root) {
  const YamlNode& root = reader.doc().root;
  if (!root.is_map()) {
    reader.type_error(root, "the top level of a rule file", "a map");
    return false;
  }
  // With a foreign version the keys may mean anything: report only the version.
  if (!check_schema_version(reader, root, is_root)) return false;
  reader.check_keys(root, is_root ? root_keys() : included_file_keys(),
                    is_root ? "the root file" : "an included file");
  return true;
}

}  // namespace scarwise::internal
