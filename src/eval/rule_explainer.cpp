#include "eval/rule_explainer.hpp"

#include <algorithm>

#include "eval/reevaluation.hpp"
#include "eval/rule_layer.hpp"
#include "eval/trace.hpp"

namespace scarwise::internal {
namespace {

RuleOutcome outcome_of(Tri t) {
  switch (t) {
    case Tri::True:
      return RuleOutcome::fired;
    case Tri::False:
      return RuleOutcome::not_fired;
    case Tri::Unknown:
      return RuleOutcome::unknown;
  }
  return RuleOutcome::unknown;
}

std::optional<bool> result_of(Tri t) {
  if (t == Tri::Unknown) return std::nullopt;
  return t == Tri::True;
}

ExplainedOperand fact_operand(const Vocabulary& vocabulary, FactId fact, const FactEnv& env) {
  const FactDecl& decl = vocabulary.fact(fact);
  return ExplainedOperand{decl.name, true, to_fact_value(decl, env.get(fact)), {}};
}

// A literal's values read from the compiled condition, shown as a case would give them.
ExplainedOperand literal_operand(const FactDecl& decl, const LeafOutcome& leaf) {
  ExplainedOperand operand{std::string(leaf.literal_text), false, std::nullopt, {}};
  for (const Value& value : leaf.literals) {
    std::optional<FactValue> shown = to_fact_value(decl, value);
    if (!shown) continue;
    if (leaf.list) {
      operand.list.push_back(std::move(*shown));
    } else {
      operand.value = std::move(shown);
    }
  }
  return operand;
}

// One side of an arithmetic comparison: a lone fact as a fact, anything else (a number or a
// computation) as written, with the value computed for this scar.
ExplainedOperand number_operand(const Vocabulary& vocabulary, const LeafOutcome::Side& side,
                                const FactEnv& env) {
  if (side.fact) return fact_operand(vocabulary, *side.fact, env);
  ExplainedOperand operand{std::string(side.text), false, std::nullopt, {}};
  if (side.value && side.value->integral) {
    operand.value.emplace(std::in_place_type<std::int64_t>, side.value->integer);
  } else if (side.value) {
    operand.value.emplace(std::in_place_type<double>, side.value->real);
  }
  return operand;
}

ExplainedComparison explain_leaf(const Vocabulary& vocabulary, const LeafOutcome& leaf,
                                 const FactEnv& env) {
  ExplainedComparison out;
  out.text = std::string(leaf.text);
  out.result = result_of(leaf.result);
  out.decisive = leaf.decisive;
  if (leaf.arithmetic) {  // each side a fact or a computed number
    out.left = number_operand(vocabulary, leaf.left, env);
    out.right = number_operand(vocabulary, leaf.right, env);
    return out;
  }
  if (!leaf.fact) {  // a constant: `true` or `false`
    out.left = ExplainedOperand{out.text, false, FactValue{leaf.result == Tri::True}, {}};
    return out;
  }
  out.left = fact_operand(vocabulary, *leaf.fact, env);
  if (leaf.other) {
    out.right = fact_operand(vocabulary, *leaf.other, env);
  } else if (leaf.has_literal) {
    out.right = literal_operand(vocabulary.fact(*leaf.fact), leaf);
  }
  return out;
}

std::vector<std::string> ids_of(const std::vector<CatalogueId>& ids,
                                const std::vector<InstructionEntry>& catalogue) {
  std::vector<std::string> out;
  for (CatalogueId id : ids) out.push_back(catalogue[id].id);
  return out;
}

std::vector<std::string> ids_of(const std::vector<CatalogueId>& ids,
                                const std::vector<TreatmentEntry>& catalogue) {
  std::vector<std::string> out;
  for (CatalogueId id : ids) out.push_back(catalogue[id].id);
  return out;
}

// What the rule concludes for this scar: an expression's weeks are computed from its facts.
RuleEffect effect_of(const RuleSetModel& rules, const Rule& rule, const FactEnv& env) {
  const Action& then = rule.then;
  RuleEffect effect;
  effect.suitability = then.suitability;
  effect.reevaluate_after_weeks = deferral_weeks(then, env);
  if (then.reevaluate_weeks_expression) {
    effect.reevaluate_after_weeks_expression = then.reevaluate_weeks_expression->text();
  }
  effect.reevaluate_until_resolved = then.reevaluate_until_resolved;
  effect.reevaluate_when = then.reevaluate_when;
  effect.message = then.message;
  if (then.plan) {
    effect.plan =
        Plan{then.plan->sessions, then.plan->interval_weeks, then.plan->needle_depth_mm, rule.id};
  }
  effect.adjust_sessions = then.adjust_sessions;
  effect.suggest = ids_of(then.suggest, rules.treatments);
  effect.avoid = ids_of(then.avoid, rules.treatments);
  effect.precautions = ids_of(then.precautions, rules.precautions);
  effect.aftercare = ids_of(then.aftercare, rules.aftercare);
  effect.alternatives = ids_of(then.alternatives, rules.treatments);
  return effect;
}

}  // namespace

bool is_restricting(const Rule& rule) {
  const Action& then = rule.then;
  return (then.suitability && *then.suitability > Suitability::suitable) || !then.avoid.empty() ||
         !then.precautions.empty();
}

RuleExplanation explain_rule(const RuleSetModel& rules, const Rule& rule, Tri outcome,
                             const FactEnv& env, std::vector<std::string> notes) {
  RuleExplanation out;
  out.rule = rule.id;
  out.title = rule.title;
  out.layer = rule_layer(rules, rule);
  out.condition = rule.when.text();
  out.outcome = outcome_of(outcome);
  out.restricting = is_restricting(rule);
  for (const LeafOutcome& leaf : rule.when.explain(env).leaves) {
    out.comparisons.push_back(explain_leaf(rules.vocabulary, leaf, env));
  }
  if (outcome == Tri::Unknown) {
    std::vector<FactId> facts;
    rule.when.unknown_facts(env, facts);
    for (FactId fact : facts) out.settled_by.push_back(rules.vocabulary.fact(fact).name);
    std::sort(out.settled_by.begin(), out.settled_by.end());
  }
  out.effect = effect_of(rules, rule, env);
  for (CatalogueId id : rule.evidence) out.evidence.push_back(rules.evidence[id].id);
  out.notes = std::move(notes);
  return out;
}

}  // namespace scarwise::internal
