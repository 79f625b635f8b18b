#include "testing/text_format.hpp"

#include <charconv>
#include <type_traits>

namespace scarwise::internal {

std::string format_number(double value) {
  char buffer[64];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  return std::string(buffer, result.ptr);
}

std::string format_range(std::optional<double> min, std::optional<double> max) {
  std::string out = "{";
  if (min) out += "min: " + format_number(*min);
  if (min && max) out += ", ";
  if (max) out += "max: " + format_number(*max);
  return out + "}";
}

std::string format_range(const Range& range) { return format_range(range.min, range.max); }

std::string format_plan(const std::optional<Plan>& plan) {
  if (!plan) return "null";
  std::string out = "{sessions: " + format_range(plan->sessions) +
                    ", interval_weeks: " + format_range(plan->interval_weeks) +
                    ", needle_depth_mm: ";
  out += plan->needle_depth_mm ? format_range(*plan->needle_depth_mm) : "null";
  if (!plan->rule.empty()) out += ", rule: " + plan->rule;
  return out + "}";
}

std::string format_list(const std::vector<std::string>& items) {
  std::string out = "[";
  for (std::size_t i = 0; i < items.size(); ++i) out += (i ? ", " : "") + items[i];
  return out + "]";
}

std::string format_fact_value(const std::optional<FactValue>& value) {
  if (!value) return "unknown";
  return std::visit(
      [](const auto& v) -> std::string {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, bool>) {
          return v ? "true" : "false";
        } else if constexpr (std::is_same_v<T, std::int64_t>) {
          return std::to_string(v);
        } else if constexpr (std::is_same_v<T, double>) {
          return format_number(v);
        } else if constexpr (std::is_same_v<T, std::string>) {
          return v;
        } else {
          return format_list(v);
        }
      },
      *value);
}

}  // namespace scarwise::internal
