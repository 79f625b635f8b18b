#include "analyze/diff_search.hpp"
#include "analyze/region_search.hpp"

#include "eval/evaluator.hpp"
#include "expr/program.hpp"
#include "io/json_writer.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace scarwise::internal {
namespace {

// The outcome sets of region_search.hpp, by short names.
using Outcomes = OutcomeSet;
constexpr Outcomes kF = kOutcomeFalse, kT = kOutcomeTrue, kU = kOutcomeUnknown, kAll = kAnyOutcome;
constexpr std::size_t kNone = static_cast<std::size_t>(-1);
constexpr int kNoSuit = -1;
constexpr int kDefer = static_cast<int>(Suitability::defer);
constexpr int kNotSuitable = static_cast<int>(Suitability::not_suitable);

// The kinds of catalogue lists a rule concludes, compared item by item.
enum ItemKind { kSuggest, kAvoid, kAlternatives, kPrecautions, kAftercare, kItemKinds };

struct SideRule {
  const Rule* rule = nullptr;
  bool differs = false;  ///< changed, added or removed: may conclude unlike the other side
  std::uint32_t other = 0xffffffffu;  ///< the same rule on the other side, when it does not differ
  std::uint32_t rank = 0;             ///< position in priority order
  int suit = kNoSuit;
  bool plan = false, adjust = false, defer = false;
  std::vector<std::size_t> facts;        ///< joint facts the condition reads
  std::vector<std::size_t> weeks_facts;  ///< joint facts a weeks expression reads
  std::vector<std::uint32_t> items[kItemKinds];
  std::vector<std::vector<Outcomes>> leaf_table;  ///< by instruction: by class of leaf_fact
  std::vector<std::size_t> leaf_fact;             ///< by instruction; kNone when not one fact
  std::vector<std::vector<std::size_t>> leaf_facts;  ///< by instruction: facts of other leaves
};

struct Side {
  const RuleSetModel* model = nullptr;
  std::vector<SideRule> rules;
  EvalScratch scratch;
  std::vector<Value> patient, scar;
};

// Implied: differs wherever the verdicts do the way they do here (no plan or combinations
// beside a not_suitable verdict, no date beside a verdict that is no deferral), so the region
// is not split further to say how.
enum class Status : std::uint8_t { Same, Different, Open, Implied };

// What one side concludes for certain (lo) and possibly (hi) over a region.
struct Bounds {
  int vlo = 0, vhi = 0, dlo = 0, dhi = 0, ulo = 0;
  std::vector<std::uint8_t> lo[kItemKinds], hi[kItemKinds], dl[kItemKinds], dh[kItemKinds],
      ul[kItemKinds];
  bool plan_open = false;  ///< a plan or adjustment rule may or may not fire
  bool defer_open = false;
  bool d_plan = false, d_defer = false;  ///< a differing plan/adjust or deferral rule may fire
};

struct Blocker {
  int side = 0;
  std::uint32_t rule = 0;
  bool keep_unknown = false;  ///< completeness: unknown and false are told apart
  std::size_t fact = kNone;   ///< branch on this fact directly
};

std::string number_text(double x) { return format_json_number(x); }

std::string range_text(const Range& r) {
  return r.min == r.max ? number_text(r.min) : number_text(r.min) + "-" + number_text(r.max);
}

class DiffSearch {
 public:
  DiffSearch(const RuleSetModel& old_model, const RuleSetModel& new_model,
             const DiffLimits& limits, DiffResult& result)
      : space_(JointSpace::build(old_model, new_model)),
        limits_(limits),
        result_(result),
        limit_(limits.max_classes) {
    side_[0].model = &old_model;
    side_[1].model = &new_model;
    result_.notes = space_.notes();
    result_.declarations = compare_declarations(old_model, new_model);
    index_items();
    for (int s = 0; s < 2; ++s) prepare_side(s);
    mark_differences();
    for (int s = 0; s < 2; ++s) {
      outcomes_[s].assign(side_[s].rules.size(), kAll);
      side_[s].patient.assign(side_[s].model->vocabulary.slot_count(Scope::Patient), Value{});
      side_[s].scar.assign(side_[s].model->vocabulary.slot_count(Scope::Scar), Value{});
    }
    for (const JointFact& f : space_.facts()) {
      std::vector<std::uint32_t> all(f.classes.size());
      for (std::uint32_t c = 0; c < all.size(); ++c) all[c] = c;
      allowed_.push_back(std::move(all));
    }
  }

  void run() {
    visit();
    main_classes_ = result_.classes_fixed;
    std::vector<std::uint64_t> keys = key_ids(found_);
    merge(found_, keys);
    summarise();
    for (Found& found : found_) {
      describe(found);
      result_.regions.push_back(std::move(found.region));
    }
  }

 private:
  // ---- preparation -------------------------------------------------------------------------

  void index_items() {
    for (int s = 0; s < 2; ++s) {
      const RuleSetModel& m = *side_[s].model;
      for (const TreatmentEntry& t : m.treatments) item_index(treatments_, t.id);
      for (const InstructionEntry& p : m.precautions) item_index(precautions_, p.id);
      for (const InstructionEntry& a : m.aftercare) item_index(aftercare_, a.id);
    }
  }

  static std::uint32_t item_index(std::map<std::string, std::uint32_t>& index,
                                  const std::string& id) {
    const auto it = index.emplace(id, static_cast<std::uint32_t>(index.size())).first;
    return it->second;
  }

  std::size_t item_count(int kind) const {
    if (kind == kPrecautions) return precautions_.size();
    if (kind == kAftercare) return aftercare_.size();
    return treatments_.size();
  }

  const std::string& item_name(int kind, std::uint32_t item) const {
    const std::map<std::string, std::uint32_t>& index =
        kind == kPrecautions ? precautions_ : kind == kAftercare ? aftercare_ : treatments_;
    std::vector<const std::string*>& names = item_names_[kind == kPrecautions ? 1 : kind == kAftercare ? 2 : 0];
    if (names.size() != index.size()) {
      names.assign(index.size(), nullptr);
      for (const auto& [id, i] : index) names[i] = &id;
    }
    return *names[item];
  }

  void prepare_side(int s) {
    Side& side = side_[s];
    const RuleSetModel& m = *side.model;
    side.rules.resize(m.rules.size());
    for (std::uint32_t rank = 0; rank < m.rules_by_priority.size(); ++rank) {
      side.rules[m.rules_by_priority[rank]].rank = rank;
    }
    std::vector<Value> patient(m.vocabulary.slot_count(Scope::Patient));
    std::vector<Value> scar(m.vocabulary.slot_count(Scope::Scar));
    const FactEnv env{&m.vocabulary, patient.data(), scar.data()};
    for (std::uint32_t r = 0; r < m.rules.size(); ++r) {
      const Rule& rule = m.rules[r];
      SideRule& sr = side.rules[r];
      sr.rule = &rule;
      const Action& then = rule.then;
      if (then.suitability) sr.suit = static_cast<int>(*then.suitability);
      sr.plan = then.plan.has_value();
      sr.adjust = then.adjust_sessions.has_value();
      sr.defer = then.suitability == Suitability::defer;
      for (FactId f : rule.when.referenced_facts()) sr.facts.push_back(space_.joint_of(s, f));
      if (then.reevaluate_weeks_expression) {
        for (FactId f : then.reevaluate_weeks_expression->referenced_facts()) {
          sr.weeks_facts.push_back(space_.joint_of(s, f));
        }
      }
      const auto add = [&](ItemKind kind, const std::vector<CatalogueId>& ids,
                           std::map<std::string, std::uint32_t>& index, const auto& catalogue) {
        for (CatalogueId id : ids) sr.items[kind].push_back(item_index(index, catalogue[id].id));
      };
      add(kSuggest, then.suggest, treatments_, m.treatments);
      add(kAvoid, then.avoid, treatments_, m.treatments);
      add(kAlternatives, then.alternatives, treatments_, m.treatments);
      add(kPrecautions, then.precautions, precautions_, m.precautions);
      add(kAftercare, then.aftercare, aftercare_, m.aftercare);
      build_leaf_tables(s, sr, env, patient, scar);
    }
  }

