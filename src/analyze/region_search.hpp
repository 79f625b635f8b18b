// Goal-directed search over the finite abstraction (fact_classes.hpp): does some case, one
// patient with one scar, make a goal about rule outcomes true? Findings (`scarwise analyze`)
// and comparisons of rule sets are written as goals over this one core.
//
// A region is a partial assignment: some facts fixed to one class each, the others free over
// the classes a Domain allows them. Every rule's `when` is evaluated abstractly over a region
// into the set of outcomes it can still have (OutcomeSet ⊆ {false, true, unknown}), leaf by
// leaf from the classes' representatives, Kleene connectives applied to sets. The sets are
// supersets of what cases in the region give (a fact read twice is not correlated), and exact
// once every fact a rule reads is fixed, unless the rule reads a fact inexactly
// (FactClassTable::inexactness()): such leaves give every outcome they could.
//
// The search branches only on facts read by rules the goal still depends on, and prunes a
// region as soon as the goal is impossible there. When the goal is certain for every case of
// a region, the witness is the region's representatives, confirmed by evaluating it with the
// engine's own evaluator; a goal that stays merely possible once no fact is left to branch on
// (an inexact reading) is confirmed the same way, and otherwise reported undecided, never
// guessed. Each class a fact is fixed to, and each search's starting region, counts against a
// SearchBudget shared by all searches of one analysis; past it the search throws
// SearchBudgetExceeded.
//
// Thread-safety: a RegionSearch holds per-search buffers; use one per thread.
#pragma once

#include "analyze/fact_classes.hpp"
#include "model/ruleset_model.hpp"
#include "model/value.hpp"

#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace scarwise::internal {

/// A set of condition outcomes: bit (1 << Tri) for each outcome it holds.
using OutcomeSet = std::uint8_t;
inline constexpr OutcomeSet kOutcomeFalse = 1;
inline constexpr OutcomeSet kOutcomeTrue = 2;
inline constexpr OutcomeSet kOutcomeUnknown = 4;
inline constexpr OutcomeSet kAnyOutcome = 7;
inline OutcomeSet outcome_of(Tri t) { return static_cast<OutcomeSet>(1u << static_cast<unsigned>(t)); }
/// The outcomes `a and b` (or `a or b`) can have, for any outcome of each in a and b.
OutcomeSet join_outcomes(OutcomeSet a, OutcomeSet b, bool is_and);
/// The outcomes `not a` can have.
OutcomeSet negate_outcomes(OutcomeSet a);

/// How a goal stands over a region.
enum class Certainty : std::uint8_t { Impossible, Possible, Certain };

/// A condition on the outcomes of rules: atoms "rule r's outcome is in S", joined by all_of
/// and any_of. Cheap to copy.
class Goal {
 public:
  /// Rule `rule` fires (its condition is true).
  static Goal fires(std::uint32_t rule) { return outcome_in(rule, kOutcomeTrue); }
  /// Rule `rule` does not fire (its condition is false or unknown).
  static Goal not_fires(std::uint32_t rule) {
    return outcome_in(rule, kOutcomeFalse | kOutcomeUnknown);
  }
  static Goal outcome_in(std::uint32_t rule, OutcomeSet accepted);
  /// Every one of `parts`; true when there are none.
  static Goal all_of(std::vector<Goal> parts);
  /// One of `parts` at least; false when there are none.
  static Goal any_of(std::vector<Goal> parts);
  static Goal always() { return all_of({}); }

  /// How the goal stands when rule r's outcome can be anything in `outcomes(r)`.
  template <typename OutcomesOf>
  Certainty judge(const OutcomesOf& outcomes) const;
  /// Appends the atoms in the order written, depth first: the order the search looks at.
  void atoms(std::vector<std::pair<std::uint32_t, OutcomeSet>>& out) const;

 private:
  enum class Kind : std::uint8_t { Atom, All, Any };
  struct Node;
  static Goal joined(Kind kind, std::vector<Goal> parts);
  std::shared_ptr<const Node> node_;
};

struct Goal::Node {
  Kind kind = Kind::Atom;
  std::uint32_t rule = 0;
  OutcomeSet accepted = 0;
  std::vector<Goal> parts;
};

