// The state behind a public Explanation.
#pragma once

#include <scarwise/explanation.hpp>
#include <string>
#include <vector>

namespace scarwise::internal {

struct ExplanationData {
  std::vector<ScarExplanation> scars;
  std::string focus_rule;  ///< empty when every rule is explained
  std::string ruleset_id;
  std::string ruleset_version;
  std::string ruleset_digest;
  std::string case_digest;
};

}  // namespace scarwise::internal
