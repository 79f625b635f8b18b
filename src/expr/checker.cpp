#include "expr/checker.hpp"

#include <charconv>
#include <cmath>
#include <string>
#include <utility>

#include "support/did_you_mean.hpp"
#include "support/quote.hpp"

namespace scarwise::internal {
namespace {

constexpr std::uint32_t kMaxSetValues = 64;  // a set value is a 64-bit mask (see Value)

// Shortest round-trip form, independent of the locale: 6 -> "6", 2.5 -> "2.5".
std::string format_number(double value) {
  char buffer[32];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  return std::string(buffer, result.ptr);
}

bool is_numeric(FactType type) { return type == FactType::Int || type == FactType::Number; }
bool is_word(const Node& node) { return node.kind == NodeKind::Symbol && !node.quoted; }

// "an int fact", "a set fact"
std::string kind_of(const FactDecl& fact) {
  const bool vowel = fact.type == FactType::Int || fact.type == FactType::Enum;
  return std::string(vowel ? "an " : "a ") + to_string(fact.type) + " fact";
}

std::string describe_literal(const Node& node) {
  switch (node.kind) {
    case NodeKind::Number:
      return "the number " + std::string(node.text);
    case NodeKind::Bool:
      return node.boolean ? "true" : "false";
    case NodeKind::Symbol:
      return (node.quoted ? "the string " : "the word ") + quote(node.text);
    case NodeKind::Fact:
      return "the fact " + quote(node.text);
    case NodeKind::Arith:
    case NodeKind::Negate:
      return "an arithmetic expression";
    default:
      return "a condition";
  }
}

std::string list_values(const FactDecl& fact) {
  constexpr std::size_t kShown = 12;
  std::string out;
  for (std::size_t i = 0; i < fact.values.size() && i < kShown; ++i) {
    out += (i ? ", " : "") + fact.values[i];
  }
  if (fact.values.size() > kShown) out += ", ...";
  return out;
}

// A condition that uses `fact` correctly, for hints.
std::string example_condition(const FactDecl& fact) {
  const std::string first = fact.values.empty() ? "..." : fact.values.front();
  switch (fact.type) {
    case FactType::Bool:
      return fact.name;
    case FactType::Int:
    case FactType::Number:
      return fact.name + " >= " + format_number(fact.min.value_or(1));
    case FactType::Enum:
      return fact.name + " == " + first;
    case FactType::Set:
      return fact.name + " contains " + first;
  }
  return fact.name;
}

// Whether `fact op value` holds for at least one value the declaration allows. Exact, like
// evaluation: an int literal is never rounded to a double to meet a bound.
bool can_hold(const FactDecl& fact, CmpOp op, const Numeric& value) {
  const auto order_to = [&](const std::optional<double>& bound) {
    return compare_numeric(value, Numeric::of_real(*bound));
  };
  const bool integral =
      fact.type != FactType::Int || value.integral || std::floor(value.real) == value.real;
  switch (op) {
    case CmpOp::Eq:
      return integral && (!fact.min || order_to(fact.min) >= 0) &&
             (!fact.max || order_to(fact.max) <= 0);
    case CmpOp::Ne:
      return true;
    case CmpOp::Lt:
      return !fact.min || order_to(fact.min) > 0;
    case CmpOp::Le:
      return !fact.min || order_to(fact.min) >= 0;
    case CmpOp::Gt:
      return !fact.max || order_to(fact.max) < 0;
    case CmpOp::Ge:
      return !fact.max || order_to(fact.max) <= 0;
  }
  return true;
}

// "'patient.fitzpatrick' is an int from 1 to 6"
std::string declared_range(const FactDecl& fact) {
  std::string out = quote(fact.name) + (fact.type == FactType::Int ? " is an int" : " is a number");
  if (fact.min && fact.max) {
    out += " from " + format_number(*fact.min) + " to " + format_number(*fact.max);
  } else if (fact.min) {
    out += " of at least " + format_number(*fact.min);
  } else if (fact.max) {
    out += " of at most " + format_number(*fact.max);
  }
  return out;
}

// Where the characters of `node` start: `and`, `or` and `not` keep no span of their own.
std::size_t start_of(const Node& node) {
  if (node.kind == NodeKind::Or || node.kind == NodeKind::And) return start_of(node.children[0]);
  if (node.kind == NodeKind::Not) return node.offset;
  return node.begin;
}

// `ice-pick` read as the subtraction of two words: a value with a '-' that was not quoted.
bool is_hyphenated_word(const Node& node) {
  if (node.kind != NodeKind::Arith) return false;
  for (const Node& child : node.children) {
    if (child.kind != NodeKind::Symbol || child.quoted) return false;
  }
  for (ArithOp op : node.arith_ops) {
    if (op != ArithOp::Sub) return false;
  }
  return true;
}

// The value of a fact-free arithmetic term, if it has one (a division by zero has none).
std::optional<Numeric> fold_constant(const Node& node) {
  switch (node.kind) {
    case NodeKind::Number:
      return node.number;
    case NodeKind::Negate: {
      const std::optional<Numeric> inner = fold_constant(node.children.front());
      return inner ? std::optional<Numeric>(negate(*inner)) : std::nullopt;
    }
    case NodeKind::Arith: {
      std::optional<Numeric> result = fold_constant(node.children.front());
      for (std::size_t i = 1; i < node.children.size() && result; ++i) {
        const std::optional<Numeric> next = fold_constant(node.children[i]);
        result = next ? apply(node.arith_ops[i - 1], *result, *next) : std::nullopt;
      }
      return result;
    }
    default:
      return std::nullopt;
  }
}

class Checker {
 public:
  Checker(const Vocabulary& vocabulary, const ExprOrigin& origin, DiagnosticSink& sink)
      : vocabulary_(vocabulary), origin_(origin), sink_(sink) {}