  void build_leaf_tables(int s, SideRule& sr, const FactEnv& env, std::vector<Value>& patient,
                         std::vector<Value>& scar) {
    const ExprProgram* program = sr.rule->when.program();
    if (!program) return;
    const ProgramCode& code = program->code();
    const Vocabulary& vocabulary = side_[s].model->vocabulary;
    sr.leaf_table.resize(code.instrs.size());
    sr.leaf_fact.assign(code.instrs.size(), kNone);
    sr.leaf_facts.resize(code.instrs.size());
    for (std::uint32_t i = 0; i < code.instrs.size(); ++i) {
      const Instr& in = code.instrs[i];
      switch (in.code) {
        case Opcode::Known:
        case Opcode::InMask:
        case Opcode::InList:
        case Opcode::Compare:
        case Opcode::Contains: {
          const std::size_t joint = space_.joint_of(s, in.fact);
          sr.leaf_fact[i] = joint;
          const std::uint32_t ref = vocabulary.slot_ref(in.fact);
          Value& slot = (ref & Vocabulary::kScarSlot) ? scar[ref & ~Vocabulary::kScarSlot]
                                                       : patient[ref];
          for (const JointClass& c : space_.facts()[joint].classes) {
            slot = c.value[s];
            sr.leaf_table[i].push_back(outcome_of(evaluate_code_leaf(code, in, env)));
          }
          slot = Value{};
          break;
        }
        case Opcode::CompareFacts:
          sr.leaf_facts[i] = {space_.joint_of(s, in.fact), space_.joint_of(s, in.other)};
          break;
        case Opcode::CompareNum:
          number_facts(s, code, i, sr.leaf_facts[i]);
          break;
        default:
          break;
      }
    }
  }

  void number_facts(int s, const ProgramCode& code, std::uint32_t index,
                    std::vector<std::size_t>& out) const {
    const Instr& in = code.instrs[index];
    if (in.code == Opcode::NumFact) {
      out.push_back(space_.joint_of(s, in.fact));
      return;
    }
    if (in.code == Opcode::CompareNum || in.code == Opcode::Arith || in.code == Opcode::Negate) {
      const std::uint32_t count = in.code == Opcode::CompareNum ? 2 : in.code == Opcode::Negate ? 1 : in.count;
      for (std::uint32_t k = 0; k < count; ++k) number_facts(s, code, code.operands[in.first + k], out);
    }
  }

  // A rule on both sides is alike when it concludes the same from the same condition over
  // facts both sides read alike; anything else may make the two assessments part.
  void mark_differences() {
    std::set<std::string> differing;
    for (const RuleDelta& d : result_.declarations.rules) {
      if (d.affects_assessment) differing.insert(d.id);
    }
    const bool limits_differ = side_[0].model->max_sessions != side_[1].model->max_sessions;
    for (std::uint32_t r = 0; r < side_[0].rules.size(); ++r) {
      SideRule& a = side_[0].rules[r];
      const std::optional<std::uint32_t> other = side_[1].model->find_rule(a.rule->id);
      bool differs = !other || differing.count(a.rule->id) != 0;
      if (!differs && limits_differ && (a.plan || a.adjust)) differs = true;
      if (!differs) differs = reads_changed_fact(a) || reads_changed_fact(side_[1].rules[*other]);
      a.differs = differs;
      if (other) {
        side_[1].rules[*other].differs = differs;
        if (!differs) {
          a.other = *other;
          side_[1].rules[*other].other = r;
        }
      }
    }
    for (SideRule& b : side_[1].rules) {
      if (!side_[0].model->find_rule(b.rule->id)) b.differs = true;
    }
    // The plan goes to the first plan rule in priority order: alike rules whose order differs
    // between the sides may each win on one side.
    std::vector<std::string> order[2];
    for (int s = 0; s < 2; ++s) {
      for (std::uint32_t r : side_[s].model->rules_by_priority) {
        const SideRule& sr = side_[s].rules[r];
        if (!sr.differs && sr.plan) order[s].push_back(sr.rule->id);
      }
    }
    if (order[0] != order[1]) {
      for (int s = 0; s < 2; ++s) {
        for (SideRule& sr : side_[s].rules) {
          if (sr.plan) sr.differs = true;
        }
      }
    }
  }

  // A fact whose value when left out differs between the sides reads differently.
  bool reads_changed_fact(const SideRule& sr) const {
    for (const std::vector<std::size_t>* list : {&sr.facts, &sr.weeks_facts}) {
      for (std::size_t f : *list) {
        const JointFact& fact = space_.facts()[f];
        if (!fact.side[0] || !fact.side[1]) return true;
        for (const JointClass& c : fact.classes) {
          if (c.omitted && !same_value(c.value[0], c.value[1])) return true;
        }
      }
    }
    return false;
  }

  static bool same_value(const Value& a, const Value& b) {
    if (a.kind != b.kind) return false;
    switch (a.kind) {
      case Value::Kind::Bool: return a.boolean == b.boolean;
      case Value::Kind::Number: return compare_numeric(a.number, b.number) == 0;
      case Value::Kind::Enum: return a.index == b.index;
      case Value::Kind::Set: return a.bits == b.bits;
      case Value::Kind::Unknown: return true;
    }
    return false;
  }

  // ---- abstract evaluation ------------------------------------------------------------------

  bool fixed(std::size_t f) const { return allowed_[f].size() == 1; }

  Outcomes eval(int s, const SideRule& sr, const ProgramCode& code, std::uint32_t index) {
    const Instr& in = code.instrs[index];
    const std::uint32_t* operands = code.operands.data() + in.first;
    switch (in.code) {
      case Opcode::Not:
        return negate_outcomes(eval(s, sr, code, operands[0]));
      case Opcode::And:
      case Opcode::Or: {
        const bool is_and = in.code == Opcode::And;
        Outcomes out = is_and ? kT : kF;
        for (std::uint32_t k = 0; k < in.count; ++k) {
          out = join_outcomes(out, eval(s, sr, code, operands[k]), is_and);
        }
        return out;
      }
      case Opcode::Constant:
        return outcome_of(in.constant);
      default:
        break;
    }
    if (sr.leaf_fact[index] != kNone) {
      Outcomes out = 0;
      for (std::uint32_t c : allowed_[sr.leaf_fact[index]]) out |= sr.leaf_table[index][c];
      return out;
    }
    if (is_number_code(in.code)) return kU;
    for (std::size_t f : sr.leaf_facts[index]) {
      if (!fixed(f)) return kAll;
    }
    // Every fact the leaf reads is fixed: its outcome is that of the representatives.
    fill_env(s);
    Side& side = side_[s];
    const FactEnv env{&side.model->vocabulary, side.patient.data(), side.scar.data()};
    return outcome_of(evaluate_code_leaf(code, in, env));
  }

  Outcomes eval_rule(int s, const SideRule& sr) {
    const ExprProgram* program = sr.rule->when.program();
    if (!program) return kU;
    const ProgramCode& code = program->code();
    return eval(s, sr, code, static_cast<std::uint32_t>(code.instrs.size() - 1));
  }

