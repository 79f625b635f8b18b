#include "io/explanation_text.hpp"

#include <sstream>

#include "io/assessment_text.hpp"
#include "io/report_text.hpp"
#include "support/quote.hpp"

namespace scarwise::internal {
namespace {

/// "defer.pregnancy (Pregnancy), from layer scarwise-default".
std::string rule_name(const RuleExplanation& rule) {
  std::string out = clean(rule.rule);
  if (!rule.title.empty()) out += " (" + clean(rule.title) + ")";
  return out + ", from layer " + clean(rule.layer);
}

const RuleExplanation* find_rule(const ScarExplanation& scar, const std::string& id) {
  for (const RuleExplanation& rule : scar.rules) {
    if (rule.rule == id) return &rule;
  }
  return nullptr;
}

std::string rule_name(const ScarExplanation& scar, const std::string& id) {
  const RuleExplanation* rule = find_rule(scar, id);
  return rule ? rule_name(*rule) : clean(id);
}

std::string result_text(const std::optional<bool>& result) {
  if (!result) return "unknown";
  return *result ? "true" : "false";
}

std::string operand_value(const ExplainedOperand& side) {
  if (side.value || side.list.empty()) return fact_text(side.value);
  std::vector<std::string> values;
  for (const FactValue& value : side.list) values.push_back(fact_text(value));
  return "[" + join(values) + "]";
}

/// What a comparison compared: "patient.fitzpatrick is 5, compared with 4".
/// A computed side (arithmetic) is shown with its value: "patient.a + 1 is 5".
std::string compared_values(const ExplainedComparison& c) {
  if (!c.left.is_fact && !c.right) return "a constant";
  std::string out = clean(c.left.text) + " is " + operand_value(c.left);
  if (!c.right) return out;
  out += ", compared with ";
  const std::string value = operand_value(*c.right);
  if (c.right->is_fact || (c.right->list.empty() && clean(c.right->text) != value)) {
    return out + clean(c.right->text) + ", which is " + value;
  }
  return out + value;
}

/// Why a comparison came out as it did, in a clause: "patient.pregnant is false",
/// "scar.type == keloid is false (scar.type is rolling)".
std::string comparison_clause(const ExplainedComparison& c) {
  const bool lone_fact = c.left.is_fact && !c.right && c.text == c.left.text;
  if (lone_fact) return clean(c.left.text) + " is " + operand_value(c.left);
  return clean(c.text) + " is " + result_text(c.result) + " (" + compared_values(c) + ")";
}

/// The decisive comparisons of a rule, as clauses joined with "; ".
std::string decisive_clauses(const RuleExplanation& rule) {
  std::string out;
  for (const ExplainedComparison& c : rule.comparisons) {
    if (c.decisive) out += (out.empty() ? "" : "; ") + comparison_clause(c);
  }
  return out;
}

std::string effect_text(const RuleEffect& e) {
  std::vector<std::string> parts;
  if (e.suitability) parts.push_back("verdict " + verdict(*e.suitability));
  if (!e.reevaluate_after_weeks_expression.empty()) {
    // The value for this scar, and how it was computed.
    parts.push_back("re-evaluate after " +
                    (e.reevaluate_after_weeks ? std::to_string(*e.reevaluate_after_weeks) + " weeks"
                                              : std::string("an unknown number of weeks")) +
                    " (computed from " + quote(clean(e.reevaluate_after_weeks_expression)) + ")");
  } else if (e.reevaluate_after_weeks) {
    parts.push_back("re-evaluate after " + std::to_string(*e.reevaluate_after_weeks) + " weeks");
  } else if (e.reevaluate_until_resolved) {
    parts.push_back("re-evaluate when resolved");
  }
  if (!e.reevaluate_when.empty()) parts.push_back("re-evaluate when: " + clean(e.reevaluate_when));
  if (e.plan) parts.push_back("plan " + plan_summary(*e.plan));
  if (e.adjust_sessions) {
    parts.push_back("sessions adjusted by " + std::string(*e.adjust_sessions >= 0 ? "+" : "") +
                    std::to_string(*e.adjust_sessions));
  }
  if (!e.suggest.empty()) parts.push_back("suggests " + join(e.suggest));
  if (!e.alternatives.empty()) parts.push_back("alternatives " + join(e.alternatives));
  if (!e.avoid.empty()) parts.push_back("avoid " + join(e.avoid));
  if (!e.precautions.empty()) parts.push_back("precautions " + join(e.precautions));
  if (!e.aftercare.empty()) parts.push_back("aftercare " + join(e.aftercare));
  if (!e.message.empty()) parts.push_back("message: " + clean(e.message));
  if (parts.empty()) return "none";
  std::string out;
  for (const std::string& part : parts) out += (out.empty() ? "" : "; ") + part;
  return out;
}

class ExplanationWriter {
 public:
  std::string take() { return out_.str(); }