  bool ok() const { return ok_; }

  void check_condition(Node& node) {
    switch (node.kind) {
      case NodeKind::Or:
      case NodeKind::And:
      case NodeKind::Not:
        for (Node& child : node.children) check_condition(child);
        return;
      case NodeKind::Compare:
        return check_compare(node);
      case NodeKind::In:
        return check_in(node);
      case NodeKind::Contains:
        return check_contains(node);
      case NodeKind::Known:
        resolve_fact(node.children.front());
        return;
      default:
        return check_lone_operand(node);
    }
  }

  /// Checks `node` as a number: a number literal, an int or number fact, or arithmetic over
  /// them. Reports every problem; returns false if there was one.
  bool check_numeric(Node& node) {
    switch (node.kind) {
      case NodeKind::Number:
        return true;
      case NodeKind::Fact: {
        const FactDecl* fact = resolve_fact(node);
        if (!fact) return false;
        if (is_numeric(fact->type)) return true;
        error(node.offset, "E-EXPR-TYPE", quote(fact->name) + " is " + kind_of(*fact) +
                                              ", not a number",
              "arithmetic takes int and number facts and numbers");
        return false;
      }
      case NodeKind::Negate:
        return check_numeric(node.children.front());
      case NodeKind::Arith: {
        bool ok = true;
        for (Node& child : node.children) ok = check_numeric(child) && ok;
        for (std::size_t i = 1; ok && i < node.children.size(); ++i) {
          if (node.arith_ops[i - 1] != ArithOp::Div) continue;
          const std::optional<Numeric> divisor = fold_constant(node.children[i]);
          if (divisor && is_zero(*divisor)) {
            error(node.children[i].begin, "E-EXPR-DIVIDE-BY-ZERO",
                  "division by zero: the divisor is always 0",
                  "divide by a fact or by a number other than 0");
            ok = false;
          }
        }
        return ok;
      }
      case NodeKind::Symbol:
        if (!node.quoted && !suggest_fact(node.text).empty()) {
          report_unknown_fact(node);  // most likely a fact without its scope
          return false;
        }
        error(node.offset, "E-EXPR-TYPE", "arithmetic takes numbers, not " + describe_literal(node),
              node.quoted ? "compare the value instead of computing with it"
                          : "facts are written with their scope, e.g. 'patient.age'; quote "
                            "values that contain '-', e.g. 'ice-pick'");
        return false;
      case NodeKind::Bool:
        error(node.offset, "E-EXPR-TYPE",
              "arithmetic takes numbers, not " + describe_literal(node));
        return false;
      default:
        error(start_of(node), "E-EXPR-TYPE", "arithmetic takes numbers, not a condition",
              "compute with int and number facts and numbers only");
        return false;
    }
  }