  void evaluate_all() {
    for (std::uint32_t r = 0; r < side_[0].rules.size(); ++r) {
      outcomes_[0][r] = eval_rule(0, side_[0].rules[r]);
    }
    for (std::uint32_t r = 0; r < side_[1].rules.size(); ++r) {
      const SideRule& sr = side_[1].rules[r];
      outcomes_[1][r] = sr.differs ? eval_rule(1, sr) : outcomes_[0][sr.other];
    }
  }

  void fill_env(int s) {
    Side& side = side_[s];
    const Vocabulary& vocabulary = side.model->vocabulary;
    for (std::size_t f = 0; f < space_.facts().size(); ++f) {
      const JointFact& fact = space_.facts()[f];
      if (!fact.side[s] || fact.classes.empty()) continue;
      const std::uint32_t ref = vocabulary.slot_ref(*fact.side[s]);
      Value& slot = (ref & Vocabulary::kScarSlot) ? side.scar[ref & ~Vocabulary::kScarSlot]
                                                   : side.patient[ref];
      slot = fact.classes[allowed_[f][0]].value[s];
    }
  }

  // ---- what each side concludes -------------------------------------------------------------

  Bounds bounds(int s) const {
    Bounds b;
    for (int k = 0; k < kItemKinds; ++k) {
      const std::size_t n = item_count(k);
      b.lo[k].assign(n, 0);
      b.hi[k].assign(n, 0);
      b.dl[k].assign(n, 0);
      b.dh[k].assign(n, 0);
      b.ul[k].assign(n, 0);
    }
    for (std::uint32_t r = 0; r < side_[s].rules.size(); ++r) {
      const SideRule& sr = side_[s].rules[r];
      const Outcomes o = outcomes_[s][r];
      const bool sure = o == kT;
      const bool may = (o & kT) != 0;
      if (!may) continue;
      if (sr.suit != kNoSuit) {
        b.vhi = std::max(b.vhi, sr.suit);
        if (sure) b.vlo = std::max(b.vlo, sr.suit);
        if (sr.differs) {
          b.dhi = std::max(b.dhi, sr.suit);
          if (sure) b.dlo = std::max(b.dlo, sr.suit);
        } else if (sure) {
          b.ulo = std::max(b.ulo, sr.suit);
        }
      }
      if (!sure && (sr.plan || sr.adjust)) b.plan_open = true;
      if (!sure && sr.defer) b.defer_open = true;
      if (sr.differs && (sr.plan || sr.adjust)) b.d_plan = true;
      if (sr.differs && sr.defer) b.d_defer = true;
      for (int k = 0; k < kItemKinds; ++k) {
        for (std::uint32_t t : sr.items[k]) {
          b.hi[k][t] = 1;
          if (sure) b.lo[k][t] = 1;
          if (sr.differs) {
            b.dh[k][t] = 1;
            if (sure) b.dl[k][t] = 1;
          } else if (sure) {
            b.ul[k][t] = 1;
          }
        }
      }
    }
    return b;
  }

  // The assessment of the region's representatives, in the terms parts are compared in.
  struct Concrete {
    int verdict = 0;
    std::string weeks;
    std::string plan;
    std::set<std::string> items[kItemKinds];  // kSuggest holds the combinations
    std::set<std::string> missing;            // from differing rules only
  };

  Concrete concrete(int s) {
    fill_env(s);
    Side& side = side_[s];
    const RuleSetModel& m = *side.model;
    const FactEnv env{&m.vocabulary, side.patient.data(), side.scar.data()};
    evaluate_scar(m, env, side.scratch, nullptr);
    const MergedScar& merged = side.scratch.merged;
    Concrete out;
    out.verdict = static_cast<int>(merged.suitability);
    out.weeks = merged.reevaluate_after_weeks ? std::to_string(*merged.reevaluate_after_weeks)
                                              : std::string("none");
    if (merged.plan_rule == kNoRule) {
      out.plan = "none";
    } else {
      const PlanSpec& p = *m.rules[merged.plan_rule].then.plan;
      out.plan = range_text({merged.sessions_min, merged.sessions_max}) + " sessions, every " +
                 range_text(p.interval_weeks) + " weeks";
      if (p.needle_depth_mm) out.plan += ", needle depth " + range_text(*p.needle_depth_mm) + " mm";
    }
    for (const ItemRef& i : merged.combinations) out.items[kSuggest].insert(m.treatments[i.item].id);
    for (const ItemRef& i : merged.avoid.items()) out.items[kAvoid].insert(m.treatments[i.item].id);
    for (const ItemRef& i : merged.kept_alternatives) {
      out.items[kAlternatives].insert(m.treatments[i.item].id);
    }
    for (const ItemRef& i : merged.precautions.items()) {
      out.items[kPrecautions].insert(m.precautions[i.item].id);
    }
    for (const ItemRef& i : merged.aftercare.items()) {
      out.items[kAftercare].insert(m.aftercare[i.item].id);
    }
    for (const ItemRef& i : merged.missing) {
      if (!side.rules[i.rule].differs) continue;
      out.missing.insert(m.vocabulary.fact(i.item).name + " (" + m.rules[i.rule].id + ")");
    }
    return out;
  }

  // Both sides' assessments of the region's representatives, computed once a node needs them.
  const Concrete* conc() {
    if (!concrete_ready_) {
      concrete_[0] = concrete(0);
      concrete_[1] = concrete(1);
      concrete_ready_ = true;
    }
    return concrete_;
  }

  // ---- comparing the parts over a region ----------------------------------------------------

  struct Focus {
    enum Kind { None, Verdict, Weeks, Plan, Item, Missing };
    int kind = None;
    int item_kind = 0;
    std::uint32_t item = 0;
    std::string rule;  ///< Missing: only the facts this differing rule asks for
  };

  struct Judgement {
    Status verdict = Status::Same, weeks = Status::Same, plan = Status::Same;
    Status completeness = Status::Same;
    std::vector<Status> items[kItemKinds];  // kSuggest: the combinations
    std::vector<Status> raw_suggest;
    bool any_open = false, any_different = false;
    bool any_open_part = false;  ///< open beyond the missing facts
    bool missing_beyond = false;  ///< alike rules may ask for other facts on each side
    std::vector<Blocker> blockers;
  };

  static Status item_status(const Bounds* b, int k, std::uint32_t t) {
    const bool det0 = b[0].lo[k][t] == b[0].hi[k][t];
    const bool det1 = b[1].lo[k][t] == b[1].hi[k][t];
    if (det0 && det1) return b[0].lo[k][t] == b[1].lo[k][t] ? Status::Same : Status::Different;
    if (b[0].ul[k][t]) return Status::Same;  // a rule alike on both sides gives it for certain
    if (b[0].dl[k][t] == b[0].dh[k][t] && b[1].dl[k][t] == b[1].dh[k][t] &&
        b[0].dl[k][t] == b[1].dl[k][t]) {
      return Status::Same;
    }
    return Status::Open;
  }

  void add_blockers(int s, Judgement& j, bool keep_unknown, bool (*wanted)(const SideRule&, const void*),
                    const void* context) {
    if (!gate_) return;
    for (std::uint32_t r = 0; r < side_[s].rules.size(); ++r) {
      const Outcomes o = outcomes_[s][r];
      if ((o & kT) == 0 || o == kT) continue;
      if (wanted(side_[s].rules[r], context)) j.blockers.push_back({s, r, keep_unknown, kNone});
    }
  }

