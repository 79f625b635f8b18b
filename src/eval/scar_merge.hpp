// Merging the conclusions of the rules that fired for one scar (DESIGN §3 "Merge semantics"):
// most restrictive suitability, the winning plan plus session adjustments, suggestions minus
// avoids, ordered unions of precautions, aftercare and reasons.
#pragma once

#include "model/ruleset_model.hpp"
#include "model/value.hpp"
#include "model/vocabulary.hpp"

#include <scarwise/assessment.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace scarwise::internal {

/// A suggestion the merge dropped because a fired rule asked to avoid the treatment.
struct Suppression {
  CatalogueId treatment = 0;      ///< into treatments
  std::uint32_t suggested_by = 0;  ///< the first rule that suggested it (into rules)
  std::uint32_t avoided_by = 0;    ///< the first rule that asked to avoid it (into rules)
};

/// What the merge did beyond its result, for traces and explanations.
struct MergeNotes {
  std::vector<std::vector<std::string>> by_rule;  ///< notes indexed like rules.rules
  std::vector<Suppression> suppressed;            ///< in the order suggestions were listed
  /// Alternatives left out by an avoid (`suggested_by` is the rule that recommended it), in
  /// the order they were recommended.
  std::vector<Suppression> suppressed_alternatives;
};

/// Fills the verdict, re-evaluation date and conditions, plan, combinations, alternatives,
/// avoid, precautions, aftercare and reasons of `out` from the rules whose outcome is True.
/// `outcomes` is indexed like `rules.rules`; `env` holds the scar's facts, which
/// `reevaluate_after_weeks` expressions read. When
/// `notes` is not null (its by_rule sized like `rules.rules`), explanations of suppressed
/// suggestions and overridden plans are added to it.
void merge_fired_rules(const RuleSetModel& rules, const std::vector<Tri>& outcomes,
                       const FactEnv& env, ScarAssessment& out, MergeNotes* notes);

}  // namespace scarwise::internal
