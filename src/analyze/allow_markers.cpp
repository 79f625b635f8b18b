// `analyze: {allow: [CODE, ...]}` on a rule: a deliberate exception the rule's author
// documents, which keeps the finding in the report, marked allowed, out of the exit status.
#include "analyze/analysis.hpp"

#include <algorithm>

namespace scarwise::internal {

void apply_allow_markers(const RuleSetModel& model, std::vector<AnalysisFinding>& findings) {
  for (AnalysisFinding& finding : findings) {
    finding.allowed = std::any_of(finding.rules.begin(), finding.rules.end(), [&](std::uint32_t r) {
      const std::vector<AnalyzeAllow>& allow = model.rules[r].analyze_allow;
      return std::any_of(allow.begin(), allow.end(),
                         [&](const AnalyzeAllow& a) { return a.code == finding.code; });
    });
  }
}

}  // namespace scarwise::internal
