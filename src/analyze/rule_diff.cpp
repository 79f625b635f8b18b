#include "analyze/rule_diff.hpp"

#include <algorithm>
#include <map>

namespace scarwise::internal {

const char* to_string(DeltaKind kind) noexcept {
  switch (kind) {
    case DeltaKind::Added: return "added";
    case DeltaKind::Removed: return "removed";
    case DeltaKind::Changed: return "changed";
  }
  return "changed";
}

namespace {

template <typename Entry>
std::vector<std::string> ids_of(const std::vector<Entry>& catalogue,
                                const std::vector<CatalogueId>& refs) {
  std::vector<std::string> out;
  out.reserve(refs.size());
  for (CatalogueId id : refs) out.push_back(catalogue[id].id);
  return out;
}

bool same_range(const Range& a, const Range& b) { return a.min == b.min && a.max == b.max; }

bool same_plan(const std::optional<PlanSpec>& a, const std::optional<PlanSpec>& b) {
  if (a.has_value() != b.has_value()) return false;
  if (!a) return true;
  if (!same_range(a->sessions, b->sessions) || !same_range(a->interval_weeks, b->interval_weeks)) {
    return false;
  }
  if (a->needle_depth_mm.has_value() != b->needle_depth_mm.has_value()) return false;
  return !a->needle_depth_mm || same_range(*a->needle_depth_mm, *b->needle_depth_mm);
}

std::string weeks_text(const Action& a) {
  if (a.reevaluate_until_resolved) return "until_resolved:" + a.reevaluate_when;
  if (a.reevaluate_weeks_expression) return "expr:" + a.reevaluate_weeks_expression->text();
  if (a.reevaluate_after_weeks) return std::to_string(*a.reevaluate_after_weeks);
  return "";
}


// The parts of two rules with the same id that differ; `affects` tells whether any of them can
// change an assessment.
std::vector<std::string> rule_parts(const RuleSetModel& om, const Rule& o, const RuleSetModel& nm,
                                    const Rule& n, bool& affects) {
  std::vector<std::string> parts;
  const auto note = [&](bool differs, const char* part, bool assessment) {
    if (!differs) return;
    parts.push_back(part);
    affects = affects || assessment;
  };
  const Action& a = o.then;
  const Action& b = n.then;
  note(o.when.text() != n.when.text(), "when", true);
  note(o.priority != n.priority, "priority", true);
  note(a.suitability != b.suitability, "then.suitability", true);
  note(weeks_text(a) != weeks_text(b), "then.reevaluate_after_weeks", true);
  note(a.message != b.message, "then.message", false);
  note(!same_plan(a.plan, b.plan), "then.plan", true);
  note(a.adjust_sessions != b.adjust_sessions, "then.adjust_sessions", true);
  note(ids_of(om.treatments, a.suggest) != ids_of(nm.treatments, b.suggest), "then.suggest", true);
  note(ids_of(om.treatments, a.avoid) != ids_of(nm.treatments, b.avoid), "then.avoid", true);
  note(ids_of(om.precautions, a.precautions) != ids_of(nm.precautions, b.precautions),
       "then.precautions", true);
  note(ids_of(om.aftercare, a.aftercare) != ids_of(nm.aftercare, b.aftercare), "then.aftercare",
       true);
  note(ids_of(om.treatments, a.alternatives) != ids_of(nm.treatments, b.alternatives),
       "then.alternatives", true);
  note(ids_of(om.evidence, o.evidence) != ids_of(nm.evidence, n.evidence), "evidence", false);
  note(o.title != n.title, "title", false);
  return parts;
}

std::string layer_name(const RuleSetModel& m, LayerId layer) {
  return layer < m.layers.size() ? m.layers[layer].id : std::string("an overlay");
}

// How an overlay of `m` took part in a rule's change, if one did.
std::string how_changed(const RuleSetModel& m, const std::string& id, const Rule* rule) {
  for (const DisabledRule& d : m.disabled_rules) {
    if (d.id == id) return "disabled by " + layer_name(m, d.layer);
  }
  if (rule && rule->overrides) return "overridden by " + layer_name(m, rule->layer);
  return "";
}

template <typename Entry, typename Compare>
void compare_catalogue(const char* section, const std::vector<Entry>& a,
                       const std::vector<Entry>& b, Compare parts_of,
                       std::vector<EntryDelta>& out) {
  std::map<std::string, std::pair<const Entry*, const Entry*>> by_id;
  for (const Entry& e : a) by_id[e.id].first = &e;
  for (const Entry& e : b) by_id[e.id].second = &e;
  for (const auto& [id, pair] : by_id) {
    if (!pair.second) {
      out.push_back({section, id, DeltaKind::Removed, {}});
    } else if (!pair.first) {
      out.push_back({section, id, DeltaKind::Added, {}});
    } else {
      std::vector<std::string> parts = parts_of(*pair.first, *pair.second);
      if (!parts.empty()) out.push_back({section, id, DeltaKind::Changed, std::move(parts)});
    }
  }
}

bool same_value(const std::optional<Value>& a, const std::optional<Value>& b) {
  if (a.has_value() != b.has_value()) return false;
  if (!a) return true;
  if (a->kind != b->kind) return false;
  switch (a->kind) {
    case Value::Kind::Bool: return a->boolean == b->boolean;
    case Value::Kind::Number: return compare_numeric(a->number, b->number) == 0;
    case Value::Kind::Enum: return a->index == b->index;
    case Value::Kind::Set: return a->bits == b->bits;
    case Value::Kind::Unknown: return true;
  }
  return false;
}

}  // namespace

RuleSetDelta compare_declarations(const RuleSetModel& old_model, const RuleSetModel& new_model) {
  RuleSetDelta delta;
  for (std::uint32_t i = 0; i < old_model.rules.size(); ++i) {
    const Rule& o = old_model.rules[i];
    const std::optional<std::uint32_t> j = new_model.find_rule(o.id);
    RuleDelta d;
    d.id = o.id;
    d.old_index = i;
    if (!j) {
      d.kind = DeltaKind::Removed;
      d.how = how_changed(new_model, o.id, nullptr);
      d.affects_assessment = true;
      delta.rules.push_back(std::move(d));
      continue;
    }
    const Rule& n = new_model.rules[*j];
    d.new_index = *j;
    d.parts = rule_parts(old_model, o, new_model, n, d.affects_assessment);
    if (d.parts.empty()) continue;
    d.how = how_changed(new_model, n.id, &n);
    delta.rules.push_back(std::move(d));
  }
  for (std::uint32_t j = 0; j < new_model.rules.size(); ++j) {
    const Rule& n = new_model.rules[j];
    if (old_model.find_rule(n.id)) continue;
    RuleDelta d;
    d.id = n.id;
    d.kind = DeltaKind::Added;
    d.new_index = j;
    d.affects_assessment = true;
    delta.rules.push_back(std::move(d));
  }

  std::vector<EntryDelta>& out = delta.entries;
  {
    std::map<std::string, std::pair<const FactDecl*, const FactDecl*>> facts;
    for (const FactDecl& f : old_model.vocabulary.facts()) facts[f.name].first = &f;
    for (const FactDecl& f : new_model.vocabulary.facts()) facts[f.name].second = &f;
    for (const auto& [name, pair] : facts) {
      if (!pair.second) {
        out.push_back({"facts", name, DeltaKind::Removed, {}});
      } else if (!pair.first) {
        out.push_back({"facts", name, DeltaKind::Added, {}});
      } else {
        const FactDecl& a = *pair.first;
        const FactDecl& b = *pair.second;
        std::vector<std::string> parts;
        if (a.type != b.type) parts.push_back("type");
        if (a.min != b.min) parts.push_back("min");
        if (a.max != b.max) parts.push_back("max");
        if (a.values != b.values) parts.push_back("values");
        if (a.required != b.required) parts.push_back("required");
        if (!same_value(a.default_value, b.default_value)) parts.push_back("default");
        if (!parts.empty()) out.push_back({"facts", name, DeltaKind::Changed, std::move(parts)});
      }
    }
  }
  compare_catalogue("treatments", old_model.treatments, new_model.treatments,
                    [&](const TreatmentEntry& a, const TreatmentEntry& b) {
                      std::vector<std::string> parts;
                      if (a.name != b.name) parts.push_back("name");
                      if (a.doc != b.doc) parts.push_back("doc");
                      if (ids_of(old_model.evidence, a.evidence) !=
                          ids_of(new_model.evidence, b.evidence)) {
                        parts.push_back("evidence");
                      }
                      return parts;
                    },
                    out);
  const auto instruction_parts = [&](const InstructionEntry& a, const InstructionEntry& b) {
    std::vector<std::string> parts;
    if (a.text != b.text) parts.push_back("text");
    if (ids_of(old_model.evidence, a.evidence) != ids_of(new_model.evidence, b.evidence)) {
      parts.push_back("evidence");
    }
    return parts;
  };
  compare_catalogue("precautions", old_model.precautions, new_model.precautions,
                    instruction_parts, out);
  compare_catalogue("aftercare", old_model.aftercare, new_model.aftercare, instruction_parts,
                    out);
  compare_catalogue("evidence", old_model.evidence, new_model.evidence,
                    [](const EvidenceEntry& a, const EvidenceEntry& b) {
                      std::vector<std::string> parts;
                      if (a.cite != b.cite) parts.push_back("cite");
                      if (a.url != b.url) parts.push_back("url");
                      return parts;
                    },
                    out);
  if (old_model.max_sessions != new_model.max_sessions) {
    out.push_back({"limits", "max_sessions", DeltaKind::Changed, {"value"}});
  }
  return delta;
}

}  // namespace scarwise::internal
