#include "support/did_you_mean.hpp"

#include <algorithm>
#include <array>
#include <numeric>
#include <utility>

#include "support/quote.hpp"

namespace scarwise::internal {

std::size_t edit_distance(std::string_view a, std::string_view b) {
  // Three rolling rows are enough for the transposition case.
  std::vector<std::size_t> before(b.size() + 1), previous(b.size() + 1), current(b.size() + 1);
  std::iota(previous.begin(), previous.end(), std::size_t{0});
  for (std::size_t i = 1; i <= a.size(); ++i) {
    current[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      current[j] = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        current[j] = std::min(current[j], before[j - 2] + 1);
      }
    }
    std::swap(before, previous);
    std::swap(previous, current);
  }
  return previous[b.size()];
}

namespace {

/// Prefixes that turn a word into its opposite; the longer one first where one starts another.
constexpr std::array<std::string_view, 7> kNegatingPrefixes = {"non", "dis", "un", "in",
                                                              "im",  "ir",  "il"};

/// The words of a name: the parts between '_', '-' and '.'.
std::vector<std::string_view> words_of(std::string_view name) {
  std::vector<std::string_view> words;
  std::size_t start = 0;
  while (start <= name.size()) {
    const std::size_t end = std::min(name.find_first_of("_-.", start), name.size());
    if (end > start) words.push_back(name.substr(start, end - start));
    start = end + 1;
  }
  return words;
}

bool has_word(const std::vector<std::string_view>& words, std::string_view word) {
  return std::find(words.begin(), words.end(), word) != words.end();
}

bool has_negation(const std::vector<std::string_view>& words) {
  return has_word(words, "not") || has_word(words, "no") || has_word(words, "non");
}

/// Step 1 of closest_match: candidates holding `word` as a whole word.
const std::string* whole_word_match(std::string_view word,
                                    const std::vector<std::string>& candidates) {
  const std::string* match = nullptr;
  std::pair<bool, std::size_t> best{true, 0};  // (negated, word count): lower is better
  for (const std::string& candidate : candidates) {
    const std::vector<std::string_view> words = words_of(candidate);
    if (!has_word(words, word)) continue;
    const std::pair<bool, std::size_t> rank{has_negation(words), words.size()};
    if (match == nullptr || rank < best) {
      match = &candidate;
      best = rank;
    }
  }
  return match;
}

/// Step 2 of closest_match: "unsuitable" as the negation of "suitable".
const std::string* negated_stem_match(std::string_view word,
                                      const std::vector<std::string>& candidates) {
  constexpr std::size_t kMinStem = 3;
  for (std::string_view prefix : kNegatingPrefixes) {
    if (word.size() < prefix.size() + kMinStem || word.substr(0, prefix.size()) != prefix) continue;
    const std::string_view stem = word.substr(prefix.size());
    for (const std::string& candidate : candidates) {
      const std::vector<std::string_view> words = words_of(candidate);
      if (has_negation(words) && has_word(words, stem)) return &candidate;
    }
  }
  return nullptr;
}

/// True when `word` is `candidate` behind a negating prefix ("unsure" and "sure"): close in
/// spelling, opposite in meaning.
bool negates(std::string_view word, std::string_view candidate) {
  for (std::string_view prefix : kNegatingPrefixes) {
    if (word.size() == prefix.size() + candidate.size() &&
        word.substr(0, prefix.size()) == prefix && word.substr(prefix.size()) == candidate) {
      return true;
    }
  }
  return false;
}

/// Step 3 of closest_match.
const std::string* nearest_by_spelling(std::string_view word,
                                       const std::vector<std::string>& candidates) {
  const std::size_t allowed = std::max<std::size_t>(1, word.size() / 3);
  std::size_t best = allowed + 1;
  const std::string* match = nullptr;
  for (const std::string& candidate : candidates) {
    if (negates(word, candidate)) continue;
    const std::size_t distance = edit_distance(word, candidate);
    if (distance < best) {
      best = distance;
      match = &candidate;
    }
  }
  return match;
}

}  // namespace

std::string closest_match(std::string_view word, const std::vector<std::string>& candidates) {
  const std::string* match = nullptr;
  if (!word.empty()) {
    match = whole_word_match(word, candidates);
    if (match == nullptr) match = negated_stem_match(word, candidates);
  }
  if (match == nullptr) match = nearest_by_spelling(word, candidates);
  return match ? *match : std::string{};
}

std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates,
                         std::string fallback) {
  std::string match = closest_match(word, candidates);
  if (match.empty()) return fallback;
  return "did you mean " + quote(match) + "?";
}

}  // namespace scarwise::internal