  void header(const ExplanationData& data) {
    out_ << "scarwise explanation";
    if (!data.focus_rule.empty()) out_ << " of rule " << clean(data.focus_rule);
    out_ << '\n'
         << "Rule set: " << clean(data.ruleset_id) << ' ' << clean(data.ruleset_version) << '\n'
         << "Rule set digest: " << clean(data.ruleset_digest) << '\n'
         << "Case digest: " << clean(data.case_digest) << '\n';
  }

  void scar(const ScarExplanation& scar) {
    const ScarAssessment& a = scar.assessment;
    out_ << "\nScar " << quote_in_full(a.id) << ": " << verdict(a.suitability) << '\n';
    decided_by(scar);
    if (a.reevaluate_after_weeks) {
      out_ << "  Re-evaluate after: " << *a.reevaluate_after_weeks << " weeks\n";
    }
    for (const ReevaluationCondition& c : a.reevaluate_when) {
      out_ << wrapped("Re-evaluate when: " + clean(c.text) + " (" + clean(c.rule) + ")", "  ",
                      "    ");
    }
    plan(scar);
    restricting_not_applied(scar);
    unknown_rules(scar);
    list("Suppressed suggestions", scar.suppressed, [](const SuppressedSuggestion& s) {
      return clean(s.name) + " [" + clean(s.treatment) + "], suggested by " +
             clean(s.suggested_by) + ", left out because " + clean(s.suppressed_by) +
             " says to avoid it";
    });
    alternatives(scar);
    list("Evidence", scar.evidence, [](const EvidenceCitation& e) {
      std::string line = clean(e.id) + " (behind " + join(e.rules) + "): " + clean(e.cite);
      if (!e.url.empty()) line += " <" + clean(e.url) + ">";
      return e.missing.empty() ? line : line + " [not in the source record: " + join(e.missing) + "]";
    });
  }

  void focused(const ScarExplanation& scar) {
    out_ << "\nScar " << quote_in_full(scar.assessment.id) << ": "
         << verdict(scar.assessment.suitability) << '\n';
    for (const RuleExplanation& rule : scar.rules) why(rule);
  }

  void footer() { out_ << '\n' << wrapped(kDecisionSupportDisclaimer, "", ""); }

 private:
  void decided_by(const ScarExplanation& scar) {
    if (scar.deciding_rules.empty()) {
      out_ << wrapped("Decided by: no rule sets a suitability for this scar, so it is suitable",
                      "  ", "    ");
      return;
    }
    for (const std::string& id : scar.deciding_rules) {
      out_ << wrapped("Decided by: " + rule_name(scar, id), "  ", "    ");
    }
  }

  void plan(const ScarExplanation& scar) {
    const ScarAssessment& a = scar.assessment;
    if (a.plan) {
      out_ << wrapped(
          "Plan: " + plan_summary(*a.plan) + ", from rule " + rule_name(scar, a.plan->rule), "  ",
          "    ");
    } else if (a.suitability == Suitability::not_suitable) {
      out_ << "  Plan: none, because the scar is not suitable\n";
    } else {
      out_ << "  Plan: none, because no plan rule applies\n";
    }
  }

