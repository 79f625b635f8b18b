// `scarwise check RULES [--strict] [--format text|json]`: load a rule set, lint it, and report
// every diagnostic.
#include <algorithm>
#include <filesystem>
#include <iostream>
#include <memory>

#include "cli_common.hpp"

namespace scarwise::cli {

namespace {

struct CheckArgs {
  std::string rules;
  bool strict = false;
  std::string format = "text";
};

std::size_t count(const std::vector<Diagnostic>& diagnostics, Severity severity) {
  return static_cast<std::size_t>(
      std::count_if(diagnostics.begin(), diagnostics.end(),
                    [severity](const Diagnostic& d) { return d.severity == severity; }));
}

std::string plural(std::size_t n, const char* word) {
  return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

/// A rule set that does not load is exit 2, like every other load error. In text its
/// diagnostics go to stderr; in JSON the one array goes to stdout either way, so that a tool
/// always finds it there, and the exit code tells the outcome.
int report_load_failure(const std::string& root, const std::vector<Diagnostic>& diagnostics,
                        const CheckArgs& args) {
  if (args.format == "json") {
    std::cout << format_diagnostics_json(diagnostics) << '\n';
  } else {
    print_diagnostics(diagnostics, std::cerr);
  }
  std::cerr << root << ": failed (" << plural(count(diagnostics, Severity::error), "error") << ", "
            << plural(count(diagnostics, Severity::warning), "warning") << ")\n";
  return kExitError;
}

/// For an overlay, only the findings in its own files: the base rule sets' findings are for
/// their authors, and an overlay cannot fix them without copying the base.
std::vector<Diagnostic> own_layer_only(const RuleSet& rules, std::vector<Diagnostic> lints) {
  const std::vector<RuleSetLayer> layers = rules.layers();
  std::vector<std::string> base_dirs;
  for (std::size_t i = 0; i + 1 < layers.size(); ++i) {
    base_dirs.push_back(std::filesystem::path(layers[i].root_file).parent_path().generic_string() +
                        "/");
  }
  const auto in_base = [&](const Diagnostic& d) {
    return std::any_of(base_dirs.begin(), base_dirs.end(), [&](const std::string& dir) {
      return d.file.compare(0, dir.size(), dir) == 0;
    });
  };
  lints.erase(std::remove_if(lints.begin(), lints.end(), in_base), lints.end());
  return lints;
}

/// The loader's warnings come first, then the lints' (scarwise::lint). Warnings are findings
/// only under --strict.
int run_check(const CheckArgs& args) {
  const std::string root = root_file_of(args.rules);
  const LoadResult loaded = RuleSet::try_load_file(root, load_options());
  if (!loaded) return report_load_failure(root, loaded.diagnostics(), args);
  const RuleSet rules = loaded.value();
  std::vector<Diagnostic> diagnostics = loaded.diagnostics();
  const std::vector<Diagnostic> lints = own_layer_only(rules, lint(rules));
  diagnostics.insert(diagnostics.end(), lints.begin(), lints.end());
  if (args.format == "json") {
    std::cout << format_diagnostics_json(diagnostics) << '\n';
  } else {
    print_diagnostics(diagnostics, std::cout);
    std::cout << root << ": ok (" << plural(rules.rule_count(), "rule") << ", "
              << plural(diagnostics.size(), "warning") << ")\n";
  }
  return args.strict && !diagnostics.empty() ? kExitFindings : kExitOk;
}

}  // namespace

Command add_check_command(CLI::App& app) {
  auto args = std::make_shared<CheckArgs>();
  CLI::App* sub =
      app.add_subcommand("check", "Validate and lint a rule set and report every problem");
  sub->add_option("rules", args->rules, "Rule set root file, or a directory with ruleset.yaml")
      ->required();
  sub->add_flag("--strict", args->strict, "Exit 1 when there is any warning");
  sub->add_option("--format", args->format, "Output format (default: text)")
      ->check(CLI::IsMember({"text", "json"}));
  add_rules_path_option(*sub);
  return Command{sub, [args] { return run_check(*args); }};
}

}  // namespace scarwise::cli
