#include "analyze/fact_classes.hpp"

#include "analyze/interval_classes.hpp"
#include "analyze/set_classes.hpp"

#include <limits>

namespace scarwise::internal {
namespace {

FactClass unknown_class() { return FactClass{}; }

void add_bool_classes(FactClasses& out) {
  for (const bool b : {false, true}) {
    FactClass c;
    c.kind = FactClass::Kind::Bool;
    c.representative = Value::of_bool(b);
    out.classes.push_back(c);
  }
}

void add_enum_classes(const FactDecl& decl, FactClasses& out) {
  for (std::uint32_t i = 0; i < decl.values.size(); ++i) {
    FactClass c;
    c.kind = FactClass::Kind::Enum;
    c.representative = Value::of_enum(i);
    out.classes.push_back(c);
  }
}

void add_set_classes(const FactDecl& decl, const FactReads& reads,
                     const FactClassLimits& limits, FactClasses& out) {
  const std::optional<SetClasses> sets =
      set_classes(decl.values.size(), reads.masks, limits.max_classes_per_fact);
  if (!sets) {
    throw ClassBudgetExceeded("'" + decl.name + "' would have more than " +
                              std::to_string(limits.max_classes_per_fact) + " classes");
  }
  out.set_masks = sets->masks;
  for (const SetClass& set : sets->classes) {
    FactClass c;
    c.kind = FactClass::Kind::Set;
    c.representative = Value::of_set(set.representative);
    c.set_signature = set.signature;
    out.classes.push_back(c);
  }
}

void add_interval_classes(const FactDecl& decl, const FactReads& reads,
                          const FactClassLimits& limits, FactClasses& out) {
  // Cuts repeat when many rules share a threshold, so the classes are counted, not the cuts;
  // building them is only a sort.
  const std::vector<IntervalClass> intervals = interval_classes(decl, reads.cuts);
  if (intervals.size() > limits.max_classes_per_fact) {
    throw ClassBudgetExceeded("'" + decl.name + "' would have more than " +
                              std::to_string(limits.max_classes_per_fact) + " classes");
  }
  for (const IntervalClass& interval : intervals) {
    FactClass c;
    c.kind = FactClass::Kind::Interval;
    c.representative.kind = Value::Kind::Number;
    c.representative.number = interval.representative;
    c.interval = interval.interval;
    out.classes.push_back(c);
  }
}

FactClasses classes_of(FactId id, const FactDecl& decl, const FactReads& reads,
                       const FactClassLimits& limits) {
  FactClasses out;
  out.fact = id;
  out.scope = decl.scope;
  out.may_be_unknown = !decl.required && !decl.default_value;
  out.rules = reads.rules;
  if (out.may_be_unknown) out.classes.push_back(unknown_class());
  switch (decl.type) {
    case FactType::Bool:
      add_bool_classes(out);
      break;
    case FactType::Enum:
      add_enum_classes(decl, out);
      break;
    case FactType::Set:
      add_set_classes(decl, reads, limits, out);
      break;
    case FactType::Int:
    case FactType::Number:
      add_interval_classes(decl, reads, limits, out);
      break;
  }
  return out;
}

// Whether a known value of the fact's kind lies in class `c`; `signature` is the value's
// signature when it is a set.
bool in_class(const FactClass& c, const Value& value, std::uint64_t signature) {
  switch (c.kind) {
    case FactClass::Kind::Bool:
      return c.representative.boolean == value.boolean;
    case FactClass::Kind::Enum:
      return c.representative.index == value.index;
    case FactClass::Kind::Interval:
      return c.interval.contains(value.number);
    case FactClass::Kind::Set:
      return c.set_signature == signature;
    case FactClass::Kind::Unknown:
      break;
  }
  return false;
}

std::optional<std::size_t> classify_known(const FactClasses& facts, const Value& value) {
  const std::uint64_t signature =
      value.kind == Value::Kind::Set ? SetClasses{facts.set_masks, {}}.signature(value.bits) : 0;
  for (std::size_t i = facts.may_be_unknown ? 1 : 0; i < facts.classes.size(); ++i) {
    const FactClass& c = facts.classes[i];
    if (c.representative.kind != value.kind) return std::nullopt;
    if (in_class(c, value, signature)) return i;
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::size_t> FactClasses::classify(const Value& value) const {
  if (!value.known()) {
    if (may_be_unknown) return 0;
    return std::nullopt;
  }
  return classify_known(*this, value);
}

FactClassTable FactClassTable::build(const RuleSetModel& model, const FactClassLimits& limits) {
  RuleSetReads reads = collect_reads(model);
  FactClassTable table;
  const std::vector<FactDecl>& decls = model.vocabulary.facts();
  for (FactId id = 0; id < decls.size(); ++id) {
    table.facts_.push_back(classes_of(id, decls[id], reads.facts[id], limits));
  }
  for (const Inexactness& inexact : reads.inexactness) table.facts_[inexact.fact].exact = false;
  table.inexactness_ = std::move(reads.inexactness);
  return table;
}

std::uint8_t FactClassTable::inexact_parts() const noexcept {
  std::uint8_t parts = 0;
  for (const Inexactness& inexact : inexactness_) parts |= inexact.affects;
  return parts;
}

ClassCount FactClassTable::class_space(Scope scope) const {
  constexpr std::uint64_t kMax = std::numeric_limits<std::uint64_t>::max();
  ClassCount total;
  for (const FactClasses& facts : facts_) {
    // A fact no rule reads cannot tell two cases apart.
    if (facts.scope != scope || facts.rules.empty() || facts.classes.empty()) continue;
    const std::uint64_t n = facts.classes.size();
    if (total.count > kMax / n) {
      total.count = kMax;
      total.saturated = true;
    } else {
      total.count *= n;
    }
  }
  return total;
}

}  // namespace scarwise::internal
