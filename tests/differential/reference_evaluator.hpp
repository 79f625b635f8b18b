// A straightforward interpreter of a rule set, kept beside the tests as the reference the
// optimised engine is held to. It reads a case with the full reader and validator, evaluates
// each rule's condition, merges the fired rules with plain linear searches into the public
// ScarAssessment, and renders the record through a JSON document — the way the engine worked
// before it was made fast. It shares with the engine only the loaded rules, the compiled
// conditions and the document renderer.
#pragma once

#include "model/ruleset_model.hpp"

#include <memory>
#include <string>

namespace scarwise::reference {

/// The record of `case_json` on one line, or "rejected" followed by the diagnostics' codes when
/// the case is not valid.
std::string assess_json_line(const std::shared_ptr<const internal::RuleSetModel>& rules,
                             const std::string& case_json);

}  // namespace scarwise::reference
