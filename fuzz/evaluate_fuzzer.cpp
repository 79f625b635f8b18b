// Fuzz target: load and evaluate end to end, with explanation, JSON and text output.
//
// The input is either a case, evaluated against the bundled default rule set, or a single-file
// rule set and a case separated by a line holding only "=====" (then both are fuzzed).
// Evaluation must be deterministic, its JSON must parse, and the patient-level verdict must be
// the most restrictive scar verdict.
#include <boost/json.hpp>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <scarwise/scarwise.hpp>
#include <string>
#include <string_view>

#include "fuzz_support.hpp"

namespace {

using scarwise::Assessment;
using scarwise::Suitability;

constexpr std::string_view kSeparator = "\n=====\n";

void check_assessment(const Assessment& explained, const Assessment& plain) {
  const std::string json = explained.to_json();
  boost::system::error_code error;
  const boost::json::value parsed = boost::json::parse(json, error);
  SCARWISE_FUZZ_CHECK(!error && parsed.is_object(), json);
  SCARWISE_FUZZ_CHECK(!explained.to_text().empty(), json);
  SCARWISE_FUZZ_CHECK(explained.explained() && !plain.explained(), json);

  Suitability worst = Suitability::suitable;
  bool complete = true;
  for (const scarwise::ScarAssessment& scar : explained.scars()) {
    worst = scar.suitability > worst ? scar.suitability : worst;
    complete = complete && scar.complete;
    SCARWISE_FUZZ_CHECK(scar.complete == scar.missing_facts.empty(), json);
    SCARWISE_FUZZ_CHECK(!scar.reevaluate_after_weeks || scar.suitability == Suitability::defer,
                        json);
    SCARWISE_FUZZ_CHECK(
        scar.suitability != Suitability::not_suitable || (!scar.plan && scar.combinations.empty()),
        json);
    if (scar.plan) {
      SCARWISE_FUZZ_CHECK(
          scar.plan->sessions.min >= 1 && scar.plan->sessions.min <= scar.plan->sessions.max, json);
    }
  }
  SCARWISE_FUZZ_CHECK(explained.suitability() == worst && explained.complete() == complete, json);

  // Explanation adds the trace and changes no verdict.
  SCARWISE_FUZZ_CHECK(plain.suitability() == explained.suitability() &&
                          plain.complete() == explained.complete() &&
                          plain.case_digest() == explained.case_digest(),
                      json + plain.to_json());
  for (std::size_t i = 0; i < plain.scars().size(); ++i) {
    SCARWISE_FUZZ_CHECK(plain.scars()[i].trace.empty(), plain.to_json());
    SCARWISE_FUZZ_CHECK(plain.scars()[i].suitability == explained.scars()[i].suitability, json);
  }
}

void evaluate(const scarwise::RuleSet& rules, const std::string& case_text) {
  std::optional<scarwise::Case> c;
  try {
    c = scarwise::Case::from_yaml(case_text, "case.yaml");
  } catch (const scarwise::CaseError& error) {
    scarwise::fuzz::check_diagnostics(error.diagnostics(), case_text);
    return;
  }
  const scarwise::Engine engine{rules};
  const scarwise::EvalResult explained = engine.try_evaluate(*c, scarwise::EvalOptions{true});
  const scarwise::EvalResult plain = engine.try_evaluate(*c);
  SCARWISE_FUZZ_CHECK(explained.ok() == plain.ok(),
                      scarwise::format_diagnostics(explained.diagnostics));
  if (!explained.ok()) return;
  check_assessment(*explained.assessment, *plain.assessment);
  // Same rule set, same case: byte-identical output.
  const scarwise::EvalResult again = engine.try_evaluate(*c, scarwise::EvalOptions{true});
  SCARWISE_FUZZ_CHECK(again.ok() && again.assessment->to_json() == explained.assessment->to_json(),
                      explained.assessment->to_json());
  SCARWISE_FUZZ_CHECK(again.assessment->to_text() == explained.assessment->to_text(),
                      explained.assessment->to_text());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size > scarwise::fuzz::kMaxInputBytes) return 0;
  const std::string text = scarwise::fuzz::as_text(data, size);

  const std::size_t split = text.find(kSeparator);
  if (split == std::string::npos) {
    evaluate(scarwise::fuzz::default_rules(), text);
    return 0;
  }
  const std::string rules_text = text.substr(0, split + 1);
  const scarwise::LoadResult rules = scarwise::RuleSet::try_load_string(rules_text, "fuzz.yaml");
  if (!rules.ok()) return 0;
  evaluate(rules.value(), text.substr(split + kSeparator.size()));
  return 0;
}
