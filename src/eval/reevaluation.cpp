#include "eval/reevaluation.hpp"

#include <cmath>
#include <limits>

namespace scarwise::internal {

int weeks_from(const Numeric& value) noexcept {
  constexpr int kMax = std::numeric_limits<int>::max();
  if (value.integral) {
    if (value.integer < 1) return 1;
    return value.integer > kMax ? kMax : static_cast<int>(value.integer);
  }
  const double weeks = std::ceil(value.real);
  if (!(weeks >= 1)) return 1;
  return weeks >= static_cast<double>(kMax) ? kMax : static_cast<int>(weeks);
}

std::optional<int> deferral_weeks(const Action& then, const FactEnv& env) {
  if (then.reevaluate_after_weeks) return then.reevaluate_after_weeks;
  if (!then.reevaluate_weeks_expression) return std::nullopt;
  const std::optional<Numeric> value = then.reevaluate_weeks_expression->evaluate(env);
  if (!value) return std::nullopt;
  return weeks_from(*value);
}

}  // namespace scarwise::internal
