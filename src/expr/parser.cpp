#include "expr/parser.hpp"

#include <string>
#include <utility>

#include "expr/lexer.hpp"
#include "support/quote.hpp"

namespace scarwise::internal {
namespace {

// Unwinds the recursion after the first error has been reported.
struct ParseAbort {};

std::optional<CmpOp> comparison_op(TokenKind kind) {
  switch (kind) {
    case TokenKind::Eq:
      return CmpOp::Eq;
    case TokenKind::Ne:
      return CmpOp::Ne;
    case TokenKind::Lt:
      return CmpOp::Lt;
    case TokenKind::Le:
      return CmpOp::Le;
    case TokenKind::Gt:
      return CmpOp::Gt;
    case TokenKind::Ge:
      return CmpOp::Ge;
    default:
      return std::nullopt;
  }
}

Node make_node(NodeKind kind, std::size_t offset) {
  Node node;
  node.kind = kind;
  node.offset = offset;
  return node;
}

bool is_literal(TokenKind kind) {
  return kind == TokenKind::Number || kind == TokenKind::String || kind == TokenKind::Word ||
         kind == TokenKind::True || kind == TokenKind::False;
}

class Parser {
 public:
  Parser(const std::vector<Token>& tokens, const ExprOrigin& origin, const ExprLimits& limits,
         DiagnosticSink& sink)
      : tokens_(tokens), origin_(origin), limits_(limits), sink_(sink) {}

  std::optional<Node> run() {
    try {
      Node root = parse_or();
      if (!at(TokenKind::End)) fail(continuation("end of expression"));
      return root;
    } catch (const ParseAbort&) {
      return std::nullopt;
    }
  }

  Node parse_or() { return parse_chain(TokenKind::Or, NodeKind::Or, &Parser::parse_and); }
  Node parse_and() { return parse_chain(TokenKind::And, NodeKind::And, &Parser::parse_not); }

  // One n-ary node for `a and b and c`: chains cost no depth, however long.
  Node parse_chain(TokenKind separator, NodeKind kind, Node (Parser::*parse_item)()) {
    Node first = (this->*parse_item)();
    if (!at(separator)) return first;
    Node chain = make_node(kind, peek().offset);
    chain.children.push_back(std::move(first));
    while (at(separator)) {
      advance();
      chain.children.push_back((this->*parse_item)());
    }
    return chain;
  }

  Node parse_not() {
    if (!at(TokenKind::Not)) return parse_comparison();
    Node node = make_node(NodeKind::Not, advance().offset);
    enter(node.offset);
    node.children.push_back(parse_not());
    --depth_;
    return node;
  }

  Node parse_comparison() {
    Node node = parse_comparison_parts();
    after_operand_ = is_operand(node.kind) || is_arithmetic(node.kind);
    return node;
  }

  // A comparison keeps the span of its source text, so an explanation can quote it as written.
  Node parse_comparison_parts() {
    const std::size_t begin = peek().offset;
    Node left = parse_sum();
    const Token& token = peek();
    if (const std::optional<CmpOp> op = comparison_op(token.kind)) {
      Node node = make_node(NodeKind::Compare, advance().offset);
      node.op = *op;
      node.children.push_back(std::move(left));
      node.children.push_back(parse_sum());
      return spanned(std::move(node), begin);
    }
    const bool not_in = token.kind == TokenKind::Not && peek(1).kind == TokenKind::In;
    if (token.kind == TokenKind::In || not_in) {
      Node node = make_node(NodeKind::In, advance().offset);
      if (not_in) advance();
      node.negated = not_in;
      node.children.push_back(std::move(left));
      parse_list(node);
      return spanned(std::move(node), begin);
    }
    if (token.kind == TokenKind::Contains) {
      Node node = make_node(NodeKind::Contains, advance().offset);
      node.children.push_back(std::move(left));
      node.children.push_back(parse_primary());
      return spanned(std::move(node), begin);
    }
    return left;
  }

  Node parse_sum() {
    return parse_arith_chain(TokenKind::Plus, TokenKind::Minus, &Parser::parse_product);
  }
  Node parse_product() {
    return parse_arith_chain(TokenKind::Star, TokenKind::Slash, &Parser::parse_unary);
  }

  // One n-ary node for `a + b - c`, joined left to right: chains cost no depth, however long.
  Node parse_arith_chain(TokenKind first_op, TokenKind second_op, Node (Parser::*parse_item)()) {
    const std::size_t begin = peek().offset;
    Node first = (this->*parse_item)();
    if (!at(first_op) && !at(second_op)) return first;
    Node chain = make_node(NodeKind::Arith, peek().offset);
    chain.children.push_back(std::move(first));
    while (at(first_op) || at(second_op)) {
      chain.arith_ops.push_back(arith_op(advance().kind));
      chain.children.push_back((this->*parse_item)());
    }
    return spanned(std::move(chain), begin);
  }

  static ArithOp arith_op(TokenKind kind) {
    switch (kind) {
      case TokenKind::Plus:
        return ArithOp::Add;
      case TokenKind::Minus:
        return ArithOp::Sub;
      case TokenKind::Star:
        return ArithOp::Mul;
      default:
        return ArithOp::Div;
    }
  }

  Node parse_unary() {
    if (!at(TokenKind::Minus)) return parse_primary();
    const std::size_t begin = peek().offset;
    Node node = make_node(NodeKind::Negate, advance().offset);
    enter(node.offset);
    node.children.push_back(parse_unary());
    --depth_;
    return spanned(std::move(node), begin);
  }

