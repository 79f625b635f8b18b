// Pass 1 of RuleSetBuilder: the fact vocabulary. A fact whose name and type are sound is
// declared even when other parts of its body are wrong, so that the rules using it are still
// checked and do not add misleading "unknown fact" errors.
#include <algorithm>
#include <array>
#include <cstdint>

#include "load/id_index.hpp"
#include "load/ruleset_builder.hpp"
#include "support/did_you_mean.hpp"
#include "support/quote.hpp"

namespace scarwise::internal {
namespace {

/// Sets are 64-bit masks, so no enum or set fact can have more values than this.
constexpr std::size_t kMaxValuesPerFact = 64;

/// 2^53: every integer up to it, and no further, is exact as a double.
constexpr std::int64_t kMaxExactInt = std::int64_t{1} << 53;

const std::array<std::string_view, 5> kTypeNames = {"bool", "int", "number", "enum", "set"};

/// Words that mean something in expressions and so cannot be enum values.
bool is_reserved_word(std::string_view word) {
  static constexpr std::array<std::string_view, 8> kWords = {"true", "false", "and",      "or",
                                                             "not",  "in",    "contains", "known"};
  return std::find(kWords.begin(), kWords.end(), word) != kWords.end();
}

/// A fact key (after its scope): a lower-case letter, then lower-case letters, digits and '_'.
bool is_fact_key(std::string_view text) {
  if (text.empty() || !(text[0] >= 'a' && text[0] <= 'z')) return false;
  return std::all_of(text.begin(), text.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
}

/// An enum or set value: letters, digits, '_', '-' and '.' (expressions quote the ones that are
/// not bare words, e.g. 'ice-pick').
bool is_value_word(std::string_view text) {
  if (text.empty()) return false;
  return std::all_of(text.begin(), text.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '-' || c == '.';
  });
}

bool is_numeric(FactType type) { return type == FactType::Int || type == FactType::Number; }
bool has_values(FactType type) { return type == FactType::Enum || type == FactType::Set; }

}  // namespace

void RuleSetBuilder::read_facts(const SchemaReader& reader) {
  const YamlNode* facts = section(reader, "facts");
  if (!facts) return;
  for (const auto& [key, body] : facts->entries) {
    FactDecl decl;
    decl.loc = reader.loc(key);
    bool declarable = read_fact_name(reader, key, decl);
    if (!reader.expect_map(body, key.scalar)) continue;
    reader.check_keys(body, KeySet{{"type", "min", "max", "values", "default", "required", "doc"}},
                      "fact " + quote(key.scalar));
    declarable = read_fact_type(reader, body, decl) && declarable;
    if (const YamlNode* required = body.find("required")) {
      decl.required = reader.read_bool(*required, "required").value_or(false);
    }
    if (const YamlNode* doc = body.find("doc")) {
      decl.doc = reader.read_string(*doc, "doc").value_or("");
    }
    if (declarable) {
      read_fact_bounds(reader, body, decl);
      read_fact_values(reader, body, decl);
      read_fact_default(reader, body, decl);
      decl.layer = layer_;
      // read_fact_name() let a name through twice only when a base layer declared it first.
      if (const std::optional<FactId> base = model_->vocabulary.find(decl.name)) {
        check_redeclared_fact(reader, key, decl, model_->vocabulary.fact(*base));
      } else {
        model_->vocabulary.add(std::move(decl));
      }
    }
  }
}

bool RuleSetBuilder::read_fact_name(const SchemaReader& reader, const YamlNode& key,
                                    FactDecl& decl) {
  const std::string& name = key.scalar;
  const std::size_t dot = name.find('.');
  const std::string scope = dot == std::string::npos ? "" : name.substr(0, dot);
  if (scope != "patient" && scope != "scar") {
    reader.error(key, "E-FACT-SCOPE",
                 "fact " + quote(name) + " is not in the patient or scar scope",
                 "fact names start with 'patient.' (once per case) or 'scar.' (per scar site)");
    return false;
  }
  decl.name = name;
  decl.key = name.substr(dot + 1);
  decl.scope = scope == "patient" ? Scope::Patient : Scope::Scar;
  if (!is_fact_key(decl.key)) {
    reader.error(key, "E-BAD-ID", "invalid fact name " + quote(name),
                 "after the scope, use lower-case letters, digits and '_', starting with a letter");
    return false;
  }
  if (const std::optional<FactId> first = model_->vocabulary.find(name)) {
    const FactDecl& base = model_->vocabulary.fact(*first);
    // An overlay may repeat a base fact; check_redeclared_fact() then holds it to the base's.
    if (base.layer < layer_) return true;
    reader.error(key, "E-DUPLICATE-ID", "duplicate fact " + quote(name),
                 "first declared at " + describe_loc(base.loc));
    return false;
  }
  if (model_->vocabulary.facts().size() >= options_.max_facts) {
    if (!facts_limit_reported_) {
      reader.error(key, "E-LIMIT-FACTS",
                   "more than " + std::to_string(options_.max_facts) + " facts are declared",
                   "raise LoadOptions::max_facts");
    }
    facts_limit_reported_ = true;
    return false;
  }
  return true;
}

bool RuleSetBuilder::read_fact_type(const SchemaReader& reader, const YamlNode& body,
                                    FactDecl& decl) {
  const YamlNode* type = reader.require(body, "type", "fact " + quote(decl.name));
  if (!type) return false;
  const std::optional<std::string> name = reader.read_string(*type, "type");
  if (!name) return false;
  const auto it = std::find(kTypeNames.begin(), kTypeNames.end(), *name);
  if (it == kTypeNames.end()) {
    const std::vector<std::string> candidates(kTypeNames.begin(), kTypeNames.end());
    reader.error(*type, "E-BAD-VALUE", "unknown fact type " + quote(*name),
                 did_you_mean(*name, candidates, "use bool, int, number, enum or set"));
    return false;
  }
  decl.type = static_cast<FactType>(it - kTypeNames.begin());
  return true;
}

void RuleSetBuilder::read_fact_bounds(const SchemaReader& reader, const YamlNode& body,
                                      FactDecl& decl) {
  const auto read_bound = [&](const char* bound) -> std::optional<double> {
    const YamlNode* node = body.find(bound);
    if (!node) return std::nullopt;
    if (!is_numeric(decl.type)) {
      reader.error(*body.find_key(bound), "E-NOT-APPLICABLE",
                   std::string("'") + bound + "' applies only to int and number facts, not to " +
                       to_string(decl.type));
      return std::nullopt;
    }
    if (decl.type == FactType::Number) return reader.read_number(*node, bound);
    const std::optional<std::int64_t> integer = reader.read_int(*node, bound);
    if (!integer) return std::nullopt;
    // A bound is kept as a double (FactInfo::min and max): past 2^53 it would be rounded.
    if (*integer > kMaxExactInt || *integer < -kMaxExactInt) {
      reader.error(*node, "E-BAD-VALUE",
                   std::string("'") + bound + "' of an int fact must be from -" +
                       std::to_string(kMaxExactInt) + " to " + std::to_string(kMaxExactInt) +
                       " (2^53), got " + shown(node->scalar),
                   "leave the bound out: an int fact takes any 64-bit integer");
      return std::nullopt;
    }
    return static_cast<double>(*integer);
  };
  decl.min = read_bound("min");
  decl.max = read_bound("max");
  if (decl.min && decl.max && *decl.min > *decl.max) {
    reader.error(*body.find("max"), "E-BAD-RANGE",
                 "fact " + quote(decl.name) + " has min greater than max");
    decl.max.reset();
  }
}

void RuleSetBuilder::read_fact_values(const SchemaReader& reader, const YamlNode& body,
                                      FactDecl& decl) {
  const YamlNode* values = body.find("values");
  if (!has_values(decl.type)) {
    if (values) {
      reader.error(*body.find_key("values"), "E-NOT-APPLICABLE",
                   std::string("'values' applies only to enum and set facts, not to ") +
                       to_string(decl.type));
    }
    return;
  }
  if (!values) {
    reader.error(
        body, "E-MISSING-KEY",
        std::string(decl.type == FactType::Enum ? "an enum" : "a set") + " fact needs 'values'");
    return;
  }
  const std::vector<YamlNode>* items = reader.read_list(*values, "values");
  if (!items) return;
  if (items->empty()) {
    reader.error(*values, "E-BAD-VALUE", "'values' must list at least one value");
    return;
  }
  const std::size_t limit = std::min(options_.max_enum_values, kMaxValuesPerFact);
  if (items->size() > limit) {
    reader.error(*values, "E-LIMIT-ENUM-VALUES",
                 "fact " + quote(decl.name) + " has " + std::to_string(items->size()) +
                     " values, more than the limit of " + std::to_string(limit),
                 limit == kMaxValuesPerFact
                     ? "a fact holds at most 64 values; split it into several facts"
                     : "raise LoadOptions::max_enum_values (at most 64)");
  }
  // Values past the limit are still declared (up to what a 64-bit set can hold), so that the
  // rules using them add no second error to the one above.
  for (const YamlNode& item : *items) {
    if (decl.values.size() == kMaxValuesPerFact) break;
    const std::optional<std::string> value = reader.read_string(item, "values");
    if (!value) continue;
    if (!is_value_word(*value) || is_reserved_word(*value)) {
      reader.error(item, "E-BAD-ID", "invalid value " + quote(*value),
                   is_reserved_word(*value) ? "this word is reserved in expressions"
                                            : "values use letters, digits, '_', '-' and '.'");
    } else if (decl.value_index(*value) >= 0) {
      reader.error(item, "E-DUPLICATE-VALUE", "value " + quote(*value) + " is listed twice");
    } else {
      decl.values.push_back(*value);
    }
  }
}

void RuleSetBuilder::read_fact_default(const SchemaReader& reader, const YamlNode& body,
                                       FactDecl& decl) {
  const YamlNode* node = body.find("default");
  if (!node) return;
  if (decl.required) {
    reader.error(*body.find_key("default"), "E-CONFLICT",
                 "required fact " + quote(decl.name) + " cannot have a default",
                 "a case without a required fact is rejected, so the default would never be used");
    return;
  }
  const auto bad_default = [&](const YamlNode& at, const std::string& message, std::string hint) {
    reader.error(at, "E-BAD-DEFAULT", message, std::move(hint));
  };
  switch (decl.type) {
    case FactType::Bool:
      if (const auto value = reader.read_bool(*node, "default")) {
        decl.default_value = Value::of_bool(*value);
      }
      return;
    case FactType::Int:
    case FactType::Number: {
      // An int default stays an exact int64, like an int a case gives.
      std::optional<Value> value;
      if (decl.type == FactType::Number) {
        if (const auto real = reader.read_number(*node, "default")) value = Value::of_number(*real);
      } else if (const auto integer = reader.read_int(*node, "default")) {
        value = Value::of_int(*integer);
      }
      if (!value) return;
      const auto outside = [&](const std::optional<double>& bound, int side) {
        return bound && compare_numeric(value->number, Numeric::of_real(*bound)) == side;
      };
      if (outside(decl.min, -1) || outside(decl.max, 1)) {
        bad_default(
            *node,
            "default " + shown(node->scalar) + " is outside the bounds of fact " + quote(decl.name),
            "min and max bound the default too");
        return;
      }
      decl.default_value = *value;
      return;
    }
    case FactType::Enum: {
      const std::optional<std::string> value = reader.read_string(*node, "default");
      if (!value) return;
      const int index = decl.value_index(*value);
      if (index < 0) {
        bad_default(*node,
                    "default " + quote(*value) + " is not a value of fact " + quote(decl.name),
                    did_you_mean(*value, decl.values));
        return;
      }
      decl.default_value = Value::of_enum(static_cast<std::uint32_t>(index));
      return;
    }
    case FactType::Set:
      read_set_default(reader, *node, decl);
      return;
  }
}

void RuleSetBuilder::read_set_default(const SchemaReader& reader, const YamlNode& node,
                                      FactDecl& decl) {
  const std::vector<YamlNode>* items = reader.read_list(node, "default");
  if (!items) return;
  std::uint64_t bits = 0;
  bool ok = true;
  for (const YamlNode& item : *items) {
    const std::optional<std::string> value = reader.read_string(item, "default");
    const int index = value ? decl.value_index(*value) : -1;
    if (value && index < 0) {
      reader.error(item, "E-BAD-DEFAULT",
                   "default " + quote(*value) + " is not a value of fact " + quote(decl.name),
                   did_you_mean(*value, decl.values));
    } else if (value && (bits >> index & 1u)) {
      reader.error(item, "E-DUPLICATE-VALUE", "value " + quote(*value) + " is listed twice");
    }
    if (index < 0 || (bits >> index & 1u)) {
      ok = false;
      continue;
    }
    bits |= std::uint64_t{1} << index;
  }
  if (ok) decl.default_value = Value::of_set(bits);
}

}  // namespace scarwise::internal
