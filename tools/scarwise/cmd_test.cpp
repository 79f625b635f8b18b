// `scarwise test RULES [TEST_FILES...]`: run a rule set's tests and report coverage.
#include <algorithm>
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
  bool base_tests = false;
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

/// True when every failed expectation of `result` is about completeness: the overlay asks
/// about facts the base's cases do not give.
bool only_completeness(const TestResult& result) {
  if (result.failures.empty() || !result.diagnostics.empty()) return false;
  return std::all_of(result.failures.begin(), result.failures.end(), [](const TestFailure& f) {
    const auto ends_with = [&](const std::string& tail) {
      return f.path.size() >= tail.size() &&
             f.path.compare(f.path.size() - tail.size(), tail.size(), tail) == 0;
    };
    return ends_with("complete") || ends_with("missing_facts");
  });
}

/// The facts `overlay` declares that `base` does not, comma-separated.
std::string added_facts(const RuleSet& base, const Engine& overlay) {
  std::vector<std::string> known;
  for (const FactInfo& fact : base.facts()) known.push_back(fact.name);
  std::string out;
  for (const FactInfo& fact : overlay.rules().facts()) {
    if (std::find(known.begin(), known.end(), fact.name) != known.end()) continue;
    out += (out.empty() ? "" : ", ") + fact.name;
  }
  return out.empty() ? "none added" : "added: " + out;
}

/// The tests of one base layer, read against that base (so that their ids are checked where
/// they were written) and run against the overlay. Their failures are the base behaviours the
/// overlay changes: they are listed, not counted as the overlay's failures. False when a base's
/// tests cannot be found or loaded.
bool run_base_layer_tests(const RuleSetLayer& layer, const Engine& overlay, bool verbose) {
  const std::string dir = rules_dir_of(layer.root_file);
  TestDiscovery found = find_test_files(dir);
  print_diagnostics(found.diagnostics, std::cerr);
  if (!found.diagnostics.empty()) return false;
  std::cout << "\nTests of base " << layer.id << ' ' << layer.version << " ("
            << (fs::path(dir) / "tests").generic_string() << ") run against this rule set:\n";
  if (found.files.empty()) {
    std::cout << "  no test files\n";
    return true;
  }
  std::optional<RuleSet> base = load_rules(layer.root_file);
  if (!base) return false;
  std::optional<std::vector<TestSuite>> suites = load_suites(*base, found.files);
  if (!suites) return false;
  const TestReport report = run_tests(overlay, *suites);
  std::vector<const TestResult*> changed;
  std::size_t incomplete_only = 0;
  for (const TestResult& result : report.results) {
    if (result.passed) continue;
    if (only_completeness(result)) {
      ++incomplete_only;
    } else {
      changed.push_back(&result);
    }
  }
  std::cout << report.passed() << " still pass, " << report.failed() << " now fail\n";
  if (incomplete_only > 0) {
    std::cout << incomplete_only
              << " fail only on completeness: their cases leave out facts that rules of this rule "
                 "set read (" << added_facts(*base, overlay) << ")\n";
  }
  if (!changed.empty()) {
    std::cout << changed.size() << " show a base behaviour this rule set changes"
              << (verbose ? "" : " (-v shows each failure)") << ":\n";
    for (const TestResult* result : changed) {
      if (verbose) {
        std::cout << result->to_text();
      } else {
        std::cout << "  - " << result->file << ':' << result->line << ": " << result->name << '\n';
      }
    }
  }
  return true;
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
  if (args.base_tests) {
    const std::vector<RuleSetLayer> layers = rules->layers();
    if (layers.size() < 2) {
      std::cerr << "scarwise: error: --base-tests needs a rule set that extends another\n";
      return kExitError;
    }
    const Engine overlay(*rules);
    for (std::size_t i = layers.size() - 1; i-- > 0;) {
      if (!run_base_layer_tests(layers[i], overlay, args.verbose)) return kExitError;
    }
  }
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
  sub->add_flag("--base-tests", args->base_tests,
                "Also run the tests of every rule set this one extends against it, and list "
                "those that now fail (the base behaviours it changes)");
  add_rules_path_option(*sub);
  return Command{sub, [args] { return run_test(*args); }};
}

}  // namespace scarwise::cli
