// The classes of an int or number fact: the intervals between consecutive cuts, clipped to
// the fact's min and max, without those that hold no value of the fact's type.
#pragma once

#include "analyze/fact_reads.hpp"
#include "analyze/numeric_interval.hpp"

#include <vector>

namespace scarwise::internal {

struct IntervalClass {
  NumericInterval interval;
  Numeric representative;
};

/// In ascending order. Every comparison the cuts came from gives one answer for all values of
/// one interval, and the intervals together hold every value the declaration allows.
std::vector<IntervalClass> interval_classes(const FactDecl& decl, std::vector<Cut> cuts);

}  // namespace scarwise::internal
