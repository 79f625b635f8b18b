// The explanation worded for a clinician (`scarwise explain`'s default format).
#pragma once

#include <string>

#include "model/explanation_data.hpp"

namespace scarwise::internal {

/// Per scar: the verdict and the rules that decided it, the plan and its rule, the
/// restricting rules that did not apply and the values that kept them from applying, the
/// unknown rules and the facts that would settle them, the suppressed suggestions and the
/// evidence. With a focus rule, per scar that rule's outcome, condition, every comparison with
/// its values, and its effect. Wrapped at 100 columns; ends with the decision-support
/// disclaimer; the same data always gives the same text.
std::string explanation_to_text(const ExplanationData& data);

}  // namespace scarwise::internal