  void verdict_blockers(const Bounds* b, Judgement& j, int at_least) {
    for (int s = 0; s < 2; ++s) {
      struct Ctx { int floor; } ctx{std::max(b[s].vlo + 1, at_least)};
      add_blockers(s, j, false,
                   [](const SideRule& sr, const void* c) {
                     return sr.suit >= static_cast<const Ctx*>(c)->floor;
                   },
                   &ctx);
    }
  }

  void item_blockers(Judgement& j, int k, std::uint32_t t) {
    for (int s = 0; s < 2; ++s) {
      struct Ctx { int k; std::uint32_t t; } ctx{k, t};
      add_blockers(s, j, false,
                   [](const SideRule& sr, const void* c) {
                     const Ctx& x = *static_cast<const Ctx*>(c);
                     const std::vector<std::uint32_t>& items = sr.items[x.k];
                     return std::find(items.begin(), items.end(), x.t) != items.end();
                   },
                   &ctx);
    }
  }

  Judgement judge(const Bounds* b) {
    Judgement j;
    gate_ = wants(Focus::Verdict);
    const bool vdet[2] = {b[0].vlo == b[0].vhi, b[1].vlo == b[1].vhi};
    if (vdet[0] && vdet[1]) {
      j.verdict = b[0].vlo == b[1].vlo ? Status::Same : Status::Different;
    } else if ((b[0].dlo == b[0].dhi && b[1].dlo == b[1].dhi && b[0].dlo == b[1].dlo) ||
               b[0].ulo >= std::max(b[0].dhi, b[1].dhi)) {
      j.verdict = Status::Same;
    } else {
      j.verdict = Status::Open;
      verdict_blockers(b, j, 0);
    }
    bool ns_lo[2], ns_hi[2];
    for (int s = 0; s < 2; ++s) {
      ns_lo[s] = b[s].vlo == kNotSuitable;
      ns_hi[s] = b[s].vhi == kNotSuitable;
    }
    const bool verdicts_known = vdet[0] && vdet[1];
    // A search focused on one part follows it to the end, implied or not.
    const bool shortcuts = focus_.kind == Focus::None;
    const bool implied_ns = shortcuts && verdicts_known && ns_lo[0] != ns_lo[1];
    const bool implied_defer =
        shortcuts && verdicts_known && (b[0].vlo == kDefer) != (b[1].vlo == kDefer);
    const bool ns_same = j.verdict == Status::Same ||
                         (ns_lo[0] == ns_hi[0] && ns_lo[1] == ns_hi[1] && ns_lo[0] == ns_lo[1]);

    for (int k = 0; k < kItemKinds; ++k) {
      const std::size_t n = item_count(k);
      std::vector<Status>& out = k == kSuggest ? j.raw_suggest : j.items[k];
      out.resize(n);
      for (std::uint32_t t = 0; t < n; ++t) out[t] = item_status(b, k, t);
    }
    // Combinations: suggested, not avoided, and a verdict that is not not_suitable.
    const std::size_t nt = item_count(kSuggest);
    j.items[kSuggest].resize(nt);
    for (std::uint32_t t = 0; t < nt; ++t) {
      gate_ = wants(Focus::Item, kSuggest, t);
      bool lo[2], hi[2];
      for (int s = 0; s < 2; ++s) {
        lo[s] = b[s].lo[kSuggest][t] && !b[s].hi[kAvoid][t] && !ns_hi[s];
        hi[s] = b[s].hi[kSuggest][t] && !b[s].lo[kAvoid][t] && !ns_lo[s];
      }
      Status st;
      if (lo[0] == hi[0] && lo[1] == hi[1]) {
        st = lo[0] == lo[1] ? Status::Same : Status::Different;
      } else if (j.raw_suggest[t] == Status::Same && j.items[kAvoid][t] == Status::Same && ns_same) {
        st = Status::Same;
      } else if (implied_ns) {
        st = Status::Implied;
      } else {
        st = Status::Open;
        item_blockers(j, kSuggest, t);
        item_blockers(j, kAvoid, t);
        if (!ns_same) verdict_blockers(b, j, kNotSuitable);
      }
      j.items[kSuggest][t] = st;
    }
    // Alternatives: recommended and not avoided, whatever the verdict.
    for (std::uint32_t t = 0; t < nt; ++t) {
      gate_ = wants(Focus::Item, kAlternatives, t);
      bool lo[2], hi[2];
      for (int s = 0; s < 2; ++s) {
        lo[s] = b[s].lo[kAlternatives][t] && !b[s].hi[kAvoid][t];
        hi[s] = b[s].hi[kAlternatives][t] && !b[s].lo[kAvoid][t];
      }
      Status st;
      if (lo[0] == hi[0] && lo[1] == hi[1]) {
        st = lo[0] == lo[1] ? Status::Same : Status::Different;
      } else if (j.items[kAlternatives][t] == Status::Same && j.items[kAvoid][t] == Status::Same) {
        st = Status::Same;
      } else {
        st = Status::Open;
        item_blockers(j, kAlternatives, t);
        item_blockers(j, kAvoid, t);
      }
      j.items[kAlternatives][t] = st;
    }
    for (int k : {kAvoid, kPrecautions, kAftercare}) {
      for (std::uint32_t t = 0; t < j.items[k].size(); ++t) {
        gate_ = wants(Focus::Item, k, t);
        if (j.items[k][t] == Status::Open) item_blockers(j, k, t);
      }
    }

    // The plan.
    gate_ = wants(Focus::Plan);
    bool pdet[2];
    for (int s = 0; s < 2; ++s) {
      pdet[s] = ns_lo[s] || (!ns_hi[s] && !b[s].plan_open);
    }
    if (pdet[0] && pdet[1]) {
      j.plan = conc()[0].plan == conc()[1].plan ? Status::Same : Status::Different;
    } else if (ns_same && !b[0].d_plan && !b[1].d_plan) {
      j.plan = Status::Same;
    } else if (implied_ns) {
      j.plan = Status::Implied;
    } else {
      j.plan = Status::Open;
      if (!ns_same || ns_lo[0] != ns_hi[0] || ns_lo[1] != ns_hi[1]) verdict_blockers(b, j, kNotSuitable);
      for (int s = 0; s < 2; ++s) {
        add_blockers(s, j, false, [](const SideRule& sr, const void*) { return sr.plan || sr.adjust; },
                     nullptr);
      }
    }

    // The date.
    gate_ = wants(Focus::Weeks);
    bool wdet[2];
    for (int s = 0; s < 2; ++s) {
      wdet[s] = vdet[s] && (b[s].vlo != kDefer || (!b[s].defer_open && weeks_fixed(s)));
    }
    if (wdet[0] && wdet[1]) {
      j.weeks = conc()[0].weeks == conc()[1].weeks ? Status::Same : Status::Different;
    } else if (j.verdict == Status::Same && !b[0].d_defer && !b[1].d_defer) {
      j.weeks = Status::Same;
    } else if (implied_defer) {
      j.weeks = Status::Implied;
    } else {
      j.weeks = Status::Open;
      verdict_blockers(b, j, 0);
      for (int s = 0; s < 2; ++s) {
        add_blockers(s, j, false, [](const SideRule& sr, const void*) { return sr.defer; }, nullptr);
        weeks_fact_blockers(s, j);
      }
    }

    gate_ = wants(Focus::Missing);
    j.completeness = completeness(b, j);
    gate_ = true;
    if (focus_.kind != Focus::None) mask_unfocused(j);

    const auto note = [&](Status st) {
      if (st == Status::Open) j.any_open = true;
      if (st == Status::Different) j.any_different = true;
    };
    note(j.verdict);
    note(j.plan);
    note(j.weeks);
    for (int k = 0; k < kItemKinds; ++k) {
      for (Status st : j.items[k]) note(st);
    }
    j.any_open_part = j.any_open;
    note(j.completeness);
    return j;
  }

