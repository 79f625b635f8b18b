// `scarwise eval -r RULES CASE|- [--format json|text] [--explain]`: assess one case.
#include <iostream>
#include <memory>

#include "cli_common.hpp"

namespace scarwise::cli {

namespace {

struct EvalArgs {
  std::string rules;
  std::string case_path;
  std::string format = "text";
  bool explain = false;
};

int run_eval(const EvalArgs& args) {
  std::optional<RuleSet> rules = load_rules(args.rules);
  if (!rules) return kExitError;
  const Case input = read_case(args.case_path);  // a CaseError is reported by main
  const Engine engine(*rules);
  EvalResult result = engine.try_evaluate(input, EvalOptions{args.explain});
  if (!result.ok()) {
    print_diagnostics(result.diagnostics, std::cerr);
    std::cerr << "scarwise: error: the case does not fit the rule set " << rules->id() << '\n';
    return kExitError;
  }
  std::cout << (args.format == "json" ? result.assessment->to_json()
                                      : result.assessment->to_text());
  return kExitOk;
}

}  // namespace

Command add_eval_command(CLI::App& app) {
  auto args = std::make_shared<EvalArgs>();
  CLI::App* sub = app.add_subcommand("eval", "Assess a case against a rule set");
  sub->add_option("-r,--rules", args->rules, "Rule set root file, or a directory with ruleset.yaml")
      ->required();
  sub->add_option("case", args->case_path, "Case file (JSON or YAML), or - for standard input")
      ->required();
  sub->add_option("--format", args->format, "Output format (default: text)")
      ->check(CLI::IsMember({"text", "json"}));
  sub->add_flag("--explain", args->explain, "Add the trace of every rule for every scar");
  add_rules_path_option(*sub);
  return Command{sub, [args] { return run_eval(*args); }};
}

}  // namespace scarwise::cli
