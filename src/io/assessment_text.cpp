#include "io/assessment_text.hpp"

#include "model/ruleset_model.hpp"

#include <sstream>

#include "io/json_writer.hpp"
#include "support/quote.hpp"
#include "support/utf8.hpp"

namespace scarwise::internal {

namespace {

/// Text from rules or cases, on one line and shown for what it is: control characters become
/// spaces, bidirectional controls (which would reorder what a terminal shows) become escapes,
/// and bytes that are not UTF-8 (which no reader lets through) become U+FFFD.
std::string clean(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t length = utf8_sequence_length(text, i);
    if (length == 0) {
      out += "\xEF\xBF\xBD";
      ++i;
      continue;
    }
    const std::uint32_t code_point = utf8_code_point(text, i, length);
    if (code_point < 0x20 || (code_point >= 0x7F && code_point <= 0x9F)) {
      out += ' ';
    } else if (is_bidi_control(code_point)) {
      out += shown(std::string_view(text).substr(i, length));
    } else {
      out.append(text, i, length);
    }
    i += length;
  }
  return out;
}

std::string verdict(Suitability suitability) {
  switch (suitability) {
    case Suitability::suitable:
      return "suitable";
    case Suitability::suitable_with_caution:
      return "suitable with caution";
    case Suitability::defer:
      return "defer treatment";
    case Suitability::not_suitable:
      return "not suitable";
  }
  return "unknown";
}

/// Lines no longer than this, where words allow, so the report reads in a terminal or email.
constexpr std::size_t kLineWidth = 100;

/// `text` after `first_prefix`, word-wrapped; continuation lines start with `next_prefix`.
std::string wrapped(const std::string& text, const std::string& first_prefix,
                    const std::string& next_prefix) {
  std::string out = first_prefix;
  std::size_t line_length = first_prefix.size();
  bool line_has_word = false;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find(' ', start);
    if (end == std::string::npos) end = text.size();
    if (end > start) {
      const std::size_t word = end - start;
      if (line_has_word && line_length + 1 + word > kLineWidth) {
        out += "\n" + next_prefix;
        line_length = next_prefix.size();
        line_has_word = false;
      }
      if (line_has_word) {
        out += ' ';
        ++line_length;
      }
      out.append(text, start, word);
      line_length += word;
      line_has_word = true;
    }
    start = end + 1;
  }
  return out + "\n";
}

std::string number(double value) { return format_json_number(value); }

/// "3-6 sessions", "1 session", "every 4-6 weeks".
std::string counted(const Range& range, const std::string& unit) {
  const bool single = range.min == range.max;
  const std::string amount =
      single ? number(range.min) : number(range.min) + "-" + number(range.max);
  return amount + " " + unit + (single && range.min == 1 ? "" : "s");
}

std::string plan_line(const ScarAssessment& scar) {
  if (!scar.plan) {
    return scar.suitability == Suitability::not_suitable ? "none (not suitable)"
                                                         : "none (no plan rule applies)";
  }
  const Plan& plan = *scar.plan;
  std::string line =
      counted(plan.sessions, "session") + ", every " + counted(plan.interval_weeks, "week");
  if (plan.needle_depth_mm) {
    const Range& depth = *plan.needle_depth_mm;
    line +=
        ", needle depth " +
        (depth.min == depth.max ? number(depth.min) : number(depth.min) + "-" + number(depth.max)) +
        " mm";
  }
  return line + " (rule " + clean(plan.rule) + ")";
}

std::string join(const std::vector<std::string>& words) {
  std::string out;
  for (const std::string& word : words) out += (out.empty() ? "" : ", ") + clean(word);
  return out;
}

std::string fact_text(const std::optional<FactValue>& value) {
  if (!value) return "unknown";
  struct Visitor {
    std::string operator()(bool b) const { return b ? "true" : "false"; }
    std::string operator()(std::int64_t n) const { return std::to_string(n); }
    std::string operator()(double d) const { return number(d); }
    std::string operator()(const std::string& s) const { return clean(s); }
    std::string operator()(const std::vector<std::string>& list) const {
      return "[" + join(list) + "]";
    }
  };
  return std::visit(Visitor{}, *value);
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
         << "Rule set: " << clean(data.ruleset_id) << ' ' << clean(data.ruleset_version) << '\n';
    extends_line(data);
    out_ << "Rule set digest: " << clean(data.ruleset_digest) << '\n'
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
    out_ << "  Complete: " << (scar.complete ? "yes" : "no") << '\n'
         << wrapped("Plan: " + plan_line(scar), "  ", "    ");
    list("Consider combining", scar.combinations, [](const Combination& c) {
      return clean(c.name) + " [" + clean(c.id) + "] (rule " + clean(c.rule) + ")";
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
  for (const ScarAssessment& scar : data.scars) writer.scar(scar, data.explained);
  writer.footer();
  return writer.take();
}

}  // namespace scarwise::internal
