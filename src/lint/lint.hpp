// Lints: static checks of a loaded, validated rule set. They look for what the format allows
// but is probably a mistake: a catalogue entry or fact nothing uses, a restricting rule that
// does not say why, a plan the session limit will clamp, a citation without a year or address.
// Each finding is a warning with a stable W- code, located at the offending declaration, with
// a hint.
//
// Lints read the model and never change it. They run on request (scarwise::lint(), `scarwise
// check`), not inside every load: a host that loads a vetted rule set gains nothing from them.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "model/ruleset_model.hpp"
#include "support/diagnostic_sink.hpp"

namespace scarwise::internal {

/// Where a lint reports: every finding becomes a warning with the lint's code, so that a code
/// is written once, in the table below.
class LintReport {
 public:
  LintReport(const char* code, DiagnosticSink& sink) : code_(code), sink_(sink) {}
  void warn(const SourceLoc& at, std::string message, std::string hint) {
    sink_.warning(at, code_, std::move(message), std::move(hint));
  }

 private:
  const char* code_;
  DiagnosticSink& sink_;
};

/// One lint: reads the whole model and reports its findings in declaration order. Lints read
/// every layer of a rule set, since a use in one layer counts for a declaration in another; a
/// check of one layer keeps the findings located in that layer's files.
using LintFunction = void (*)(const RuleSetModel& model, LintReport& report);

/// A lint and the code of every warning it reports.
struct Lint {
  const char* code;
  LintFunction run;
};

/// Every lint, in the order they run. A new lint is one function and one row here.
const std::vector<Lint>& all_lints();

/// Runs every lint over `model`, in table order.
void run_lints(const RuleSetModel& model, DiagnosticSink& sink);

// The lints (one file per concern).

// unused_entries.cpp: declarations that nothing refers to.
void lint_unused_facts(const RuleSetModel& model, LintReport& report);
void lint_unused_treatments(const RuleSetModel& model, LintReport& report);
void lint_unused_precautions(const RuleSetModel& model, LintReport& report);
void lint_unused_aftercare(const RuleSetModel& model, LintReport& report);
void lint_unused_evidence(const RuleSetModel& model, LintReport& report);

// rule_lints.cpp: rules that are valid but incomplete or partly without effect.
void lint_restricting_without_message(const RuleSetModel& model, LintReport& report);
void lint_plan_sessions_over_limit(const RuleSetModel& model, LintReport& report);

// evidence_lints.cpp: citations a reader cannot find or date.
void lint_incomplete_evidence(const RuleSetModel& model, LintReport& report);

}  // namespace scarwise::internal
