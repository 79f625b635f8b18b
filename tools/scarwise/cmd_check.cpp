// `scarwise check RULES`: load a rule set and report every diagnostic.
#include <algorithm>
#include <iostream>
#include <memory>

#include "cli_common.hpp"

namespace scarwise::cli {

namespace {

std::size_t count(const std::vector<Diagnostic>& diagnostics, Severity severity) {
  return static_cast<std::size_t>(
      std::count_if(diagnostics.begin(), diagnostics.end(),
                    [severity](const Diagnostic& d) { return d.severity == severity; }));
}

std::string plural(std::size_t n, const char* word) {
  return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

/// A rule set that loads (warnings allowed) goes to stdout, exit 0; one that does not goes to
/// stderr, exit 2, like every other load error.
int run_check(const std::string& rules) {
  const std::string root = root_file_of(rules);
  const LoadResult loaded = RuleSet::try_load_file(root, load_options());
  const std::vector<Diagnostic>& diagnostics = loaded.diagnostics();
  const std::string warnings = plural(count(diagnostics, Severity::warning), "warning");
  if (!loaded) {
    print_diagnostics(diagnostics, std::cerr);
    std::cerr << root << ": failed (" << plural(count(diagnostics, Severity::error), "error")
              << ", " << warnings << ")\n";
    return kExitError;
  }
  print_diagnostics(diagnostics, std::cout);
  std::cout << root << ": ok (" << plural(loaded.value().rule_count(), "rule") << ", " << warnings
            << ")\n";
  return kExitOk;
}

}  // namespace

Command add_check_command(CLI::App& app) {
  auto rules = std::make_shared<std::string>();
  CLI::App* sub = app.add_subcommand("check", "Validate a rule set and report every problem");
  sub->add_option("rules", *rules, "Rule set root file, or a directory with ruleset.yaml")
      ->required();
  add_rules_path_option(*sub);
  return Command{sub, [rules] { return run_check(*rules); }};
}

}  // namespace scarwise::cli
