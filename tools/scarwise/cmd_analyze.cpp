// `scarwise analyze RULES [--format text|json] [--max-classes N]`: gaps, conflicts,
// unreachable, shadowed and stuck rules, each with a witness case, and what each scar type can
// get. Exit 1 when an error finding is not allowed by its rules, 2 when the rule set does not
// load or the analysis runs out of budget.
#include <iostream>
#include <memory>
#include <sstream>

#include "cli_common.hpp"

namespace scarwise::cli {

namespace {

struct AnalyzeArgs {
  std::string rules;
  std::string format = "text";
  std::uint64_t max_classes = AnalysisOptions{}.max_classes;
};

std::string location(const std::string& file, int line, int column) {
  std::string out = file;
  if (line > 0) {
    out += ':' + std::to_string(line);
    if (column > 0) out += ':' + std::to_string(column);
  }
  return out;
}

std::string indented(const std::string& text, const std::string& margin) {
  std::istringstream lines(text);
  std::string out, line;
  while (std::getline(lines, line)) out += margin + line + '\n';
  return out;
}

std::string joined(const std::vector<std::string>& items, const char* empty) {
  if (items.empty()) return empty;
  std::string out;
  for (const std::string& item : items) out += (out.empty() ? "" : ", ") + item;
  return out;
}

void print_finding(const AnalysisFinding& f, std::ostream& out) {
  out << location(f.file, f.line, f.column) << ": " << to_string(f.severity) << '[' << f.code
      << ']' << (f.allowed ? " (allowed)" : "") << ": " << f.message << '\n';
  if (!f.rules.empty()) {
    out << "  rules:";
    for (std::size_t i = 0; i < f.rules.size(); ++i) {
      const AnalysisRule& r = f.rules[i];
      out << (i ? ", " : " ") << r.id << " (" << location(r.file, r.line, r.column) << ')';
    }
    out << '\n';
  }
  if (!f.hint.empty()) out << "  hint: " << f.hint << '\n';
  if (!f.witness_case.empty()) out << "  witness case:\n" << indented(f.witness_case, "    ");
}

void print_text(const std::string& root, const AnalysisReport& report, std::ostream& out) {
  std::size_t counts[3] = {0, 0, 0};
  std::size_t allowed = 0;
  for (const AnalysisFinding& f : report.findings) {
    print_finding(f, out);
    if (f.allowed) {
      ++allowed;
    } else {
      ++counts[static_cast<int>(f.severity)];
    }
  }
  if (!report.overview.empty()) out << "overview (scar type: reachable verdicts; plans):\n";
  for (const AnalysisOverview& o : report.overview) {
    out << "  " << (o.scar_type.empty() ? "any scar" : o.scar_type) << ": "
        << joined(o.verdicts, "none") << "; " << joined(o.plans, "no plan rule")
        << (o.no_plan ? " (or no plan)" : "") << (o.undecided ? " [undecided]" : "") << '\n';
  }
  for (const std::string& note : report.undecided) out << "note: " << note << '\n';
  out << root << ": " << counts[0] << " error" << (counts[0] == 1 ? "" : "s") << ", "
      << counts[1] << " warning" << (counts[1] == 1 ? "" : "s") << ", " << counts[2] << " info"
      << ", " << allowed << " allowed (" << report.classes_searched << " classes searched)\n";
}

int run_analyze(const AnalyzeArgs& args) {
  std::optional<RuleSet> rules = load_rules(args.rules);
  if (!rules) return kExitError;
  AnalysisOptions options;
  options.max_classes = args.max_classes;
  AnalysisReport report;
  try {
    report = analyze(*rules, options);
  } catch (const AnalysisError& e) {
    std::cerr << "scarwise: error: " << e.what() << '\n';
    return kExitError;
  }
  if (args.format == "json") {
    std::cout << format_analysis_json(report) << '\n';
  } else {
    print_text(root_file_of(args.rules), report, std::cout);
  }
  if (!report.stopped.empty()) {
    std::cerr << "scarwise: error: analysis stopped: " << report.stopped
              << "; the findings above are incomplete. Raise --max-classes, or split the rule "
                 "set\n";
    // The partial report is out; exit 2 says it is no verdict.
    flush_stdout();
    return kExitError;
  }
  return has_errors(report) ? kExitFindings : kExitOk;
}

}  // namespace

Command add_analyze_command(CLI::App& app) {
  auto args = std::make_shared<AnalyzeArgs>();
  CLI::App* sub = app.add_subcommand(
      "analyze", "Find gaps, conflicts, unreachable and shadowed rules, with witness cases");
  sub->add_option("rules", args->rules, "Rule set root file, or a directory with ruleset.yaml")
      ->required();
  sub->add_option("--format", args->format, "Output format (default: text)")
      ->check(CLI::IsMember({"text", "json"}));
  sub->add_option("--max-classes", args->max_classes,
                  "Stop after trying this many fact classes (default: 2000000)")
      ->check(CLI::Range(std::uint64_t{1}, std::uint64_t{1} << 40));
  add_rules_path_option(*sub);
  return Command{sub, [args] { return run_analyze(*args); }};
}

}  // namespace scarwise::cli