 private:
  // A fact or value standing alone where a condition belongs.
  void check_lone_operand(Node& node) {
    if (node.kind == NodeKind::Bool) return;
    if (is_arithmetic(node.kind)) {
      check_numeric(node);
      error(node.begin, "E-EXPR-TYPE", "an arithmetic expression is not a condition",
            "compare it, e.g. 'patient.a + patient.b >= 2'");
      return;
    }
    if (node.kind != NodeKind::Fact && !is_word(node)) {
      error(node.offset, "E-EXPR-TYPE", describe_literal(node) + " is not a condition",
            "write a comparison such as 'scar.severity >= 3', or true or false");
      return;
    }
    const FactDecl* fact = resolve_fact(node);
    if (fact && fact->type != FactType::Bool) {
      error(node.offset, "E-EXPR-TYPE",
            quote(fact->name) + " is " + kind_of(*fact) + ", not a condition",
            "compare it, e.g. " + quote(example_condition(*fact)));
    }
  }

  void check_compare(Node& node) {
    Node& left = node.children[0];
    Node& right = node.children[1];
    // Arithmetic on either side: both sides are numbers, computed when the rule is evaluated.
    if (is_arithmetic(left.kind) || is_arithmetic(right.kind)) {
      for (const Node* side : {&left, &right}) {
        if (!is_hyphenated_word(*side)) continue;
        error(side->offset, "E-EXPR-SYNTAX", "unexpected '-' in a value",
              "quote values that contain '-', e.g. 'ice-pick'; negative numbers are written -1");
        return;
      }
      check_numeric(left);
      check_numeric(right);
      return;
    }
    if (!is_operand(left.kind) || !is_operand(right.kind)) {
      error(node.offset, "E-EXPR-TYPE",
            std::string("'") + spelling(node.op) + "' compares facts and values, not conditions",
            "compare each fact on its own and join the comparisons with 'and' or 'or'");
      for (Node* side : {&left, &right}) {
        if (!is_operand(side->kind)) check_condition(*side);
      }
      return;
    }
    if (left.kind != NodeKind::Fact && right.kind == NodeKind::Fact) {
      std::swap(left, right);
      node.op = flipped(node.op);
    }
    if (left.kind != NodeKind::Fact) return report_two_values(node);
    const FactDecl* fact = resolve_fact(left);
    const FactDecl* other = right.kind == NodeKind::Fact ? resolve_fact(right) : nullptr;
    if (!fact || (right.kind == NodeKind::Fact && !other)) return;
    if (!check_operator(node, *fact)) return;
    if (other) return check_fact_pair(node, *fact, *other);
    if (check_literal(*fact, right) && is_numeric(fact->type) &&
        !can_hold(*fact, node.op, right.number)) {
      warn_never_true(right.offset,
                      quote(fact->name + " " + spelling(node.op) + " " + std::string(right.text)),
                      *fact);
    }
  }

  // Neither side names a fact: an unscoped word most likely meant one.
  void report_two_values(const Node& node) {
    for (const Node& side : node.children) {
      if (is_word(side)) return report_unknown_fact(side);
    }
    error(node.offset, "E-EXPR-TYPE",
          std::string("'") + spelling(node.op) + "' compares two values; one side must be a fact",
          "facts are written with their scope, e.g. 'patient.age' or 'scar.type'");
  }

  bool check_operator(const Node& node, const FactDecl& fact) {
    if (is_ordering(node.op) && !is_numeric(fact.type)) {
      const char* hint = fact.type == FactType::Set    ? "use 'contains'"
                         : fact.type == FactType::Enum ? "use '==', '!=' or 'in [...]'"
                                                       : "use '==' or '!='";
      error(node.offset, "E-EXPR-TYPE",
            std::string("'") + spelling(node.op) + "' needs an int or number fact; " +
                quote(fact.name) + " is " + kind_of(fact),
            hint);
      return false;
    }
    if (fact.type == FactType::Set) {
      error(node.offset, "E-EXPR-TYPE",
            std::string("'") + spelling(node.op) + "' cannot compare the set fact " +
                quote(fact.name),
            "test one value with 'contains', e.g. " + quote(example_condition(fact)));
      return false;
    }
    return true;
  }

