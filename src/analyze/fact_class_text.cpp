#include "analyze/fact_class_text.hpp"

#include <charconv>

namespace scarwise::internal {
namespace {

std::string interval_text(const NumericInterval& interval) {
  const Bound& lo = interval.lower;
  const Bound& hi = interval.upper;
  if (lo.finite && hi.finite && lo.closed && hi.closed &&
      compare_numeric(lo.at, hi.at) == 0) {
    return "== " + format_numeric(lo.at);
  }
  if (!lo.finite && !hi.finite) return "any";
  if (!lo.finite) return (hi.closed ? "<= " : "< ") + format_numeric(hi.at);
  if (!hi.finite) return (lo.closed ? ">= " : "> ") + format_numeric(lo.at);
  return (lo.closed ? "[" : "(") + format_numeric(lo.at) + ", " + format_numeric(hi.at) +
         (hi.closed ? "]" : ")");
}

// The values of one mask, as `a|b`.
std::string mask_text(const FactDecl& decl, std::uint64_t mask) {
  std::string text;
  for (std::size_t v = 0; v < decl.values.size() && v < 64; ++v) {
    if (((mask >> v) & 1) == 0) continue;
    text += (text.empty() ? "" : "|") + decl.values[v];
  }
  return text;
}

std::string set_text(const FactDecl& decl, const FactClasses& facts, const FactClass& c) {
  if (facts.set_masks.empty()) return "any";
  std::string text;
  for (std::size_t i = 0; i < facts.set_masks.size(); ++i) {
    const bool holds = ((c.set_signature >> i) & 1) != 0;
    text += std::string(i ? ", " : "") + (holds ? "contains " : "not ") +
            mask_text(decl, facts.set_masks[i]);
  }
  return text;
}

}  // namespace

std::string format_numeric(const Numeric& value) {
  if (value.integral) return std::to_string(value.integer);
  // Shortest round trip, and independent of the locale.
  char buffer[32];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value.real);
  return std::string(buffer, result.ptr);
}

std::string describe_class(const FactDecl& decl, const FactClasses& facts, const FactClass& c) {
  switch (c.kind) {
    case FactClass::Kind::Unknown:
      return "unknown";
    case FactClass::Kind::Bool:
      return c.representative.boolean ? "true" : "false";
    case FactClass::Kind::Enum:
      return decl.values[c.representative.index];
    case FactClass::Kind::Set:
      return set_text(decl, facts, c);
    case FactClass::Kind::Interval:
      return interval_text(c.interval);
  }
  return "?";
}

}  // namespace scarwise::internal
