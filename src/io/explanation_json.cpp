#include "io/explanation_json.hpp"

#include <boost/json.hpp>
#include <scarwise/version.hpp>

#include "io/assessment_json.hpp"
#include "io/json_writer.hpp"

namespace scarwise::internal {
namespace {

namespace json = boost::json;

json::array strings(const std::vector<std::string>& values) {
  json::array out;
  for (const std::string& value : values) out.emplace_back(value);
  return out;
}

template <typename T>
json::value or_null(const std::optional<T>& value) {
  return value ? json::value(*value) : json::value(nullptr);
}

json::value operand(const std::optional<ExplainedOperand>& side) {
  if (!side) return nullptr;
  json::array list;
  for (const FactValue& value : side->list) list.push_back(fact_value_to_json(value));
  return json::object{{"text", side->text},
                      {"fact", side->is_fact},
                      {"value", fact_value_to_json(side->value)},
                      {"list", std::move(list)}};
}

json::array comparisons(const std::vector<ExplainedComparison>& list) {
  json::array out;
  for (const ExplainedComparison& c : list) {
    json::object item;
    item["text"] = c.text;
    item["left"] = operand(c.left);
    item["right"] = operand(c.right);
    item["result"] = or_null(c.result);
    item["decisive"] = c.decisive;
    out.push_back(std::move(item));
  }
  return out;
}

json::object effect(const RuleEffect& e) {
  json::object out;
  out["suitability"] = e.suitability ? json::value(contract_name(*e.suitability)) : nullptr;
  out["reevaluate_after_weeks"] = or_null(e.reevaluate_after_weeks);
  out["message"] = e.message;
  json::value plan = plan_to_json(e.plan);
  if (plan.is_object()) plan.as_object().erase("rule");  // it is this rule
  out["plan"] = std::move(plan);
  out["adjust_sessions"] = or_null(e.adjust_sessions);
  out["suggest"] = strings(e.suggest);
  out["avoid"] = strings(e.avoid);
  out["precautions"] = strings(e.precautions);
  out["aftercare"] = strings(e.aftercare);
  out["alternatives"] = strings(e.alternatives);
  const std::string& expression = e.reevaluate_after_weeks_expression;
  out["reevaluate_after_weeks_expression"] =
      expression.empty() ? json::value(nullptr) : json::value(expression);
  out["reevaluate_until_resolved"] = e.reevaluate_until_resolved;
  out["reevaluate_when"] =
      e.reevaluate_when.empty() ? json::value(nullptr) : json::value(e.reevaluate_when);
  return out;
}

json::array rules(const std::vector<RuleExplanation>& list) {
  json::array out;
  for (const RuleExplanation& r : list) {
    json::object item;
    item["rule"] = r.rule;
    item["title"] = r.title;
    item["layer"] = r.layer;
    item["condition"] = r.condition;
    item["outcome"] = contract_name(r.outcome);
    item["restricting"] = r.restricting;
    item["comparisons"] = comparisons(r.comparisons);
    item["settled_by"] = strings(r.settled_by);
    item["effect"] = effect(r.effect);
    item["evidence"] = strings(r.evidence);
    item["notes"] = strings(r.notes);
    out.push_back(std::move(item));
  }
  return out;
}

json::array suppressed(const std::vector<SuppressedSuggestion>& list) {
  json::array out;
  for (const SuppressedSuggestion& s : list) {
    out.push_back(json::object{{"treatment", s.treatment},
                               {"name", s.name},
                               {"suggested_by", s.suggested_by},
                               {"suppressed_by", s.suppressed_by}});
  }
  return out;
}

json::array suppressed_alternatives(const std::vector<SuppressedAlternative>& list) {
  json::array out;
  for (const SuppressedAlternative& s : list) {
    out.push_back(json::object{{"treatment", s.treatment},
                               {"name", s.name},
                               {"recommended_by", s.recommended_by},
                               {"suppressed_by", s.suppressed_by}});
  }
  return out;
}

json::array evidence(const std::vector<EvidenceCitation>& list) {
  json::array out;
  for (const EvidenceCitation& e : list) {
    out.push_back(
        json::object{{"id", e.id},
                     {"cite", e.cite},
                     {"url", e.url},
                     {"rules", strings(e.rules)},
                     {"missing", strings(e.missing)}});
  }
  return out;
}

json::object scar(const ScarExplanation& s) {
  json::object out;
  out["id"] = s.assessment.id;
  out["assessment"] = scar_to_json(s.assessment);
  out["deciding_rules"] = strings(s.deciding_rules);
  out["suppressed"] = suppressed(s.suppressed);
  out["suppressed_alternatives"] = suppressed_alternatives(s.suppressed_alternatives);
  out["evidence"] = evidence(s.evidence);
  out["rules"] = rules(s.rules);
  return out;
}

}  // namespace

std::string explanation_to_json(const ExplanationData& data) {
  json::object doc;
  doc["format"] = "scarwise.explanation/1";
  doc["engine"] = json::object{{"name", "scarwise"}, {"version", SCARWISE_VERSION_STRING}};
  doc["ruleset"] = json::object{
      {"id", data.ruleset_id}, {"version", data.ruleset_version}, {"digest", data.ruleset_digest}};
  doc["case_digest"] = data.case_digest;
  doc["focus_rule"] = data.focus_rule.empty() ? json::value(nullptr) : json::value(data.focus_rule);
  json::array scars;
  for (const ScarExplanation& s : data.scars) scars.push_back(scar(s));
  doc["scars"] = std::move(scars);
  return write_pretty_json(doc);
}

}  // namespace scarwise::internal