  void check_fact_pair(const Node& node, const FactDecl& a, const FactDecl& b) {
    const bool comparable = (is_numeric(a.type) && is_numeric(b.type)) ||
                            (a.type == b.type && a.type == FactType::Bool) ||
                            (a.type == b.type && a.type == FactType::Enum && a.values == b.values);
    if (comparable) return;
    const bool both_enums = a.type == FactType::Enum && b.type == FactType::Enum;
    error(node.offset, "E-EXPR-TYPE",
          "cannot compare " + quote(a.name) + " (" + to_string(a.type) + ") with " + quote(b.name) +
              " (" + to_string(b.type) + ")",
          both_enums ? "enum facts compare only when they declare the same values"
                     : "compare facts of the same type");
  }

  void check_in(Node& node) {
    const FactDecl* fact = subject_fact(node, "in");
    if (!fact) return;
    if (fact->type == FactType::Set) {
      error(node.offset, "E-EXPR-TYPE", "'in' cannot test the set fact " + quote(fact->name),
            "test one value with 'contains', e.g. " + quote(example_condition(*fact)));
      return;
    }
    bool all_valid = true;
    bool any_can_hold = false;
    for (std::size_t i = 1; i < node.children.size(); ++i) {
      Node& value = node.children[i];
      if (!check_literal(*fact, value)) {
        all_valid = false;
      } else if (is_numeric(fact->type) && can_hold(*fact, CmpOp::Eq, value.number)) {
        any_can_hold = true;
      }
    }
    if (all_valid && is_numeric(fact->type) && !any_can_hold && !node.negated) {
      std::string list;
      for (std::size_t i = 1; i < node.children.size(); ++i) {
        list += (i > 1 ? ", " : "") + std::string(node.children[i].text);
      }
      warn_never_true(node.offset, quote(fact->name + " in [" + list + "]"), *fact);
    }
  }

  void check_contains(Node& node) {
    Node& value = node.children[1];
    if (!is_operand(value.kind)) {
      error(node.offset, "E-EXPR-TYPE", "'contains' takes one value on its right, not a condition");
      check_condition(value);
    }
    const FactDecl* fact = subject_fact(node, "contains");
    if (!fact || !is_operand(value.kind)) return;
    if (fact->type != FactType::Set) {
      error(node.offset, "E-EXPR-TYPE",
            "'contains' needs a set fact; " + quote(fact->name) + " is " + kind_of(*fact),
            "compare it, e.g. " + quote(example_condition(*fact)));
      return;
    }
    if (value.kind == NodeKind::Fact) {
      error(value.offset, "E-EXPR-TYPE", "'contains' takes a value on its right, not a fact",
            "one of: " + list_values(*fact));
      return;
    }
    check_literal(*fact, value);
  }

  // The fact on the left of `in` or `contains`.
  const FactDecl* subject_fact(Node& node, const char* op) {
    Node& subject = node.children.front();
    if (subject.kind == NodeKind::Fact) return resolve_fact(subject);
    if (is_word(subject)) {
      report_unknown_fact(subject);
    } else {
      error(subject.offset, "E-EXPR-TYPE",
            std::string("the left side of '") + op + "' must be a fact, not " +
                describe_literal(subject));
      if (is_arithmetic(subject.kind)) {
        check_numeric(subject);
      } else if (!is_operand(subject.kind)) {
        check_condition(subject);
      }
    }
    return nullptr;
  }

  // Whether `value` is a literal of `fact`'s type (and a declared value, for enums and sets);
  // records the value's index for the compiler.
  bool check_literal(const FactDecl& fact, Node& value) {
    switch (fact.type) {
      case FactType::Bool:
        if (value.kind == NodeKind::Bool) return true;
        break;
      case FactType::Int:
      case FactType::Number:
        if (value.kind == NodeKind::Number) return true;
        break;
      case FactType::Enum:
      case FactType::Set:
        if (value.kind == NodeKind::Symbol) return check_declared_value(fact, value);
        break;
    }
    error(value.offset, "E-EXPR-TYPE",
          quote(fact.name) + " is " + kind_of(fact) + "; it cannot be compared with " +
              describe_literal(value),
          literal_hint(fact, value));
    return false;
  }

