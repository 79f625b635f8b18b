// Fuzz target: the `when:` expression lexer, parser, type checker and compiler, against a fixed
// vocabulary with every fact type. A compiled expression is then evaluated under several fact
// environments and checked against the three-valued semantics.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "expr/expression.hpp"
#include "fuzz_support.hpp"
#include "fuzz_vocabulary.hpp"

namespace {

using scarwise::internal::CompiledExpr;
using scarwise::internal::DiagnosticSink;
using scarwise::internal::ExprOrigin;
using scarwise::internal::FactEnv;
using scarwise::internal::FactId;
using scarwise::internal::Tri;
using scarwise::internal::Value;
using scarwise::internal::Vocabulary;

constexpr int kLine = 7;
constexpr int kColumn = 11;

/// Fact values for one evaluation, drawn from `rng`; each fact is known with probability
/// `known_percent`.
struct Environment {
  std::vector<Value> patient;
  std::vector<Value> scar;

  FactEnv env(const Vocabulary& vocabulary) const {
    return FactEnv{&vocabulary, patient.data(), scar.data()};
  }
};

Environment random_environment(const Vocabulary& vocabulary, std::mt19937_64& rng,
                               unsigned known_percent) {
  using scarwise::internal::Scope;
  Environment out;
  out.patient.resize(vocabulary.slot_count(Scope::Patient));
  out.scar.resize(vocabulary.slot_count(Scope::Scar));
  for (const scarwise::internal::FactDecl& decl : vocabulary.facts()) {
    if (rng() % 100 >= known_percent) continue;
    Value& slot = (decl.scope == Scope::Patient ? out.patient : out.scar)[decl.slot];
    slot = scarwise::fuzz::random_value(decl, rng);
  }
  return out;
}

/// The environment with some of `full`'s known facts forgotten.
Environment forget_some(const Environment& full, std::mt19937_64& rng) {
  Environment out = full;
  for (Value& v : out.patient) {
    if (rng() % 2 == 0) v = Value{};
  }
  for (Value& v : out.scar) {
    if (rng() % 2 == 0) v = Value{};
  }
  return out;
}

std::string describe(std::string_view text, Tri a, Tri b) {
  return std::string(text) + " => " + std::to_string(static_cast<int>(a)) + " vs " +
         std::to_string(static_cast<int>(b));
}

void check_unknown_facts(const CompiledExpr& expr, const FactEnv& env) {
  const Tri value = expr.evaluate(env);
  std::vector<FactId> missing;
  expr.unknown_facts(env, missing);
  // Unknown comes only from unknown facts, and only then are there facts to ask for.
  SCARWISE_FUZZ_CHECK(missing.empty() == (value != Tri::Unknown), expr.text());
  SCARWISE_FUZZ_CHECK(std::is_sorted(missing.begin(), missing.end()), expr.text());
  SCARWISE_FUZZ_CHECK(std::adjacent_find(missing.begin(), missing.end()) == missing.end(),
                      expr.text());
  const std::vector<FactId>& referenced = expr.referenced_facts();
  for (FactId id : missing) {
    SCARWISE_FUZZ_CHECK(std::binary_search(referenced.begin(), referenced.end(), id), expr.text());
    SCARWISE_FUZZ_CHECK(!env.get(id).known(), expr.text());
  }
}

void check_semantics(const CompiledExpr& expr, const Vocabulary& vocabulary,
                     std::string_view text) {
  const std::vector<FactId>& referenced = expr.referenced_facts();
  SCARWISE_FUZZ_CHECK(std::is_sorted(referenced.begin(), referenced.end()), expr.text());
  SCARWISE_FUZZ_CHECK(std::adjacent_find(referenced.begin(), referenced.end()) == referenced.end(),
                      expr.text());
  SCARWISE_FUZZ_CHECK(expr.text() == text, expr.text());

  // known() is deliberately not monotone (knowing more can turn it from false to true), so the
  // monotonicity check below only holds for expressions without it.
  const bool monotone = text.find("known") == std::string_view::npos;
  std::mt19937_64 rng(std::hash<std::string_view>{}(text));
  const Environment unknown = random_environment(vocabulary, rng, 0);
  check_unknown_facts(expr, unknown.env(vocabulary));
  for (int round = 0; round < 8; ++round) {
    const Environment full = random_environment(vocabulary, rng, 100);
    const Tri complete = expr.evaluate(full.env(vocabulary));
    SCARWISE_FUZZ_CHECK(complete != Tri::Unknown, expr.text());
    check_unknown_facts(expr, full.env(vocabulary));
    const Environment partial = forget_some(full, rng);
    const Tri guess = expr.evaluate(partial.env(vocabulary));
    check_unknown_facts(expr, partial.env(vocabulary));
    // Kleene logic: a definite answer on partial facts never changes when the rest is known.
    if (monotone && guess != Tri::Unknown) {
      SCARWISE_FUZZ_CHECK(guess == complete, describe(text, guess, complete));
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size > scarwise::fuzz::kMaxInputBytes) return 0;
  static const Vocabulary vocabulary = scarwise::fuzz::expression_vocabulary();
  const std::string text = scarwise::fuzz::as_text(data, size);

  DiagnosticSink sink;
  const ExprOrigin origin = ExprOrigin::single_line("rules.yaml", kLine, kColumn);
  const std::optional<CompiledExpr> expr = scarwise::internal::compile_expression(
      text, origin, vocabulary, scarwise::internal::ExprLimits{}, sink);
  SCARWISE_FUZZ_CHECK(expr.has_value() != sink.has_errors(),
                      scarwise::format_diagnostics(sink.diagnostics()));
  for (const scarwise::Diagnostic& d : sink.diagnostics()) {
    // Every finding points into the expression (one past its end for "unexpected end").
    SCARWISE_FUZZ_CHECK(d.file == "rules.yaml" && d.line == kLine, d.to_string());
    SCARWISE_FUZZ_CHECK(d.column >= kColumn && d.column <= kColumn + static_cast<int>(size),
                        d.to_string());
    SCARWISE_FUZZ_CHECK(!d.code.empty() && !d.message.empty(), d.to_string());
  }
  if (expr) check_semantics(*expr, vocabulary, text);
  return 0;
}
