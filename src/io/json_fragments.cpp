#include "io/json_fragments.hpp"

#include <scarwise/version.hpp>

#include <algorithm>

#include "io/json_writer.hpp"

namespace scarwise::internal {
namespace {

void append_range(std::string& out, const Range& range) {
  out += "{\"min\":";
  append_json_number(out, range.min);
  out += ",\"max\":";
  append_json_number(out, range.max);
  out += '}';
}

/// `"key":"value"`, both escaped.
std::string member(std::string_view key, std::string_view value) {
  std::string out;
  append_json_string(out, key);
  out += ':';
  append_json_string(out, value);
  return out;
}

std::string header(const RuleSetModel& rules) {
  std::string out = "{\"format\":\"scarwise.assessment/1\",\"engine\":{\"name\":\"scarwise\",";
  out += member("version", SCARWISE_VERSION_STRING) + "},\"ruleset\":{";
  out += member("id", rules.id) + ',' + member("version", rules.version) + ',' +
         member("digest", rules.digest) + ",\"layers\":[";
  for (std::size_t i = 0; i < rules.layers.size(); ++i) {
    const LayerInfo& layer = rules.layers[i];
    out += (i ? ",{" : "{") + member("id", layer.id) + ',' + member("version", layer.version) +
           ',' + member("digest", layer.digest) + '}';
  }
  return out + "]},\"case_digest\":\"";
}

JsonFragments::RuleParts rule_parts(const RuleSetModel& rules, const Rule& rule) {
  JsonFragments::RuleParts parts;
  append_json_string(parts.id, rule.id);
  parts.reason = "{\"rule\":" + parts.id + ',' + member("title", rule.title) + ',' +
                 member("message", rule.then.message) + ",\"evidence\":[";
  for (std::size_t i = 0; i < rule.evidence.size(); ++i) {
    if (i) parts.reason += ',';
    append_json_string(parts.reason, rules.evidence[rule.evidence[i]].id);
  }
  parts.reason += "]}";
  parts.reevaluate_when =
      "{\"rule\":" + parts.id + ',' + member("text", rule.then.reevaluate_when) + '}';
  if (const std::optional<PlanSpec>& plan = rule.then.plan) {
    parts.plan_tail = ",\"interval_weeks\":";
    append_range(parts.plan_tail, plan->interval_weeks);
    parts.plan_tail += ",\"needle_depth_mm\":";
    if (plan->needle_depth_mm) {
      append_range(parts.plan_tail, *plan->needle_depth_mm);
    } else {
      parts.plan_tail += "null";
    }
    parts.plan_tail += ",\"rule\":" + parts.id + '}';
  }
  return parts;
}

template <typename Entry>
std::vector<std::string> entries(const std::vector<Entry>& catalogue) {
  std::vector<std::string> out;
  out.reserve(catalogue.size());
  for (const Entry& entry : catalogue) {
    if constexpr (std::is_same_v<Entry, TreatmentEntry>) {
      out.push_back('{' + member("id", entry.id) + ',' + member("name", entry.name) + ",\"rule\":");
    } else {
      out.push_back('{' + member("id", entry.id) + ',' + member("text", entry.text) + ",\"rule\":");
    }
  }
  return out;
}

void set_key_orders(const Vocabulary& vocabulary, JsonFragments& fragments) {
  const auto& facts = vocabulary.facts();
  for (FactId id = 0; id < facts.size(); ++id) {
    (facts[id].scope == Scope::Patient ? fragments.patient_order : fragments.scar_order)
        .push_back(id);
  }
  fragments.scar_order.push_back(JsonFragments::kScarIdKey);
  const auto key = [&](FactId id) -> std::string_view {
    return id == JsonFragments::kScarIdKey ? std::string_view("id") : facts[id].key;
  };
  const auto by_key = [&](FactId a, FactId b) { return key(a) < key(b); };
  std::sort(fragments.patient_order.begin(), fragments.patient_order.end(), by_key);
  std::sort(fragments.scar_order.begin(), fragments.scar_order.end(), by_key);
}

std::shared_ptr<const JsonFragments> render(const RuleSetModel& rules) {
  auto fragments = std::make_shared<JsonFragments>();
  fragments->header = header(rules);
  fragments->rules.reserve(rules.rules.size());
  for (const Rule& rule : rules.rules) fragments->rules.push_back(rule_parts(rules, rule));
  fragments->treatments = entries(rules.treatments);
  fragments->precautions = entries(rules.precautions);
  fragments->aftercare = entries(rules.aftercare);
  for (const FactDecl& fact : rules.vocabulary.facts()) {
    fragments->facts.push_back("{" + member("fact", fact.name) + ",\"rules\":[");
    std::string key;
    append_json_string(key, fact.key);
    const std::string member_key = ',' + key + ':';
    fragments->fact_keys.push_back(member_key);
    std::vector<std::string>& members = fragments->fact_members.emplace_back();
    std::vector<std::string>& set_values = fragments->set_values.emplace_back();
    if (fact.type == FactType::Bool) members = {member_key + "false", member_key + "true"};
    for (const std::string& value : fact.values) {
      std::string quoted;
      append_json_string(quoted, value);
      if (fact.type == FactType::Enum) members.push_back(member_key + quoted);
      if (fact.type == FactType::Set) set_values.push_back(quoted);
    }
  }
  set_key_orders(rules.vocabulary, *fragments);
  return fragments;
}

}  // namespace

const JsonFragments& json_fragments(const RuleSetModel& rules) {
  std::call_once(rules.json_cache.once, [&] { rules.json_cache.fragments = render(rules); });
  return *rules.json_cache.fragments;
}

}  // namespace scarwise::internal
