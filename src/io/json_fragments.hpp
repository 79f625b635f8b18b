// The constant parts of a rule set's assessment JSON, rendered once per rule set: everything a
// verdict names (rule ids, reasons, catalogue entries, plans, fact names) and the document's
// header. Writing an assessment then copies fragments and fills in the few numbers and
// booleans that vary from case to case (io/assessment_json_line.hpp).
#pragma once

#include "model/ruleset_model.hpp"

#include <string>
#include <vector>

namespace scarwise::internal {

struct JsonFragments {
  /// From the document's start to the opening quote of "case_digest"'s value.
  std::string header;
  struct RuleParts {
    std::string id;      ///< "rule-id", quoted
    std::string reason;  ///< {"rule":…,"title":…,"message":…,"evidence":[…]}
    std::string reevaluate_when;  ///< {"rule":…,"text":…}
    /// A plan after its sessions: ,"interval_weeks":{…},"needle_depth_mm":…,"rule":…}
    std::string plan_tail;
  };
  std::vector<RuleParts> rules;      ///< indexed like RuleSetModel::rules
  std::vector<std::string> treatments;   ///< {"id":…,"name":…,"rule":  (the rule follows)
  std::vector<std::string> precautions;  ///< {"id":…,"text":…,"rule":
  std::vector<std::string> aftercare;    ///< {"id":…,"text":…,"rule":
  std::vector<std::string> facts;        ///< {"fact":"patient.x","rules":[  by fact id

  // The canonical JSON of a case (for its digest) lists each mapping's keys sorted. Its
  // members are written from these, each after a comma (dropped for a mapping's first).
  std::vector<std::string> fact_keys;  ///< ,"key": by fact id
  /// By fact id: for a bool fact, its whole member when false and when true (,"key":false and
  /// ,"key":true); for an enum fact, when it holds each declared value (,"key":"value").
  std::vector<std::vector<std::string>> fact_members;
  /// By fact id, for set facts: each declared value as a JSON string.
  std::vector<std::vector<std::string>> set_values;
  std::vector<FactId> patient_order;   ///< patient facts by key
  /// Scar facts by key, with kScarIdKey where the scar's "id" sorts among them.
  std::vector<FactId> scar_order;
  static constexpr FactId kScarIdKey = 0xffffffffu;
};

/// The fragments of `rules`, rendered on first use (the loader asks once, so that a host pays
/// for them at load) and shared by every thread after that.
const JsonFragments& json_fragments(const RuleSetModel& rules);

}  // namespace scarwise::internal
