// Fuzz target: reading a case as JSON and as YAML, then validating it against the bundled
// default rule set. A bad case is a CaseError with located diagnostics, never a crash; a case
// that validates must evaluate, and one that does not must be refused by evaluation too.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <scarwise/scarwise.hpp>
#include <string>
#include <vector>

#include "fuzz_support.hpp"

namespace {

using scarwise::Case;
using scarwise::CaseError;

/// Reads the case with `reader`; a refusal must carry at least one located error.
template <typename Reader>
std::optional<Case> read_case(const std::string& text, Reader reader) {
  try {
    return reader(text);
  } catch (const CaseError& error) {
    scarwise::fuzz::check_diagnostics(error.diagnostics(), text);
    SCARWISE_FUZZ_CHECK(scarwise::fuzz::has_error(error.diagnostics()), error.what());
    return std::nullopt;
  }
}

void check_against_default_rules(const Case& c) {
  const scarwise::Engine engine{scarwise::fuzz::default_rules()};
  const std::vector<scarwise::Diagnostic> problems = engine.validate(c);
  const scarwise::EvalResult result = engine.try_evaluate(c);
  // validate() and evaluation agree on which cases are acceptable.
  SCARWISE_FUZZ_CHECK(result.ok() == !scarwise::fuzz::has_error(problems),
                      scarwise::format_diagnostics(problems));
  if (result.ok()) {
    SCARWISE_FUZZ_CHECK(result.assessment->scars().size() == c.scar_count(),
                        result.assessment->to_json());
  } else {
    SCARWISE_FUZZ_CHECK(scarwise::fuzz::has_error(result.diagnostics),
                        "a rejected case came without an error");
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size > scarwise::fuzz::kMaxInputBytes) return 0;
  const std::string text = scarwise::fuzz::as_text(data, size);

  const std::optional<Case> json =
      read_case(text, [](const std::string& t) { return Case::from_json(t, "case.json"); });
  const std::optional<Case> yaml =
      read_case(text, [](const std::string& t) { return Case::from_yaml(t, "case.yaml"); });
  if (json) check_against_default_rules(*json);
  if (yaml) check_against_default_rules(*yaml);
  return 0;
}
