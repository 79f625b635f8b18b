// The assessment JSON on one line, written straight from the evaluator's compact result and
// the rule set's pre-rendered fragments: no document is built, and a reused buffer is filled
// without allocating. Byte for byte what assessment_to_json_line() renders through a
// document (a differential test holds the two together).
#pragma once

#include "model/assessment_data.hpp"

#include <string>

namespace scarwise::internal {

/// Whether append_assessment_json_line() can write `data`: an engine's result without a trace.
bool has_compact_json(const AssessmentData& data);

/// Appends the one-line document of `data` (has_compact_json(data) must hold) to `out`.
void append_assessment_json_line(const AssessmentData& data, std::string& out);

}  // namespace scarwise::internal
