#include "testing/expect_checker.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "testing/text_format.hpp"

namespace scarwise::internal {

namespace {

/// Plans are written in decimal: 1.5 in a test and 1.5 in a rule may differ in the last bit
/// after adjustments, never by more.
bool same_number(double a, double b) {
  return std::fabs(a - b) <= 1e-9 * std::max(1.0, std::fabs(a));
}

std::vector<std::string> sorted(std::vector<std::string> items) {
  std::sort(items.begin(), items.end());
  return items;
}

std::vector<std::string> values_of(const std::vector<LocatedId>& ids) {
  std::vector<std::string> out;
  for (const LocatedId& id : ids) out.push_back(id.value);
  return out;
}

template <typename Item>
std::vector<std::string> ids_of(const std::vector<Item>& items) {
  std::vector<std::string> out;
  for (const Item& item : items) out.push_back(item.id);
  return out;
}

bool contains(const std::vector<std::string>& items, const std::string& item) {
  return std::find(items.begin(), items.end(), item) != items.end();
}

/// Collects the failures of one scar (or of the patient level, with an empty scar id).
class Comparer {
 public:
  Comparer(std::string scar, std::vector<TestFailure>& out)
      : scar_(std::move(scar)), prefix_(scar_.empty() ? "" : "scars." + scar_ + "."), out_(out) {}

  void fail(const std::string& path, std::string expected, std::string actual,
            const SourceLoc& at) {
    out_.push_back(TestFailure{prefix_ + path, scar_, std::move(expected), std::move(actual),
                               at.line, at.column});
  }

  void verdict(const std::optional<Located<Suitability>>& expected, Suitability actual) {
    if (expected && expected->value != actual) {
      fail("suitability", to_string(expected->value), to_string(actual), expected->loc);
    }
  }

  void complete(const std::optional<Located<bool>>& expected, bool actual) {
    if (expected && expected->value != actual) {
      fail("complete", expected->value ? "true" : "false", actual ? "true" : "false",
           expected->loc);
    }
  }

  void scar(const ScarExpect& expect, const ScarAssessment& actual) {
    verdict(expect.suitability, actual.suitability);
    complete(expect.complete, actual.complete);
    if (expect.plan) plan(*expect.plan, actual.plan);
    id_set("combinations", expect.combinations, ids_of(actual.combinations));
    id_set("alternatives", expect.alternatives, ids_of(actual.alternatives));
    id_set("avoid", expect.avoid, ids_of(actual.avoid));
    id_set("precautions", expect.precautions, ids_of(actual.precautions));
    id_set("aftercare", expect.aftercare, ids_of(actual.aftercare));
    if (expect.missing_facts) missing_facts(*expect.missing_facts, actual.missing_facts);
    if (expect.reevaluate_after_weeks) {
      reevaluate(*expect.reevaluate_after_weeks, actual.reevaluate_after_weeks);
    }
    if (expect.reevaluate_when) reevaluate_when(*expect.reevaluate_when, actual.reevaluate_when);
    rules_fired(expect, actual);
  }

 private:
  void range(const std::string& path, const RangeExpect& expected, const Range& actual) {
    if (expected.min && !same_number(expected.min->value, actual.min)) {
      fail(path + ".min", format_number(expected.min->value), format_number(actual.min),
           expected.min->loc);
    }
    if (expected.max && !same_number(expected.max->value, actual.max)) {
      fail(path + ".max", format_number(expected.max->value), format_number(actual.max),
           expected.max->loc);
    }
  }

  static std::string describe(const std::optional<RangeExpect>& range) {
    if (!range) return "";
    return format_range(range->min ? std::optional<double>(range->min->value) : std::nullopt,
                        range->max ? std::optional<double>(range->max->value) : std::nullopt);
  }

  /// The expected parts of a plan, in the order format_plan() writes them.
  static std::string describe(const PlanExpect& plan) {
    if (plan.none) return "null";
    std::string out;
    auto add = [&out](const char* key, const std::string& value) {
      if (!value.empty()) out += (out.empty() ? "" : ", ") + std::string(key) + ": " + value;
    };
    add("sessions", describe(plan.sessions));
    add("interval_weeks", describe(plan.interval_weeks));
    add("needle_depth_mm", plan.needle_depth_none ? "null" : describe(plan.needle_depth_mm));
    add("rule", plan.rule ? plan.rule->value : "");
    return "{" + out + "}";
  }

