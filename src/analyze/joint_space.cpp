#include "analyze/joint_space.hpp"

#include "analyze/fact_class_text.hpp"
#include "analyze/interval_classes.hpp"
#include "analyze/set_classes.hpp"
#include "io/case_scalar.hpp"

#include <algorithm>
#include <map>

namespace scarwise::internal {
namespace {

struct Sides {
  const RuleSetModel* model[2];
  RuleSetReads reads[2];
};

const FactDecl* decl_of(const Sides& sides, const JointFact& fact, int side) {
  if (!fact.side[side]) return nullptr;
  return &sides.model[side]->vocabulary.fact(*fact.side[side]);
}

std::string bound_text(const std::optional<double>& bound) {
  if (!bound) return "none";
  return format_numeric(Numeric::of_real(*bound));
}

// The values both declarations hold, in the order of the first one given.
std::vector<std::string> common_values(const FactDecl* a, const FactDecl* b) {
  if (!a) return b->values;
  if (!b) return a->values;
  std::vector<std::string> out;
  for (const std::string& v : a->values) {
    if (std::find(b->values.begin(), b->values.end(), v) != b->values.end()) out.push_back(v);
  }
  return out;
}

void add_omitted(const Sides& sides, JointFact& fact) {
  JointClass c;
  c.omitted = true;
  c.text = "not given";
  for (int s = 0; s < 2; ++s) {
    if (const FactDecl* d = decl_of(sides, fact, s); d && d->default_value) {
      c.value[s] = *d->default_value;
    }
  }
  fact.classes.push_back(c);
}

void add_bool(JointFact& fact) {
  for (const bool b : {false, true}) {
    JointClass c;
    c.text = b ? "true" : "false";
    c.value[0] = c.value[1] = Value::of_bool(b);
    fact.classes.push_back(c);
  }
}

void add_enum(const Sides& sides, JointFact& fact) {
  for (const std::string& v : fact.values) {
    JointClass c;
    c.text = v;
    for (int s = 0; s < 2; ++s) {
      if (const FactDecl* d = decl_of(sides, fact, s)) {
        c.value[s] = Value::of_enum(static_cast<std::uint32_t>(d->value_index(v)));
      }
    }
    fact.classes.push_back(c);
  }
}

// A set of joint values (bit i = fact.values[i]) as rule set `side` writes it.
std::uint64_t side_bits(const JointFact& fact, const FactDecl& decl, std::uint64_t joint) {
  std::uint64_t bits = 0;
  for (std::size_t i = 0; i < fact.values.size() && i < 64; ++i) {
    if (((joint >> i) & 1) == 0) continue;
    bits |= std::uint64_t{1} << decl.value_index(fact.values[i]);
  }
  return bits;
}

std::string joint_mask_text(const JointFact& fact, std::uint64_t mask) {
  std::string text;
  for (std::size_t i = 0; i < fact.values.size() && i < 64; ++i) {
    if (((mask >> i) & 1) != 0) text += (text.empty() ? "" : "|") + fact.values[i];
  }
  return text;
}

void add_set(const Sides& sides, const FactClassLimits& limits, JointFact& fact) {
  std::vector<std::uint64_t> masks;
  for (int s = 0; s < 2; ++s) {
    const FactDecl* d = decl_of(sides, fact, s);
    if (!d) continue;
    for (const std::uint64_t mask : sides.reads[s].facts[*fact.side[s]].masks) {
      std::uint64_t joint = 0;
      for (std::size_t i = 0; i < fact.values.size() && i < 64; ++i) {
        const int bit = d->value_index(fact.values[i]);
        if (bit >= 0 && bit < 64 && ((mask >> bit) & 1) != 0) joint |= std::uint64_t{1} << i;
      }
      if (joint != 0) masks.push_back(joint);
    }
  }
  const std::optional<SetClasses> sets =
      set_classes(fact.values.size(), masks, limits.max_classes_per_fact);
  if (!sets) {
    throw ClassBudgetExceeded("'" + fact.name + "' would have more than " +
                              std::to_string(limits.max_classes_per_fact) + " classes");
  }
  for (const SetClass& set : sets->classes) {
    JointClass c;
    for (std::size_t i = 0; i < sets->masks.size(); ++i) {
      const bool holds = ((set.signature >> i) & 1) != 0;
      c.text += std::string(i ? ", " : "") + (holds ? "contains " : "not ") +
                joint_mask_text(fact, sets->masks[i]);
    }
    if (c.text.empty()) c.text = "any";
    c.set_bits = set.representative;
    for (int s = 0; s < 2; ++s) {
      if (const FactDecl* d = decl_of(sides, fact, s)) {
        c.value[s] = Value::of_set(side_bits(fact, *d, set.representative));
      }
    }
    fact.classes.push_back(c);
  }
}

void add_numbers(const Sides& sides, const FactClassLimits& limits, JointFact& fact) {
  const FactDecl* first = decl_of(sides, fact, 0) ? decl_of(sides, fact, 0) : decl_of(sides, fact, 1);
  FactDecl bounds = *first;
  std::vector<Cut> cuts;
  for (int s = 0; s < 2; ++s) {
    const FactDecl* d = decl_of(sides, fact, s);
    if (!d) continue;
    if (d->min && (!bounds.min || *d->min > *bounds.min)) bounds.min = d->min;
    if (d->max && (!bounds.max || *d->max < *bounds.max)) bounds.max = d->max;
    const std::vector<Cut>& side_cuts = sides.reads[s].facts[*fact.side[s]].cuts;
    cuts.insert(cuts.end(), side_cuts.begin(), side_cuts.end());
  }
  const std::vector<IntervalClass> intervals = interval_classes(bounds, std::move(cuts));
  if (intervals.size() > limits.max_classes_per_fact) {
    throw ClassBudgetExceeded("'" + fact.name + "' would have more than " +
                              std::to_string(limits.max_classes_per_fact) + " classes");
  }
  const FactClasses no_sets;
  for (const IntervalClass& interval : intervals) {
    FactClass described;
    described.kind = FactClass::Kind::Interval;
    described.interval = interval.interval;
    JointClass c;
    c.text = describe_class(bounds, no_sets, described);
    Value v;
    v.kind = Value::Kind::Number;
    v.number = interval.representative;
    c.value[0] = c.value[1] = v;
    fact.classes.push_back(c);
  }
}

// Checks that both declarations can be compared, and notes what only one of them accepts.
void compare_declarations(const FactDecl& a, const FactDecl& b, std::vector<std::string>& notes) {
  if (a.type != b.type) {
    throw IncompatibleFacts("fact '" + a.name + "' is declared as " + to_string(a.type) +
                            " in the old rule set and as " + to_string(b.type) +
                            " in the new one: no case can give it to both");
  }
  if (a.min != b.min || a.max != b.max) {
    notes.push_back(a.name + ": min/max " + bound_text(a.min) + ".." + bound_text(a.max) +
                    " in the old rule set, " + bound_text(b.min) + ".." + bound_text(b.max) +
                    " in the new: only values both accept are compared");
  }
  if (a.values != b.values) {
    notes.push_back(a.name + ": the declared values differ: only values both declare are "
                    "compared");
  }
  if (a.required != b.required) {
    notes.push_back(a.name + ": required by one rule set only: cases without it are not "
                    "compared");
  }
}

}  // namespace

JointSpace JointSpace::build(const RuleSetModel& old_model, const RuleSetModel& new_model,
                             const FactClassLimits& limits) {
  Sides sides{{&old_model, &new_model}, {collect_reads(old_model), collect_reads(new_model)}};
  JointSpace space;
  std::map<std::string, std::size_t> by_name;
  for (int s = 0; s < 2; ++s) {
    const std::vector<FactDecl>& decls = sides.model[s]->vocabulary.facts();
    space.joint_of_[s].resize(decls.size());
    for (FactId id = 0; id < decls.size(); ++id) {
      const FactDecl& d = decls[id];
      auto [it, fresh] = by_name.emplace(d.name, space.facts_.size());
      if (fresh) {
        JointFact fact;
        fact.name = d.name;
        fact.key = d.key;
        fact.scope = d.scope;
        fact.type = d.type;
        space.facts_.push_back(fact);
      }
      JointFact& fact = space.facts_[it->second];
      fact.side[s] = id;
      if (!sides.reads[s].facts[id].rules.empty()) fact.read = true;
      space.joint_of_[s][id] = it->second;
    }
  }
  for (JointFact& fact : space.facts_) {
    const FactDecl* a = decl_of(sides, fact, 0);
    const FactDecl* b = decl_of(sides, fact, 1);
    if (a && b) compare_declarations(*a, *b, space.notes_);
    fact.values = common_values(a, b);
    const bool required = (a && a->required) || (b && b->required);
    if (!required) add_omitted(sides, fact);
    switch (fact.type) {
      case FactType::Bool:
        add_bool(fact);
        break;
      case FactType::Enum:
        add_enum(sides, fact);
        break;
      case FactType::Set:
        add_set(sides, limits, fact);
        break;
      case FactType::Int:
      case FactType::Number:
        add_numbers(sides, limits, fact);
        break;
    }
  }
  return space;
}

std::string joint_case_yaml(const JointSpace& space, const std::vector<std::uint32_t>& classes,
                            int side, const std::string& scar_id) {
  std::string patient;
  std::string scar;
  for (std::size_t f = 0; f < space.facts().size(); ++f) {
    const JointFact& fact = space.facts()[f];
    if (!fact.side[side] || fact.classes.empty()) continue;
    const JointClass& c = fact.classes[classes[f]];
    if (c.omitted) continue;
    std::string text;
    switch (fact.type) {
      case FactType::Bool:
        text = c.text;  // `true` or `false`
        break;
      case FactType::Enum:
        text = case_word_yaml(c.text);  // the declared value
        break;
      case FactType::Int:
      case FactType::Number:
        text = format_numeric(c.value[side].number);
        break;
      case FactType::Set:
        for (std::size_t i = 0; i < fact.values.size() && i < 64; ++i) {
          if (((c.set_bits >> i) & 1) != 0) {
            text += (text.empty() ? "" : ", ") + case_word_yaml(fact.values[i]);
          }
        }
        text = "[" + text + "]";
        break;
    }
    std::string& out = fact.scope == Scope::Patient ? patient : scar;
    out += (fact.scope == Scope::Patient ? "  " : "    ") + fact.key + ": " + text + "\n";
  }
  std::string yaml = patient.empty() ? "patient: {}\n" : "patient:\n" + patient;
  yaml += "scars:\n  - id: " + case_word_yaml(scar_id) + "\n" + scar;
  return yaml;
}

}  // namespace scarwise::internal
