// Locale-independent text for the values a test compares, shared by the checker and reports.
#pragma once

#include <optional>
#include <scarwise/assessment.hpp>
#include <scarwise/case.hpp>
#include <string>
#include <vector>

namespace scarwise::internal {

/// Shortest text that reads back as `value`: "3", "1.5".
std::string format_number(double value);
/// "{min: 3, max: 6}"; an absent end is left out.
std::string format_range(std::optional<double> min, std::optional<double> max);
std::string format_range(const Range& range);
/// "{sessions: {...}, interval_weeks: {...}, needle_depth_mm: {...}}", or "null".
std::string format_plan(const std::optional<Plan>& plan);
/// "[a, b]".
std::string format_list(const std::vector<std::string>& items);
/// A fact value as a case would write it; "unknown" for none.
std::string format_fact_value(const std::optional<FactValue>& value);

}  // namespace scarwise::internal
