// The tokens of a `when:` expression, each with its byte offset in the expression text.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "model/numeric.hpp"

namespace scarwise::internal {

enum class TokenKind : std::uint8_t {
  Number,    ///< 3, -1 (int64), 2.5 (double)
  String,    ///< 'x' or "x"
  Word,      ///< a name without a dot: an enum or set value such as `rolling`
  Name,      ///< a dotted name: a fact reference such as `scar.type`
  Eq,        ///< ==
  Ne,        ///< !=
  Lt,        ///< <
  Le,        ///< <=
  Gt,        ///< >
  Ge,        ///< >=
  LParen,    ///< (
  RParen,    ///< )
  LBracket,  ///< [
  RBracket,  ///< ]
  Comma,     ///< ,
  Plus,      ///< +
  Minus,     ///< - (subtraction or unary minus; before a digit where a value belongs: a number)
  Star,      ///< *
  Slash,     ///< /
  And,
  Or,
  Not,
  In,
  Contains,
  Known,
  True,
  False,
  End,  ///< after the last character
};

struct Token {
  TokenKind kind = TokenKind::End;
  std::size_t offset = 0;  ///< byte offset of the first character (the opening quote of a string)
  std::string_view text;   ///< as written; for a string, the characters between the quotes
  Numeric number;          ///< the value of a Number: integral unless written with a fraction
};

/// The token as a message shows it: "'<='", "'scar.type'", "end of expression".
std::string describe(const Token& token);

/// The keyword a word would be if it were written in lower case ("AND" -> "and"), or empty.
std::string_view keyword_for_case_typo(std::string_view word);

}  // namespace scarwise::internal
