// Type-checks a parsed `when:` expression against the vocabulary.
#pragma once

#include "expr/ast.hpp"
#include "expr/expression.hpp"

namespace scarwise::internal {

/// Checks `root` as a condition and annotates it for the compiler: fact ids on Fact nodes,
/// declared-value indices on Symbol nodes, and every comparison with a fact on the left
/// (`3 < x` becomes `x > 3`). Reports every problem it finds, each at its token, not only the
/// first: E-EXPR-UNKNOWN-FACT (with a did-you-mean hint), E-EXPR-UNKNOWN-VALUE (likewise),
/// E-EXPR-TYPE, E-EXPR-DIVIDE-BY-ZERO (arithmetic dividing by a constant 0); and W-NEVER-TRUE
/// for a comparison that the fact's min/max (or its being an int) rules out. Returns false if it reported an error.
bool check_expression(Node& root, const Vocabulary& vocabulary, const ExprOrigin& origin,
                      DiagnosticSink& sink);

/// Checks `root` as a number (a `reevaluate_after_weeks` expression): a number, an int or
/// number fact, or arithmetic over them. A condition or a non-numeric fact or value is
/// E-EXPR-TYPE; a division by a constant zero is E-EXPR-DIVIDE-BY-ZERO. Annotates like
/// check_expression(). Returns false if it reported an error.
bool check_number_expression(Node& root, const Vocabulary& vocabulary, const ExprOrigin& origin,
                             DiagnosticSink& sink);

}  // namespace scarwise::internal
