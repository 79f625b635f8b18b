// What an overlay may change in the rule sets below it (docs/rule-format.md §12): catalogue
// entries and rules replaced with `override: true`, base rules switched off with `disable`,
// and base facts repeated only exactly as the base declares them.
#include "load/ruleset_builder.hpp"

#include "support/did_you_mean.hpp"
#include "support/quote.hpp"

#include <algorithm>
#include <cmath>

namespace scarwise::internal {
namespace {

std::string describe_bound(const std::optional<double>& bound) {
  if (!bound) return "none";
  std::string text = std::to_string(*bound);
  if (*bound == std::floor(*bound) && std::fabs(*bound) < 1e15) {
    text = std::to_string(static_cast<long long>(*bound));
  }
  return text;
}

bool same_default(const std::optional<Value>& a, const std::optional<Value>& b) {
  if (a.has_value() != b.has_value()) return false;
  if (!a) return true;
  if (a->kind != b->kind) return false;
  switch (a->kind) {
    case Value::Kind::Unknown: return true;
    case Value::Kind::Bool: return a->boolean == b->boolean;
    case Value::Kind::Number: return compare_numeric(a->number, b->number) == 0;
    case Value::Kind::Enum: return a->index == b->index;
    case Value::Kind::Set: return a->bits == b->bits;
  }
  return false;
}

/// What differs between an overlay's declaration of a fact and the base's, in words.
std::vector<std::string> differences(const FactDecl& overlay, const FactDecl& base) {
  std::vector<std::string> out;
  if (overlay.type != base.type) {
    out.push_back(std::string("type ") + to_string(base.type) + ", not " +
                  to_string(overlay.type));
    return out;  // with another type, the rest cannot be compared
  }
  if (overlay.min != base.min) {
    out.push_back("min " + describe_bound(base.min) + ", not " + describe_bound(overlay.min));
  }
  if (overlay.max != base.max) {
    out.push_back("max " + describe_bound(base.max) + ", not " + describe_bound(overlay.max));
  }
  if (overlay.values != base.values) out.push_back("other values");
  if (overlay.required != base.required) {
    out.push_back(std::string("required: ") + (base.required ? "true" : "false"));
  }
  if (!same_default(overlay.default_value, base.default_value)) out.push_back("another default");
  return out;
}

std::string joined(const std::vector<std::string>& parts) {
  std::string out;
  for (const std::string& part : parts) out += (out.empty() ? "" : "; ") + part;
  return out;
}

}  // namespace

std::optional<CatalogueId> RuleSetBuilder::declare_entry(const SchemaReader& reader,
                                                         IdIndex& index, const YamlNode& key,
                                                         const YamlNode& body, bool& replaces) {
  const YamlNode* flag = body.is_map() ? body.find("override") : nullptr;
  replaces = flag && reader.read_bool(*flag, "override").value_or(false);
  return replaces ? index.override_existing(reader, key, key.scalar, layer_)
                  : index.declare(reader, key, key.scalar, layer_);
}

void RuleSetBuilder::check_redeclared_fact(const SchemaReader& reader, const YamlNode& key,
                                           const FactDecl& decl, const FactDecl& base) {
  const std::vector<std::string> changed = differences(decl, base);
  if (changed.empty()) return;
  reader.error(key, "E-FACT-REDECLARED",
               "fact " + quote(decl.name) + " is declared by the base rule set at " +
                   describe_loc(base.loc) + " with " + joined(changed),
               "an overlay may repeat a base fact only exactly as the base declares it (rules "
               "of the base rely on it); declare a new fact for another meaning");
}

void RuleSetBuilder::read_disable(const SchemaReader& reader) {
  const YamlNode* disable = reader.doc().root.find("disable");
  if (!disable) return;
  // A chain that failed to resolve has no base; its error is reported at `extends`.
  if (layer_ == 0 && reader.doc().root.find("extends")) return;
  const std::vector<YamlNode>* items = reader.read_list(*disable, "disable");
  if (!items) return;
  std::vector<std::string> base_rules;
  for (const Rule& rule : model_->rules) {
    if (rule.layer < layer_) base_rules.push_back(rule.id);
  }
  for (const YamlNode& item : *items) {
    const std::optional<std::string> id = reader.read_string(item, "disable");
    if (!id) continue;
    const auto slot = rule_slot_.find(*id);
    if (layer_ == 0) {
      reader.error(item, "E-NOT-ALLOWED", "'disable' switches off rules of a base rule set",
                   "this rule set extends none: add 'extends', or delete the rule instead");
    } else if (slot == rule_slot_.end()) {
      reader.error(item, "E-UNKNOWN-REF", "'disable' names " + quote(*id) + ", no base rule",
                   did_you_mean(*id, base_rules, "list ids of rules the base rule sets declare"));
    } else if (model_->rules[slot->second].layer == layer_) {
      reader.error(item, "E-CONFLICT",
                   "rule " + quote(*id) + " is both disabled and declared by this rule set",
                   "keep the 'override: true' rule to replace it, or the 'disable' entry to "
                   "switch it off");
    } else if (disabled_[slot->second]) {
      reader.error(item, "E-DUPLICATE-VALUE", "rule " + quote(*id) + " is disabled twice");
    } else {
      disabled_[slot->second] = true;
      model_->disabled_rules.push_back({*id, layer_});
      rule_ids_.forget(*id);
    }
  }
}

void RuleSetBuilder::drop_disabled_rules() {
  std::vector<Rule> kept;
  kept.reserve(model_->rules.size());
  for (std::size_t i = 0; i < model_->rules.size(); ++i) {
    if (!disabled_[i]) kept.push_back(std::move(model_->rules[i]));
  }
  model_->rules = std::move(kept);
}

}  // namespace scarwise::internal
