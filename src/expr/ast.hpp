// The syntax tree of a `when:` expression. Built by the parser, annotated in place by the
// checker (fact ids, value indices, operands put fact-first) and lowered by the compiler.
// It lives only while an expression is compiled: texts point into the expression string.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "expr/arithmetic.hpp"
#include "expr/compare_op.hpp"
#include "model/numeric.hpp"
#include "model/vocabulary.hpp"

namespace scarwise::internal {

enum class NodeKind : std::uint8_t {
  Or,        ///< children: two or more conditions
  And,       ///< children: two or more conditions
  Not,       ///< children: one condition
  Compare,   ///< children: two operands; `op`
  In,        ///< children: the tested operand, then the listed literals; `negated` for `not in`
  Contains,  ///< children: the set operand and the value
  Known,     ///< children: one fact operand
  Arith,     ///< children: two or more numeric terms, joined left to right by `arith_ops`
  Negate,    ///< children: one numeric term (unary minus)
  Fact,      ///< a dotted name, `text`
  Number,    ///< `number`, written as `text`
  Bool,      ///< `boolean`
  Symbol,    ///< an enum or set value, `text` (without quotes), `quoted` if it had them
};

/// Fact references and literals: what may stand on either side of a comparison.
inline bool is_operand(NodeKind kind) noexcept { return kind >= NodeKind::Fact; }

/// Arithmetic: what may stand, like a fact or a number, on either side of a comparison.
inline bool is_arithmetic(NodeKind kind) noexcept {
  return kind == NodeKind::Arith || kind == NodeKind::Negate;
}

struct Node {
  NodeKind kind = NodeKind::Bool;
  /// Where the node's token starts in the expression text: the operator of Compare, In and
  /// Contains, the keyword of Not and Known, the first `and`/`or` of And/Or, the first operator
  /// of Arith, the `-` of Negate, the operand itself.
  std::size_t offset = 0;
  std::string_view text;
  CmpOp op = CmpOp::Eq;
  bool negated = false;
  bool quoted = false;
  bool boolean = false;
  Numeric number;
  std::vector<Node> children;
  /// Arith: the operator before each child after the first (`+ -` or `* /`, never mixed).
  std::vector<ArithOp> arith_ops;
  /// The characters the node was written as, [begin, end) in the expression text. Set for
  /// operands, arithmetic, comparisons, `in`, `contains` and `known` (what an explanation
  /// quotes); left 0
  /// for `and`, `or` and `not`.
  std::size_t begin = 0;
  std::size_t end = 0;

  // Filled in by the checker.
  FactId fact = 0;                ///< Fact: the resolved declaration
  std::uint32_t value_index = 0;  ///< Symbol: position among the declared values of its fact
};

/// A compact S-expression such as `(and (== scar.type rolling) (not patient.pregnant))`, for
/// tests and debugging.
std::string to_string(const Node& node);

}  // namespace scarwise::internal
