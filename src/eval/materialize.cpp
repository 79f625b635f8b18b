#include "eval/materialize.hpp"

#include "model/assessment_data.hpp"

namespace scarwise::internal {
namespace {

template <typename Item, typename Entry>
std::vector<Item> named(const RuleSetModel& rules, const CompactAssessment& compact, RefSpan span,
                        const std::vector<Entry>& catalogue) {
  std::vector<Item> out;
  out.reserve(span.size);
  for (const ItemRef* ref = compact.begin(span); ref != compact.end(span); ++ref) {
    const Entry& entry = catalogue[ref->item];
    if constexpr (std::is_same_v<Item, Instruction>) {
      out.push_back({entry.id, entry.text, rules.rules[ref->rule].id});
    } else {
      out.push_back({entry.id, entry.name, rules.rules[ref->rule].id});
    }
  }
  return out;
}

std::vector<MissingFact> missing_facts(const RuleSetModel& rules,
                                       const CompactAssessment& compact, RefSpan span) {
  std::vector<MissingFact> out;
  for (const ItemRef* ref = compact.begin(span); ref != compact.end(span); ++ref) {
    const std::string& fact = rules.vocabulary.fact(ref->item).name;
    if (out.empty() || out.back().fact != fact) out.push_back({fact, {}});
    out.back().rules.push_back(rules.rules[ref->rule].id);
  }
  return out;
}

std::vector<Reason> reasons(const RuleSetModel& rules, const CompactAssessment& compact,
                            RefSpan span) {
  std::vector<Reason> out;
  out.reserve(span.size);
  for (const ItemRef* ref = compact.begin(span); ref != compact.end(span); ++ref) {
    const Rule& rule = rules.rules[ref->rule];
    Reason reason{rule.id, rule.title, rule.then.message, {}};
    for (CatalogueId e : rule.evidence) reason.evidence.push_back(rules.evidence[e].id);
    out.push_back(std::move(reason));
  }
  return out;
}

}  // namespace

ScarAssessment materialize_scar(const RuleSetModel& rules, const CompactAssessment& compact,
                                const CompactScar& scar) {
  ScarAssessment out;
  out.id = std::string(compact.id(scar));
  out.suitability = scar.suitability;
  out.complete = scar.complete;
  out.missing_facts = missing_facts(rules, compact, scar.missing);
  if (scar.reevaluate_weeks >= 0) out.reevaluate_after_weeks = scar.reevaluate_weeks;
  for (const ItemRef* ref = compact.begin(scar.reevaluate_when);
       ref != compact.end(scar.reevaluate_when); ++ref) {
    const Rule& rule = rules.rules[ref->rule];
    out.reevaluate_when.push_back({rule.id, rule.then.reevaluate_when});
  }
  if (scar.plan_rule != kNoRule) {
    const Rule& source = rules.rules[scar.plan_rule];
    const PlanSpec& spec = *source.then.plan;
    out.plan = Plan{{scar.sessions_min, scar.sessions_max}, spec.interval_weeks,
                    spec.needle_depth_mm, source.id};
  }
  out.combinations = named<Combination>(rules, compact, scar.combinations, rules.treatments);
  out.alternatives = named<Alternative>(rules, compact, scar.alternatives, rules.treatments);
  out.avoid = named<Avoidance>(rules, compact, scar.avoid, rules.treatments);
  out.precautions = named<Instruction>(rules, compact, scar.precautions, rules.precautions);
  out.aftercare = named<Instruction>(rules, compact, scar.aftercare, rules.aftercare);
  out.reasons = reasons(rules, compact, scar.reasons);
  return out;
}

// AssessmentData's accessors live here, beside what they build from.
const std::vector<ScarAssessment>& AssessmentData::scar_list() const {
  std::call_once(materialized_.flag, [this] {
    if (!model || !scars.empty()) return;
    scars.reserve(compact.scars.size());
    for (const CompactScar& scar : compact.scars) {
      scars.push_back(materialize_scar(*model, compact, scar));
    }
  });
  return scars;
}

const std::string& AssessmentData::id() const { return ruleset ? ruleset->id : ruleset_id; }
const std::string& AssessmentData::version() const {
  return ruleset ? ruleset->version : ruleset_version;
}
const std::string& AssessmentData::digest() const {
  return ruleset ? ruleset->digest : ruleset_digest;
}

}  // namespace scarwise::internal