  // Whether the blockers of a part are collected: those of the focused part, and for missing
  // facts also those of the parts they turn on.
  bool wants(int kind, int item_kind = 0, std::uint32_t item = 0) const {
    if (focus_.kind == Focus::Missing &&
        (kind == Focus::Verdict || kind == Focus::Weeks ||
         (kind == Focus::Item && (item_kind == kAvoid || item_kind == kPrecautions)))) {
      return true;
    }
    return focused_on(kind, item_kind, item);
  }

  bool focused_on(int kind, int item_kind = 0, std::uint32_t item = 0) const {
    if (focus_.kind == Focus::None) return true;
    if (focus_.kind != kind) return false;
    return kind != Focus::Item || (focus_.item_kind == item_kind && focus_.item == item);
  }

  // A focused search looks at one part only: every other part counts as the same.
  void mask_unfocused(Judgement& j) const {
    if (!focused_on(Focus::Verdict)) j.verdict = Status::Same;
    if (!focused_on(Focus::Plan)) j.plan = Status::Same;
    if (!focused_on(Focus::Weeks)) j.weeks = Status::Same;
    if (!focused_on(Focus::Missing)) j.completeness = Status::Same;
    for (int k = 0; k < kItemKinds; ++k) {
      for (std::uint32_t t = 0; t < j.items[k].size(); ++t) {
        if (!focused_on(Focus::Item, k, t)) j.items[k][t] = Status::Same;
      }
    }
  }

  // Whether every fired deferral's date reads only fixed facts.
  bool weeks_fixed(int s) const {
    for (std::uint32_t r = 0; r < side_[s].rules.size(); ++r) {
      const SideRule& sr = side_[s].rules[r];
      if (!sr.defer || (outcomes_[s][r] & kT) == 0) continue;
      for (std::size_t f : sr.weeks_facts) {
        if (!fixed(f)) return false;
      }
    }
    return true;
  }

  void weeks_fact_blockers(int s, Judgement& j) const {
    if (!gate_) return;
    for (std::uint32_t r = 0; r < side_[s].rules.size(); ++r) {
      const SideRule& sr = side_[s].rules[r];
      if (!sr.defer || (outcomes_[s][r] & kT) == 0) continue;
      for (std::size_t f : sr.weeks_facts) {
        if (!fixed(f)) j.blockers.push_back({s, r, false, f});
      }
    }
  }

  // Missing facts: the rules alike on both sides ask for the same facts wherever the verdict,
  // date, avoids and precautions are the same, so only the differing rules can make them part.
  void block(Judgement& j, const Blocker& blocker) const {
    if (gate_) j.blockers.push_back(blocker);
  }

  Status completeness(const Bounds* b, Judgement& j) {
    bool base_same = j.verdict == Status::Same && j.weeks == Status::Same;
    for (int k : {kAvoid, kPrecautions}) {
      for (Status st : j.items[k]) base_same = base_same && st == Status::Same;
    }
    bool settled = true;
    for (int s = 0; s < 2; ++s) {
      for (std::uint32_t r = 0; r < side_[s].rules.size(); ++r) {
        const SideRule& sr = side_[s].rules[r];
        if (!sr.differs || (!focus_.rule.empty() && sr.rule->id != focus_.rule)) continue;
        const Outcomes o = outcomes_[s][r];
        if (sr.defer && !sr.weeks_facts.empty() && (o & kT) != 0) {
          if (o != kT) {
            settled = false;
            block(j, {s, r, true, kNone});
          } else {
            for (std::size_t f : sr.weeks_facts) {
              if (!fixed(f)) {
                settled = false;
                block(j, {s, r, true, f});
              }
            }
          }
        }
        if ((o & kU) == 0) continue;
        if (o != kU) {
          settled = false;
          block(j, {s, r, true, kNone});
          continue;
        }
        for (std::size_t f : sr.facts) {
          if (!fixed(f)) {
            settled = false;
            block(j, {s, r, true, f});
          }
        }
        if (!restriction_settled(b[s], sr)) {
          settled = false;
          verdict_blockers(b, j, sr.suit == kNoSuit ? kNotSuitable + 1 : sr.suit);
          for (int k : {kAvoid, kPrecautions}) {
            for (std::uint32_t t : sr.items[k]) item_blockers(j, k, t);
          }
        }
      }
    }
    if (!settled) return Status::Open;
    // Where the verdict, date, avoids or precautions part, the alike rules may ask for other
    // facts on each side too: that is flagged, not followed.
    j.missing_beyond = !base_same;
    if (focus_.rule.empty()) {
      return conc()[0].missing == conc()[1].missing ? Status::Same : Status::Different;
    }
    const std::string tag = " (" + focus_.rule + ")";
    const auto of_rule = [&](const std::set<std::string>& all) {
      std::set<std::string> out;
      for (const std::string& item : all) {
        if (item.size() > tag.size() && item.compare(item.size() - tag.size(), tag.size(), tag) == 0) {
          out.insert(item);
        }
      }
      return out;
    };
    return of_rule(conc()[0].missing) == of_rule(conc()[1].missing) ? Status::Same
                                                                     : Status::Different;
  }

  // Whether it is settled over the region if an unknown rule could make the outcome more
  // restrictive (completeness.cpp).
  static bool restriction_settled(const Bounds& b, const SideRule& sr) {
    if (sr.suit != kNoSuit && sr.suit > b.vhi) return true;  // certainly restricts
    for (int k : {kAvoid, kPrecautions}) {
      for (std::uint32_t t : sr.items[k]) {
        if (!b.hi[k][t]) return true;
      }
    }
    bool settled = b.vlo == b.vhi || sr.suit == kNoSuit || sr.suit <= b.vlo;
    if (sr.defer && b.vlo <= kDefer && b.vhi >= kDefer) settled = settled && b.vlo == b.vhi;
    for (int k : {kAvoid, kPrecautions}) {
      for (std::uint32_t t : sr.items[k]) settled = settled && b.lo[k][t] == b.hi[k][t];
    }
    return settled;
  }

  // ---- the search ---------------------------------------------------------------------------

  void visit() {
    evaluate_all();
    const Bounds b[2] = {bounds(0), bounds(1)};
    concrete_ready_ = false;
    Judgement j = judge(b);
    if (!j.any_open && !j.any_different) return;
    // Missing facts are left open once another part differs: which facts the alike rules ask
    // for then turns on every restricting rule, and the region is already one that differs.
    const bool open_beyond_missing = j.any_open_part;
    if (j.any_different && !open_beyond_missing) {
      emit(b, conc(), j);
      return;
    }
    std::size_t fact = kNone;
    std::vector<std::vector<std::uint32_t>> groups;
    choose_split(j, fact, groups);
    if (fact == kNone) {
      // Every fact a still-open rule reads is fixed: only an inexact reading is left open, and
      // the representatives decide.
      if (j.any_different) {
        emit(b, conc(), j);
      } else {
        emit_concrete(b, conc(), j);
      }
      return;
    }
    const std::vector<std::uint32_t> saved = allowed_[fact];
    for (std::vector<std::uint32_t>& group : groups) {
      if (++result_.classes_fixed > limit_) {
        throw DiffBudgetExceeded("the comparison needs more than " +
                                 std::to_string(limits_.max_classes) +
                                 " fact classes (--max-classes)");
      }
      allowed_[fact] = std::move(group);
      visit();
    }
    allowed_[fact] = saved;
  }

