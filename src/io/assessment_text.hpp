// A plain-text assessment report for clinicians (the CLI's `--format text`).
#pragma once

#include <string>

#include "model/assessment_data.hpp"

namespace scarwise::internal {

/// The disclaimer that ends every text report.
inline constexpr const char* kDecisionSupportDisclaimer =
    "Decision support for trained professionals, not a diagnosis. Check every recommendation "
    "against the patient's full history and your own clinical judgement.";

/// Renders `data` as a readable report: the rule set, the patient-level verdict and whether it is
/// complete, then per scar the verdict (with the re-evaluation time when deferred), plan,
/// combinations, treatments to avoid, precautions, aftercare, reasons, missing information and,
/// when explained, the rule trace; it ends with kDecisionSupportDisclaimer. Plain ASCII layout
/// without colour; control characters in rule or case text are replaced by spaces.
std::string assessment_to_text(const AssessmentData& data);

}  // namespace scarwise::internal