  /// `node`, which started at `begin` and ends with the last token consumed.
  Node spanned(Node node, std::size_t begin) const {
    node.begin = begin;
    node.end = consumed_end_;
    return node;
  }

  // What may follow a complete condition; a bare fact or value may also take an operator.
  std::string continuation(const char* closing) const {
    return std::string(after_operand_ ? "a comparison operator, " : "") + "'and', 'or' or " +
           closing;
  }

  void parse_list(Node& node) {
    expect(TokenKind::LBracket, "'[' to start the list of values");
    while (true) {
      if (!is_literal(peek().kind))
        fail("a value (a number, a word, a quoted string, true or false)");
      node.children.push_back(operand(advance()));
      if (!at(TokenKind::Comma)) break;
      advance();
    }
    expect(TokenKind::RBracket, "',' or ']'");
  }

  Node parse_primary() {
    const Token& token = peek();
    if (is_literal(token.kind) || token.kind == TokenKind::Name) return operand(advance());
    if (token.kind == TokenKind::Known) return parse_known();
    if (token.kind == TokenKind::LParen) {
      enter(advance().offset);
      Node inner = parse_or();
      if (!at(TokenKind::RParen)) fail(continuation("')'"));
      advance();
      --depth_;
      return inner;
    }
    fail("a fact, a value, 'not', 'known(', '-' or '('");
  }

  Node parse_known() {
    Node node = make_node(NodeKind::Known, advance().offset);
    expect(TokenKind::LParen, "'(' after 'known'");
    if (!at(TokenKind::Name) && !at(TokenKind::Word)) fail("a fact name such as 'patient.age'");
    node.children.push_back(operand(advance()));
    expect(TokenKind::RParen, "')'");
    const std::size_t begin = node.offset;
    return spanned(std::move(node), begin);
  }

  static Node operand(const Token& token) {
    Node node;
    node.offset = token.offset;
    node.text = token.text;
    node.begin = token.offset;
    node.end = token_end(token);
    switch (token.kind) {
      case TokenKind::Name:
        node.kind = NodeKind::Fact;
        break;
      case TokenKind::Number:
        node.kind = NodeKind::Number;
        node.number = token.number;
        break;
      case TokenKind::True:
      case TokenKind::False:
        node.kind = NodeKind::Bool;
        node.boolean = token.kind == TokenKind::True;
        break;
      default:
        node.kind = NodeKind::Symbol;
        node.quoted = token.kind == TokenKind::String;
        break;
    }
    return node;
  }

  // Checked before every recursion that nests: a `(` or a `not`.
  void enter(std::size_t offset) {
    if (depth_ >= limits_.max_depth) {
      sink_.error(origin_.locate(offset), "E-EXPR-TOO-DEEP",
                  "expression nests more than " + std::to_string(limits_.max_depth) +
                      " parentheses and 'not's",
                  "split the condition into several rules");
      throw ParseAbort{};
    }
    ++depth_;
  }

  const Token& peek(std::size_t ahead = 0) const {
    const std::size_t index = pos_ + ahead;
    return index < tokens_.size() ? tokens_[index] : tokens_.back();
  }
  bool at(TokenKind kind) const { return peek().kind == kind; }
  const Token& advance() {
    const Token& token = peek();
    consumed_end_ = token_end(token);
    if (pos_ + 1 < tokens_.size()) ++pos_;
    return token;
  }
  /// Where the characters of `token` end; a string's text leaves out its two quotes.
  static std::size_t token_end(const Token& token) {
    return token.offset + token.text.size() + (token.kind == TokenKind::String ? 2 : 0);
  }
  void expect(TokenKind kind, const char* expected) {
    if (!at(kind)) fail(expected);
    advance();
  }

  [[noreturn]] void fail(const std::string& expected) {
    const Token& found = peek();
    std::string hint;
    if (found.kind == TokenKind::Word) {
      const std::string_view keyword = keyword_for_case_typo(found.text);
      if (!keyword.empty()) hint = "keywords are lower case: " + quote(std::string(keyword));
    }
    sink_.error(origin_.locate(found.offset), "E-EXPR-SYNTAX",
                "expected " + expected + ", found " + describe(found), std::move(hint));
    throw ParseAbort{};
  }

  const std::vector<Token>& tokens_;
  const ExprOrigin& origin_;
  const ExprLimits& limits_;
  DiagnosticSink& sink_;
  std::size_t pos_ = 0;
  std::size_t depth_ = 0;
  bool after_operand_ = false;  ///< the last comparison parsed was a lone fact or value
  std::size_t consumed_end_ = 0;  ///< end of the last token consumed
};

}  // namespace

std::optional<Node> parse_expression(std::string_view text, const ExprOrigin& origin,
                                     const ExprLimits& limits, DiagnosticSink& sink) {
  if (text.size() > limits.max_bytes) {
    sink.error(origin.locate(0), "E-EXPR-TOO-LONG",
               "expression is " + std::to_string(text.size()) + " bytes long; the limit is " +
                   std::to_string(limits.max_bytes),
               "split the condition into several rules");
    return std::nullopt;
  }
  const std::optional<std::vector<Token>> tokens = lex_expression(text, origin, sink);
  if (!tokens) return std::nullopt;
  return Parser(*tokens, origin, limits, sink).run();
}

}  // namespace scarwise::internal
