#include "support/did_you_mean.hpp"

#include <algorithm>
#include <numeric>

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

std::string closest_match(std::string_view word, const std::vector<std::string>& candidates) {
  const std::size_t allowed = std::max<std::size_t>(1, word.size() / 3);
  std::size_t best = allowed + 1;
  const std::string* match = nullptr;
  for (const std::string& candidate : candidates) {
    const std::size_t distance = edit_distance(word, candidate);
    if (distance < best) {
      best = distance;
      match = &candidate;
    }
  }
  return match ? *match : std::string{};
}

std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates,
                         std::string fallback) {
  std::string match = closest_match(word, candidates);
  if (match.empty()) return fallback;
  return "did you mean " + quote(match) + "?";
}

}  // namespace scarwise::internal
