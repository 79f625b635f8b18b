// The public face of the expression module: compile a `when:` string once, at load time,
// against the vocabulary; evaluate it many times with three-valued logic.
//
// Nothing outside expr/ knows the expression syntax.
#pragma once

#include "expr/condition_outcome.hpp"
#include "model/value.hpp"
#include "model/vocabulary.hpp"
#include "support/diagnostic_sink.hpp"

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace scarwise::internal {

/// Where the characters of an expression are in its YAML file, so that an error at offset k
/// of the expression text is reported at the right file:line:col even for quoted or
/// multi-line scalars.
struct ExprOrigin {
  struct Segment {
    std::size_t offset = 0;  ///< offset in the expression text where this piece starts
    int line = 0;            ///< file line of that character
    int column = 0;          ///< file column of that character
  };
  std::string file;
  std::vector<Segment> segments;  ///< sorted by offset; the first starts at offset 0

  /// File position of expression offset `offset`.
  SourceLoc locate(std::size_t offset) const;
  /// Origin of a scalar written on one line starting at line:column.
  static ExprOrigin single_line(std::string file, int line, int column);
};

struct ExprLimits {
  std::size_t max_bytes = 4096;
  std::size_t max_depth = 64;
};

class ExprProgram;  // compiled form, private to expr/

/// A type-checked, compiled condition. Immutable; cheap to copy (shares its program).
/// A default-constructed one has no program: it evaluates to Unknown, never to False.
class CompiledExpr {
 public:
  CompiledExpr() = default;
  explicit CompiledExpr(std::shared_ptr<const ExprProgram> program);

  /// Kleene evaluation: unknown facts make comparisons unknown; `false and unknown` is false,
  /// `true or unknown` is true; known(f) is never unknown.
  Tri evaluate(const FactEnv& env) const;
  /// Appends (sorted, without duplicates) the facts that keep this expression unknown in `env`:
  /// unknown facts under the sub-expressions whose value is unknown. Empty unless evaluate()
  /// gives Unknown.
  void unknown_facts(const FactEnv& env, std::vector<FactId>& out) const;
  /// Every leaf of the expression evaluated against `env`, in the order written, with the
  /// ones that settled the result marked; for explanations (evaluate() is the fast path).
  /// Without a program: an unknown result and no leaves. The outcome's texts point into this
  /// expression's program: keep the expression alive while the outcome is read.
  ConditionOutcome explain(const FactEnv& env) const;
  /// Every fact the expression mentions, sorted, without duplicates.
  const std::vector<FactId>& referenced_facts() const;
  /// The expression text as written.
  const std::string& text() const;
  /// The compiled program, or null; for ConditionTable, which joins rules' programs.
  const ExprProgram* program() const noexcept { return program_.get(); }

 private:
  std::shared_ptr<const ExprProgram> program_;
};

/// A type-checked, compiled number expression (`reevaluate_after_weeks: "(6 - x) * 4.35"`):
/// int and number facts and literals joined by `+ - * /` and unary minus. Immutable; cheap to
/// copy (shares its program). A default-constructed one has no program and no value.
class CompiledNumber {
 public:
  CompiledNumber() = default;
  explicit CompiledNumber(std::shared_ptr<const ExprProgram> program);

  /// The value, or nothing when a fact it reads is unknown or it divides by zero.
  std::optional<Numeric> evaluate(const FactEnv& env) const;
  /// Appends (sorted, without duplicates) the unknown facts whose values could give the
  /// expression a value; empty when evaluate() has one, or when only a division by a known
  /// zero keeps it from having one.
  void unknown_facts(const FactEnv& env, std::vector<FactId>& out) const;
  /// Every fact the expression mentions, sorted, without duplicates.
  const std::vector<FactId>& referenced_facts() const;
  /// The expression text as written.
  const std::string& text() const;

 private:
  std::shared_ptr<const ExprProgram> program_;
};

/// Lexes, parses, type-checks and compiles `text`. On failure reports located errors to `sink`
/// (codes E-EXPR-SYNTAX, E-EXPR-UNKNOWN-FACT, E-EXPR-TYPE, E-EXPR-UNKNOWN-VALUE,
/// E-EXPR-DIVIDE-BY-ZERO, E-EXPR-TOO-LONG, E-EXPR-TOO-DEEP) and returns nothing. Comparisons
/// that can never hold given a fact's min/max (e.g. `patient.fitzpatrick > 6`) are warnings (W-NEVER-TRUE).
std::optional<CompiledExpr> compile_expression(std::string_view text, const ExprOrigin& origin,
                                               const Vocabulary& vocabulary,
                                               const ExprLimits& limits, DiagnosticSink& sink);

/// Like compile_expression(), for a number expression; a condition, or a fact or value that is
/// not a number, is E-EXPR-TYPE.
std::optional<CompiledNumber> compile_number_expression(std::string_view text,
                                                        const ExprOrigin& origin,
                                                        const Vocabulary& vocabulary,
                                                        const ExprLimits& limits,
                                                        DiagnosticSink& sink);

}  // namespace scarwise::internal
