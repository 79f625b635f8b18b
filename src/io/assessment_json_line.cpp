#include "io/assessment_json_line.hpp"

#include "io/assessment_json.hpp"
#include "io/json_fragments.hpp"
#include "io/json_writer.hpp"
#include "support/text_buffer.hpp"

#include <charconv>

namespace scarwise::internal {
namespace {

class LineWriter {
 public:
  LineWriter(const AssessmentData& data, TextBuffer& out)
      : data_(data),
        fragments_(json_fragments(*data.model)),
        compact_(data.compact),
        out_(out) {}

  void document() {
    out_ += fragments_.header;
    out_ += data_.case_digest;
    out_ += "\",\"suitability\":\"";
    out_ += contract_name(data_.suitability);
    out_ += data_.complete ? "\",\"complete\":true,\"scars\":[" : "\",\"complete\":false,\"scars\":[";
    for (std::size_t i = 0; i < compact_.scars.size(); ++i) {
      if (i) out_ += ',';
      scar(compact_.scars[i]);
    }
    out_ += "]}";
  }

 private:
  void scar(const CompactScar& s) {
    out_ += "{\"id\":";
    append_json_string(out_, compact_.id(s));
    out_ += ",\"suitability\":\"";
    out_ += contract_name(s.suitability);
    out_ += s.complete ? "\",\"complete\":true" : "\",\"complete\":false";
    out_ += ",\"missing_facts\":[";
    missing_facts(s.missing);
    out_ += "],\"reevaluate_after_weeks\":";
    if (s.reevaluate_weeks >= 0) {
      char buffer[16];
      const char* const end = std::to_chars(buffer, buffer + sizeof buffer, s.reevaluate_weeks).ptr;
      out_ += std::string_view(buffer, static_cast<std::size_t>(end - buffer));
    } else {
      out_ += "null";
    }
    out_ += ",\"reevaluate_when\":[";
    list(s.reevaluate_when, [&](const ItemRef& ref) { out_ += rule(ref).reevaluate_when; });
    out_ += "],\"plan\":";
    plan(s);
    out_ += ",\"combinations\":[";
    entries(s.combinations, fragments_.treatments);
    out_ += "],\"alternatives\":[";
    entries(s.alternatives, fragments_.treatments);
    out_ += "],\"avoid\":[";
    entries(s.avoid, fragments_.treatments);
    out_ += "],\"precautions\":[";
    entries(s.precautions, fragments_.precautions);
    out_ += "],\"aftercare\":[";
    entries(s.aftercare, fragments_.aftercare);
    out_ += "],\"reasons\":[";
    list(s.reasons, [&](const ItemRef& ref) { out_ += rule(ref).reason; });
    out_ += "]}";
  }

  const JsonFragments::RuleParts& rule(const ItemRef& ref) const {
    return fragments_.rules[ref.rule];
  }

  template <typename Write>
  void list(RefSpan span, Write write) {
    for (const ItemRef* ref = compact_.begin(span); ref != compact_.end(span); ++ref) {
      if (ref != compact_.begin(span)) out_ += ',';
      write(*ref);
    }
  }

  void entries(RefSpan span, const std::vector<std::string>& catalogue) {
    list(span, [&](const ItemRef& ref) {
      out_ += catalogue[ref.item];
      out_ += rule(ref).id;
      out_ += '}';
    });
  }

  // Consecutive entries of one fact form one {"fact", "rules"} object.
  void missing_facts(RefSpan span) {
    const ItemRef* const end = compact_.end(span);
    for (const ItemRef* ref = compact_.begin(span); ref != end; ++ref) {
      const bool first_of_fact = ref == compact_.begin(span) || ref[-1].item != ref->item;
      if (first_of_fact) {
        if (ref != compact_.begin(span)) out_ += "]},";
        out_ += fragments_.facts[ref->item];
      } else {
        out_ += ',';
      }
      out_ += rule(*ref).id;
    }
    if (span.size) out_ += "]}";
  }

  void plan(const CompactScar& s) {
    if (s.plan_rule == kNoRule) {
      out_ += "null";
      return;
    }
    JsonNumberBuffer buffer;
    out_ += "{\"sessions\":{\"min\":";
    out_ += json_number_text(s.sessions_min, buffer);
    out_ += ",\"max\":";
    out_ += json_number_text(s.sessions_max, buffer);
    out_ += '}';
    out_ += fragments_.rules[s.plan_rule].plan_tail;
  }

  const AssessmentData& data_;
  const JsonFragments& fragments_;
  const CompactAssessment& compact_;
  TextBuffer& out_;
};

}  // namespace

bool has_compact_json(const AssessmentData& data) {
  return data.ruleset && data.model && !data.explained && !data.compact.scars.empty();
}

void append_assessment_json_line(const AssessmentData& data, std::string& out) {
  thread_local TextBuffer buffer;
  buffer.clear();
  LineWriter(data, buffer).document();
  out += buffer.view();
}

}  // namespace scarwise::internal
