#include "expr/lexer.hpp"

#include <array>
#include <charconv>
#include <cstdint>
#include <cstdio>
#include <optional>
#include <string>
#include <utility>

#include "support/quote.hpp"

namespace scarwise::internal {
namespace {

constexpr std::array<std::pair<std::string_view, TokenKind>, 8> kKeywords{{
    {"and", TokenKind::And},
    {"or", TokenKind::Or},
    {"not", TokenKind::Not},
    {"in", TokenKind::In},
    {"contains", TokenKind::Contains},
    {"known", TokenKind::Known},
    {"true", TokenKind::True},
    {"false", TokenKind::False},
}};

// ASCII only, on purpose: <cctype> answers depend on the locale.
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_word_start(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool is_word_char(char c) { return is_word_start(c) || is_digit(c); }
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Length of the UTF-8 sequence starting at text[pos], or 0 if it is not a valid one.
std::size_t utf8_length(std::string_view text, std::size_t pos) {
  const auto lead = static_cast<unsigned char>(text[pos]);
  const std::size_t length = lead >= 0xF0 && lead <= 0xF4   ? 4
                             : lead >= 0xE0                 ? (lead <= 0xEF ? 3 : 0)
                             : lead >= 0xC2 && lead <= 0xDF ? 2
                                                            : 0;
  if (length == 0 || pos + length > text.size()) return 0;
  for (std::size_t i = 1; i < length; ++i) {
    if ((static_cast<unsigned char>(text[pos + i]) & 0xC0) != 0x80) return 0;
  }
  return length;
}

// The character at text[pos] as a message shows it.
std::string describe_char(std::string_view text, std::size_t pos) {
  const auto byte = static_cast<unsigned char>(text[pos]);
  if (byte >= 0x21 && byte < 0x7F) return quote(std::string(1, text[pos]));
  if (const std::size_t length = utf8_length(text, pos)) {
    return quote(std::string(text.substr(pos, length)));
  }
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "byte 0x%02X", byte);
  return buffer;
}

// A number as a message quotes it, with its length when the quote is cut short.
std::string excerpt(std::string_view number) {
  std::string out = quote(number);
  if (number.size() > kMaxShownBytes) out += " (" + std::to_string(number.size()) + " characters)";
  return out;
}

std::optional<Numeric> parse_integer(std::string_view text) {
  std::int64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return Numeric::of_int(value);
}

std::optional<Numeric> parse_real(std::string_view text) {
  double value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return Numeric::of_real(value);
}

// What an author probably meant by a character the grammar does not have.
std::string hint_for_char(std::string_view text, std::size_t pos) {
  const std::string_view rest = text.substr(pos);
  if (rest.substr(0, 1) == "=") return "use '==' to compare";
  if (rest.substr(0, 1) == "!") return "use 'not' to negate, or '!=' to compare";
  if (rest.substr(0, 1) == "&") return "use 'and'";
  if (rest.substr(0, 1) == "|") return "use 'or'";
  if (rest.substr(0, 3) == "\u2264") return "use '<='";
  if (rest.substr(0, 3) == "\u2265") return "use '>='";
  if (rest.substr(0, 3) == "\u2260") return "use '!='";
  if (rest.substr(0, 2) == "\u00A0") return "replace the non-breaking space with a plain space";
  return {};
}

class Lexer {
 public:
  Lexer(std::string_view text, const ExprOrigin& origin, DiagnosticSink& sink)
      : text_(text), origin_(origin), sink_(sink) {}

  std::optional<std::vector<Token>> run() {
    while (true) {
      while (pos_ < text_.size() && is_space(text_[pos_])) ++pos_;
      if (pos_ == text_.size()) break;
      if (!lex_token()) return std::nullopt;
    }
    tokens_.push_back(Token{TokenKind::End, text_.size(), {}, Numeric{}});
    return std::move(tokens_);
  }

 private:
  char at(std::size_t pos) const { return pos < text_.size() ? text_[pos] : '\0'; }

  // Whether the last token ends a value, so that a '-' after it subtracts (`6 -1` is 6 minus
  // 1) instead of starting a negative number (`x > -1`, `in [-1, 2]`).
  bool after_value() const {
    if (tokens_.empty()) return false;
    switch (tokens_.back().kind) {
      case TokenKind::Number:
      case TokenKind::String:
      case TokenKind::Word:
      case TokenKind::Name:
      case TokenKind::RParen:
      case TokenKind::True:
      case TokenKind::False:
        return true;
      default:
        return false;
    }
  }

  bool lex_token() {
    const char c = text_[pos_];
    if (is_digit(c) || (c == '-' && is_digit(at(pos_ + 1)) && !after_value())) return lex_number();
    if (is_word_start(c)) return lex_word();
    if (c == '\'' || c == '"') return lex_string(c);
    return lex_punctuation();
  }

