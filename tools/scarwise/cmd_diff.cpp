// `scarwise diff OLD NEW [--format text|json] [--max-classes N]`: which cases two rule sets
// assess differently. Exit 0 when every case is assessed alike, 1 when some are not.
#include <iostream>
#include <memory>
#include <scarwise/diff.hpp>

#include "cli_common.hpp"

namespace scarwise::cli {

namespace {

struct DiffArgs {
  std::string old_rules;
  std::string new_rules;
  std::string format = "text";
  std::uint64_t max_classes = DiffOptions{}.max_classes;
};

int run_diff(const DiffArgs& args) {
  std::optional<RuleSet> old_rules = load_rules(args.old_rules);
  if (!old_rules) return kExitError;
  std::optional<RuleSet> new_rules = load_rules(args.new_rules);
  if (!new_rules) return kExitError;
  DiffOptions options;
  options.max_classes = args.max_classes;
  DiffReport report;
  try {
    report = diff(*old_rules, *new_rules, options);
  } catch (const DiffError& e) {
    std::cerr << "scarwise: error: " << e.what() << '\n';
    return kExitError;
  }
  std::cout << (args.format == "json" ? report.to_json() : report.to_text());
  return report.assessments_differ() ? kExitFindings : kExitOk;
}

}  // namespace

Command add_diff_command(CLI::App& app) {
  auto args = std::make_shared<DiffArgs>();
  CLI::App* sub = app.add_subcommand(
      "diff", "List the rules that differ between two rule sets and the cases they assess differently");
  sub->add_option("old", args->old_rules, "Old rule set: root file, or a directory with ruleset.yaml")
      ->required();
  sub->add_option("new", args->new_rules, "New rule set: root file, or a directory with ruleset.yaml")
      ->required();
  sub->add_option("--format", args->format, "Output format (default: text)")
      ->check(CLI::IsMember({"text", "json"}));
  sub->add_option("--max-classes", args->max_classes,
                  "Stop past this many fact classes searched (default: 500000)")
      ->check(CLI::Range(std::uint64_t{1}, std::uint64_t{1} << 40));
  add_rules_path_option(*sub);
  return Command{sub, [args] { return run_diff(*args); }};
}

}  // namespace scarwise::cli