  void choose_split(const Judgement& j, std::size_t& fact,
                    std::vector<std::vector<std::uint32_t>>& groups) {
    std::vector<Blocker> blockers = j.blockers;
    std::stable_sort(blockers.begin(), blockers.end(), [&](const Blocker& x, const Blocker& y) {
      const SideRule& a = side_[x.side].rules[x.rule];
      const SideRule& b = side_[y.side].rules[y.rule];
      if (a.differs != b.differs) return a.differs;
      if ((x.fact != kNone) != (y.fact != kNone)) return x.fact != kNone;
      return a.rank < b.rank;
    });
    for (const Blocker& blocker : blockers) {
      if (blocker.fact != kNone) {
        if (fixed(blocker.fact)) continue;
        fact = blocker.fact;
        singletons(fact, groups);
        return;
      }
      const SideRule& sr = side_[blocker.side].rules[blocker.rule];
      std::size_t fallback = kNone;
      for (std::size_t f : sr.facts) {
        if (fixed(f)) continue;
        if (fallback == kNone) fallback = f;
        split_by_rule(blocker, f, groups);
        if (groups.size() > 1) {
          fact = f;
          return;
        }
      }
      if (fallback != kNone) {
        fact = fallback;
        singletons(fact, groups);
        return;
      }
    }
  }

  void singletons(std::size_t f, std::vector<std::vector<std::uint32_t>>& groups) const {
    groups.clear();
    for (std::uint32_t c : allowed_[f]) groups.push_back({c});
  }

  // The classes of `f` grouped by the outcomes the blocking rule has with `f` fixed to each.
  void split_by_rule(const Blocker& blocker, std::size_t f,
                     std::vector<std::vector<std::uint32_t>>& groups) {
    groups.clear();
    std::vector<Outcomes> keys;
    const std::vector<std::uint32_t> saved = allowed_[f];
    const SideRule& sr = side_[blocker.side].rules[blocker.rule];
    for (std::uint32_t c : saved) {
      allowed_[f] = {c};
      Outcomes o = eval_rule(blocker.side, sr);
      if (!blocker.keep_unknown && (o & kU)) o = static_cast<Outcomes>((o & ~kU) | kF);
      const auto it = std::find(keys.begin(), keys.end(), o);
      if (it == keys.end()) {
        keys.push_back(o);
        groups.push_back({c});
      } else {
        groups[static_cast<std::size_t>(it - keys.begin())].push_back(c);
      }
    }
    allowed_[f] = saved;
  }

  // ---- reporting ----------------------------------------------------------------------------

  static const char* verdict_name(int v) {
    return to_string(static_cast<Suitability>(v));
  }

  static const char* item_part(int k) {
    switch (k) {
      case kSuggest: return "combinations";
      case kAvoid: return "avoid";
      case kAlternatives: return "alternatives";
      case kPrecautions: return "precautions";
      default: return "aftercare";
    }
  }

  void emit(const Bounds* b, const Concrete* c, const Judgement& j) {
    DiffRegion region;
    bool confirmed = true;
    if (j.verdict == Status::Different) {
      region.changes.push_back({"verdict", verdict_name(b[0].vlo), verdict_name(b[1].vlo)});
      confirmed = confirmed && c[0].verdict == b[0].vlo && c[1].verdict == b[1].vlo;
    }
    if (j.weeks == Status::Different) {
      region.changes.push_back({"reevaluate_after_weeks", c[0].weeks, c[1].weeks});
    }
    if (j.plan == Status::Different) region.changes.push_back({"plan", c[0].plan, c[1].plan});
    for (int k : {kSuggest, kAlternatives, kAvoid, kPrecautions, kAftercare}) {
      for (std::uint32_t t = 0; t < j.items[k].size(); ++t) {
        if (j.items[k][t] != Status::Different) continue;
        const std::string& name = item_name(k, t);
        const bool in_old = c[0].items[k].count(name) != 0;
        const bool in_new = c[1].items[k].count(name) != 0;
        confirmed = confirmed && in_old != in_new;
        region.changes.push_back({item_part(k), in_old ? name : "", in_new ? name : ""});
      }
    }
    if (j.completeness == Status::Different) missing_changes(c, region);
    const auto open = [&](Status st, const char* part) {
      if (st == Status::Open || st == Status::Implied) region.may_also_differ.push_back(part);
    };
    open(j.verdict, "verdict");
    open(j.weeks, "reevaluate_after_weeks");
    open(j.plan, "plan");
    for (int k : {kSuggest, kAlternatives, kAvoid, kPrecautions, kAftercare}) {
      for (Status st : j.items[k]) {
        if (st == Status::Open || st == Status::Implied) {
          open(st, item_part(k));
          break;
        }
      }
    }
    open(j.completeness, "missing_facts");
    if (j.missing_beyond && j.completeness != Status::Open) region.may_also_differ.push_back("missing_facts");
    region.confirmed = confirmed;
    finish(region);
  }

  // The region's representatives decide what the abstraction left open.
  void emit_concrete(const Bounds* b, const Concrete* c, const Judgement& j) {
    (void)b;
    (void)j;
    DiffRegion region;
    if (c[0].verdict != c[1].verdict) {
      region.changes.push_back({"verdict", verdict_name(c[0].verdict), verdict_name(c[1].verdict)});
    }
    if (c[0].weeks != c[1].weeks) region.changes.push_back({"reevaluate_after_weeks", c[0].weeks, c[1].weeks});
    if (c[0].plan != c[1].plan) region.changes.push_back({"plan", c[0].plan, c[1].plan});
    for (int k : {kSuggest, kAlternatives, kAvoid, kPrecautions, kAftercare}) {
      std::set<std::string> all = c[0].items[k];
      all.insert(c[1].items[k].begin(), c[1].items[k].end());
      for (const std::string& name : all) {
        const bool in_old = c[0].items[k].count(name) != 0;
        const bool in_new = c[1].items[k].count(name) != 0;
        if (in_old != in_new) region.changes.push_back({item_part(k), in_old ? name : "", in_new ? name : ""});
      }
    }
    missing_changes(c, region);
    if (focus_.kind != Focus::None) {
      std::vector<PartChange> kept;
      for (PartChange& change : region.changes) {
        if (in_focus(change)) kept.push_back(std::move(change));
      }
      region.changes = std::move(kept);
    }
    if (region.changes.empty()) return;
    region.confirmed = true;
    region.may_also_differ.push_back("undecided: an inexact reading");
    finish(region);
  }

  // One change for each missing fact (with the changed rule that asks for it) that only one
  // side reports.
  static void missing_changes(const Concrete* c, DiffRegion& region) {
    for (const std::string& item : c[0].missing) {
      if (!c[1].missing.count(item)) region.changes.push_back({"missing_facts", item, ""});
    }
    for (const std::string& item : c[1].missing) {
      if (!c[0].missing.count(item)) region.changes.push_back({"missing_facts", "", item});
    }
  }

  static void add_cause(DiffRegion& region, const std::string& id) {
    if (std::find(region.causes.begin(), region.causes.end(), id) == region.causes.end()) {
      region.causes.push_back(id);
    }
  }

  bool gives(const SideRule& sr, int kind, const std::string& name) const {
    for (std::uint32_t t : sr.items[kind]) {
      if (item_name(kind, t) == name) return true;
    }
    return false;
  }

