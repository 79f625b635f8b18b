// Test-file defaults and how they merge into a test's case. Merging works on the located YAML
// tree before the case is read, so every fact keeps the position it was written at: an error
// in a fact given by the defaults points at the defaults, not at the test.
#pragma once

#include <string_view>
#include <utility>
#include <vector>

#include "load/yaml_tree.hpp"

namespace scarwise::internal {

/// One fact as written: its key node and its value node. A null value means "leave it out".
using FactEntry = std::pair<YamlNode, YamlNode>;

/// The facts merged under a test's case: the file's `defaults:`, with a group's over them.
struct CaseDefaults {
  std::vector<FactEntry> patient;  ///< merged under the case's `patient`
  std::vector<FactEntry> scar;     ///< merged under every scar of the case
};

/// `over` layered on `base`: a key of `over` replaces the entry of `base` in place (so the
/// order stays that of the outer layer), other keys are appended. Nulls are kept, so that an
/// inner layer can still leave out a fact an outer one gives.
std::vector<FactEntry> layer_facts(std::vector<FactEntry> base, const std::vector<FactEntry>& over);

/// True for a value that leaves its fact out: `null`, `~` or nothing at all.
bool is_null_value(const YamlNode& value);

/// The case `case_node` with `defaults` merged in: the case's patient facts over the patient
/// defaults, and each scar's facts over the scar defaults (the scar's id first), with every
/// fact whose value is null left out. Parts of the wrong shape are kept as written, so that
/// the case reader reports them.
YamlNode merge_case(const YamlNode& case_node, const CaseDefaults& defaults);

}  // namespace scarwise::internal
