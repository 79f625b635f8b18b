#include "expr/compiler.hpp"

#include <algorithm>

namespace scarwise::internal {
namespace {

constexpr std::uint32_t kMaskBits = 64;

Value::Kind value_kind(FactType type) {
  switch (type) {
    case FactType::Bool:
      return Value::Kind::Bool;
    case FactType::Int:
    case FactType::Number:
      return Value::Kind::Number;
    case FactType::Enum:
      return Value::Kind::Enum;
    case FactType::Set:
      return Value::Kind::Set;
  }
  return Value::Kind::Unknown;
}

// The ordinal a literal stands for (see Instr).
Numeric literal_ordinal(const Node& literal) {
  switch (literal.kind) {
    case NodeKind::Bool:
      return Numeric::of_int(literal.boolean ? 1 : 0);
    case NodeKind::Symbol:
      return Numeric::of_int(literal.value_index);
    default:
      return literal.number;
  }
}

class Compiler {
 public:
  explicit Compiler(const Vocabulary& vocabulary) : vocabulary_(vocabulary) {}

  std::uint32_t emit(const Node& node) {
    switch (node.kind) {
      case NodeKind::Or:
        return emit_junction(node, Opcode::Or);
      case NodeKind::And:
        return emit_junction(node, Opcode::And);
      case NodeKind::Not:
        return emit_junction(node, Opcode::Not);
      default: {
        const std::uint32_t index = emit_leaf(node);
        code_.sources[index] = leaf_source(node);
        return index;
      }
    }
  }

  // A number: a literal, an int or number fact, or arithmetic over them.
  std::uint32_t emit_number(const Node& node) {
    std::uint32_t index = 0;
    switch (node.kind) {
      case NodeKind::Fact:
        index = push(fact_instr(Opcode::NumFact, node));
        break;
      case NodeKind::Negate: {
        Instr instr;
        instr.code = Opcode::Negate;
        instr.first = push_operands({emit_number(node.children.front())}, {});
        instr.count = 1;
        index = push(instr);
        break;
      }
      case NodeKind::Arith: {
        std::vector<std::uint32_t> children;
        for (const Node& child : node.children) children.push_back(emit_number(child));
        std::vector<ArithOp> ops{ArithOp::Add};  // the first operand has no operator
        ops.insert(ops.end(), node.arith_ops.begin(), node.arith_ops.end());
        Instr instr;
        instr.code = Opcode::Arith;
        instr.first = push_operands(children, ops);
        instr.count = static_cast<std::uint32_t>(children.size());
        index = push(instr);
        break;
      }
      default: {
        Instr instr;
        instr.code = Opcode::NumConst;
        instr.number = node.number;
        index = push(instr);
        break;
      }
    }
    code_.sources[index].begin = node.begin;
    code_.sources[index].end = node.end;
    return index;
  }

  std::shared_ptr<const ExprProgram> finish(std::string text) {
    std::sort(facts_.begin(), facts_.end());
    facts_.erase(std::unique(facts_.begin(), facts_.end()), facts_.end());
    return std::make_shared<const ExprProgram>(std::move(text), std::move(code_),
                                               std::move(facts_));
  }

 private:
  std::uint32_t emit_leaf(const Node& node) {
    switch (node.kind) {
      case NodeKind::Compare:
        return emit_compare(node);
      case NodeKind::In:
        return emit_membership(node, node.negated);
      case NodeKind::Contains: {
        Instr instr = fact_instr(Opcode::Contains, node.children[0]);
        instr.mask = std::uint64_t{1} << node.children[1].value_index;
        return push(instr);
      }
      case NodeKind::Known:
        return push(fact_instr(Opcode::Known, node.children[0]));
      case NodeKind::Fact:
        return emit_membership(node, false);  // a lone bool fact: is it true
      default: {
        Instr instr;
        instr.constant = tri_of(node.boolean);
        return push(instr);
      }
    }
  }

  // Kept beside the code for explanations, which quote each comparison as written.
  static LeafSource leaf_source(const Node& node) {
    LeafSource source;
    source.begin = node.begin;
    source.end = node.end;
    source.list = node.kind == NodeKind::In;
    const bool arithmetic = node.kind == NodeKind::Compare &&
                            (is_arithmetic(node.children[0].kind) ||
                             is_arithmetic(node.children[1].kind));
    source.has_literal = source.list || node.kind == NodeKind::Contains ||
                         (node.kind == NodeKind::Compare && !arithmetic &&
                          node.children[1].kind != NodeKind::Fact);
    if (source.has_literal) {
      source.literal_begin = node.children[1].begin;
      source.literal_end = source.list ? node.end : node.children[1].end;
    }
    return source;
  }

