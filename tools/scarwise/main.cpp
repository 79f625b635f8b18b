// scarwise — the command-line tool: evaluate cases, check rule sets, run rule-set tests,
// assess streams of cases, explain assessments.
// Exit codes: 0 ok, 1 findings or failed tests, 2 usage or load error. Results go to stdout,
// errors to stderr.
#include <iostream>
#include <new>

#include "cli_common.hpp"

namespace {

/// CLI11 reports a misspelt command only as "a subcommand is required"; name it instead.
bool is_unknown_command(int argc, char** argv,
                        const std::vector<scarwise::cli::Command>& commands) {
  if (argc < 2 || argv[1][0] == '-') return false;
  for (const scarwise::cli::Command& command : commands) {
    if (command.app->get_name() == argv[1]) return false;
  }
  return true;
}

int run(int argc, char** argv) {
  using namespace scarwise::cli;
  CLI::App app{
      "scarwise: microneedling scar-treatment decision support for trained professionals, "
      "never a diagnosis.",
      "scarwise"};
  app.set_version_flag("--version", std::string("scarwise ") + scarwise::version());
  app.require_subcommand(1);
  const std::vector<Command> commands = {add_eval_command(app), add_check_command(app),
                                         add_test_command(app), add_batch_command(app),
                                         add_explain_command(app), add_analyze_command(app),
                                         add_diff_command(app)};
  if (is_unknown_command(argc, argv, commands)) {
    std::cerr << "scarwise: error: unknown command '" << argv[1]
              << "'; the commands are eval, check, test, batch, explain, analyze and diff "
                 "(see --help)\n";
    return kExitError;
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // --help and --version "fail" with code 0; everything else is a usage error.
    const int status = app.exit(e) == 0 ? kExitOk : kExitError;
    return flush_stdout() ? status : kExitError;
  }
  for (const Command& command : commands) {
    if (!command.app->parsed()) continue;
    const int status = command.run();
    // A command that failed has said why (batch also when its output could not be written).
    if (status == kExitError) return status;
    return flush_stdout() ? status : kExitError;
  }
  return kExitError;
}

}  // namespace

int main(int argc, char** argv) {
  // Bad input never crashes the tool: whatever escapes a command is reported and exits 2.
  try {
    return run(argc, argv);
  } catch (const scarwise::LoadError& e) {
    scarwise::cli::print_diagnostics(e.diagnostics(), std::cerr);
    std::cerr << "scarwise: error: the input cannot be loaded\n";
  } catch (const scarwise::CaseError& e) {
    scarwise::cli::print_diagnostics(e.diagnostics(), std::cerr);
    std::cerr << "scarwise: error: the case cannot be read\n";
  } catch (const std::bad_alloc&) {
    std::cerr << "scarwise: error: out of memory\n";
  } catch (const std::exception& e) {
    std::cerr << "scarwise: error: " << e.what() << '\n';
  }
  return scarwise::cli::kExitError;
}
