#include "io/assessment_text.hpp"

#include "model/ruleset_model.hpp"

#include <sstream>

#include "io/report_text.hpp"
#include "support/quote.hpp"

namespace scarwise::internal {

namespace {

std::string plan_line(const ScarAssessment& scar) {
  if (!scar.plan) {
    return scar.suitability == Suitability::not_suitable ? "none (not suitable)"
                                                         : "none (no plan rule applies)";
  }
  return plan_summary(*scar.plan) + " (rule " + clean(scar.plan->rule) + ")";
}

class ReportWriter {
 public:
  std::string take() { return out_.str(); }

  /// "Extends: base 1.0.0" for a layered rule set, the nearest base first.
  void extends_line(const AssessmentData& data) {
    if (!data.ruleset || data.ruleset->layers.size() < 2) return;
    const std::vector<LayerInfo>& layers = data.ruleset->layers;
    out_ << "Extends: ";
    for (std::size_t i = layers.size() - 1; i-- > 0;) {
      out_ << clean(layers[i].id) << ' ' << clean(layers[i].version) << (i > 0 ? ", " : "\n");
    }
  }

  void header(const AssessmentData& data) {
    out_ << "scarwise assessment\n"
         << "Rule set: " << clean(data.id()) << ' ' << clean(data.version()) << '\n';
    extends_line(data);
    out_ << "Rule set digest: " << clean(data.digest()) << '\n'
         << "Case digest: " << clean(data.case_digest) << "\n\n"
         << "Overall verdict: " << verdict(data.suitability) << '\n'
         << "Complete: "
         << (data.complete ? "yes"
                           : "no - facts are missing that could make a verdict more restrictive")
         << '\n';
  }

  void scar(const ScarAssessment& scar, bool explained) {
    // Quoted with any quote inside escaped, so an id cannot end its quotes and write a verdict.
    out_ << "\nScar " << quote_in_full(scar.id) << ": " << verdict(scar.suitability) << '\n';
    if (scar.reevaluate_after_weeks) {
      out_ << "  Re-evaluate after: " << std::to_string(*scar.reevaluate_after_weeks) << " weeks\n";
    }
    for (const ReevaluationCondition& c : scar.reevaluate_when) {
      out_ << wrapped("Re-evaluate when: " + clean(c.text) + " (" + clean(c.rule) + ")", "  ",
                      "    ");
    }
    out_ << "  Complete: " << (scar.complete ? "yes" : "no") << '\n'
         << wrapped("Plan: " + plan_line(scar), "  ", "    ");
    list("Consider combining", scar.combinations, [](const Combination& c) {
      return clean(c.name) + " [" + clean(c.id) + "] (rule " + clean(c.rule) + ")";
    });
    list("Instead of microneedling, consider", scar.alternatives, [](const Alternative& a) {
      return clean(a.name) + " [" + clean(a.id) + "] (rule " + clean(a.rule) + ")";
    });
    list("Avoid", scar.avoid, [](const Avoidance& a) {
      return clean(a.name) + " [" + clean(a.id) + "] (rule " + clean(a.rule) + ")";
    });
    list("Precautions", scar.precautions, instruction);
    list("Aftercare", scar.aftercare, instruction);
    list("Reasons", scar.reasons, reason);
    list("Missing information", scar.missing_facts,
         [](const MissingFact& m) { return clean(m.fact) + ": would settle " + join(m.rules); });
    if (explained) trace(scar.trace);
  }

  void footer() { out_ << '\n' << wrapped(kDecisionSupportDisclaimer, "", ""); }

 private:
  static std::string instruction(const Instruction& i) {
    return clean(i.text) + " [" + clean(i.id) + "] (rule " + clean(i.rule) + ")";
  }

  static std::string reason(const Reason& r) {
    std::string line = clean(r.title.empty() ? r.rule : r.title) + " (" + clean(r.rule) + ")";
    if (!r.message.empty()) line += ": " + clean(r.message);
    if (!r.evidence.empty()) line += " [evidence: " + join(r.evidence) + "]";
    return line;
  }

  template <typename T, typename Render>
  void list(const char* title, const std::vector<T>& items, Render render) {
    if (items.empty()) return;
    out_ << "  " << title << ":\n";
    for (const T& item : items) out_ << wrapped(render(item), "    - ", "      ");
  }

  void trace(const std::vector<TraceEntry>& entries) {
    out_ << "  Trace:\n";
    for (const TraceEntry& entry : entries) {
      std::string line = clean(entry.rule) + ": " + outcome(entry.result);
      std::string facts;
      for (const TraceFact& fact : entry.facts) {
        facts += (facts.empty() ? "" : ", ") + clean(fact.fact) + " = " + fact_text(fact.value);
      }
      if (!facts.empty()) line += " (" + facts + ")";
      out_ << wrapped(line, "    - ", "      ");
      for (const std::string& note : entry.notes) {
        out_ << wrapped(clean(note), "        note: ", "          ");
      }
    }
  }

  static const char* outcome(RuleOutcome result) {
    switch (result) {
      case RuleOutcome::fired:
        return "fired";
      case RuleOutcome::not_fired:
        return "not fired";
      case RuleOutcome::unknown:
        return "unknown";
    }
    return "unknown";
  }

  std::ostringstream out_;
};

}  // namespace

std::string assessment_to_text(const AssessmentData& data) {
  ReportWriter writer;
  writer.header(data);
  for (const ScarAssessment& scar : data.scar_list()) writer.scar(scar, data.explained);
  writer.footer();
  return writer.take();
}

}  // namespace scarwise::internal
