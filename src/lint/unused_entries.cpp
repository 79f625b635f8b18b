// Declarations that nothing refers to. Each is legal, but an unused fact still has to be given
// by every case that wants a complete picture, and an unused catalogue entry or citation is
// usually a rule that was removed or a reference that was misspelt in the other direction.
#include <vector>

#include "lint/lint.hpp"
#include "support/quote.hpp"

namespace scarwise::internal {
namespace {

/// Marks the ids of `ids` in `used`.
template <typename Id>
void mark(const std::vector<Id>& ids, std::vector<bool>& used) {
  for (const Id id : ids) used[id] = true;
}

/// Reports every entry of `entries` whose flag in `used` is unset.
template <typename Entry>
void report_unused(const std::vector<Entry>& entries, const std::vector<bool>& used,
                   const char* kind, const std::string& fix, LintReport& report) {
  for (std::size_t i = 0; i < entries.size(); ++i) {
    if (used[i]) continue;
    report.warn(entries[i].loc, std::string(kind) + " " + quote(entries[i].id) + " is never used",
                fix);
  }
}

}  // namespace

void lint_unused_facts(const RuleSetModel& model, LintReport& report) {
  const std::vector<FactDecl>& facts = model.vocabulary.facts();
  std::vector<bool> read(facts.size(), false);
  for (const Rule& rule : model.rules) {
    mark(rule.when.referenced_facts(), read);
    if (rule.then.reevaluate_weeks_expression) {
      mark(rule.then.reevaluate_weeks_expression->referenced_facts(), read);
    }
  }
  for (std::size_t i = 0; i < facts.size(); ++i) {
    if (read[i]) continue;
    report.warn(facts[i].loc, "fact " + quote(facts[i].name) + " is declared but no rule reads it",
                "test it in a rule's 'when', or remove the declaration");
  }
}

void lint_unused_treatments(const RuleSetModel& model, LintReport& report) {
  std::vector<bool> used(model.treatments.size(), false);
  for (const Rule& rule : model.rules) {
    mark(rule.then.suggest, used);
    mark(rule.then.alternatives, used);
    mark(rule.then.avoid, used);
  }
  report_unused(model.treatments, used, "treatment",
                "no rule suggests, avoids or offers it as an alternative: list it in a "
                "rule's 'suggest', 'avoid' or 'alternatives', or remove the entry",
                report);
}

void lint_unused_precautions(const RuleSetModel& model, LintReport& report) {
  std::vector<bool> used(model.precautions.size(), false);
  for (const Rule& rule : model.rules) mark(rule.then.precautions, used);
  report_unused(model.precautions, used, "precaution",
                "no rule attaches it: list it in a rule's 'precautions', or remove the entry",
                report);
}

void lint_unused_aftercare(const RuleSetModel& model, LintReport& report) {
  std::vector<bool> used(model.aftercare.size(), false);
  for (const Rule& rule : model.rules) mark(rule.then.aftercare, used);
  report_unused(model.aftercare, used, "aftercare instruction",
                "no rule attaches it: list it in a rule's 'aftercare', or remove the entry",
                report);
}

void lint_unused_evidence(const RuleSetModel& model, LintReport& report) {
  std::vector<bool> cited(model.evidence.size(), false);
  for (const Rule& rule : model.rules) mark(rule.evidence, cited);
  for (const TreatmentEntry& entry : model.treatments) mark(entry.evidence, cited);
  for (const InstructionEntry& entry : model.precautions) mark(entry.evidence, cited);
  for (const InstructionEntry& entry : model.aftercare) mark(entry.evidence, cited);
  report_unused(model.evidence, cited, "evidence",
                "no rule, treatment, precaution or aftercare entry cites it: cite it in an "
                "'evidence' list, or remove the entry",
                report);
}

}  // namespace scarwise::internal
