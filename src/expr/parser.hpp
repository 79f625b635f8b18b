// Recursive-descent parser for `when:` expressions.
//
// Grammar, lowest precedence first:
//   expression := or END
//   or         := and ('or' and)*
//   and        := not ('and' not)*
//   not        := 'not' not | comparison
//   comparison := sum [('==' | '!=' | '<' | '<=' | '>' | '>=') sum
//                      | ['not'] 'in' '[' literal (',' literal)* ']'
//                      | 'contains' primary]
//   sum        := product (('+' | '-') product)*
//   product    := unary (('*' | '/') unary)*
//   unary      := '-' unary | primary
//   primary    := NUMBER | STRING | WORD | NAME | 'true' | 'false'
//               | 'known' '(' (NAME | WORD) ')' | '(' or ')'
//   literal    := NUMBER | STRING | WORD | 'true' | 'false'
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "expr/ast.hpp"
#include "expr/expression.hpp"
#include "expr/token.hpp"

namespace scarwise::internal {

/// Parses `text` into a tree. Reports the first problem and returns nothing: E-EXPR-TOO-LONG
/// (longer than limits.max_bytes, at the expression's start), E-EXPR-SYNTAX (what was expected
/// and what was found, at the offending token) or E-EXPR-TOO-DEEP (more than limits.max_depth
/// nested parentheses, `not`s and unary minuses, at the first token too many; checked before
/// recursing, so no input can exhaust the stack).
/// The tree's texts point into `text`.
std::optional<Node> parse_expression(std::string_view text, const ExprOrigin& origin,
                                     const ExprLimits& limits, DiagnosticSink& sink);

}  // namespace scarwise::internal
