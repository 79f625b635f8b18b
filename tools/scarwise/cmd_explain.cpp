// `scarwise explain -r RULES CASE|- [--scar ID] [--rule ID] [--format text|json]`: why a case
// is assessed the way it is, for clinicians (text) and tools (JSON).
#include <iostream>
#include <memory>

#include "cli_common.hpp"

namespace scarwise::cli {

namespace {

struct ExplainArgs {
  std::string rules;
  std::string case_path;
  std::string scar;
  std::string rule;
  std::string format = "text";
};

int run_explain(const ExplainArgs& args) {
  std::optional<RuleSet> rules = load_rules(args.rules);
  if (!rules) return kExitError;
  const Case input = read_case(args.case_path);  // a CaseError is reported by main
  const Engine engine(*rules);
  ExplainResult result = engine.try_explain(input, ExplainOptions{args.scar, args.rule});
  if (!result.ok()) {
    print_diagnostics(result.diagnostics, std::cerr);
    std::cerr << "scarwise: error: cannot explain the case with the rule set " << rules->id()
              << '\n';
    return kExitError;
  }
  std::cout << (args.format == "json" ? result.explanation->to_json()
                                      : result.explanation->to_text());
  return kExitOk;
}

}  // namespace

Command add_explain_command(CLI::App& app) {
  auto args = std::make_shared<ExplainArgs>();
  CLI::App* sub =
      app.add_subcommand("explain", "Explain the verdict per scar and the rules behind it");
  sub->add_option("-r,--rules", args->rules, "Rule set root file, or a directory with ruleset.yaml")
      ->required();
  sub->add_option("case", args->case_path, "Case file (JSON or YAML), or - for standard input")
      ->required();
  sub->add_option("--scar", args->scar, "Explain only this scar");
  sub->add_option("--rule", args->rule,
                  "Why this rule did or did not fire, comparison by comparison");
  sub->add_option("--format", args->format, "Output format (default: text)")
      ->check(CLI::IsMember({"text", "json"}));
  add_rules_path_option(*sub);
  return Command{sub, [args] { return run_explain(*args); }};
}

}  // namespace scarwise::cli
