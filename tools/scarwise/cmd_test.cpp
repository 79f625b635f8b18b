// `scarwise test RULES [TEST_FILES...]`: run a rule set's tests and report coverage.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>

#include "cli_common.hpp"
#include "test_discovery.hpp"

namespace scarwise::cli {

namespace {

namespace fs = std::filesystem;

struct TestArgs {
  std::string rules;
  std::vector<std::string> files;
  bool verbose = false;
  std::string junit;
};

/// Loads every file for `rules`, reporting all their problems (unknown ids included) before
/// giving up on any.
std::optional<std::vector<TestSuite>> load_suites(const RuleSet& rules,
                                                  const std::vector<std::string>& files) {
  std::vector<TestSuite> suites;
  bool ok = true;
  for (const std::string& file : files) {
    const TestSuiteLoadResult loaded = TestSuite::try_load_file(rules, file);
    print_diagnostics(loaded.diagnostics(), std::cerr);
    if (loaded) {
      suites.push_back(loaded.value());
    } else {
      ok = false;
    }
  }
  if (!ok) {
    std::cerr << "scarwise: error: cannot load the test files\n";
    return std::nullopt;
  }
  return suites;
}

bool write_junit(const std::string& path, const TestReport& report) {
  std::ofstream out(path, std::ios::binary);
  out << report.to_junit_xml();
  out.close();  // reports what the last write to the file system did
  if (out) return true;
  std::cerr << path << ": error: cannot write the JUnit report\n";
  return false;
}

int run_test(const TestArgs& args) {
  std::optional<RuleSet> rules = load_rules(args.rules);
  if (!rules) return kExitError;
  std::vector<std::string> files = args.files;
  if (files.empty()) {
    TestDiscovery found = find_test_files(rules_dir_of(args.rules));
    print_diagnostics(found.diagnostics, std::cerr);
    if (!found.diagnostics.empty()) {
      std::cerr << "scarwise: error: cannot use the rule set's tests directory\n";
      return kExitError;
    }
    files = std::move(found.files);
  }
  if (files.empty()) {
    std::cerr << "scarwise: error: no test files (*.yaml) under "
              << (fs::path(rules_dir_of(args.rules)) / "tests").generic_string() << '\n';
    return kExitError;
  }
  std::optional<std::vector<TestSuite>> suites = load_suites(*rules, files);
  if (!suites) return kExitError;
  const TestReport report = run_tests(Engine(*rules), *suites);
  TestTextOptions text;
  text.list_passed = args.verbose;
  text.list_never_fired = args.verbose;
  text.list_hint = "-v lists them";
  std::cout << report.to_text(*suites, text);
  if (!args.junit.empty() && !write_junit(args.junit, report)) return kExitError;
  return report.ok() ? kExitOk : kExitFindings;
}

}  // namespace

Command add_test_command(CLI::App& app) {
  auto args = std::make_shared<TestArgs>();
  CLI::App* sub = app.add_subcommand("test", "Run a rule set's tests");
  sub->add_option("rules", args->rules, "Rule set root file, or a directory with ruleset.yaml")
      ->required();
  sub->add_option("tests", args->files,
                  "Test files (default: every *.yaml under the rule set's tests/ directory)");
  sub->add_flag("-v,--verbose", args->verbose,
                "Also list the tests that passed and the rules never fired");
  sub->add_option("--junit", args->junit, "Also write the results as JUnit XML to this file");
  add_rules_path_option(*sub);
  return Command{sub, [args] { return run_test(*args); }};
}

}  // namespace scarwise::cli