template <typename OutcomesOf>
Certainty Goal::judge(const OutcomesOf& outcomes) const {
  const Node& n = *node_;
  if (n.kind == Kind::Atom) {
    const OutcomeSet have = outcomes(n.rule);
    if ((have & n.accepted) == 0) return Certainty::Impossible;
    return (have & ~n.accepted) == 0 ? Certainty::Certain : Certainty::Possible;
  }
  const bool all = n.kind == Kind::All;
  Certainty result = all ? Certainty::Certain : Certainty::Impossible;
  for (const Goal& part : n.parts) {
    const Certainty c = part.judge(outcomes);
    if (all && c == Certainty::Impossible) return c;
    if (!all && c == Certainty::Certain) return c;
    if (c == Certainty::Possible) result = Certainty::Possible;
  }
  return result;
}

/// The classes each fact may take in a search, indexed by FactId: by default every class.
/// A fact allowed one class only is fixed from the start.
struct Domain {
  std::vector<std::vector<std::uint32_t>> allowed;

  /// Every class of every fact of `table`.
  static Domain full(const FactClassTable& table);
  /// Restricts `fact` to class `class_index`.
  void fix(FactId fact, std::uint32_t class_index) { allowed[fact] = {class_index}; }
  /// Removes the `unknown` class of `fact`, if it has one: the fact is given.
  void require_known(const FactClassTable& table, FactId fact);
};

/// A case found by a search: the class of each fact, or none for a fact the goal does not
/// depend on (left out of the case when it may be unknown or has a default).
struct Witness {
  std::vector<std::optional<std::uint32_t>> classes;  ///< indexed by FactId
  /// Every rule's outcome for the witness, from the engine's evaluator.
  std::vector<Tri> outcomes;
};

struct SearchBudget {
  std::uint64_t max_classes = 0;  ///< the most classes all searches together may fix
  std::uint64_t used = 0;
};

class SearchBudgetExceeded : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

enum class SearchStatus : std::uint8_t {
  Found,       ///< a witness confirmed by the evaluator
  Impossible,  ///< no case makes the goal true
  Undecided,   ///< an inexact reading keeps the goal open, and no representative settles it
};

struct SearchResult {
  SearchStatus status = SearchStatus::Impossible;
  Witness witness;  ///< when Found
};

class AbstractRules;  // region_search.cpp

class RegionSearch {
 public:
  /// `model` and `table` must outlive the search; `budget` is shared and updated.
  RegionSearch(const RuleSetModel& model, const FactClassTable& table, SearchBudget& budget);
  ~RegionSearch();
  RegionSearch(const RegionSearch&) = delete;
  RegionSearch& operator=(const RegionSearch&) = delete;

  /// A case within `domain` for which `goal` holds, by the engine's own evaluation. Throws
  /// SearchBudgetExceeded when the budget runs out.
  SearchResult find(const Goal& goal, const Domain& domain);

  /// The values of the witness's facts, patient slots and scar slots as the evaluator reads
  /// them: representatives, defaults for facts left out that have one, unknown otherwise.
  void witness_values(const Witness& witness, std::vector<Value>& patient,
                      std::vector<Value>& scar) const;
  /// Every rule's outcome for the case in `patient` and `scar`, by the engine's evaluator.
  std::vector<Tri> evaluate(const std::vector<Value>& patient,
                            const std::vector<Value>& scar) const;

  const RuleSetModel& model() const noexcept { return model_; }
  const FactClassTable& table() const noexcept { return table_; }

 private:
  struct Frame;
  Certainty judge(const Goal& goal);
  void spend_class();
  bool search(const Goal& goal, const std::vector<std::pair<std::uint32_t, OutcomeSet>>& atoms,
              SearchResult& result, bool& undecided);
  std::optional<FactId> branch_fact(const std::vector<std::pair<std::uint32_t, OutcomeSet>>& atoms);
  bool confirm(const Goal& goal, SearchResult& result);

  const RuleSetModel& model_;
  const FactClassTable& table_;
  SearchBudget& budget_;
  std::unique_ptr<AbstractRules> rules_;
  const Domain* domain_ = nullptr;
  std::vector<std::int32_t> assigned_;  ///< by FactId: the class fixed, or -1
  std::vector<OutcomeSet> cache_;       ///< by rule: outcomes in this region, 0 = not computed
  std::vector<std::uint32_t> cached_;   ///< rules with a cache_ entry
};

/// The witness as a case file (YAML) with one scar, id `scar_id`: the facts it gives, each
/// written as a case writes it. Facts left out are omitted; required facts are always given.
std::string witness_case_yaml(const RuleSetModel& model, const FactClassTable& table,
                              const Witness& witness, const std::string& scar_id = "witness");

}  // namespace scarwise::internal
