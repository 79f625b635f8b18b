#include "lint/lint.hpp"

#include <scarwise/lint.hpp>

#include "model/ruleset_model.hpp"

namespace scarwise {

std::vector<Diagnostic> lint(const RuleSet& rules) {
  // No cap on the findings: each declaration gives at most two, and the load limits already
  // bound the declarations.
  internal::DiagnosticSink sink;
  internal::run_lints(*rules.model(), sink);
  return sink.take();
}

}  // namespace scarwise