  std::uint32_t emit_junction(const Node& node, Opcode code) {
    std::vector<std::uint32_t> children;
    for (const Node& child : node.children) children.push_back(emit(child));
    Instr instr;
    instr.code = code;
    instr.first = push_operands(children, {});
    instr.count = static_cast<std::uint32_t>(children.size());
    return push(instr);
  }

  // Appends operands (and their arithmetic operators, `+` where there are none); returns
  // where they start.
  std::uint32_t push_operands(const std::vector<std::uint32_t>& operands,
                              const std::vector<ArithOp>& ops) {
    const auto first = static_cast<std::uint32_t>(code_.operands.size());
    code_.operands.insert(code_.operands.end(), operands.begin(), operands.end());
    for (std::size_t i = 0; i < operands.size(); ++i) {
      code_.arith_ops.push_back(i < ops.size() ? ops[i] : ArithOp::Add);
    }
    return first;
  }

  std::uint32_t emit_compare(const Node& node) {
    const Node& fact = node.children[0];
    const Node& value = node.children[1];
    if (is_arithmetic(fact.kind) || is_arithmetic(value.kind)) {
      const std::uint32_t left = emit_number(fact);
      const std::uint32_t right = emit_number(value);
      Instr instr;
      instr.code = Opcode::CompareNum;
      instr.cmp = node.op;
      instr.first = push_operands({left, right}, {});
      instr.count = 2;
      return push(instr);
    }
    const FactType type = vocabulary_.fact(fact.fact).type;
    if (value.kind == NodeKind::Fact) {
      Instr instr = fact_instr(Opcode::CompareFacts, fact);
      instr.other = value.fact;
      instr.cmp = node.op;
      facts_.push_back(value.fact);
      return push(instr);
    }
    if (type == FactType::Int || type == FactType::Number) {
      Instr instr = fact_instr(Opcode::Compare, fact);
      instr.cmp = node.op;
      instr.number = value.number;
      return push(instr);
    }
    return emit_membership(node, node.op == CmpOp::Ne);  // bool or enum (in)equality
  }

  // `fact in [...]`, `fact == v` for bools and enums, and a lone bool fact. Values are ordinals:
  // a bit mask when they all fit, otherwise a sorted list.
  std::uint32_t emit_membership(const Node& node, bool negate) {
    const bool lone = node.kind == NodeKind::Fact;
    const Node& fact = lone ? node : node.children[0];
    std::vector<Numeric> ordinals;
    if (lone) ordinals.push_back(Numeric::of_int(1));
    for (std::size_t i = 1; i < node.children.size(); ++i) {
      ordinals.push_back(literal_ordinal(node.children[i]));
    }
    std::sort(ordinals.begin(), ordinals.end(), numeric_less);
    const FactType type = vocabulary_.fact(fact.fact).type;
    // Bool and enum ordinals are small integers: bits of the mask, when they fit.
    const bool fits_mask = (type == FactType::Bool || type == FactType::Enum) &&
                           ordinals.back().integer < kMaskBits;
    Instr instr = fact_instr(fits_mask ? Opcode::InMask : Opcode::InList, fact);
    instr.negate = negate;
    if (fits_mask) {
      for (const Numeric& ordinal : ordinals) {
        instr.mask |= std::uint64_t{1} << static_cast<std::uint32_t>(ordinal.integer);
      }
    } else {
      instr.first = static_cast<std::uint32_t>(code_.numbers.size());
      instr.count = static_cast<std::uint32_t>(ordinals.size());
      code_.numbers.insert(code_.numbers.end(), ordinals.begin(), ordinals.end());
    }
    return push(instr);
  }

  Instr fact_instr(Opcode code, const Node& fact) {
    facts_.push_back(fact.fact);
    Instr instr;
    instr.code = code;
    instr.fact = fact.fact;
    instr.kind = value_kind(vocabulary_.fact(fact.fact).type);
    return instr;
  }

  std::uint32_t push(const Instr& instr) {
    code_.instrs.push_back(instr);
    code_.sources.emplace_back();
    return static_cast<std::uint32_t>(code_.instrs.size() - 1);
  }

  const Vocabulary& vocabulary_;
  ProgramCode code_;
  std::vector<FactId> facts_;
};

}  // namespace

std::shared_ptr<const ExprProgram> compile_program(const Node& root, std::string text,
                                                   const Vocabulary& vocabulary) {
  Compiler compiler(vocabulary);
  compiler.emit(root);
  return compiler.finish(std::move(text));
}

std::shared_ptr<const ExprProgram> compile_number_program(const Node& root, std::string text,
                                                          const Vocabulary& vocabulary) {
  Compiler compiler(vocabulary);
  compiler.emit_number(root);
  return compiler.finish(std::move(text));
}

}  // namespace scarwise::internal
