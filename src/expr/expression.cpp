#include "expr/expression.hpp"

#include "expr/checker.hpp"
#include "expr/compiler.hpp"
#include "expr/parser.hpp"
#include "expr/program.hpp"

namespace scarwise::internal {

CompiledExpr::CompiledExpr(std::shared_ptr<const ExprProgram> program)
    : program_(std::move(program)) {}

// A default-constructed CompiledExpr has no program: it settles nothing, so it is unknown
// rather than false.
Tri CompiledExpr::evaluate(const FactEnv& env) const {
  return program_ ? program_->evaluate(env) : Tri::Unknown;
}

void CompiledExpr::unknown_facts(const FactEnv& env, std::vector<FactId>& out) const {
  if (program_) program_->unknown_facts(env, out);
}

ConditionOutcome CompiledExpr::explain(const FactEnv& env) const {
  return program_ ? program_->explain(env) : ConditionOutcome{};
}

const std::vector<FactId>& CompiledExpr::referenced_facts() const {
  static const std::vector<FactId> kNone;
  return program_ ? program_->referenced_facts() : kNone;
}

const std::string& CompiledExpr::text() const {
  static const std::string kEmpty;
  return program_ ? program_->text() : kEmpty;
}

CompiledNumber::CompiledNumber(std::shared_ptr<const ExprProgram> program)
    : program_(std::move(program)) {}

std::optional<Numeric> CompiledNumber::evaluate(const FactEnv& env) const {
  return program_ ? program_->evaluate_number(env) : std::nullopt;
}

void CompiledNumber::unknown_facts(const FactEnv& env, std::vector<FactId>& out) const {
  if (program_) program_->unknown_facts(env, out);
}

const std::vector<FactId>& CompiledNumber::referenced_facts() const {
  static const std::vector<FactId> kNone;
  return program_ ? program_->referenced_facts() : kNone;
}

const std::string& CompiledNumber::text() const {
  static const std::string kEmpty;
  return program_ ? program_->text() : kEmpty;
}

std::optional<CompiledExpr> compile_expression(std::string_view text, const ExprOrigin& origin,
                                               const Vocabulary& vocabulary,
                                               const ExprLimits& limits, DiagnosticSink& sink) {
  std::optional<Node> root = parse_expression(text, origin, limits, sink);
  if (!root || !check_expression(*root, vocabulary, origin, sink)) return std::nullopt;
  return CompiledExpr(compile_program(*root, std::string(text), vocabulary));
}

}  // namespace scarwise::internal

namespace scarwise::internal {

std::optional<CompiledNumber> compile_number_expression(std::string_view text,
                                                        const ExprOrigin& origin,
                                                        const Vocabulary& vocabulary,
                                                        const ExprLimits& limits,
                                                        DiagnosticSink& sink) {
  std::optional<Node> root = parse_expression(text, origin, limits, sink);
  if (!root || !check_number_expression(*root, vocabulary, origin, sink)) return std::nullopt;
  return CompiledNumber(compile_number_program(*root, std::string(text), vocabulary));
}

}  // namespace scarwise::internal
