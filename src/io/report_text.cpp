#include "io/report_text.hpp"

#include "io/json_writer.hpp"
#include "support/quote.hpp"
#include "support/utf8.hpp"

namespace scarwise::internal {

// Text from rules or cases, on one line and shown for what it is: control characters become
// spaces, bidirectional controls (which would reorder what a terminal shows) become escapes,
// and bytes that are not UTF-8 (which no reader lets through) become U+FFFD.
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

// `text` after `first_prefix`, word-wrapped; continuation lines start with `next_prefix`.
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

// "3-6 sessions", "1 session", "every 4-6 weeks".
std::string counted(const Range& range, const std::string& unit) {
  const bool single = range.min == range.max;
  const std::string amount =
      single ? number(range.min) : number(range.min) + "-" + number(range.max);
  return amount + " " + unit + (single && range.min == 1 ? "" : "s");
}

std::string plan_summary(const Plan& plan) {
  std::string line =
      counted(plan.sessions, "session") + ", every " + counted(plan.interval_weeks, "week");
  if (plan.needle_depth_mm) {
    const Range& depth = *plan.needle_depth_mm;
    line +=
        ", needle depth " +
        (depth.min == depth.max ? number(depth.min) : number(depth.min) + "-" + number(depth.max)) +
        " mm";
  }
  return line;
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

}  // namespace scarwise::internal
