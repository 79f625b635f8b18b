// The codes of `scarwise analyze` findings that a rule may allow with `analyze: {allow: [...]}`.
// They live in the model because the loader checks a marker's codes when the rule set loads,
// long before any analysis runs: a misspelt code would otherwise allow nothing, silently.
#pragma once

#include <array>
#include <string>
#include <string_view>
#include <vector>

namespace scarwise::internal {

inline constexpr std::array<std::string_view, 6> kAnalysisFindingCodes = {
    "A-GAP",        "A-PLAN-CONFLICT", "A-SUGGEST-AVOID",
    "A-UNREACHABLE", "A-SHADOWED",     "A-UNKNOWN-STUCK",
};

inline bool is_analysis_finding_code(std::string_view code) {
  for (std::string_view known : kAnalysisFindingCodes) {
    if (known == code) return true;
  }
  return false;
}

inline std::vector<std::string> analysis_finding_codes() {
  return {kAnalysisFindingCodes.begin(), kAnalysisFindingCodes.end()};
}

}  // namespace scarwise::internal
