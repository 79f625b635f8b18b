#include <scarwise/engine.hpp>

#include "eval/evaluator.hpp"
#include "model/raw_case.hpp"
#include "model/ruleset_model.hpp"
#include "model/validated_case.hpp"
#include "io/case_digest.hpp"

namespace scarwise {

Engine::Engine(RuleSet rules) : rules_(std::move(rules)) {}

std::vector<Diagnostic> Engine::validate(const Case& c) const {
  internal::DiagnosticSink sink;
  internal::validate_case(c.raw(), rules_.model()->vocabulary, sink);
  return sink.take();
}

EvalResult Engine::try_evaluate(const Case& c, const EvalOptions& options) const {
  const internal::RuleSetModel& model = *rules_.model();
  internal::DiagnosticSink sink;
  std::optional<internal::ValidatedCase> validated =
      internal::validate_case(c.raw(), model.vocabulary, sink);
  EvalResult result;
  if (!validated || sink.has_errors()) {
    result.diagnostics = sink.take();
    return result;
  }
  auto data = std::make_shared<internal::AssessmentData>(internal::evaluate_case(
      model, *validated, internal::case_digest(*validated), options.explain));
  result.assessment.emplace(std::move(data));
  result.diagnostics = sink.take();
  return result;
}

Assessment Engine::evaluate(const Case& c, const EvalOptions& options) const {
  EvalResult result = try_evaluate(c, options);
  if (!result.assessment) throw CaseError(std::move(result.diagnostics));
  return std::move(*result.assessment);
}

}  // namespace scarwise
