#include "io/assessment_json.hpp"

#include "model/ruleset_model.hpp"

#include <boost/json.hpp>
#include <scarwise/version.hpp>

#include "io/json_writer.hpp"

namespace scarwise::internal {

namespace {

namespace json = boost::json;

json::array strings(const std::vector<std::string>& values) {
  json::array out;
  for (const std::string& value : values) out.emplace_back(value);
  return out;
}

json::value range(const Range& r) { return json::object{{"min", r.min}, {"max", r.max}}; }

json::value fact_value(const std::optional<FactValue>& value) {
  if (!value) return nullptr;
  struct Visitor {
    json::value operator()(bool b) const { return b; }
    json::value operator()(std::int64_t n) const { return n; }
    json::value operator()(double d) const { return d; }
    json::value operator()(const std::string& s) const { return json::string(s); }
    json::value operator()(const std::vector<std::string>& list) const { return strings(list); }
  };
  return std::visit(Visitor{}, *value);
}

json::value plan(const std::optional<Plan>& p) {
  if (!p) return nullptr;
  json::object out;
  out["sessions"] = range(p->sessions);
  out["interval_weeks"] = range(p->interval_weeks);
  out["needle_depth_mm"] = p->needle_depth_mm ? range(*p->needle_depth_mm) : json::value(nullptr);
  out["rule"] = p->rule;
  return out;
}

json::array missing_facts(const std::vector<MissingFact>& facts) {
  json::array out;
  for (const MissingFact& fact : facts) {
    out.push_back(json::object{{"fact", fact.fact}, {"rules", strings(fact.rules)}});
  }
  return out;
}

json::array reevaluation_conditions(const std::vector<ReevaluationCondition>& list) {
  json::array out;
  for (const ReevaluationCondition& c : list) {
    out.push_back(json::object{{"rule", c.rule}, {"text", c.text}});
  }
  return out;
}

json::array combinations(const std::vector<Combination>& list) {
  json::array out;
  for (const Combination& c : list) {
    out.push_back(json::object{{"id", c.id}, {"name", c.name}, {"rule", c.rule}});
  }
  return out;
}

json::array alternatives(const std::vector<Alternative>& list) {
  json::array out;
  for (const Alternative& a : list) {
    out.push_back(json::object{{"id", a.id}, {"name", a.name}, {"rule", a.rule}});
  }
  return out;
}

json::array avoidances(const std::vector<Avoidance>& list) {
  json::array out;
  for (const Avoidance& a : list) {
    out.push_back(json::object{{"id", a.id}, {"name", a.name}, {"rule", a.rule}});
  }
  return out;
}

json::array instructions(const std::vector<Instruction>& list) {
  json::array out;
  for (const Instruction& i : list) {
    out.push_back(json::object{{"id", i.id}, {"text", i.text}, {"rule", i.rule}});
  }
  return out;
}

json::array reasons(const std::vector<Reason>& list) {
  json::array out;
  for (const Reason& r : list) {
    json::object reason;
    reason["rule"] = r.rule;
    reason["title"] = r.title;
    reason["message"] = r.message;
    reason["evidence"] = strings(r.evidence);
    out.push_back(std::move(reason));
  }
  return out;
}

/// The id of the layer rule `index` (its position in the trace) came from.
std::string_view rule_layer(const AssessmentData& data, std::size_t index) {
  if (!data.ruleset || index >= data.ruleset->rules.size()) return data.id();
  return data.ruleset->layers[data.ruleset->rules[index].layer].id;
}

/// The trace lists every rule in declaration order, so entry i is rule i of the rule set.
json::array trace(const AssessmentData& data, const std::vector<TraceEntry>& entries) {
  json::array out;
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const TraceEntry& entry = entries[i];
    json::object facts;
    for (const TraceFact& fact : entry.facts) facts[fact.fact] = fact_value(fact.value);
    json::object item;
    item["rule"] = entry.rule;
    item["layer"] = rule_layer(data, i);
    item["result"] = contract_name(entry.result);
    item["facts"] = std::move(facts);
    item["notes"] = strings(entry.notes);
    out.push_back(std::move(item));
  }
  return out;
}

json::object scar(const AssessmentData& data, const ScarAssessment& s) {
  json::object out;
  out["id"] = s.id;
  out["suitability"] = contract_name(s.suitability);
  out["complete"] = s.complete;
  out["missing_facts"] = missing_facts(s.missing_facts);
  out["reevaluate_after_weeks"] =
      s.reevaluate_after_weeks ? json::value(*s.reevaluate_after_weeks) : json::value(nullptr);
  out["reevaluate_when"] = reevaluation_conditions(s.reevaluate_when);
  out["plan"] = plan(s.plan);
  out["combinations"] = combinations(s.combinations);
  out["alternatives"] = alternatives(s.alternatives);
  out["avoid"] = avoidances(s.avoid);
  out["precautions"] = instructions(s.precautions);
  out["aftercare"] = instructions(s.aftercare);
  out["reasons"] = reasons(s.reasons);
  if (data.explained) out["trace"] = trace(data, s.trace);
  return out;
}

}  // namespace

const char* contract_name(Suitability suitability) noexcept {
  switch (suitability) {
    case Suitability::suitable:
      return "suitable";
    case Suitability::suitable_with_caution:
      return "suitable_with_caution";
    case Suitability::defer:
      return "defer";
    case Suitability::not_suitable:
      return "not_suitable";
  }
  return "unknown";
}

const char* contract_name(RuleOutcome outcome) noexcept {
  switch (outcome) {
    case RuleOutcome::fired:
      return "fired";
    case RuleOutcome::not_fired:
      return "not_fired";
    case RuleOutcome::unknown:
      return "unknown";
  }
  return "unknown";
}

namespace {

/// Every layer of the rule set, the furthest base first; the rule set alone when it has one.
json::array layers(const AssessmentData& data) {
  json::array out;
  const auto add = [&](std::string_view id, std::string_view version, std::string_view digest) {
    out.push_back(json::object{{"id", id}, {"version", version}, {"digest", digest}});
  };
  if (!data.ruleset) {
    add(data.id(), data.version(), data.digest());
    return out;
  }
  for (const LayerInfo& layer : data.ruleset->layers) add(layer.id, layer.version, layer.digest);
  return out;
}

json::object assessment_document(const AssessmentData& data) {
  json::object doc;
  doc["format"] = "scarwise.assessment/1";
  doc["engine"] = json::object{{"name", "scarwise"}, {"version", SCARWISE_VERSION_STRING}};
  doc["ruleset"] = json::object{{"id", data.id()},
                                {"version", data.version()},
                                {"digest", data.digest()},
                                {"layers", layers(data)}};
  doc["case_digest"] = data.case_digest;
  doc["suitability"] = contract_name(data.suitability);
  doc["complete"] = data.complete;
  json::array scars;
  for (const ScarAssessment& s : data.scar_list()) scars.push_back(scar(data, s));
  doc["scars"] = std::move(scars);
  return doc;
}

}  // namespace

boost::json::object scar_to_json(const ScarAssessment& s) {
  const AssessmentData untraced;  // explained is false: no trace, so no layers are needed
  return scar(untraced, s);
}

boost::json::value fact_value_to_json(const std::optional<FactValue>& value) {
  return fact_value(value);
}

boost::json::value plan_to_json(const std::optional<Plan>& p) { return plan(p); }

std::string assessment_to_json(const AssessmentData& data) {
  return write_pretty_json(assessment_document(data));
}

std::string assessment_to_json_line(const AssessmentData& data) {
  return write_compact_json(assessment_document(data));
}

}  // namespace scarwise::internal
