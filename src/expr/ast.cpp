#include "expr/ast.hpp"

namespace scarwise::internal {
namespace {

const char* head(const Node& node) {
  switch (node.kind) {
    case NodeKind::Or:
      return "or";
    case NodeKind::And:
      return "and";
    case NodeKind::Not:
      return "not";
    case NodeKind::Compare:
      return spelling(node.op);
    case NodeKind::In:
      return node.negated ? "not-in" : "in";
    case NodeKind::Contains:
      return "contains";
    case NodeKind::Known:
      return "known";
    case NodeKind::Negate:
      return "-";
    default:
      return "";
  }
}

}  // namespace

std::string to_string(const Node& node) {
  switch (node.kind) {
    case NodeKind::Fact:
    case NodeKind::Number:
      return std::string(node.text);
    case NodeKind::Bool:
      return node.boolean ? "true" : "false";
    case NodeKind::Symbol:
      return node.quoted ? "'" + std::string(node.text) + "'" : std::string(node.text);
    default:
      break;
  }
  if (node.kind == NodeKind::Arith) {  // (+ a b) for a + b; (- (+ a b) c) for a + b - c
    std::string out = to_string(node.children[0]);
    for (std::size_t i = 1; i < node.children.size(); ++i) {
      out = std::string("(") + spelling(node.arith_ops[i - 1]) + " " + out + " " +
            to_string(node.children[i]) + ")";
    }
    return out;
  }
  std::string out = std::string("(") + head(node);
  for (std::size_t i = 0; i < node.children.size(); ++i) {
    const bool list_start = node.kind == NodeKind::In && i == 1;
    out += list_start ? " [" : " ";
    out += to_string(node.children[i]);
  }
  if (node.kind == NodeKind::In) out += "]";
  return out + ")";
}

}  // namespace scarwise::internal