  // Whether a differing rule that can fire takes part in one of the region's changes.
  bool explains(const SideRule& sr, const DiffRegion& region) const {
    for (const PartChange& change : region.changes) {
      const std::string& item = change.old_value.empty() ? change.new_value : change.old_value;
      const std::string& p = change.part;
      if (p == "verdict" && sr.suit != kNoSuit) return true;
      // A date goes with a deferral, and goes away beside not_suitable.
      if (p == "reevaluate_after_weeks" && (sr.defer || sr.suit == kNotSuitable)) return true;
      if (p == "plan" && (sr.plan || sr.adjust || sr.suit == kNotSuitable)) return true;
      if (p == "combinations" &&
          (gives(sr, kSuggest, item) || gives(sr, kAvoid, item) || sr.suit == kNotSuitable)) {
        return true;
      }
      if (p == "alternatives" && (gives(sr, kAlternatives, item) || gives(sr, kAvoid, item))) {
        return true;
      }
      if (p == "avoid" && gives(sr, kAvoid, item)) return true;
      if (p == "precautions" && gives(sr, kPrecautions, item)) return true;
      if (p == "aftercare" && gives(sr, kAftercare, item)) return true;
    }
    return false;
  }

  void finish(DiffRegion& region) {
    for (int s = 0; s < 2; ++s) {
      for (std::uint32_t r : side_[s].model->rules_by_priority) {
        const SideRule& sr = side_[s].rules[r];
        if (!sr.differs || (outcomes_[s][r] & kT) == 0 || !explains(sr, region)) continue;
        add_cause(region, sr.rule->id);
      }
    }
    region.fired_causes = region.causes.size();
    for (const PartChange& change : region.changes) {
      if (change.part != "missing_facts") continue;
      const std::string& item = change.old_value.empty() ? change.new_value : change.old_value;
      const std::size_t open = item.rfind(" (");
      if (open != std::string::npos) add_cause(region, item.substr(open + 2, item.size() - open - 3));
    }
    std::vector<Found>& into = focus_.kind == Focus::None ? found_ : focus_found_;
    // Each region keeps a class set per fact: the regions are bounded like the classes, so
    // that memory stays bounded too.
    if (into.size() >= limits_.max_regions) {
      throw DiffBudgetExceeded("the assessments differ in more than " +
                               std::to_string(limits_.max_regions) +
                               " regions of cases (--max-classes)");
    }
    into.push_back({std::move(region), allowed_});
  }

  struct Found {
    DiffRegion region;
    std::vector<std::vector<std::uint32_t>> allowed;
  };

  static std::string key_of(const DiffRegion& r) {
    std::string key;
    for (const PartChange& c : r.changes) key += c.part + "\x1f" + c.old_value + "\x1f" + c.new_value + "\x1e";
    key += "|" + std::to_string(r.fired_causes) + "|";
    for (const std::string& cause : r.causes) key += cause + "\x1e";
    return key;
  }

  // Two regions that change the same way and differ in one fact only are one region: the
  // fact does not matter to the change there. For each fact in turn, regions alike in all
  // other facts are joined; the passes repeat until nothing joins.
  static std::vector<std::uint64_t> key_ids(const std::vector<Found>& items) {
    std::map<std::string, std::uint64_t> ids;
    std::vector<std::uint64_t> keys;
    keys.reserve(items.size());
    for (const Found& f : items) keys.push_back(ids.emplace(key_of(f.region), ids.size()).first->second);
    return keys;
  }

  void merge(std::vector<Found>& items, const std::vector<std::uint64_t>& keys) const {
    const std::size_t facts = space_.facts().size();
    // A hash of each region's class sets, fact by fact, summed: the sum without fact f tells
    // which regions may be alike but for f, and a full comparison confirms it.
    std::vector<std::vector<std::uint64_t>> hashes(items.size(), std::vector<std::uint64_t>(facts));
    std::vector<std::uint64_t> totals(items.size(), 0);
    const auto rehash = [&](std::size_t i, std::size_t f) {
      std::uint64_t h = 0x9e3779b97f4a7c15ull * (f + 1);
      for (std::uint32_t c : items[i].allowed[f]) h = (h ^ (c + 1)) * 0x100000001b3ull;
      totals[i] += h - hashes[i][f];
      hashes[i][f] = h;
    };
    for (std::size_t i = 0; i < items.size(); ++i) {
      for (std::size_t f = 0; f < facts; ++f) rehash(i, f);
    }
    std::vector<bool> gone(items.size(), false);
    bool changed = true;
    while (changed) {
      changed = false;
      for (std::size_t fact = 0; fact < facts; ++fact) {
        std::map<std::pair<std::uint64_t, std::uint64_t>, std::vector<std::size_t>> first;
        for (std::size_t i = 0; i < items.size(); ++i) {
          if (gone[i]) continue;
          std::vector<std::size_t>& bucket = first[{keys[i], totals[i] - hashes[i][fact]}];
          bool joined = false;
          for (std::size_t k : bucket) {
            if (!alike_but(items[k], items[i], fact)) continue;
            join(items[k], items[i], fact);
            rehash(k, fact);
            gone[i] = true;
            changed = joined = true;
            break;
          }
          if (!joined) bucket.push_back(i);
        }
      }
    }
    std::vector<Found> kept;
    for (std::size_t i = 0; i < items.size(); ++i) {
      if (!gone[i]) kept.push_back(std::move(items[i]));
    }
    items = std::move(kept);
  }

  // Each single change, over the union of the regions that have it, joined as regions are.
  void summarise() {
    std::map<std::string, std::vector<std::size_t>> by_change;
    std::vector<std::string> order;
    for (std::size_t i = 0; i < found_.size(); ++i) {
      for (const PartChange& change : found_[i].region.changes) {
        const std::string key = change.part + '\x1f' + change.old_value + '\x1f' + change.new_value;
        auto [it, fresh] = by_change.emplace(key, std::vector<std::size_t>{});
        if (fresh) order.push_back(key);
        it->second.push_back(i);
      }
    }
    std::stable_sort(order.begin(), order.end(), [](const std::string& a, const std::string& b) {
      return part_rank(a.substr(0, a.find('\x1f'))) < part_rank(b.substr(0, b.find('\x1f')));
    });
    for (const std::string& key : order) {
      const std::vector<std::size_t>& members = by_change[key];
      ChangeSummary summary;
      for (const PartChange& change : found_[members[0]].region.changes) {
        if (change.part + '\x1f' + change.old_value + '\x1f' + change.new_value == key) summary.change = change;
      }
      summary.regions = members.size();
      // The cases with one change are found by a search that looks at its part alone, so that
      // they are cut only by the facts that part needs; missing facts, which turn on every
      // other part, are joined from the regions instead.
      std::vector<Found> sources;
      const Focus focus = focus_of(summary.change);
      const std::vector<Found>* focused = &focused_regions(focus);
      summary.complete = focused_complete_[focus_key(focus)];
      if (summary.complete) {
        for (const Found& f : *focused) {
          for (const PartChange& change : f.region.changes) {
            if (change.part == summary.change.part && change.old_value == summary.change.old_value &&
                change.new_value == summary.change.new_value) {
              sources.push_back(f);
            }
          }
        }
      } else {
        for (std::size_t i : members) sources.push_back(found_[i]);
      }
      std::vector<Found> areas;
      for (const Found& source : sources) {
        Found area{DiffRegion{}, source.allowed};
        area.region.changes = {summary.change};
        // A rule that only asks for a missing fact there explains that, and no other change.
        const std::vector<std::string>& causes = source.region.causes;
        const std::size_t considered =
            summary.change.part == "missing_facts" ? causes.size() : source.region.fired_causes;
        for (std::size_t i = 0; i < considered && i < causes.size(); ++i) {
          if (cause_explains(causes[i], summary.change)) add_cause(area.region, causes[i]);
        }
        for (const std::string& cause : area.region.causes) {
          if (std::find(summary.causes.begin(), summary.causes.end(), cause) == summary.causes.end()) {
            summary.causes.push_back(cause);
          }
        }
        area.region.causes.clear();
        areas.push_back(std::move(area));
      }
      merge(areas, std::vector<std::uint64_t>(areas.size(), 0));
      for (Found& area : areas) {
        describe(area);
        summary.areas.push_back({std::move(area.region.conditions), std::move(area.region.old_case),
                                 std::move(area.region.new_case)});
      }
      result_.summaries.push_back(std::move(summary));
    }
  }

