// scarwise/lint.hpp — static checks of a loaded rule set, for rule authors and their tools.
//
// A lint finds what loads and runs but is probably a mistake: a declared fact that no rule
// reads, a treatment, precaution, aftercare instruction or citation that nothing uses, a
// restricting rule without a message, a plan above the rule set's session limit, a citation
// without a year or an address. Each finding is a warning Diagnostic with a stable W- code
// (docs/rule-format.md §15 lists them), located at the offending declaration, with a hint.
//
// Loading never runs the lints: RuleSet::warnings() holds only what the loader found, and a
// host that loads a vetted rule set pays nothing for them. Call lint() where rule authors need
// the findings, as `scarwise check` does.
//
// Thread-safety: lint() only reads the rule set; any number of threads may call it at once,
// also on the same RuleSet. Stability: new in 0.2.
#ifndef SCARWISE_LINT_HPP
#define SCARWISE_LINT_HPP

#include <scarwise/diagnostic.hpp>
#include <scarwise/export.hpp>
#include <scarwise/ruleset.hpp>
#include <vector>

namespace scarwise {

/// Runs every lint over `rules` and returns the findings, all with Severity::warning, grouped
/// by lint and in declaration order within a lint; an empty vector when the rule set is
/// lint-clean. The result is computed anew on each call (nothing is cached in the rule set)
/// and owned by the caller. Throws nothing but std::bad_alloc. @since 0.2
SCARWISE_API std::vector<Diagnostic> lint(const RuleSet& rules);

}  // namespace scarwise

#endif  // SCARWISE_LINT_HPP
