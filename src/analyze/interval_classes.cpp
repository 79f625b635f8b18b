#include "analyze/interval_classes.hpp"

#include <algorithm>

namespace scarwise::internal {
namespace {

// Cuts in the order they lie on the number line: below a number before above it.
bool cut_less(const Cut& a, const Cut& b) {
  const int order = compare_numeric(a.at, b.at);
  if (order != 0) return order < 0;
  return !a.after && b.after;
}

bool same_cut(const Cut& a, const Cut& b) { return !cut_less(a, b) && !cut_less(b, a); }

void sort_unique(std::vector<Cut>& cuts) {
  std::sort(cuts.begin(), cuts.end(), cut_less);
  cuts.erase(std::unique(cuts.begin(), cuts.end(), same_cut), cuts.end());
}

// The pieces the cuts split the whole number line into, in order.
std::vector<NumericInterval> split_line(const std::vector<Cut>& cuts) {
  std::vector<NumericInterval> pieces;
  Bound lower = Bound::unbounded();
  for (const Cut& cut : cuts) {
    // Below `at`: `at` starts the next piece; above it: `at` ends this one.
    pieces.push_back(NumericInterval{lower, Bound::at_value(cut.at, cut.after)});
    lower = Bound::at_value(cut.at, !cut.after);
  }
  pieces.push_back(NumericInterval{lower, Bound::unbounded()});
  return pieces;
}

}  // namespace

std::vector<IntervalClass> interval_classes(const FactDecl& decl, std::vector<Cut> cuts) {
  sort_unique(cuts);
  const NumericInterval declared = declared_interval(decl);
  std::vector<IntervalClass> classes;
  for (const NumericInterval& piece : split_line(cuts)) {
    NumericInterval clipped = piece.intersect(declared);
    if (decl.type == FactType::Int) {
      // The same integers, written with whole-number ends; nothing between adjacent integers.
      const std::optional<NumericInterval> whole = whole_numbers(clipped);
      if (!whole) continue;
      clipped = *whole;
    }
    const std::optional<Numeric> value = representative(clipped, decl.type);
    if (value) classes.push_back(IntervalClass{clipped, *value});
  }
  return classes;
}

}  // namespace scarwise::internal
