// Reading a test file's `defaults:` (file level or a group's) as strictly as the rest of it.
#pragma once

#include "model/ruleset_model.hpp"
#include "testing/case_merge.hpp"
#include "testing/field_reader.hpp"

namespace scarwise::internal {

/// Reads `node`, a `defaults:` mapping with the optional keys `patient` and `scar` (each a
/// mapping of fact key to value), and returns it layered over `outer`. Errors: E-TEST-TYPE,
/// E-TEST-UNKNOWN-KEY (with did-you-mean; also `id` under `scar`, since every scar gives its
/// own), and the case reader's codes for fact values. With `rules`, every fact is also checked
/// against its vocabulary, once here rather than in every test that inherits it
/// (E-CASE-UNKNOWN-FACT with did-you-mean, E-CASE-TYPE, E-CASE-RANGE, E-CASE-UNKNOWN-VALUE).
/// A null value leaves out a fact that `outer` gives.
CaseDefaults read_defaults(FieldReader& reader, const YamlNode& node, const CaseDefaults& outer,
                           const RuleSetModel* rules);

}  // namespace scarwise::internal
