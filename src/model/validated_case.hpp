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

/// Checks the facts of one mapping of `scope` as validate_case() checks a patient's or a scar's
/// facts (E-CASE-UNKNOWN-FACT with did-you-mean, E-CASE-TYPE, E-CASE-RANGE,
/// E-CASE-UNKNOWN-VALUE), but not what only a whole case can be held to: required facts and
/// scars. `file` locates facts without a position; `where` starts each message (e.g. "defaults: ").
void validate_facts(const RawFacts& facts, Scope scope, const Vocabulary& vocabulary,
                    const std::string& file, const std::string& where, DiagnosticSink& sink);

}  // namespace scarwise::internal
