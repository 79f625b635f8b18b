// Two rule sets compared declaration by declaration: rules added, removed and changed by id
// (and which parts of a rule changed), catalogue entries, facts and limits. Ids name things in
// both rule sets; catalogue references are compared by the ids they name, never by position.
#pragma once

#include "model/ruleset_model.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace scarwise::internal {

enum class DeltaKind : std::uint8_t { Added, Removed, Changed };

const char* to_string(DeltaKind kind) noexcept;

/// A rule that is not the same in both rule sets.
struct RuleDelta {
  std::string id;
  DeltaKind kind = DeltaKind::Changed;
  /// Changed: the parts that differ, in this order: "when", "priority", "then.suitability",
  /// "then.reevaluate_after_weeks", "then.message", "then.plan", "then.adjust_sessions",
  /// "then.suggest", "then.avoid", "then.precautions", "then.aftercare",
  /// "then.alternatives", "evidence", "title".
  std::vector<std::string> parts;
  /// How an overlay did it: "disabled by LAYER" or "overridden by LAYER"; may be empty.
  std::string how;
  /// Whether the change can alter an assessment (a new message or citation cannot).
  bool affects_assessment = false;
  std::uint32_t old_index = 0xffffffffu;  ///< into the old rules, unless Added
  std::uint32_t new_index = 0xffffffffu;  ///< into the new rules, unless Removed
};

/// A catalogue entry, fact or limit that is not the same in both rule sets.
struct EntryDelta {
  std::string section;  ///< "facts", "treatments", "precautions", "aftercare", "evidence", "limits"
  std::string id;
  DeltaKind kind = DeltaKind::Changed;
  std::vector<std::string> parts;  ///< Changed: what differs ("type", "text", "default", ...)
};

struct RuleSetDelta {
  std::vector<RuleDelta> rules;     ///< removed and changed in old order, then added in new order
  std::vector<EntryDelta> entries;  ///< by section, then id
};

RuleSetDelta compare_declarations(const RuleSetModel& old_model, const RuleSetModel& new_model);

}  // namespace scarwise::internal
