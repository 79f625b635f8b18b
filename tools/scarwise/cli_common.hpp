// Shared pieces of the scarwise commands: exit codes, rule-set loading, input and diagnostics.
// The CLI is a thin layer over the public API (include/scarwise/); nothing here knows YAML.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>
#include <iosfwd>
#include <optional>
#include <scarwise/scarwise.hpp>
#include <string>
#include <vector>

namespace scarwise::cli {

/// Exit codes of every command (DESIGN §8).
enum ExitCode : int {
  kExitOk = 0,        ///< success
  kExitFindings = 1,  ///< findings or failed tests
  kExitError = 2,     ///< usage error, or input that could not be loaded
};

/// A registered subcommand and what to run when it was chosen.
struct Command {
  CLI::App* app = nullptr;
  std::function<int()> run;
};

Command add_eval_command(CLI::App& app);
Command add_check_command(CLI::App& app);
Command add_test_command(CLI::App& app);
Command add_batch_command(CLI::App& app);
Command add_explain_command(CLI::App& app);
Command add_analyze_command(CLI::App& app);
Command add_diff_command(CLI::App& app);

/// The root file of a rule set: RULES itself, or RULES/ruleset.yaml when it is a directory.
std::string root_file_of(const std::string& rules);
/// The directory holding the root file (where a rule set keeps its tests/).
std::string rules_dir_of(const std::string& rules);

/// Prints each diagnostic ("file:line:col: error[CODE]: message" and its hint).
void print_diagnostics(const std::vector<Diagnostic>& diagnostics, std::ostream& out);

/// Adds `--rules-path DIR` (repeatable) to a command that loads rules: where
/// `extends: scarwise:NAME` looks for bundled rule sets.
void add_rules_path_option(CLI::App& command);

/// The options every command loads rules with. LoadOptions::rules_path is the --rules-path
/// directories, then those of the SCARWISE_RULES_PATH environment variable (':'-separated), then
/// share/scarwise/rules next to the installed executable (so that an unpacked package finds its
/// own rule sets); the library adds the share directory it was installed to.
LoadOptions load_options();

/// Loads a rule set; on failure prints every diagnostic to stderr and returns nothing.
std::optional<RuleSet> load_rules(const std::string& rules);

/// Reads the case named on the command line: a file through the library's reader (only a
/// regular file, never more than CaseOptions::max_bytes, E-CASE-READ and E-CASE-TOO-LARGE as the
/// library reports them), or standard input for "-" under the same limit and codes. The format
/// is chosen as Case::from_file chooses it. Throws CaseError.
Case read_case(const std::string& path);

/// Flushes standard output and reports whether everything written reached it. A command's
/// result is only a success once its output is out: a full disk or a closed stdout is exit 2,
/// never a silent loss.
bool flush_stdout();

}  // namespace scarwise::cli
