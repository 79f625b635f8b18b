// The fixed vocabulary the expression fuzzer compiles against: the standard facts of the
// default rule set (so expressions taken from it compile), plus facts that exercise every type
// and bound combination (an unbounded number, a second enum, a set).
#pragma once

#include <cmath>
#include <cstdint>
#include <optional>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "model/vocabulary.hpp"

namespace scarwise::fuzz {

inline internal::FactDecl declare(std::string name, internal::FactType type,
                                  std::vector<std::string> values = {},
                                  std::optional<double> min = {}, std::optional<double> max = {}) {
  internal::FactDecl decl;
  const bool patient = name.rfind("patient.", 0) == 0;
  decl.scope = patient ? internal::Scope::Patient : internal::Scope::Scar;
  decl.key = name.substr(name.find('.') + 1);
  decl.name = std::move(name);
  decl.type = type;
  decl.values = std::move(values);
  decl.min = min;
  decl.max = max;
  return decl;
}

inline internal::Vocabulary expression_vocabulary() {
  using internal::FactType;
  const std::vector<std::string> scar_types = {
      "ice_pick", "boxcar",       "rolling", "surgical",     "traumatic",
      "burn",     "hypertrophic", "keloid",  "striae_rubra", "striae_alba"};
  internal::Vocabulary v;
  v.add(declare("patient.age", FactType::Int, {}, 0, 120));
  v.add(declare("patient.fitzpatrick", FactType::Int, {}, 1, 6));
  for (const char* flag :
       {"pregnant", "breastfeeding", "anticoagulants", "bleeding_disorder", "keloid_history",
        "hsv_history", "active_hsv", "immunosuppressed", "smoker"}) {
    v.add(declare(std::string("patient.") + flag, FactType::Bool));
  }
  v.add(declare("patient.isotretinoin", FactType::Enum, {"never", "current", "stopped"}));
  v.add(declare("patient.months_since_isotretinoin", FactType::Number, {}, 0));
  v.add(declare("patient.diabetes", FactType::Enum, {"none", "controlled", "uncontrolled"}));
  v.add(declare("patient.weight_kg", FactType::Number));
  v.add(declare("scar.type", FactType::Enum, scar_types));
  v.add(declare("scar.previous_type", FactType::Enum, scar_types));
  v.add(declare("scar.area", FactType::Enum,
                {"face", "neck", "chest", "back", "abdomen", "arms", "legs", "buttocks", "other"}));
  v.add(declare("scar.severity", FactType::Int, {}, 1, 4));
  v.add(declare("scar.age_months", FactType::Number, {}, 0));
  v.add(declare("scar.depth_mm", FactType::Number, {}, -1.5, 2.5));
  for (const char* flag : {"active_acne", "infection", "dermatitis", "sunburn"}) {
    v.add(declare(std::string("scar.") + flag, FactType::Bool));
  }
  v.add(declare("scar.features", FactType::Set, {"pigmentation", "erythema", "volume_loss"}));
  v.add(declare("scar.prior_treatments", FactType::Set, {"prp", "subcision", "tca_cross"}));
  return v;
}

/// A value `decl` allows, as a validated case would give it. Numbers stay inside declared
/// bounds; unbounded ones range over a few orders of magnitude, both signs.
inline internal::Value random_value(const internal::FactDecl& decl, std::mt19937_64& rng) {
  using internal::FactType;
  using internal::Value;
  switch (decl.type) {
    case FactType::Bool:
      return Value::of_bool(rng() % 2 == 0);
    case FactType::Enum:
      return Value::of_enum(static_cast<std::uint32_t>(rng() % decl.values.size()));
    case FactType::Set: {
      const std::uint64_t all = (std::uint64_t{1} << decl.values.size()) - 1;
      return Value::of_set(rng() & all);
    }
    case FactType::Int:
    case FactType::Number:
      break;
  }
  const double low = decl.min.value_or(-1000.0);
  const double high = decl.max.value_or(decl.min.value_or(-1000.0) + 2000.0);
  double n = std::uniform_real_distribution<double>(low, high)(rng);
  if (decl.type == FactType::Int) n = std::round(n);
  // Bounds themselves are the interesting values for comparisons.
  if (rng() % 4 == 0) n = rng() % 2 == 0 ? low : high;
  // Int bounds lie within 2^53, so the rounded value converts exactly.
  if (decl.type == FactType::Int) return Value::of_int(static_cast<std::int64_t>(n));
  return Value::of_number(n);
}

}  // namespace scarwise::fuzz
