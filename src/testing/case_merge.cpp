#include "testing/case_merge.hpp"

#include <algorithm>

#include "io/case_scalar.hpp"

namespace scarwise::internal {

namespace {

std::vector<FactEntry> entries_of(const YamlNode& map) {
  return std::vector<FactEntry>(map.entries.begin(), map.entries.end());
}

/// A mapping node holding `entries`, marked where `at` was written.
YamlNode map_node(std::vector<FactEntry> entries, const YamlMark& at) {
  YamlNode node;
  node.kind = YamlNode::Kind::Map;
  node.mark = at;
  node.entries = std::move(entries);
  return node;
}

YamlNode key_node(std::string_view key, const YamlMark& at) {
  YamlNode node;
  node.kind = YamlNode::Kind::Scalar;
  node.mark = at;
  node.scalar = std::string(key);
  return node;
}

/// Null-valued facts are how a test says "unknown here"; they never reach the case reader.
std::vector<FactEntry> without_nulls(std::vector<FactEntry> facts) {
  facts.erase(std::remove_if(facts.begin(), facts.end(),
                             [](const FactEntry& fact) { return is_null_value(fact.second); }),
              facts.end());
  return facts;
}

YamlNode merge_patient(const YamlNode& patient, const std::vector<FactEntry>& defaults) {
  if (!patient.is_map()) return patient;
  return map_node(without_nulls(layer_facts(defaults, entries_of(patient))), patient.mark);
}

YamlNode merge_scar(const YamlNode& scar, const std::vector<FactEntry>& defaults) {
  if (!scar.is_map()) return scar;
  std::vector<FactEntry> ids;
  std::vector<FactEntry> facts;
  // The id is not a fact: it is never null-filtered (a null id is the reader's error to
  // report) and it stays first, where a reader of the merged case looks for it.
  for (const FactEntry& entry : scar.entries) {
    (entry.first.scalar == "id" ? ids : facts).push_back(entry);
  }
  std::vector<FactEntry> merged = without_nulls(layer_facts(defaults, facts));
  ids.insert(ids.end(), merged.begin(), merged.end());
  return map_node(std::move(ids), scar.mark);
}

YamlNode merge_scars(const YamlNode& scars, const std::vector<FactEntry>& defaults) {
  if (!scars.is_sequence()) return scars;
  YamlNode merged = scars;
  for (YamlNode& scar : merged.items) scar = merge_scar(scar, defaults);
  return merged;
}

}  // namespace

std::vector<FactEntry> layer_facts(std::vector<FactEntry> base,
                                   const std::vector<FactEntry>& over) {
  for (const FactEntry& fact : over) {
    auto same_key = [&](const FactEntry& e) { return e.first.scalar == fact.first.scalar; };
    auto found = std::find_if(base.begin(), base.end(), same_key);
    if (found != base.end()) {
      *found = fact;
    } else {
      base.push_back(fact);
    }
  }
  return base;
}

bool is_null_value(const YamlNode& value) {
  if (value.is_null()) return true;
  return value.is_scalar() && value.style == YamlNode::Style::Plain &&
         type_plain_scalar(value.scalar).kind == ScalarTyping::Kind::Null;
}

YamlNode merge_case(const YamlNode& case_node, const CaseDefaults& defaults) {
  if (!case_node.is_map()) return case_node;
  YamlNode merged = case_node;
  bool has_patient = false;
  for (auto& [key, value] : merged.entries) {
    if (key.scalar == "patient") {
      has_patient = true;
      value = merge_patient(value, defaults.patient);
    } else if (key.scalar == "scars") {
      value = merge_scars(value, defaults.scar);
    }
  }
  std::vector<FactEntry> patient = without_nulls(defaults.patient);
  if (!has_patient && !patient.empty()) {
    // Marked at the case: the test gave no patient of its own.
    merged.entries.insert(merged.entries.begin(), {key_node("patient", case_node.mark),
                                                   map_node(std::move(patient), case_node.mark)});
  }
  return merged;
}

}  // namespace scarwise::internal
