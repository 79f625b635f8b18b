// The state behind a public Assessment.
#pragma once

#include <scarwise/assessment.hpp>

#include <memory>

#include <string>
#include <vector>

namespace scarwise::internal {

struct RuleSetModel;

struct AssessmentData {
  Suitability suitability = Suitability::suitable;
  bool complete = true;
  std::vector<ScarAssessment> scars;
  std::string ruleset_id;
  std::string ruleset_version;
  std::string ruleset_digest;
  std::string case_digest;
  bool explained = false;
  /// The rule set evaluated, for its layers and where each traced rule came from; set by the
  /// engine (null only when a test builds an assessment by hand).
  std::shared_ptr<const RuleSetModel> ruleset;
};

}  // namespace scarwise::internal
