// A case checked against a vocabulary: every fact in its slot, defaults applied, unknowns
// marked unknown. Produced once per evaluation; the evaluator only ever sees this.
#pragma once

#include "model/raw_case.hpp"
#include "model/value.hpp"
#include "model/vocabulary.hpp"
#include "support/diagnostic_sink.hpp"

#include <optional>
#include <string>
#include <vector>

namespace scarwise::internal {

struct ValidatedScar {
  std::string id;
  std::vector<Value> slots;  ///< by scar-scope slot
};

struct ValidatedCase {
  std::vector<Value> patient;  ///< by patient-scope slot
  std::vector<ValidatedScar> scars;
  std::string canonical_json;  ///< the case as given, canonical JSON (sorted keys), for the digest
};

/// Checks `raw` against `vocabulary`. Errors name the scar id and fact: E-CASE-UNKNOWN-FACT
/// (with did-you-mean), E-CASE-TYPE, E-CASE-RANGE, E-CASE-UNKNOWN-VALUE (with did-you-mean),
/// E-CASE-MISSING-REQUIRED, E-CASE-DUPLICATE-SCAR, E-CASE-NO-SCARS, E-CASE-BAD-SCAR-ID.
std::optional<ValidatedCase> validate_case(const RawCase& raw, const Vocabulary& vocabulary,
                                           DiagnosticSink& sink);

}  // namespace scarwise::internal
