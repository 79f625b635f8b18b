// scarwise/scarwise.hpp — the whole C++ API of scarwise in one include.
//
// scarwise evaluates patient cases against YAML rule sets to support decisions about
// microneedling (collagen induction therapy) for scars. It is decision support for trained
// professionals, never a diagnosis.
//
//   scarwise::RuleSet rules = scarwise::RuleSet::load_file("rules/default");
//   scarwise::Engine engine{rules};
//   scarwise::Case c = scarwise::Case::from_file("case.yaml");
//   scarwise::Assessment a = engine.evaluate(c);
//   std::cout << a.to_text();
//
// Stability: stable since 0.1 (semantic versioning; see README).
#ifndef SCARWISE_SCARWISE_HPP
#define SCARWISE_SCARWISE_HPP

#include <scarwise/assessment.hpp>
#include <scarwise/case.hpp>
#include <scarwise/diagnostic.hpp>
#include <scarwise/engine.hpp>
#include <scarwise/analysis.hpp>
#include <scarwise/lint.hpp>
#include <scarwise/explanation.hpp>
#include <scarwise/ruleset.hpp>
#include <scarwise/test_suite.hpp>
#include <scarwise/version.hpp>

#endif  // SCARWISE_SCARWISE_HPP
