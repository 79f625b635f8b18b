// Pass 3 of RuleSetBuilder: the rules. Every rule is checked in full even when an earlier part
// of it is wrong; only rules without any error enter the model.
#include "load/ruleset_builder.hpp"

#include "load/scalar_origin.hpp"
#include "model/analysis_codes.hpp"
#include "support/did_you_mean.hpp"
#include "support/quote.hpp"

#include <algorithm>
#include <limits>

namespace scarwise::internal {
namespace {

const KeySet& rule_keys() {
  static const KeySet keys{{"id", "title", "priority", "when", "then", "evidence", "override",
                              "analyze"}};
  return keys;
}

}  // namespace

void RuleSetBuilder::read_rules(const SourceFile& file, const SchemaReader& reader) {
  const YamlNode* rules = reader.doc().root.find("rules");
  if (!rules) return;
  const std::vector<YamlNode>* items = reader.read_list(*rules, "rules");
  if (!items) return;
  for (const YamlNode& item : *items) read_rule(file, reader, item);
}

void RuleSetBuilder::read_rule(const SourceFile& file, const SchemaReader& reader,
                               const YamlNode& item) {
  // Counted as declared, before any work on the rule, so that a flood of rules stops here.
  if (rules_declared_++ >= options_.max_rules) {
    if (!rules_limit_reported_) {
      reader.error(item, "E-LIMIT-RULES",
                   "more than " + std::to_string(options_.max_rules) + " rules are declared",
                   "raise LoadOptions::max_rules");
    }
    rules_limit_reported_ = true;
    return;
  }
  if (!reader.expect_map(item, "rule")) return;
  reader.check_keys(item, rule_keys(), "a rule");
  Rule rule;
  rule.loc = reader.loc(item);
  rule.layer = layer_;
  bool replaces = false;
  bool ok = read_rule_id(reader, item, rule, replaces);
  if (const YamlNode* title = item.find("title")) {
    rule.title = reader.read_string(*title, "title").value_or("");
  }
  if (const YamlNode* priority = item.find("priority")) {
    const std::optional<int> value = reader.read_int_in(
        *priority, "priority", std::numeric_limits<int>::min(), std::numeric_limits<int>::max());
    ok = value.has_value() && ok;
    rule.priority = value.value_or(0);
  }
  if (const YamlNode* evidence = item.find("evidence")) {
    rule.evidence = evidence_ids_.resolve_list(reader, *evidence, "evidence", ok);
  }
  if (const YamlNode* marker = item.find("analyze")) {
    ok = read_analyze_marker(reader, *marker, rule) && ok;
  }
  if (const YamlNode* then = reader.require(item, "then", "a rule")) {
    ok = read_action(reader, *then, rule.then) && ok;
  } else {
    ok = false;
  }
  ok = compile_when(file, reader, item, rule) && ok;
  ok = compile_weeks(file, item, rule) && ok;
  if (!ok) return;
  if (replaces) {
    rule.overrides = true;
    // An override takes the base rule's place, so the order of everything else stays.
    model_->rules[rule_slot_.at(rule.id)] = std::move(rule);
    return;
  }
  rule_slot_[rule.id] = model_->rules.size();  // a disabled id may be declared anew
  model_->rules.push_back(std::move(rule));
  disabled_.push_back(false);
}

bool RuleSetBuilder::read_rule_id(const SchemaReader& reader, const YamlNode& item, Rule& rule,
                                  bool& replaces) {
  const YamlNode* id = reader.require(item, "id", "a rule");
  if (!id) return false;
  const std::optional<std::string> text = reader.read_id(*id, "rule id");
  if (!text) return false;
  const YamlNode* override_flag = item.find("override");
  replaces = override_flag && reader.read_bool(*override_flag, "override").value_or(false);
  const std::optional<CatalogueId> declared =
      replaces ? rule_ids_.override_existing(reader, *id, *text, layer_)
               : rule_ids_.declare(reader, *id, *text, layer_);
  // A base rule with errors never reached the model: there is nothing to replace, and the
  // load fails anyway.
  if (!declared || (replaces && rule_slot_.count(*text) == 0)) return false;
  rule.id = *text;
  rule.loc = reader.loc(*item.find_key("id"));
  return true;
}

// `analyze: {allow: [A-GAP, ...]}`: findings of `scarwise analyze` the author has judged
// deliberate. Codes are checked here so that a misspelt one fails the load instead of allowing
// nothing.
bool RuleSetBuilder::read_analyze_marker(const SchemaReader& reader, const YamlNode& marker,
                                         Rule& rule) {
  static const KeySet keys{{"allow"}};
  if (!reader.expect_map(marker, "analyze")) return false;
  reader.check_keys(marker, keys, "analyze");
  const YamlNode* allow = reader.require(marker, "allow", "analyze");
  if (!allow) return false;
  const std::vector<YamlNode>* items = reader.read_list(*allow, "allow");
  if (!items) return false;
  bool ok = true;
  for (const YamlNode& item : *items) {
    const std::optional<std::string> code = reader.read_string(item, "finding code");
    if (!code) {
      ok = false;
    } else if (!is_analysis_finding_code(*code)) {
      reader.error(item, "E-BAD-VALUE", "unknown analysis finding code " + quote(*code),
                   did_you_mean(*code, analysis_finding_codes(),
                                "the codes are A-GAP, A-PLAN-CONFLICT, A-SUGGEST-AVOID, "
                                "A-UNREACHABLE, A-SHADOWED and A-UNKNOWN-STUCK"));
      ok = false;
    } else if (std::any_of(rule.analyze_allow.begin(), rule.analyze_allow.end(),
                           [&](const AnalyzeAllow& a) { return a.code == *code; })) {
      reader.error(item, "E-DUPLICATE-VALUE", "finding code " + quote(*code) + " is listed twice");
      ok = false;
    } else {
      rule.analyze_allow.push_back({*code, reader.loc(item)});
    }
  }
  return ok;
}

bool RuleSetBuilder::compile_when(const SourceFile& file, const SchemaReader& reader,
                                  const YamlNode& item, Rule& rule) {
  const YamlNode* when = reader.require(item, "when", "a rule");
  if (!when) return false;
  if (!when->is_scalar()) {
    reader.type_error(*when, "when", "an expression",
                      "write a condition such as 'scar.type == rolling', or true");
    return false;
  }
  const ExprOrigin origin = scalar_origin(file.doc, file.lines, *when);
  const ExprLimits limits{options_.max_expression_bytes, options_.max_expression_depth};
  std::optional<CompiledExpr> compiled =
      compile_expression(when->scalar, origin, model_->vocabulary, limits, sink_);
  if (!compiled) return false;
  rule.when = std::move(*compiled);
  return true;
}

}  // namespace scarwise::internal

namespace scarwise::internal {

// `then.reevaluate_after_weeks` written as an expression: a number of weeks computed for each
// scar (read_suitability() has dealt with the other forms).
bool RuleSetBuilder::compile_weeks(const SourceFile& file, const YamlNode& item, Rule& rule) {
  const YamlNode* then = item.find("then");
  const YamlNode* weeks = then && then->is_map() ? then->find("reevaluate_after_weeks") : nullptr;
  if (!weeks || weeks_form(*weeks) != WeeksForm::Expression) return true;
  const ExprOrigin origin = scalar_origin(file.doc, file.lines, *weeks);
  const ExprLimits limits{options_.max_expression_bytes, options_.max_expression_depth};
  std::optional<CompiledNumber> compiled =
      compile_number_expression(weeks->scalar, origin, model_->vocabulary, limits, sink_);
  if (!compiled) return false;
  rule.then.reevaluate_weeks_expression = std::move(*compiled);
  return true;
}

}  // namespace scarwise::internal
