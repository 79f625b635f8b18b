// The state behind a public Assessment.
#pragma once

#include "model/compact_assessment.hpp"

#include <scarwise/assessment.hpp>

#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace scarwise::internal {

struct RuleSetModel;

/// A std::once_flag that a moved AssessmentData leaves behind: the copy gets a fresh flag, and
/// materialising twice gives the same scars, so nothing depends on the moved-from state.
struct FreshOnce {
  std::once_flag flag;
  FreshOnce() = default;
  FreshOnce(FreshOnce&&) noexcept {}
  FreshOnce& operator=(FreshOnce&&) noexcept { return *this; }
};

struct AssessmentData {
  Suitability suitability = Suitability::suitable;
  bool complete = true;
  std::string case_digest;
  bool explained = false;
  /// The rule set evaluated, for its names, layers and where each traced rule came from; set by
  /// the engine (null only when a test builds an assessment by hand).
  std::shared_ptr<const RuleSetModel> ruleset;
  /// The rule set's id, version and digest when `ruleset` is null (hand-built data).
  std::string ruleset_id;
  std::string ruleset_version;
  std::string ruleset_digest;
  /// The evaluator's result, which `model` (the rule set it refers to) turns into scars.
  CompactAssessment compact;
  const RuleSetModel* model = nullptr;
  /// Scars given in full: an explained evaluation's (with their traces) or hand-built ones.
  /// Otherwise filled from `compact` by the first call to scar_list().
  mutable std::vector<ScarAssessment> scars;

  /// The scars in full, built from `compact` the first time any thread asks.
  const std::vector<ScarAssessment>& scar_list() const;
  const std::string& id() const;       ///< the rule set's id
  const std::string& version() const;  ///< the rule set's version
  const std::string& digest() const;   ///< the rule set's digest

 private:
  mutable FreshOnce materialized_;
};

}  // namespace scarwise::internal
