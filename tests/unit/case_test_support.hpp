// Shared by the case reading and validation tests: a small vocabulary shaped like the default
// rule set's, and helpers to look at diagnostics.
#pragma once

#include <algorithm>
#include <scarwise/diagnostic.hpp>
#include <string>
#include <vector>

#include "model/vocabulary.hpp"
#include "support/diagnostic_sink.hpp"

namespace scarwise::test {

inline internal::FactDecl make_fact(const std::string& name, internal::FactType type) {
  internal::FactDecl decl;
  decl.name = name;
  decl.key = name.substr(name.find('.') + 1);
  decl.scope = name.rfind("patient.", 0) == 0 ? internal::Scope::Patient : internal::Scope::Scar;
  decl.type = type;
  return decl;
}

/// patient: age (int >= 0), fitzpatrick (int 1..6), pregnant (bool), isotretinoin (enum),
/// months_since_isotretinoin (number >= 0), smoker (bool, default false);
/// scar: type (enum, required), severity (int 1..4), area (enum), age_months (number 0..600),
/// active_acne (bool), regions (set).
inline internal::Vocabulary test_vocabulary() {
  using internal::FactType;
  internal::Vocabulary vocabulary;
  internal::FactDecl age = make_fact("patient.age", FactType::Int);
  age.min = 0;
  vocabulary.add(age);
  internal::FactDecl fitzpatrick = make_fact("patient.fitzpatrick", FactType::Int);
  fitzpatrick.min = 1;
  fitzpatrick.max = 6;
  vocabulary.add(fitzpatrick);
  vocabulary.add(make_fact("patient.pregnant", FactType::Bool));
  internal::FactDecl isotretinoin = make_fact("patient.isotretinoin", FactType::Enum);
  isotretinoin.values = {"never", "current", "stopped"};
  vocabulary.add(isotretinoin);
  internal::FactDecl months = make_fact("patient.months_since_isotretinoin", FactType::Number);
  months.min = 0;
  vocabulary.add(months);
  internal::FactDecl smoker = make_fact("patient.smoker", FactType::Bool);
  smoker.default_value = internal::Value::of_bool(false);
  vocabulary.add(smoker);

  internal::FactDecl type = make_fact("scar.type", FactType::Enum);
  type.values = {"ice_pick", "boxcar", "rolling", "surgical"};
  type.required = true;
  vocabulary.add(type);
  internal::FactDecl severity = make_fact("scar.severity", FactType::Int);
  severity.min = 1;
  severity.max = 4;
  vocabulary.add(severity);
  internal::FactDecl area = make_fact("scar.area", FactType::Enum);
  area.values = {"face", "neck", "chest", "back"};
  vocabulary.add(area);
  internal::FactDecl age_months = make_fact("scar.age_months", FactType::Number);
  age_months.min = 0;
  age_months.max = 600;
  vocabulary.add(age_months);
  vocabulary.add(make_fact("scar.active_acne", FactType::Bool));
  internal::FactDecl regions = make_fact("scar.regions", FactType::Set);
  regions.values = {"forehead", "cheeks", "chin", "temples"};
  vocabulary.add(regions);
  return vocabulary;
}

/// The codes of all diagnostics, in order.
inline std::vector<std::string> codes(const std::vector<Diagnostic>& diagnostics) {
  std::vector<std::string> out;
  for (const Diagnostic& d : diagnostics) out.push_back(d.code);
  return out;
}

/// The first diagnostic with `code`, or nullptr.
inline const Diagnostic* find_code(const std::vector<Diagnostic>& diagnostics,
                                   const std::string& code) {
  auto it = std::find_if(diagnostics.begin(), diagnostics.end(),
                         [&](const Diagnostic& d) { return d.code == code; });
  return it == diagnostics.end() ? nullptr : &*it;
}

inline bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

}  // namespace scarwise::test