  // Decimal only, as in rule and case files: no leading zeros (`010` reads as octal elsewhere),
  // and an integer without a fraction must fit 64 bits, so that it is never rounded.
  bool lex_number() {
    const std::size_t start = pos_;
    if (text_[pos_] == '-') ++pos_;
    const std::size_t digits = pos_;
    while (is_digit(at(pos_))) ++pos_;
    const bool fraction = at(pos_) == '.';
    if (fraction) {
      if (!is_digit(at(pos_ + 1))) return fail_at(pos_ + 1, "expected a digit after '.'");
      ++pos_;
      while (is_digit(at(pos_))) ++pos_;
    }
    const std::string_view number = text_.substr(start, pos_ - start);
    if (is_word_char(at(pos_)) || at(pos_) == '.') {
      return fail_at(pos_, "unexpected " + describe_char(text_, pos_) + " after the number " +
                               excerpt(number));
    }
    if (text_[digits] == '0' && is_digit(at(digits + 1))) {
      return fail_at(start, "the number " + excerpt(number) + " has a leading zero",
                     "write it without leading zeros; some languages read 010 as octal 8");
    }
    const std::optional<Numeric> value = fraction ? parse_real(number) : parse_integer(number);
    if (!value) {
      return fail_at(start, fraction ? "the number " + excerpt(number) + " is out of range"
                                     : "the integer " + excerpt(number) +
                                           " is out of range: integers are from "
                                           "-9223372036854775808 to 9223372036854775807",
                     fraction ? "" : "write a larger number with a fraction, such as "
                                     "100000000000000000000.0");
    }
    push(TokenKind::Number, start, *value);
    return true;
  }

  bool lex_word() {
    const std::size_t start = pos_;
    bool dotted = false;
    while (true) {
      while (is_word_char(at(pos_))) ++pos_;
      if (at(pos_) != '.') break;
      if (!is_word_start(at(pos_ + 1))) return fail_at(pos_ + 1, "expected a name after '.'");
      dotted = true;
      ++pos_;
    }
    TokenKind kind = dotted ? TokenKind::Name : TokenKind::Word;
    const std::string_view word = text_.substr(start, pos_ - start);
    for (const auto& [keyword, keyword_kind] : kKeywords) {
      if (!dotted && word == keyword) kind = keyword_kind;
    }
    push(kind, start, Numeric{});
    return true;
  }

  bool lex_string(char quote) {
    const std::size_t start = pos_;
    const std::size_t close = text_.find(quote, start + 1);
    if (close == std::string_view::npos) {
      return fail_at(start, std::string("unterminated string: no closing ") + quote,
                     "strings end with the same quote they start with");
    }
    tokens_.push_back(
        Token{TokenKind::String, start, text_.substr(start + 1, close - start - 1), Numeric{}});
    pos_ = close + 1;
    return true;
  }

  bool lex_punctuation() {
    const std::size_t start = pos_;
    const char c = text_[pos_];
    const bool then_equals = at(pos_ + 1) == '=';
    TokenKind kind;
    switch (c) {
      case '(':
        kind = TokenKind::LParen;
        break;
      case ')':
        kind = TokenKind::RParen;
        break;
      case '[':
        kind = TokenKind::LBracket;
        break;
      case ']':
        kind = TokenKind::RBracket;
        break;
      case ',':
        kind = TokenKind::Comma;
        break;
      case '+':
        kind = TokenKind::Plus;
        break;
      case '-':
        kind = TokenKind::Minus;
        break;
      case '*':
        kind = TokenKind::Star;
        break;
      case '/':
        kind = TokenKind::Slash;
        break;
      case '<':
        kind = then_equals ? TokenKind::Le : TokenKind::Lt;
        break;
      case '>':
        kind = then_equals ? TokenKind::Ge : TokenKind::Gt;
        break;
      case '=':
        if (!then_equals) return fail_at(start, "unexpected '='", hint_for_char(text_, start));
        kind = TokenKind::Eq;
        break;
      case '!':
        if (!then_equals) return fail_at(start, "unexpected '!'", hint_for_char(text_, start));
        kind = TokenKind::Ne;
        break;
      default:
        return fail_at(start, "unexpected character " + describe_char(text_, start),
                       hint_for_char(text_, start));
    }
    pos_ += (kind == TokenKind::Le || kind == TokenKind::Ge || kind == TokenKind::Eq ||
             kind == TokenKind::Ne)
                ? 2
                : 1;
    tokens_.push_back(Token{kind, start, text_.substr(start, pos_ - start), Numeric{}});
    return true;
  }

  void push(TokenKind kind, std::size_t start, Numeric number) {
    tokens_.push_back(Token{kind, start, text_.substr(start, pos_ - start), number});
  }

  bool fail_at(std::size_t offset, std::string message, std::string hint = {}) {
    sink_.error(origin_.locate(offset), "E-EXPR-SYNTAX", std::move(message), std::move(hint));
    return false;
  }

  std::string_view text_;
  const ExprOrigin& origin_;
  DiagnosticSink& sink_;
  std::size_t pos_ = 0;
  std::vector<Token> tokens_;
};

}  // namespace

std::string describe(const Token& token) {
  switch (token.kind) {
    case TokenKind::End:
      return "end of expression";
    case TokenKind::String:
      return "the string " + quote(std::string(token.text));
    default:
      return quote(std::string(token.text));
  }
}

std::string_view keyword_for_case_typo(std::string_view word) {
  for (const auto& keyword : kKeywords) {
    if (keyword.first.size() != word.size() || keyword.first == word) continue;
    bool same = true;
    for (std::size_t i = 0; i < word.size() && same; ++i) {
      const char c =
          word[i] >= 'A' && word[i] <= 'Z' ? static_cast<char>(word[i] - 'A' + 'a') : word[i];
      same = c == keyword.first[i];
    }
    if (same) return keyword.first;
  }
  return {};
}

std::optional<std::vector<Token>> lex_expression(std::string_view text, const ExprOrigin& origin,
                                                 DiagnosticSink& sink) {
  return Lexer(text, origin, sink).run();
}

}  // namespace scarwise::internal
