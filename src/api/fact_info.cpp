// Describing a rule set's facts to hosts: RuleSet::facts() and its JSON form, from which a host
// can build an intake form without reading the rule files.
#include <scarwise/ruleset.hpp>

#include "io/json_writer.hpp"
#include "model/ruleset_model.hpp"
#include "support/utf8.hpp"

#include <boost/json.hpp>

#include <type_traits>
#include <variant>

namespace scarwise {

namespace {

/// A declared default as the case value that would give the same fact value.
FactValue to_fact_value(const internal::FactDecl& decl, const internal::Value& value) {
  switch (decl.type) {
    case internal::FactType::Bool:
      return value.boolean;
    case internal::FactType::Int:
      return value.number.integer;
    case internal::FactType::Number:
      return value.number.real;
    case internal::FactType::Enum:
      return decl.values.at(value.index);
    case internal::FactType::Set:
      break;
  }
  std::vector<std::string> members;
  for (std::size_t i = 0; i < decl.values.size(); ++i) {
    if ((value.bits >> i) & 1u) members.push_back(decl.values[i]);
  }
  return members;
}

FactInfo describe(const internal::FactDecl& decl) {
  FactInfo info;
  info.name = decl.name;
  info.type = internal::to_string(decl.type);
  info.values = decl.values;
  info.min = decl.min;
  info.max = decl.max;
  info.required = decl.required;
  info.doc = decl.doc;
  info.scope = decl.scope == internal::Scope::Patient ? "patient" : "scar";
  if (decl.default_value) info.default_value = to_fact_value(decl, *decl.default_value);
  return info;
}

/// Serialising copies bytes as they are; JSON must be UTF-8, also for a FactInfo a host built.
boost::json::string text(std::string_view s) {
  return boost::json::string(internal::valid_utf8(s));
}

boost::json::array texts(const std::vector<std::string>& list) {
  boost::json::array out;
  for (const std::string& s : list) out.push_back(text(s));
  return out;
}

boost::json::value to_json(const std::optional<double>& bound) {
  if (!bound) return nullptr;
  return *bound;
}

boost::json::value to_json(const std::optional<FactValue>& value) {
  if (!value) return nullptr;
  return std::visit(
      [](const auto& v) -> boost::json::value {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, std::vector<std::string>>) {
          return texts(v);
        } else if constexpr (std::is_same_v<T, std::string>) {
          return text(v);
        } else {
          return boost::json::value(v);
        }
      },
      *value);
}

/// The part of the name after "<scope>.": the key a case gives the fact under.
std::string key_of(const FactInfo& fact) {
  const std::string prefix = fact.scope + ".";
  return fact.name.compare(0, prefix.size(), prefix) == 0 ? fact.name.substr(prefix.size())
                                                          : fact.name;
}

}  // namespace

std::vector<FactInfo> RuleSet::facts() const {
  std::vector<FactInfo> out;
  out.reserve(model_->vocabulary.facts().size());
  for (const internal::FactDecl& decl : model_->vocabulary.facts()) out.push_back(describe(decl));
  return out;
}

std::string format_facts_json(const std::vector<FactInfo>& facts) {
  boost::json::array out;
  out.reserve(facts.size());
  for (const FactInfo& fact : facts) {
    out.push_back(boost::json::object{{"name", text(fact.name)},
                                      {"scope", text(fact.scope)},
                                      {"key", text(key_of(fact))},
                                      {"type", text(fact.type)},
                                      {"min", to_json(fact.min)},
                                      {"max", to_json(fact.max)},
                                      {"values", texts(fact.values)},
                                      {"required", fact.required},
                                      {"default", to_json(fact.default_value)},
                                      {"doc", text(fact.doc)}});
  }
  // The writer prints 1 for a bound of 1.0, as the rule file most likely wrote it.
  return internal::write_compact_json(out);
}

}  // namespace scarwise
