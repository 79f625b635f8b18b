// Typing of plain scalars in case files: the one place that decides whether `5`, `2.5`, `true`
// or `rolling` is an integer, a number, a boolean or a word, the same way for JSON and YAML.
#pragma once

#include <optional>
#include <scarwise/case.hpp>
#include <string>
#include <string_view>

namespace scarwise::internal {

/// What a plain scalar is.
struct ScalarTyping {
  enum class Kind { Value, Null, BadNumber };
  Kind kind = Kind::Value;
  FactValue value;     ///< when kind == Value: bool, int64, double or the text as a word
  std::string reason;  ///< when kind == BadNumber: why it is not a usable number
};

/// Types a plain (unquoted) scalar by the loader's strict YAML 1.2 core rules
/// (load/scalar_values.hpp): `true`/`false` are booleans; `null`, `Null`, `NULL`, `~` and the
/// empty scalar are null; decimal integers without leading zeros are int64; decimal numbers with
/// a fraction or exponent are finite doubles. Anything that starts like a number but is not a
/// decimal one (`0x1F`, `010`, `1_000`, `10kg`, `.inf`) or does not fit is a BadNumber rather
/// than a word, so that a typo in a number is never read as an enum value. Everything else is a
/// word. Locale-independent.
ScalarTyping type_plain_scalar(std::string_view text);

/// `word` written as a YAML scalar that a case file reads back as that same word: plain when
/// type_plain_scalar() takes it for the word and it holds only letters, digits, `_`, `-` and
/// `.`; double-quoted (with `"` and `\` escaped) otherwise, so that an enum value such as `true`,
/// `12` or `a: b` survives. For the witness cases that `analyze` and `diff` write.
std::string case_word_yaml(std::string_view word);

}  // namespace scarwise::internal
