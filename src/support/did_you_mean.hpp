// "Did you mean ...?" suggestions by edit distance, for unknown keys, names and values.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace scarwise::internal {

/// Optimal string alignment distance (Levenshtein plus adjacent transposition).
std::size_t edit_distance(std::string_view a, std::string_view b);

/// The candidate closest to `word`, if it is close enough to be a plausible typo (distance at
/// most max(1, len/3), ties to the earliest candidate); empty otherwise.
std::string closest_match(std::string_view word, const std::vector<std::string>& candidates);

/// "did you mean 'x'?" for the closest candidate, or `fallback` when none is close.
std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates,
                         std::string fallback = {});

}  // namespace scarwise::internal
