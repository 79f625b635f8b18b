// "Did you mean ...?" suggestions for unknown keys, names and values: by whole words first, since
// a word the user typed says more about what they meant than its spelling does ("unsuitable"
// is one letter pair from "suitable" and means the opposite), then by edit distance.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace scarwise::internal {

/// Optimal string alignment distance (Levenshtein plus adjacent transposition).
std::size_t edit_distance(std::string_view a, std::string_view b);

/// The candidate `word` most plausibly meant; empty when none is plausible. In order of
/// preference, ties going to the earliest candidate:
///  1. a candidate one of whose words ('_', '-' or '.' separate them) is `word`, preferring
///     one without a negating word ("not", "no", "non"), then the one with fewest words:
///     "caution" suggests "suitable_with_caution";
///  2. for a `word` that is a negating prefix ("un", "non", "in", "im", "ir", "il", "dis") and
///     a stem of at least 3 letters, a candidate with a negating word and the stem:
///     "unsuitable" suggests "not_suitable";
///  3. the candidate closest by edit_distance, if it is a plausible typo (distance at most
///     max(1, len/3)) and not the very word `word` negates ("unsure" never suggests "sure").
std::string closest_match(std::string_view word, const std::vector<std::string>& candidates);

/// "did you mean 'x'?" for the closest candidate, or `fallback` when none is close.
std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates,
                         std::string fallback = {});

}  // namespace scarwise::internal