  static std::string literal_hint(const FactDecl& fact, const Node& value) {
    switch (fact.type) {
      case FactType::Bool:
        return "compare it with true or false";
      case FactType::Int:
      case FactType::Number:
        return "compare it with a number";
      case FactType::Enum:
      case FactType::Set:
        break;
    }
    if (fact.value_index(value.text) >= 0) return "quote the value: " + quote(value.text);
    return "use one of its values: " + list_values(fact);
  }

  bool check_declared_value(const FactDecl& fact, Node& value) {
    const int index = fact.value_index(value.text);
    if (index < 0) {
      error(value.offset, "E-EXPR-UNKNOWN-VALUE",
            quote(value.text) + " is not a value of " + quote(fact.name),
            did_you_mean(value.text, fact.values, "its values are: " + list_values(fact)));
      return false;
    }
    if (fact.type == FactType::Set && static_cast<std::uint32_t>(index) >= kMaxSetValues) {
      error(value.offset, "E-EXPR-TYPE",
            "only the first 64 values of a set fact can be tested; " + quote(value.text) +
                " is not among them");
      return false;
    }
    value.value_index = static_cast<std::uint32_t>(index);
    return true;
  }

  const FactDecl* resolve_fact(Node& node) {
    if (node.kind == NodeKind::Fact) {
      if (const std::optional<FactId> id = vocabulary_.find(node.text)) {
        node.fact = *id;
        return &vocabulary_.fact(*id);
      }
    }
    report_unknown_fact(node);
    return nullptr;
  }

  void report_unknown_fact(const Node& node) {
    std::string hint = suggest_fact(node.text);
    if (hint.empty()) {
      hint = node.kind == NodeKind::Fact
                 ? "declare it under 'facts:'"
                 : "facts are written with their scope, e.g. 'patient.age' or 'scar.type'";
    }
    error(node.offset, "E-EXPR-UNKNOWN-FACT", "unknown fact " + quote(node.text), std::move(hint));
  }

  // A wrong or missing scope ("patient.type", "type"), a typo in the full name, or a typo
  // in the key; in that order, because a right key is stronger evidence than a near name.
  std::string suggest_fact(std::string_view name) const {
    const std::string_view key = name.substr(name.rfind('.') + 1);
    std::vector<std::string> keys;
    for (const FactDecl& fact : vocabulary_.facts()) {
      if (fact.key == key) return "did you mean " + quote(fact.name) + "?";
      keys.push_back(fact.key);
    }
    std::string hint = did_you_mean(name, vocabulary_.names());
    if (!hint.empty()) return hint;
    const std::string match = closest_match(key, keys);
    for (const FactDecl& fact : vocabulary_.facts()) {
      if (!match.empty() && fact.key == match) return "did you mean " + quote(fact.name) + "?";
    }
    return {};
  }

  void warn_never_true(std::size_t offset, const std::string& comparison, const FactDecl& fact) {
    sink_.warning(origin_.locate(offset), "W-NEVER-TRUE",
                  comparison + " can never be true: " + declared_range(fact),
                  "check the value against the fact's declaration");
  }

  void error(std::size_t offset, const char* code, std::string message, std::string hint = {}) {
    sink_.error(origin_.locate(offset), code, std::move(message), std::move(hint));
    ok_ = false;
  }

  const Vocabulary& vocabulary_;
  const ExprOrigin& origin_;
  DiagnosticSink& sink_;
  bool ok_ = true;
};

}  // namespace

bool check_expression(Node& root, const Vocabulary& vocabulary, const ExprOrigin& origin,
                      DiagnosticSink& sink) {
  Checker checker(vocabulary, origin, sink);
  checker.check_condition(root);
  return checker.ok();
}

bool check_number_expression(Node& root, const Vocabulary& vocabulary, const ExprOrigin& origin,
                             DiagnosticSink& sink) {
  Checker checker(vocabulary, origin, sink);
  if (!is_operand(root.kind) && !is_arithmetic(root.kind)) {
    sink.error(origin.locate(start_of(root)), "E-EXPR-TYPE",
               "expected a number of weeks, got a condition",
               "write a number, or arithmetic over int and number facts, e.g. "
               "'(6 - patient.months_since_isotretinoin) * 4.35'");
    return false;
  }
  checker.check_numeric(root);
  return checker.ok();
}

}  // namespace scarwise::internal
