// The result of an evaluation as the evaluator produces it: indices into the rule set instead
// of copied strings. Every name, text and id of a verdict is constant for a rule set, so a scar's
// result is a handful of numbers plus lists of (catalogue entry, rule) pairs, all held in one
// array per case. The public ScarAssessment is built from it only when a host asks for it
// (eval/materialize.hpp); the JSON line is written from it directly (io/assessment_json_line.hpp).
#pragma once

#include <scarwise/assessment.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace scarwise::internal {

/// One entry of a scar's list: a catalogue entry (or fact) and the rule that brought it in.
struct ItemRef {
  std::uint32_t item = 0;  ///< into the list's catalogue; a fact id for missing facts
  std::uint32_t rule = 0;  ///< into RuleSetModel::rules
};

/// A run of entries in CompactAssessment::refs.
struct RefSpan {
  std::uint32_t begin = 0;
  std::uint32_t size = 0;
};

/// No rule: a scar without a plan.
inline constexpr std::uint32_t kNoRule = 0xffffffffu;

struct CompactScar {
  std::uint32_t id_begin = 0;  ///< the scar id in CompactAssessment::ids
  std::uint32_t id_size = 0;
  Suitability suitability = Suitability::suitable;
  bool complete = true;
  std::int32_t reevaluate_weeks = -1;  ///< -1: none (not deferred, or undated)
  std::uint32_t plan_rule = kNoRule;   ///< the rule whose plan the scar gets
  double sessions_min = 0;             ///< the plan's sessions after adjustments
  double sessions_max = 0;
  RefSpan missing;          ///< item: fact id; by fact name, each fact's rules by priority
  RefSpan reevaluate_when;  ///< item unused: fired deferrals with a `reevaluate_when`
  RefSpan combinations;     ///< item: treatment
  RefSpan alternatives;     ///< item: treatment
  RefSpan avoid;            ///< item: treatment
  RefSpan precautions;      ///< item: precaution
  RefSpan aftercare;        ///< item: aftercare
  RefSpan reasons;          ///< item unused: the fired rules, by priority then declaration
};

struct CompactAssessment {
  std::vector<CompactScar> scars;  ///< in case order
  std::vector<ItemRef> refs;       ///< every scar's lists, back to back
  std::string ids;                 ///< every scar's id, back to back

  std::string_view id(const CompactScar& scar) const {
    return std::string_view(ids).substr(scar.id_begin, scar.id_size);
  }
  const ItemRef* begin(RefSpan span) const { return refs.data() + span.begin; }
  const ItemRef* end(RefSpan span) const { return refs.data() + span.begin + span.size; }
};

}  // namespace scarwise::internal
