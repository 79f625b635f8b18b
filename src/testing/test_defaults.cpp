#include "testing/test_defaults.hpp"

#include <algorithm>

#include "io/case_reader.hpp"
#include "model/validated_case.hpp"

namespace scarwise::internal {

namespace {

/// The defaults of one scope, checked like the facts of a case. Nulls are not values to check:
/// they only leave a fact out.
std::vector<FactEntry> read_scope(FieldReader& reader, const YamlNode& node, Scope scope,
                                  const RuleSetModel* rules) {
  const bool patient = scope == Scope::Patient;
  const std::string where = patient ? "patient defaults" : "scar defaults";
  if (!reader.expect_map(node, where)) return {};
  YamlNode values = node;
  values.entries.clear();
  for (const FactEntry& entry : node.entries) {
    if (!patient && entry.first.scalar == "id") {
      reader.error(entry.first, "E-TEST-UNKNOWN-KEY", "scar defaults cannot give an 'id'",
                   "every scar of a case gives its own id");
      continue;
    }
    if (!is_null_value(entry.second)) values.entries.push_back(entry);
  }
  const RawFacts facts = read_fact_map(reader.document(), values, where, reader.sink());
  if (rules) {
    validate_facts(facts, scope, rules->vocabulary, reader.document().file, where + ": ",
                   reader.sink());
  }
  std::vector<FactEntry> entries = node.entries;
  if (!patient) {
    entries.erase(std::remove_if(entries.begin(), entries.end(),
                                 [](const FactEntry& e) { return e.first.scalar == "id"; }),
                  entries.end());
  }
  return entries;
}

}  // namespace

CaseDefaults read_defaults(FieldReader& reader, const YamlNode& node, const CaseDefaults& outer,
                           const RuleSetModel* rules) {
  if (!reader.expect_map(node, "defaults")) return outer;
  reader.check_keys(node, {"patient", "scar"}, "defaults");
  CaseDefaults layered = outer;
  if (const YamlNode* patient = node.find("patient")) {
    layered.patient =
        layer_facts(outer.patient, read_scope(reader, *patient, Scope::Patient, rules));
  }
  if (const YamlNode* scar = node.find("scar")) {
    layered.scar = layer_facts(outer.scar, read_scope(reader, *scar, Scope::Scar, rules));
  }
  return layered;
}

}  // namespace scarwise::internal
