// A fact class written for people: `unknown`, `true`, `rolling`, `[4, 5)`, `>= 6`,
// `contains pigmentation, not volume_loss`. For findings, diff summaries and test messages.
#pragma once

#include "analyze/fact_classes.hpp"

#include <string>

namespace scarwise::internal {

std::string describe_class(const FactDecl& decl, const FactClasses& facts, const FactClass& c);

/// A number as short as it can be written and still read back exactly.
std::string format_numeric(const Numeric& value);

}  // namespace scarwise::internal