  void plan(const PlanExpect& expected, const std::optional<Plan>& actual) {
    if (expected.none || !actual) {
      if (expected.none != !actual.has_value()) {
        fail("plan", describe(expected), format_plan(actual), expected.loc);
      }
      return;
    }
    if (expected.sessions) range("plan.sessions", *expected.sessions, actual->sessions);
    if (expected.interval_weeks) {
      range("plan.interval_weeks", *expected.interval_weeks, actual->interval_weeks);
    }
    const bool has_depth = actual->needle_depth_mm.has_value();
    if (expected.needle_depth_none && has_depth) {
      fail("plan.needle_depth_mm", "null", format_range(*actual->needle_depth_mm), expected.loc);
    } else if (expected.needle_depth_mm && !has_depth) {
      fail("plan.needle_depth_mm", describe(expected.needle_depth_mm), "null", expected.loc);
    } else if (expected.needle_depth_mm) {
      range("plan.needle_depth_mm", *expected.needle_depth_mm, *actual->needle_depth_mm);
    }
    if (expected.rule && expected.rule->value != actual->rule) {
      fail("plan.rule", expected.rule->value, actual->rule, expected.rule->loc);
    }
  }

  void id_set(const std::string& path, const std::optional<IdSetExpect>& expected,
              const std::vector<std::string>& actual) {
    if (!expected) return;
    if (expected->exactly) {
      const std::vector<std::string> want = sorted(values_of(*expected->exactly));
      if (want != sorted(actual)) {
        fail(path, format_list(want), format_list(actual), expected->loc);
      }
    }
    for (const LocatedId& id : expected->includes) {
      if (!contains(actual, id.value)) {
        fail(path + ".includes", id.value, format_list(actual), id.loc);
      }
    }
    for (const LocatedId& id : expected->excludes) {
      if (contains(actual, id.value)) {
        fail(path + ".excludes", "no " + id.value, format_list(actual), id.loc);
      }
    }
  }

  void missing_facts(const Located<std::vector<LocatedId>>& expected,
                     const std::vector<MissingFact>& actual) {
    std::vector<std::string> names;
    for (const MissingFact& fact : actual) names.push_back(fact.fact);
    const std::vector<std::string> want = sorted(values_of(expected.value));
    if (want != sorted(names)) {
      fail("missing_facts", format_list(want), format_list(names), expected.loc);
    }
  }

  void reevaluate(const Located<std::optional<int>>& expected, std::optional<int> actual) {
    if (expected.value == actual) return;
    auto text = [](std::optional<int> v) { return v ? std::to_string(*v) : std::string("null"); };
    fail("reevaluate_after_weeks", text(expected.value), text(actual), expected.loc);
  }

  void reevaluate_when(const Located<std::vector<LocatedId>>& expected,
                       const std::vector<ReevaluationCondition>& actual) {
    std::vector<std::string> rules;
    for (const ReevaluationCondition& condition : actual) rules.push_back(condition.rule);
    const std::vector<std::string> want = sorted(values_of(expected.value));
    if (want != sorted(rules)) {
      fail("reevaluate_when", format_list(want), format_list(rules), expected.loc);
    }
  }

  /// A rule's outcome for this scar: from the trace when there is one, else from the reasons
  /// (which list exactly the fired rules).
  static RuleOutcome outcome(const ScarAssessment& scar, const std::string& rule) {
    for (const TraceEntry& entry : scar.trace) {
      if (entry.rule == rule) return entry.result;
    }
    for (const Reason& reason : scar.reasons) {
      if (reason.rule == rule) return RuleOutcome::fired;
    }
    return RuleOutcome::not_fired;
  }

  void rules_fired(const ScarExpect& expect, const ScarAssessment& actual) {
    for (const LocatedId& rule : expect.fired) {
      const RuleOutcome result = outcome(actual, rule.value);
      if (result != RuleOutcome::fired) fail("fired", rule.value, to_string(result), rule.loc);
    }
    for (const LocatedId& rule : expect.not_fired) {
      if (outcome(actual, rule.value) == RuleOutcome::fired) {
        fail("not_fired", rule.value, "fired", rule.loc);
      }
    }
  }

  std::string scar_;
  std::string prefix_;
  std::vector<TestFailure>& out_;
};

const ScarAssessment* find_scar(const Assessment& assessment, const std::string& id) {
  for (const ScarAssessment& scar : assessment.scars()) {
    if (scar.id == id) return &scar;
  }
  return nullptr;
}

}  // namespace

std::vector<TestFailure> compare_expectations(const CaseExpect& expect,
                                              const Assessment& assessment) {
  std::vector<TestFailure> failures;
  Comparer patient("", failures);
  patient.verdict(expect.suitability, assessment.suitability());
  patient.complete(expect.complete, assessment.complete());
  for (const ScarExpect& scar_expect : expect.scars) {
    Comparer comparer(scar_expect.id.value, failures);
    if (const ScarAssessment* scar = find_scar(assessment, scar_expect.id.value)) {
      comparer.scar(scar_expect, *scar);
    } else {
      comparer.fail("id", "a scar with this id", "none in the assessment", scar_expect.id.loc);
    }
  }
  return failures;
}

}  // namespace scarwise::internal
