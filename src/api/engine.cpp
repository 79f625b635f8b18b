#include <scarwise/engine.hpp>

#include "api/explain_request.hpp"
#include "eval/evaluator.hpp"
#include "eval/explainer.hpp"
#include "model/explanation_data.hpp"
#include "model/raw_case.hpp"
#include "model/ruleset_model.hpp"
#include "model/validated_case.hpp"
#include "io/case_digest.hpp"
#include "io/case_fast_reader.hpp"

namespace scarwise {

namespace {

struct Validation {
  std::optional<internal::ValidatedCase> validated;  ///< nothing when there were errors
  std::vector<Diagnostic> diagnostics;
};

/// Validates a case keeping at most its max_errors errors, then the note about any left out:
/// a case with an error every few bytes must not cost memory in proportion.
Validation validate_capped(const internal::RawCase& raw, const internal::Vocabulary& vocabulary) {
  internal::DiagnosticSink sink(raw.max_errors, static_cast<std::size_t>(-1));
  Validation out;
  out.validated = internal::validate_case(raw, vocabulary, sink);
  sink.add_truncation_notes({raw.name, 0, 0}, "CaseOptions::max_errors", "");
  if (sink.has_errors()) out.validated.reset();
  out.diagnostics = sink.take();
  return out;
}

}  // namespace

Engine::Engine(RuleSet rules) : rules_(std::move(rules)) {}

std::vector<Diagnostic> Engine::validate(const Case& c) const {
  return validate_capped(c.raw(), rules_.model()->vocabulary).diagnostics;
}

EvalResult Engine::try_evaluate(const Case& c, const EvalOptions& options) const {
  const internal::RuleSetModel& model = *rules_.model();
  thread_local internal::SlotCase slots;
  if (internal::slot_raw_case(c.raw(), model, slots)) {
    auto data = std::make_shared<internal::AssessmentData>();
    internal::evaluate_slots(model, rules_.model(), slots, options.explain, *data);
    EvalResult result;
    result.assessment.emplace(std::move(data));
    return result;
  }
  // A case with an error, or an unusual id: the validator decides, and says what is wrong.
  Validation validation = validate_capped(c.raw(), model.vocabulary);
  EvalResult result;
  result.diagnostics = std::move(validation.diagnostics);
  if (!validation.validated) return result;
  auto data = std::make_shared<internal::AssessmentData>();
  internal::evaluate_case(model, rules_.model(), *validation.validated,
                          internal::case_digest(*validation.validated), options.explain, *data);
  result.assessment.emplace(std::move(data));
  return result;
}

Assessment Engine::evaluate(const Case& c, const EvalOptions& options) const {
  EvalResult result = try_evaluate(c, options);
  if (!result.assessment) throw CaseError(std::move(result.diagnostics));
  return std::move(*result.assessment);
}

EvalResult Engine::try_evaluate_json(std::string_view text, std::string_view name,
                                     const EvalOptions& options,
                                     const CaseOptions& case_options) const {
  const internal::RuleSetModel& model = *rules_.model();
  thread_local internal::SlotCase slots;
  if (internal::read_case_fast(text, model, case_options, slots)) {
    auto data = std::make_shared<internal::AssessmentData>();
    internal::evaluate_slots(model, rules_.model(), slots, options.explain, *data);
    EvalResult result;
    result.assessment.emplace(std::move(data));
    return result;
  }
  // Not a plain, valid case: the full reader finds the same assessment or says what is wrong.
  try {
    return try_evaluate(Case::from_json(std::string(text), std::string(name), case_options),
                        options);
  } catch (const CaseError& e) {
    EvalResult rejected;
    rejected.diagnostics = e.diagnostics();
    return rejected;
  }
}

ExplainResult Engine::try_explain(const Case& c, const ExplainOptions& options) const {
  const internal::RuleSetModel& model = *rules_.model();
  Validation validation = validate_capped(c.raw(), model.vocabulary);
  ExplainResult result;
  result.diagnostics = std::move(validation.diagnostics);
  // The options are checked even for an invalid case, so that one run reports every mistake.
  std::vector<Diagnostic> option_errors = internal::check_explain_options(options, c.raw(), model);
  result.diagnostics.insert(result.diagnostics.end(), option_errors.begin(), option_errors.end());
  if (!validation.validated || !option_errors.empty()) return result;
  auto data = std::make_shared<internal::ExplanationData>(
      internal::explain_case(model, *validation.validated,
                             internal::case_digest(*validation.validated),
                             internal::ExplainFocus{options.scar, options.rule}));
  result.explanation.emplace(std::move(data));
  return result;
}

Explanation Engine::explain(const Case& c, const ExplainOptions& options) const {
  ExplainResult result = try_explain(c, options);
  if (!result.explanation) throw CaseError(std::move(result.diagnostics));
  return std::move(*result.explanation);
}

}  // namespace scarwise
