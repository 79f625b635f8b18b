// A condition taken apart for an explanation: every comparison in it, evaluated against one
// scar's facts by the compiled program itself, so an explanation says exactly what the engine
// did.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "model/value.hpp"
#include "model/vocabulary.hpp"

namespace scarwise::internal {

/// One leaf of a condition: a comparison, `in`, `contains`, `known()`, a lone bool fact or a
/// constant.
struct LeafOutcome {
  std::string_view text;          ///< as written, e.g. "patient.fitzpatrick >= 4"
  std::optional<FactId> fact;     ///< the fact tested; none for a constant
  std::optional<FactId> other;    ///< the fact it is compared with, for `fact op fact`
  bool has_literal = false;       ///< `literals` hold the other side
  bool list = false;              ///< the other side is a list: `in [...]`
  std::string_view literal_text;  ///< the literal as written, e.g. "6" or "[boxcar, rolling]"
  std::vector<Value> literals;    ///< the literal value(s), of `fact`'s kind
  Tri result = Tri::Unknown;
  bool decisive = false;  ///< one of the leaves that settled the condition's result
  /// A comparison with arithmetic on a side (`fact` and `other` are then unset): each side as
  /// written, the fact it is when it is a lone fact, and its computed value (none when unknown
  /// or a division by zero).
  bool arithmetic = false;
  struct Side {
    std::string_view text;
    std::optional<FactId> fact;
    std::optional<Numeric> value;
  };
  Side left;
  Side right;
};

struct ConditionOutcome {
  Tri result = Tri::Unknown;        ///< what evaluate() gives
  std::vector<LeafOutcome> leaves;  ///< in the order written
};

}  // namespace scarwise::internal
