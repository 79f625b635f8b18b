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

bool ends_with(const std::string& text, const std::string& suffix) {
  return text.size() >= suffix.size() &&
         text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

/// JSON for *.json; YAML for *.yaml and *.yml; otherwise (stdin included) JSON when the text
/// starts with '{'. A YAML flow mapping is also written with '{', hence the extensions first.
bool looks_like_json(const std::string& path, const std::string& text) {
  if (ends_with(path, ".json")) return true;
  if (ends_with(path, ".yaml") || ends_with(path, ".yml")) return false;
  const std::size_t first = text.find_first_not_of(" \t\r\n");
  return first != std::string::npos && text[first] == '{';
}

int run_eval(const EvalArgs& args) {
  std::optional<RuleSet> rules = load_rules(args.rules);
  if (!rules) return kExitError;
  std::optional<std::string> text = read_input(args.case_path);
  if (!text) return kExitError;
  const std::string name = args.case_path == "-" ? "<stdin>" : args.case_path;
  const Case input = looks_like_json(args.case_path, *text) ? Case::from_json(*text, name)
                                                            : Case::from_yaml(*text, name);
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
  return Command{sub, [args] { return run_eval(*args); }};
}

}  // namespace scarwise::cli
