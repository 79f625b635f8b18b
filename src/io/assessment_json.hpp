// The "scarwise.assessment/1" JSON contract (DESIGN section 5).
#pragma once

#include <boost/json.hpp>
#include <optional>
#include <scarwise/assessment.hpp>
#include <string>

#include "model/assessment_data.hpp"

namespace scarwise::internal {

/// The contract name of a verdict ("suitable_with_caution").
const char* contract_name(Suitability suitability) noexcept;
/// The contract name of a rule outcome ("fired", "not_fired", "unknown").
const char* contract_name(RuleOutcome outcome) noexcept;

/// Renders `data` as the assessment JSON document: keys in the documented order, `trace` only
/// when the assessment was explained, pretty-printed with two-space indentation and a final
/// newline. Deterministic: the same data always gives the same bytes.
std::string assessment_to_json(const AssessmentData& data);

/// The same document on one line, without a final newline (for JSON Lines streams).
std::string assessment_to_json_line(const AssessmentData& data);

/// Pieces of the document, for other documents that embed them (the explanation): one scar's
/// object without its trace, a fact value (null when unknown), a plan (or null).
boost::json::object scar_to_json(const ScarAssessment& scar);
boost::json::value fact_value_to_json(const std::optional<FactValue>& value);
boost::json::value plan_to_json(const std::optional<Plan>& plan);

}  // namespace scarwise::internal
