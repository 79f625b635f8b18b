// Fuzz target: loading a rule set from memory. Any bytes must give either a complete rule set
// or located errors — never a crash, a hang, an escaped exception or a half-loaded rule set.
#include <cstddef>
#include <cstdint>
#include <scarwise/scarwise.hpp>
#include <string>
#include <vector>

#include "fuzz_support.hpp"

namespace {

using scarwise::Diagnostic;
using scarwise::LoadResult;
using scarwise::RuleSet;

void check_loaded(const RuleSet& rules) {
  SCARWISE_FUZZ_CHECK(rules.rule_ids().size() == rules.rule_count(), rules.id());
  SCARWISE_FUZZ_CHECK(rules.digest().size() == 7 + 64 && rules.digest().rfind("sha256:", 0) == 0,
                      rules.digest());
  SCARWISE_FUZZ_CHECK(!rules.id().empty() && !rules.version().empty(), rules.digest());
  for (const Diagnostic& warning : rules.warnings()) {
    SCARWISE_FUZZ_CHECK(warning.severity == scarwise::Severity::warning, warning.to_string());
  }
  for (const scarwise::FactInfo& fact : rules.facts()) {
    SCARWISE_FUZZ_CHECK(!fact.name.empty(), rules.id());
    SCARWISE_FUZZ_CHECK(!fact.min || !fact.max || *fact.min <= *fact.max, fact.name);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size > scarwise::fuzz::kMaxInputBytes) return 0;
  const std::string text = scarwise::fuzz::as_text(data, size);

  const LoadResult result = RuleSet::try_load_string(text, "fuzz.yaml");
  scarwise::fuzz::check_diagnostics(result.diagnostics(), text);
  // A load succeeds exactly when it found no error: a rule set never loads half-way.
  SCARWISE_FUZZ_CHECK(result.ok() != scarwise::fuzz::has_error(result.diagnostics()),
                      scarwise::format_diagnostics(result.diagnostics()));
  if (result.ok()) {
    check_loaded(result.value());
  } else {
    bool threw = false;
    try {
      (void)result.value();
    } catch (const scarwise::LoadError& error) {
      threw = !error.diagnostics().empty();
    }
    SCARWISE_FUZZ_CHECK(threw, "LoadResult::value() of a failed load did not throw LoadError");
  }
  return 0;
}
