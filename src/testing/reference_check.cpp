// check_references() (declared in expect_checker.hpp): ids in expectations must exist.
#include <algorithm>
#include <string>

#include "support/did_you_mean.hpp"
#include "support/quote.hpp"
#include "testing/expect_checker.hpp"

namespace scarwise::internal {

namespace {

template <typename Entry>
std::vector<std::string> ids_of(const std::vector<Entry>& entries) {
  std::vector<std::string> ids;
  ids.reserve(entries.size());
  for (const Entry& entry : entries) ids.push_back(entry.id);
  return ids;
}

class ReferenceChecker {
 public:
  ReferenceChecker(const RuleSetModel& rules, DiagnosticSink& sink)
      : rule_ids_(ids_of(rules.rules)),
        treatments_(ids_of(rules.treatments)),
        precautions_(ids_of(rules.precautions)),
        aftercare_(ids_of(rules.aftercare)),
        facts_(rules.vocabulary.names()),
        sink_(sink) {}

  void check(const ScarExpect& scar) {
    check_all(scar.fired, rule_ids_, "E-TEST-UNKNOWN-RULE", "rule");
    check_all(scar.not_fired, rule_ids_, "E-TEST-UNKNOWN-RULE", "rule");
    if (scar.reevaluate_when) {
      check_all(scar.reevaluate_when->value, rule_ids_, "E-TEST-UNKNOWN-RULE", "rule");
    }
    if (scar.plan && scar.plan->rule) {
      check_one(*scar.plan->rule, rule_ids_, "E-TEST-UNKNOWN-RULE", "rule");
    }
    check_set(scar.combinations, treatments_, "treatment");
    check_set(scar.alternatives, treatments_, "treatment");
    check_set(scar.avoid, treatments_, "treatment");
    check_set(scar.precautions, precautions_, "precaution");
    check_set(scar.aftercare, aftercare_, "aftercare instruction");
    if (scar.missing_facts) {
      check_all(scar.missing_facts->value, facts_, "E-TEST-UNKNOWN-FACT", "fact");
    }
  }

 private:
  void check_one(const LocatedId& id, const std::vector<std::string>& known, const char* code,
                 const char* what) {
    if (std::find(known.begin(), known.end(), id.value) != known.end()) return;
    sink_.error(id.loc, code, "the rule set has no " + std::string(what) + " " + quote(id.value),
                did_you_mean(id.value, known));
  }

  void check_all(const std::vector<LocatedId>& ids, const std::vector<std::string>& known,
                 const char* code, const char* what) {
    for (const LocatedId& id : ids) check_one(id, known, code, what);
  }

  void check_set(const std::optional<IdSetExpect>& set, const std::vector<std::string>& known,
                 const char* what) {
    if (!set) return;
    if (set->exactly) check_all(*set->exactly, known, "E-TEST-UNKNOWN-ID", what);
    check_all(set->includes, known, "E-TEST-UNKNOWN-ID", what);
    check_all(set->excludes, known, "E-TEST-UNKNOWN-ID", what);
  }

  std::vector<std::string> rule_ids_;
  std::vector<std::string> treatments_;
  std::vector<std::string> precautions_;
  std::vector<std::string> aftercare_;
  std::vector<std::string> facts_;
  DiagnosticSink& sink_;
};

}  // namespace

void check_references(const CaseExpect& expect, const RuleSetModel& rules, DiagnosticSink& sink) {
  ReferenceChecker checker(rules, sink);
  for (const ScarExpect& scar : expect.scars) checker.check(scar);
}

}  // namespace scarwise::internal
