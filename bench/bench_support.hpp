// Inputs shared by the benchmarks: the bundled default rules and the example cases of the
// source tree, plus a generator for cases with many scars.
#pragma once

#include <scarwise/scarwise.hpp>

#include <fstream>
#include <sstream>
#include <string>

namespace scarwise::bench {

inline std::string source_path(const std::string& relative) {
  return std::string(SCARWISE_SOURCE_DIR) + "/" + relative;
}

inline std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

/// The default rule set, loaded once.
inline const RuleSet& default_rules() {
  static const RuleSet rules = RuleSet::load_file(source_path("rules/default"));
  return rules;
}

/// A complete patient with `scars` scar sites cycling through the atrophic scar types.
inline Case case_with_scars(int scars) {
  Case c;
  c.patient()
      .set("age", 34)
      .set("fitzpatrick", 4)
      .set("pregnant", false)
      .set("breastfeeding", false)
      .set("isotretinoin", "never")
      .set("anticoagulants", false)
      .set("bleeding_disorder", false)
      .set("keloid_history", false)
      .set("hsv_history", true)
      .set("active_hsv", false)
      .set("immunosuppressed", false)
      .set("diabetes", "none")
      .set("connective_tissue_disease", false)
      .set("chemo_or_radiotherapy", false)
      .set("anesthetic_allergy", false)
      .set("koebner_disease", false)
      .set("active_rosacea", false);
  static const char* const kTypes[] = {"rolling", "boxcar", "ice_pick", "surgical"};
  for (int i = 0; i < scars; ++i) {
    c.add_scar("site-" + std::to_string(i))
        .set("type", kTypes[i % 4])
        .set("area", "face")
        .set("severity", 2 + i % 3)
        .set("age_months", 24)
        .set("active_acne", false)
        .set("infection", false)
        .set("dermatitis", false)
        .set("sunburn", false)
        .set("suspicious_lesion", false);
  }
  return c;
}

}  // namespace scarwise::bench
