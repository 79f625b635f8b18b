// Wording and layout shared by the text reports for clinicians (assessments and
// explanations): one line per item, words wrapped at 100 columns, rule and case text shown
// for what it is.
#pragma once

#include <cstddef>
#include <optional>
#include <scarwise/assessment.hpp>
#include <scarwise/case.hpp>
#include <string>
#include <vector>

namespace scarwise::internal {

/// Lines no longer than this, where words allow, so a report reads in a terminal or email.
inline constexpr std::size_t kLineWidth = 100;

/// Text from rules or cases, on one line and shown for what it is: control characters become
/// spaces, bidirectional controls become escapes, bytes that are not UTF-8 become U+FFFD.
std::string clean(const std::string& text);
/// A verdict in words: "suitable with caution", "defer treatment".
std::string verdict(Suitability suitability);
/// `text` after `first_prefix`, word-wrapped at kLineWidth; continuation lines start with
/// `next_prefix`; ends with a newline.
std::string wrapped(const std::string& text, const std::string& first_prefix,
                    const std::string& next_prefix);
/// A number as JSON writes it: "3", "1.5".
std::string number(double value);
/// "3-6 sessions", "1 session", "4 weeks".
std::string counted(const Range& range, const std::string& unit);
/// "3-6 sessions, every 4-6 weeks, needle depth 1.5-2.5 mm".
std::string plan_summary(const Plan& plan);
/// The words cleaned and joined with ", ".
std::string join(const std::vector<std::string>& words);
/// A fact value as a case would write it; "unknown" for none.
std::string fact_text(const std::optional<FactValue>& value);

}  // namespace scarwise::internal
