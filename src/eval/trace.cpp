#include "eval/trace.hpp"

namespace scarwise::internal {

std::optional<FactValue> to_fact_value(const FactDecl& decl, const Value& value) {
  switch (value.kind) {
    case Value::Kind::Unknown:
      return std::nullopt;
    case Value::Kind::Bool:
      return FactValue{value.boolean};
    case Value::Kind::Number:
      // Shown as held: an int fact holds an exact int64, never a double to be cast.
      if (value.number.integral) return FactValue{value.number.integer};
      return FactValue{value.number.real};
    case Value::Kind::Enum:
      return FactValue{decl.values.at(value.index)};
    case Value::Kind::Set: {
      std::vector<std::string> members;
      for (std::size_t i = 0; i < decl.values.size(); ++i) {
        if (value.bits & (std::uint64_t{1} << i)) members.push_back(decl.values[i]);
      }
      return FactValue{std::move(members)};
    }
  }
  return std::nullopt;
}

namespace {

RuleOutcome outcome_of(Tri t) {
  switch (t) {
    case Tri::True: return RuleOutcome::fired;
    case Tri::False: return RuleOutcome::not_fired;
    case Tri::Unknown: return RuleOutcome::unknown;
  }
  return RuleOutcome::unknown;
}

}  // namespace

std::vector<TraceEntry> build_trace(const RuleSetModel& rules, const std::vector<Tri>& outcomes,
                                    const FactEnv& env,
                                    std::vector<std::vector<std::string>> notes) {
  std::vector<TraceEntry> trace;
  trace.reserve(rules.rules.size());
  for (std::size_t i = 0; i < rules.rules.size(); ++i) {
    const Rule& rule = rules.rules[i];
    TraceEntry entry{rule.id, outcome_of(outcomes[i]), {}, std::move(notes[i])};
    for (FactId fact : rule.when.referenced_facts()) {
      const FactDecl& decl = rules.vocabulary.fact(fact);
      entry.facts.push_back({decl.name, to_fact_value(decl, env.get(fact))});
    }
    trace.push_back(std::move(entry));
  }
  return trace;
}

}  // namespace scarwise::internal
