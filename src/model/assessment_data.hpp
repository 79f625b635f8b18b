// The state behind a public Assessment.
#pragma once

#include <scarwise/assessment.hpp>

#include <string>
#include <vector>

namespace scarwise::internal {

struct AssessmentData {
  Suitability suitability = Suitability::suitable;
  bool complete = true;
  std::vector<ScarAssessment> scars;
  std::string ruleset_id;
  std::string ruleset_version;
  std::string ruleset_digest;
  std::string case_digest;
  bool explained = false;
};

}  // namespace scarwise::internal
