// One pass from a JSON case's text to the rule set's fact slots, for the common case: a
// well-formed, valid case written plainly. It checks what the full reader and validator check
// (io/case_reader.hpp, model/validated_case.hpp) and, for anything it does not handle itself —
// an error of any kind, an escape sequence or a non-ASCII character in a string, a negative
// zero, an integer beyond what it reads exactly — it declines, and the caller runs
// the full reader, which finds the same result or locates and explains the error. So it never
// reports anything, and never accepts what the full reader would refuse.
#pragma once

#include "model/raw_case.hpp"
#include "model/ruleset_model.hpp"
#include "model/value.hpp"
#include "support/text_buffer.hpp"

#include <scarwise/case.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace scarwise::internal {

/// A case read into slots; reused from case to case so that reading allocates nothing once warm.
struct SlotCase {
  std::size_t patient_slots = 0;  ///< the patient's slots come first in `slots`
  std::size_t scar_slots = 0;     ///< then each scar's, this many each
  std::vector<Value> slots;
  std::vector<std::uint8_t> given;     ///< indexed like `slots`: 1 when the case gave the fact
  std::vector<std::string_view> ids;   ///< each scar's id, a view of the case text
  std::vector<std::string_view> sorted_ids;  ///< scratch for the check that ids differ
  TextBuffer canonical;                      ///< ValidatedCase::canonical_json of the same case
  /// The order keys came in last time: the fact after fact f (the scope's first fact at
  /// kPatientStart and kScarStart), tried before the vocabulary's hash lookup. Cases of one
  /// stream mostly list their keys alike, so a key is mostly found by one comparison.
  std::vector<FactId> key_after;
  const Vocabulary* key_order_of = nullptr;  ///< the vocabulary key_after refers to

  const Value* patient() const { return slots.data(); }
  const Value* scar(std::size_t i) const { return slots.data() + patient_slots + i * scar_slots; }
};

/// Reads `text` into `out` and returns true, or returns false when the full reader has to
/// decide (see above). `out` holds views of `text`.
bool read_case_fast(std::string_view text, const RuleSetModel& rules, const CaseOptions& options,
                    SlotCase& out);

/// The same for a case a host built or a reader produced: its facts into `out` when they are
/// all valid and its scar ids plain, or false, and the full validator decides. `out` holds
/// views of `raw`'s ids.
bool slot_raw_case(const RawCase& raw, const RuleSetModel& rules, SlotCase& out);

}  // namespace scarwise::internal
