// Which format a case file is read as, and what to say when the file holds the other one: a
// YAML case saved as .json fails as JSON with an error about a character, which does not tell
// the user that the name, not the text, is what is wrong.
#pragma once

#include <scarwise/case.hpp>
#include <scarwise/diagnostic.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace scarwise::internal {

enum class CaseFormat { Json, Yaml };

/// JSON for a name ending in ".json", YAML for ".yaml" and ".yml"; otherwise JSON when the text
/// starts with '{'. A YAML flow mapping also starts with '{', hence the names first.
CaseFormat case_format_of(const std::string& name, std::string_view text);

/// When a case file whose name chose its format failed with a syntax error (E-CASE-SYNTAX for
/// JSON, E-YAML-SYNTAX for YAML), and its text reads as the other format, the first such error's
/// hint says so and names the file name as the reason. JSON counts as such only when it starts
/// with '{', YAML only when it does not: a JSON object with a typo is also valid YAML.
void explain_format_mixup(std::vector<Diagnostic>& diagnostics, const std::string& name,
                          std::string_view text, const CaseOptions& options);

}  // namespace scarwise::internal
