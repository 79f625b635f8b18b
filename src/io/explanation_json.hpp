// The "scarwise.explanation/1" JSON document (docs/explain.md): the content of the text
// explanation, for tools.
#pragma once

#include <string>

#include "model/explanation_data.hpp"

namespace scarwise::internal {

/// Renders `data` pretty-printed with two-space indentation and a final newline; keys in the
/// documented order, so the same data always gives the same bytes.
std::string explanation_to_json(const ExplanationData& data);

}  // namespace scarwise::internal