  /// Each alternative with the rule that recommended it and that rule's evidence ids (cited in
  /// full under Evidence), then those an avoid left out.
  void alternatives(const ScarExplanation& scar) {
    list("Instead of microneedling, consider", scar.assessment.alternatives,
         [&](const Alternative& a) {
           std::string line =
               clean(a.name) + " [" + clean(a.id) + "], recommended by " + rule_name(scar, a.rule);
           const RuleExplanation* rule = find_rule(scar, a.rule);
           if (rule && !rule->evidence.empty()) line += " [evidence: " + join(rule->evidence) + "]";
           return line;
         });
    list("Suppressed alternatives", scar.suppressed_alternatives,
         [](const SuppressedAlternative& s) {
           return clean(s.name) + " [" + clean(s.treatment) + "], recommended by " +
                  clean(s.recommended_by) + ", left out because " + clean(s.suppressed_by) +
                  " says to avoid it";
         });
  }

  void restricting_not_applied(const ScarExplanation& scar) {
    std::vector<const RuleExplanation*> rules;
    for (const RuleExplanation& rule : scar.rules) {
      if (rule.restricting && rule.outcome == RuleOutcome::not_fired) rules.push_back(&rule);
    }
    list("Restricting rules that did not apply", rules, [](const RuleExplanation* rule) {
      return rule_name(*rule) + ": " + decisive_clauses(*rule);
    });
  }

  void unknown_rules(const ScarExplanation& scar) {
    std::vector<const RuleExplanation*> rules;
    for (const RuleExplanation& rule : scar.rules) {
      if (rule.outcome == RuleOutcome::unknown) rules.push_back(&rule);
    }
    list("Rules that cannot be decided yet", rules, [](const RuleExplanation* rule) {
      return rule_name(*rule) + ": would be settled by " + join(rule->settled_by);
    });
  }

  void why(const RuleExplanation& rule) {
    out_ << wrapped("Rule: " + rule_name(rule), "  ", "    ");
    std::string outcome = "did not fire";
    if (rule.outcome == RuleOutcome::fired) outcome = "fired";
    if (rule.outcome == RuleOutcome::unknown) {
      outcome = "unknown, would be settled by " + join(rule.settled_by);
    }
    out_ << wrapped("Outcome: " + outcome, "  ", "    ")
         << wrapped("Condition: " + clean(rule.condition), "  ", "    ");
    list("Comparisons", rule.comparisons, [](const ExplainedComparison& c) {
      return clean(c.text) + ": " + result_text(c.result) + " (" + compared_values(c) + ")" +
             (c.decisive ? ", decisive" : "");
    });
    const char* label =
        rule.outcome == RuleOutcome::fired ? "Effect (it fired): " : "Effect had it fired: ";
    out_ << wrapped(label + effect_text(rule.effect), "  ", "    ");
    list("Notes", rule.notes, [](const std::string& note) { return clean(note); });
    if (!rule.evidence.empty()) out_ << wrapped("Evidence: " + join(rule.evidence), "  ", "    ");
  }

  template <typename T, typename Render>
  void list(const char* title, const std::vector<T>& items, Render render) {
    if (items.empty()) return;
    out_ << "  " << title << ":\n";
    for (const T& item : items) out_ << wrapped(render(item), "    - ", "      ");
  }

  std::ostringstream out_;
};

}  // namespace

std::string explanation_to_text(const ExplanationData& data) {
  ExplanationWriter writer;
  writer.header(data);
  for (const ScarExplanation& scar : data.scars) {
    if (data.focus_rule.empty()) {
      writer.scar(scar);
    } else {
      writer.focused(scar);
    }
  }
  writer.footer();
  return writer.take();
}

}  // namespace scarwise::internal
