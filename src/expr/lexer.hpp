// Splits a `when:` expression into tokens. Hand-written: numbers are parsed with
// std::from_chars, so the result never depends on the locale.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "expr/expression.hpp"
#include "expr/token.hpp"

namespace scarwise::internal {

/// Tokens of `text`, ending with an End token at offset text.size(). A character that cannot
/// start or continue a token is reported as E-EXPR-SYNTAX at its exact position (located
/// through `origin`), and then nothing is returned. Token texts point into `text`.
std::optional<std::vector<Token>> lex_expression(std::string_view text, const ExprOrigin& origin,
                                                 DiagnosticSink& sink);

}  // namespace scarwise::internal
