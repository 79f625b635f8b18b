#include "analyze/region_search.hpp"
#include "io/case_scalar.hpp"

#include "analyze/abstract_rules.hpp"
#include "analyze/fact_class_text.hpp"

#include <algorithm>

namespace scarwise::internal {

OutcomeSet join_outcomes(OutcomeSet a, OutcomeSet b, bool is_and) {
  OutcomeSet out = 0;
  for (const Tri x : {Tri::False, Tri::True, Tri::Unknown}) {
    if ((a & outcome_of(x)) == 0) continue;
    for (const Tri y : {Tri::False, Tri::True, Tri::Unknown}) {
      if ((b & outcome_of(y)) == 0) continue;
      out |= outcome_of(is_and ? tri_and(x, y) : tri_or(x, y));
    }
  }
  return out;
}

OutcomeSet negate_outcomes(OutcomeSet a) {
  OutcomeSet out = a & kOutcomeUnknown;
  if (a & kOutcomeTrue) out |= kOutcomeFalse;
  if (a & kOutcomeFalse) out |= kOutcomeTrue;
  return out;
}

Goal Goal::outcome_in(std::uint32_t rule, OutcomeSet accepted) {
  auto node = std::make_shared<Node>();
  node->kind = Kind::Atom;
  node->rule = rule;
  node->accepted = accepted;
  Goal goal;
  goal.node_ = std::move(node);
  return goal;
}

Goal Goal::joined(Kind kind, std::vector<Goal> parts) {
  auto node = std::make_shared<Node>();
  node->kind = kind;
  node->parts = std::move(parts);
  Goal goal;
  goal.node_ = std::move(node);
  return goal;
}

Goal Goal::all_of(std::vector<Goal> parts) { return joined(Kind::All, std::move(parts)); }

Goal Goal::any_of(std::vector<Goal> parts) { return joined(Kind::Any, std::move(parts)); }

void Goal::atoms(std::vector<std::pair<std::uint32_t, OutcomeSet>>& out) const {
  if (node_->kind == Kind::Atom) {
    out.emplace_back(node_->rule, node_->accepted);
    return;
  }
  for (const Goal& part : node_->parts) part.atoms(out);
}

Domain Domain::full(const FactClassTable& table) {
  Domain domain;
  domain.allowed.resize(table.facts().size());
  for (std::size_t f = 0; f < table.facts().size(); ++f) {
    const std::size_t n = table.facts()[f].classes.size();
    std::vector<std::uint32_t>& allowed = domain.allowed[f];
    // Known classes first and `unknown` last: a witness gives what it can.
    for (std::uint32_t c = 0; c < n; ++c) {
      if (table.facts()[f].classes[c].kind != FactClass::Kind::Unknown) allowed.push_back(c);
    }
    for (std::uint32_t c = 0; c < n; ++c) {
      if (table.facts()[f].classes[c].kind == FactClass::Kind::Unknown) allowed.push_back(c);
    }
  }
  return domain;
}

void Domain::require_known(const FactClassTable& table, FactId fact) {
  std::vector<std::uint32_t>& classes = allowed[fact];
  classes.erase(std::remove_if(classes.begin(), classes.end(),
                               [&](std::uint32_t c) {
                                 return table.fact(fact).classes[c].kind ==
                                        FactClass::Kind::Unknown;
                               }),
                classes.end());
}

RegionSearch::RegionSearch(const RuleSetModel& model, const FactClassTable& table,
                           SearchBudget& budget)
    : model_(model),
      table_(table),
      budget_(budget),
      rules_(std::make_unique<AbstractRules>(model, table)),
      cache_(model.rules.size(), 0) {}

RegionSearch::~RegionSearch() = default;

SearchResult RegionSearch::find(const Goal& goal, const Domain& domain) {
  domain_ = &domain;
  assigned_.assign(domain.allowed.size(), -1);
  for (std::size_t f = 0; f < domain.allowed.size(); ++f) {
    if (domain.allowed[f].size() == 1) assigned_[f] = static_cast<std::int32_t>(domain.allowed[f][0]);
  }
  std::vector<std::pair<std::uint32_t, OutcomeSet>> atoms;
  goal.atoms(atoms);
  SearchResult result;
  bool undecided = false;
  // The whole region counts as one class too, so that many searches that each end at once
  // still meet the budget.
  spend_class();
  const bool empty_domain = std::any_of(domain.allowed.begin(), domain.allowed.end(),
                                        [](const auto& a) { return a.empty(); });
  if (!empty_domain && search(goal, atoms, result, undecided)) {
    result.status = SearchStatus::Found;
  } else {
    result.status = undecided ? SearchStatus::Undecided : SearchStatus::Impossible;
  }
  domain_ = nullptr;
  return result;
}

void RegionSearch::spend_class() {
  if (++budget_.used > budget_.max_classes) {
    throw SearchBudgetExceeded("the analysis needs more than " +
                               std::to_string(budget_.max_classes) + " classes");
  }
}

Certainty RegionSearch::judge(const Goal& goal) {
  return goal.judge([&](std::uint32_t rule) {
    OutcomeSet& cached = cache_[rule];
    if (cached == 0) {
      cached = rules_->outcomes(rule, assigned_, *domain_);
      cached_.push_back(rule);
    }
    return cached;
  });
}

bool RegionSearch::search(const Goal& goal,
                          const std::vector<std::pair<std::uint32_t, OutcomeSet>>& atoms,
                          SearchResult& result, bool& undecided) {
  // The region changed since the outcomes were cached: forget them.
  for (std::uint32_t rule : cached_) cache_[rule] = 0;
  cached_.clear();
  const Certainty certainty = judge(goal);
  if (certainty == Certainty::Impossible) return false;
  const std::optional<FactId> fact =
      certainty == Certainty::Certain ? std::nullopt : branch_fact(atoms);
  if (!fact) {
    // Certain for every case of the region, or open only through an inexact reading: the
    // representatives decide, by the engine's own evaluation.
    if (confirm(goal, result)) return true;
    undecided = true;
    return false;
  }
  for (std::uint32_t c : domain_->allowed[*fact]) {
    spend_class();
    assigned_[*fact] = static_cast<std::int32_t>(c);
    if (search(goal, atoms, result, undecided)) return true;
  }
  assigned_[*fact] = -1;
  for (std::uint32_t rule : cached_) cache_[rule] = 0;
  cached_.clear();
  return false;
}

// A free fact read by the first rule the goal still depends on; among that rule's free facts,
// the one with the fewest classes, so that the search narrows fastest.
std::optional<FactId> RegionSearch::branch_fact(
    const std::vector<std::pair<std::uint32_t, OutcomeSet>>& atoms) {
  for (const auto& [rule, accepted] : atoms) {
    OutcomeSet& have = cache_[rule];
    if (have == 0) {
      have = rules_->outcomes(rule, assigned_, *domain_);
      cached_.push_back(rule);
    }
    if ((have & accepted) == 0 || (have & ~accepted) == 0) continue;  // decided
    std::optional<FactId> best;
    for (FactId fact : rules_->facts(rule)) {
      if (assigned_[fact] >= 0) continue;
      if (!best || domain_->allowed[fact].size() < domain_->allowed[*best].size()) best = fact;
    }
    if (best) return best;
  }
  return std::nullopt;
}

namespace {

// The value a case gives fact `fact` of `witness` (nothing: left out), and the value the
// evaluator then reads (`read`).
std::optional<Value> given_value(const FactClassTable& table, const FactDecl& decl,
                                 const Domain* domain, const Witness& witness, FactId fact,
                                 Value& read) {
  const FactClasses& classes = table.fact(fact);
  if (witness.classes[fact]) {
    read = classes.classes[*witness.classes[fact]].representative;
    if (!read.known()) return std::nullopt;
    return read;
  }
  // Free: the goal holds for every class the domain allows, so leave it out when leaving it
  // out lands in one of them.
  const std::vector<std::uint32_t>* allowed = domain ? &domain->allowed[fact] : nullptr;
  const auto allows = [&](std::optional<std::size_t> c) {
    if (!c) return false;
    if (!allowed) return true;
    return std::find(allowed->begin(), allowed->end(), *c) != allowed->end();
  };
  if (decl.default_value) {
    if (allows(classes.classify(*decl.default_value))) {
      read = *decl.default_value;
      return std::nullopt;
    }
  } else if (classes.may_be_unknown && allows(std::size_t{0})) {
    read = Value{};
    return std::nullopt;
  }
  for (std::size_t c = 0; c < classes.classes.size(); ++c) {
    if (classes.classes[c].kind == FactClass::Kind::Unknown || !allows(c)) continue;
    read = classes.classes[c].representative;
    return read;
  }
  read = Value{};
  return std::nullopt;
}

}  // namespace

bool RegionSearch::confirm(const Goal& goal, SearchResult& result) {
  Witness witness;
  witness.classes.resize(assigned_.size());
  for (std::size_t f = 0; f < assigned_.size(); ++f) {
    if (assigned_[f] >= 0) witness.classes[f] = static_cast<std::uint32_t>(assigned_[f]);
  }
  // Free facts take values the domain allows: left out where that is allowed.
  std::vector<Value> patient, scar;
  const Vocabulary& vocabulary = model_.vocabulary;
  patient.assign(vocabulary.slot_count(Scope::Patient), Value{});
  scar.assign(vocabulary.slot_count(Scope::Scar), Value{});
  for (FactId f = 0; f < vocabulary.facts().size(); ++f) {
    const FactDecl& decl = vocabulary.fact(f);
    Value read;
    const std::optional<Value> given = given_value(table_, decl, domain_, witness, f, read);
    (decl.scope == Scope::Patient ? patient : scar)[decl.slot] = read;
    // Record the class a free fact was given, so that the case text gives the same value.
    if (!witness.classes[f] && given) {
      if (const std::optional<std::size_t> c = table_.classify(f, *given)) {
        witness.classes[f] = static_cast<std::uint32_t>(*c);
      }
    }
  }
  witness.outcomes = evaluate(patient, scar);
  const Certainty concrete =
      goal.judge([&](std::uint32_t rule) { return outcome_of(witness.outcomes[rule]); });
  if (concrete != Certainty::Certain) return false;
  result.witness = std::move(witness);
  return true;
}

void RegionSearch::witness_values(const Witness& witness, std::vector<Value>& patient,
                                  std::vector<Value>& scar) const {
  const Vocabulary& vocabulary = model_.vocabulary;
  patient.assign(vocabulary.slot_count(Scope::Patient), Value{});
  scar.assign(vocabulary.slot_count(Scope::Scar), Value{});
  for (FactId f = 0; f < vocabulary.facts().size(); ++f) {
    const FactDecl& decl = vocabulary.fact(f);
    Value read;
    given_value(table_, decl, nullptr, witness, f, read);
    (decl.scope == Scope::Patient ? patient : scar)[decl.slot] = read;
  }
}

std::vector<Tri> RegionSearch::evaluate(const std::vector<Value>& patient,
                                        const std::vector<Value>& scar) const {
  std::vector<Tri> outcomes(model_.rules.size(), Tri::Unknown);
  const FactEnv env{&model_.vocabulary, patient.data(), scar.data()};
  model_.conditions.evaluate_all(env, outcomes.data());
  return outcomes;
}

namespace {

std::string yaml_value(const FactDecl& decl, const Value& value) {
  switch (value.kind) {
    case Value::Kind::Bool:
      return value.boolean ? "true" : "false";
    case Value::Kind::Number:
      return format_numeric(value.number);
    case Value::Kind::Enum:
      return case_word_yaml(decl.values[value.index]);
    case Value::Kind::Set: {
      std::string out = "[";
      for (std::size_t v = 0; v < decl.values.size() && v < 64; ++v) {
        if (((value.bits >> v) & 1) == 0) continue;
        out += (out.size() > 1 ? ", " : "") + case_word_yaml(decl.values[v]);
      }
      return out + "]";
    }
    case Value::Kind::Unknown:
      break;
  }
  return "null";
}

}  // namespace

std::string witness_case_yaml(const RuleSetModel& model, const FactClassTable& table,
                              const Witness& witness, const std::string& scar_id) {
  std::string patient, scar;
  const Vocabulary& vocabulary = model.vocabulary;
  for (FactId f = 0; f < vocabulary.facts().size(); ++f) {
    const FactDecl& decl = vocabulary.fact(f);
    Value read;
    const std::optional<Value> given = given_value(table, decl, nullptr, witness, f, read);
    if (!given) continue;
    std::string& out = decl.scope == Scope::Patient ? patient : scar;
    out += (decl.scope == Scope::Patient ? "  " : "    ") + decl.key + ": " +
           yaml_value(decl, *given) + "\n";
  }
  std::string text = patient.empty() ? "patient: {}\n" : "patient:\n" + patient;
  text += "scars:\n  - id: " + case_word_yaml(scar_id) + "\n" + scar;
  return text;
}

}  // namespace scarwise::internal