  // The regions of a search focused on one part, searched once per part.
  static std::string focus_key(const Focus& focus) {
    return std::to_string(focus.kind) + ':' + std::to_string(focus.item_kind) + ':' +
           std::to_string(focus.item) + ':' + focus.rule;
  }

  const std::vector<Found>& focused_regions(const Focus& focus) {
    const std::string key = focus_key(focus);
    auto it = focused_.find(key);
    if (it != focused_.end()) return it->second;
    // A focused search has a budget of its own; past it, the change is described by joining
    // the regions of the main search instead, which is as exact, only less concise.
    focus_ = focus;
    focus_found_.clear();
    const std::uint64_t saved_limit = limit_;
    limit_ = std::min(limits_.max_classes, result_.classes_fixed + main_classes_ + 10'000);
    bool complete = true;
    try {
      visit();
    } catch (const DiffBudgetExceeded&) {
      complete = false;
      std::fill(allowed_.begin(), allowed_.end(), std::vector<std::uint32_t>{});
      for (std::size_t f = 0; f < space_.facts().size(); ++f) {
        for (std::uint32_t c = 0; c < space_.facts()[f].classes.size(); ++c) allowed_[f].push_back(c);
      }
    }
    limit_ = saved_limit;
    focus_ = Focus{};
    if (!complete) focus_found_.clear();
    focused_complete_[key] = complete;
    return focused_.emplace(key, std::move(focus_found_)).first->second;
  }

  Focus focus_of(const PartChange& change) const {
    Focus f;
    const std::string& p = change.part;
    if (p == "verdict") f.kind = Focus::Verdict;
    else if (p == "reevaluate_after_weeks") f.kind = Focus::Weeks;
    else if (p == "plan") f.kind = Focus::Plan;
    else if (p == "missing_facts") {
      f.kind = Focus::Missing;
      const std::string& item = change.old_value.empty() ? change.new_value : change.old_value;
      const std::size_t open = item.rfind(" (");
      if (open != std::string::npos) f.rule = item.substr(open + 2, item.size() - open - 3);
    }
    else {
      f.kind = Focus::Item;
      const std::string& item = change.old_value.empty() ? change.new_value : change.old_value;
      for (int k = 0; k < kItemKinds; ++k) {
        if (p != item_part(k)) continue;
        f.item_kind = k;
        const std::map<std::string, std::uint32_t>& index =
            k == kPrecautions ? precautions_ : k == kAftercare ? aftercare_ : treatments_;
        f.item = index.at(item);
      }
    }
    return f;
  }

  bool in_focus(const PartChange& change) const {
    const Focus f = focus_of(change);
    return f.kind == focus_.kind && f.rule == focus_.rule &&
           (f.kind != Focus::Item || (f.item_kind == focus_.item_kind && f.item == focus_.item));
  }

  static int part_rank(const std::string& part) {
    static const char* const kOrder[] = {"verdict", "reevaluate_after_weeks", "plan", "combinations",
                                         "alternatives", "avoid", "precautions", "aftercare",
                                         "missing_facts"};
    for (int i = 0; i < 9; ++i) {
      if (part == kOrder[i]) return i;
    }
    return 9;
  }

  bool cause_explains(const std::string& id, const PartChange& change) const {
    if (change.part == "missing_facts") {
      const std::string& item = change.old_value.empty() ? change.new_value : change.old_value;
      return item.size() > id.size() + 3 && item.compare(item.size() - id.size() - 1, id.size(), id) == 0;
    }
    DiffRegion one;
    one.changes = {change};
    for (int s = 0; s < 2; ++s) {
      if (const std::optional<std::uint32_t> r = side_[s].model->find_rule(id)) {
        if (explains(side_[s].rules[*r], one)) return true;
      }
    }
    return false;
  }

  static bool alike_but(const Found& a, const Found& b, std::size_t fact) {
    for (std::size_t f = 0; f < a.allowed.size(); ++f) {
      if (f != fact && a.allowed[f] != b.allowed[f]) return false;
    }
    return true;
  }

  static void join(Found& a, const Found& b, std::size_t fact) {
    std::vector<std::uint32_t>& into = a.allowed[fact];
    into.insert(into.end(), b.allowed[fact].begin(), b.allowed[fact].end());
    std::sort(into.begin(), into.end());
    into.erase(std::unique(into.begin(), into.end()), into.end());
    for (const std::string& part : b.region.may_also_differ) {
      std::vector<std::string>& also = a.region.may_also_differ;
      if (std::find(also.begin(), also.end(), part) == also.end()) also.push_back(part);
    }
    a.region.confirmed = a.region.confirmed && b.region.confirmed;
  }

  void describe(Found& found) {
    DiffRegion& region = found.region;
    for (int scope = 0; scope < 2; ++scope) {
      for (std::size_t f = 0; f < space_.facts().size(); ++f) {
        const JointFact& fact = space_.facts()[f];
        if (static_cast<int>(fact.scope) != scope) continue;
        if (found.allowed[f].size() == fact.classes.size()) continue;
        RegionCondition condition;
        condition.fact = fact.name;
        for (std::uint32_t c : found.allowed[f]) condition.classes.push_back(fact.classes[c].text);
        region.conditions.push_back(std::move(condition));
      }
    }
    std::vector<std::uint32_t> witness(space_.facts().size(), 0);
    for (std::size_t f = 0; f < witness.size(); ++f) {
      if (!found.allowed[f].empty()) witness[f] = found.allowed[f][0];
    }
    region.old_case = joint_case_yaml(space_, witness, 0);
    region.new_case = joint_case_yaml(space_, witness, 1);
  }

  JointSpace space_;
  DiffLimits limits_;
  DiffResult& result_;
  Side side_[2];
  std::vector<Outcomes> outcomes_[2];
  std::vector<std::vector<std::uint32_t>> allowed_;
  std::map<std::string, std::uint32_t> treatments_, precautions_, aftercare_;
  std::vector<Found> found_;
  Concrete concrete_[2];
  bool concrete_ready_ = false;
  bool gate_ = true;  ///< blockers are collected for the part being judged
  Focus focus_;
  std::vector<Found> focus_found_;
  std::map<std::string, std::vector<Found>> focused_;
  std::map<std::string, bool> focused_complete_;
  std::uint64_t limit_ = 0;  ///< where the running search stops
  std::uint64_t main_classes_ = 0;  ///< what the search for the regions took
  mutable std::vector<const std::string*> item_names_[3];
};

}  // namespace

DiffResult diff_rule_sets(const RuleSetModel& old_model, const RuleSetModel& new_model,
                          const DiffLimits& limits) {
  DiffResult result;
  DiffSearch search(old_model, new_model, limits, result);
  search.run();
  return result;
}

}  // namespace scarwise::internal
