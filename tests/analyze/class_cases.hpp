// Random cases at the level of fact values, their abstraction by fact classes, and the
// assessment lines the property test compares.
#pragma once

#include "analyze/fact_classes.hpp"
#include "model/ruleset_model.hpp"

#include <scarwise/scarwise.hpp>

#include <cstdint>
#include <random>
#include <string>
#include <vector>

namespace scarwise::analyze_test {

using internal::FactClasses;
using internal::FactId;
using internal::Value;

/// One case as fact values, each vector indexed by FactId (only the facts of its scope are
/// read); an unknown value means the case leaves the fact out.
struct CaseValues {
  std::vector<Value> patient;
  std::vector<std::vector<Value>> scars;
};

/// Random cases for one rule set. Numbers are drawn with no help from the fact classes: near
/// every number any rule writes (on it, one step either side, a unit either side), at the
/// declared bounds, and anywhere within them, so that a class that wrongly joins values a
/// rule tells apart is met.
class RandomCases {
 public:
  RandomCases(const internal::RuleSetModel& model, std::uint64_t seed);
  CaseValues next();

 private:
  Value random_value(const internal::FactDecl& decl);
  Value random_number(const internal::FactDecl& decl);
  double near_probe(const internal::FactDecl& decl);
  std::vector<Value> random_facts(internal::Scope scope);

  const internal::RuleSetModel& model_;
  std::mt19937_64 rng_;
  std::vector<double> probes_;
};

/// The case a host would build for `values`.
Case to_case(const internal::Vocabulary& vocabulary, const CaseValues& values);

/// Every known value replaced by the representative of its class under `classes` (indexed by
/// FactId), except facts marked in `keep`; unknown stays unknown. Fails the running test when
/// a value has no class.
CaseValues abstract_case(const std::vector<FactClasses>& classes, const CaseValues& values,
                         const std::vector<bool>& keep);

/// The assessment's JSON line without its case digest (a digest of the values themselves) and
/// without the parts named by `parts` (internal::OutputPart bits; kRuleOutcome masks nothing,
/// since everything may then differ).
std::string comparable_line(const std::string& json_line, std::uint8_t parts);

}  // namespace scarwise::analyze_test
