// Checking a test's expectations: against the rule set (do the ids exist?) and against the
// assessment of its case (do the values hold?).
#pragma once

#include <scarwise/assessment.hpp>
#include <scarwise/test_suite.hpp>
#include <vector>

#include "model/ruleset_model.hpp"
#include "support/diagnostic_sink.hpp"
#include "testing/test_spec.hpp"

namespace scarwise::internal {

/// Reports every id in `expect` the rule set does not declare, with a did-you-mean hint:
/// E-TEST-UNKNOWN-RULE (fired, not_fired, plan.rule), E-TEST-UNKNOWN-ID (catalogue ids) and
/// E-TEST-UNKNOWN-FACT (missing_facts). Without this a misspelt `excludes` would always pass.
void check_references(const CaseExpect& expect, const RuleSetModel& rules, DiagnosticSink& sink);

/// Every expectation of `expect` that `assessment` does not meet.
std::vector<TestFailure> compare_expectations(const CaseExpect& expect,
                                              const Assessment& assessment);

}  // namespace scarwise::internal
