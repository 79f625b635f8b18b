#include "cli_common.hpp"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <iostream>

namespace scarwise::cli {

namespace fs = std::filesystem;

std::string root_file_of(const std::string& rules) {
  std::error_code ec;
  if (!fs::is_directory(rules, ec)) return rules;
  return (fs::path(rules) / "ruleset.yaml").lexically_normal().generic_string();
}

std::string rules_dir_of(const std::string& rules) {
  std::error_code ec;
  if (fs::is_directory(rules, ec)) return rules;
  const fs::path parent = fs::path(rules).parent_path();
  return parent.empty() ? "." : parent.generic_string();
}

void print_diagnostics(const std::vector<Diagnostic>& diagnostics, std::ostream& out) {
  for (const Diagnostic& diagnostic : diagnostics) out << diagnostic.to_string() << '\n';
}

namespace {

/// The --rules-path directories of the one command a run executes.
std::vector<std::string>& rules_path_flags() {
  static std::vector<std::string> dirs;
  return dirs;
}

/// share/scarwise/rules beside the bin/ directory of this executable, when it exists.
std::optional<std::string> rules_beside_executable() {
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (ec) return std::nullopt;
  const fs::path dir = exe.parent_path().parent_path() / "share" / "scarwise" / "rules";
  if (!fs::is_directory(dir, ec)) return std::nullopt;
  return dir.generic_string();
}

}  // namespace

void add_rules_path_option(CLI::App& command) {
  // One directory per flag: a vector option would otherwise also take the case file that
  // follows it ("--rules-path DIR CASE --scar ID" would lose CASE).
  command
      .add_option("--rules-path", rules_path_flags(),
                  "Directory holding bundled rule sets for 'extends: scarwise:NAME' "
                  "(repeatable; searched before SCARWISE_RULES_PATH and the installed ones)")
      ->allow_extra_args(false);
}

LoadOptions load_options() {
  LoadOptions options;
  options.rules_path = rules_path_flags();
  if (const char* env = std::getenv("SCARWISE_RULES_PATH")) {
    std::string_view rest(env);
    while (!rest.empty()) {
      const std::size_t colon = rest.find(':');
      const std::string_view dir = rest.substr(0, colon);
      if (!dir.empty()) options.rules_path.emplace_back(dir);
      rest = colon == std::string_view::npos ? std::string_view() : rest.substr(colon + 1);
    }
  }
  if (std::optional<std::string> beside = rules_beside_executable()) {
    options.rules_path.push_back(std::move(*beside));
  }
  return options;
}

std::optional<RuleSet> load_rules(const std::string& rules) {
  LoadResult loaded = RuleSet::try_load_file(root_file_of(rules), load_options());
  if (!loaded) {
    print_diagnostics(loaded.diagnostics(), std::cerr);
    std::cerr << "scarwise: error: cannot load the rule set " << root_file_of(rules) << '\n';
    return std::nullopt;
  }
  return loaded.value();
}

namespace {

[[noreturn]] void throw_stdin_error(std::string code, std::string message, std::string hint) {
  Diagnostic d;
  d.code = std::move(code);
  d.file = "<stdin>";
  d.message = std::move(message);
  d.hint = std::move(hint);
  throw CaseError({std::move(d)});
}

/// Standard input, which the user chose to stream, so blocking on it is expected; reading stops
/// one byte past the limit, so that /dev/zero or a runaway pipe cannot exhaust memory.
Case read_stdin_case() {
  const std::size_t limit = CaseOptions{}.max_bytes;
  std::string text(limit + 1, '\0');
  // C's fread, because ferror() tells a read error (EIO) from the end of the input, which
  // std::cin does not.
  errno = 0;
  text.resize(std::fread(text.data(), 1, text.size(), stdin));
  if (std::ferror(stdin)) {
    const int error_number = errno;
    throw_stdin_error(
        "E-CASE-READ",
        std::string("cannot read standard input") +
            (error_number != 0 ? std::string(": ") + std::strerror(error_number) : ""),
        "check the program or file that feeds it");
  }
  if (text.size() > limit) {
    throw_stdin_error("E-CASE-TOO-LARGE",
                      "the case is larger than the limit of " + std::to_string(limit) + " bytes",
                      "a case is at most CaseOptions::max_bytes long");
  }
  const std::size_t first = text.find_first_not_of(" \t\r\n");
  const bool json = first != std::string::npos && text[first] == '{';
  return json ? Case::from_json(text, "<stdin>") : Case::from_yaml(text, "<stdin>");
}

}  // namespace

Case read_case(const std::string& path) {
  if (path == "-") return read_stdin_case();
  return Case::from_file(path);
}

bool flush_stdout() {
  errno = 0;
  std::cout.flush();
  // With the C and C++ streams synchronised, std::cout writes through C's stdout buffer.
  const bool ok = !std::cout.fail() && std::fflush(stdout) == 0 && std::ferror(stdout) == 0;
  if (!ok) {
    const int error_number = errno;
    std::cerr << "scarwise: error: cannot write the output"
              << (error_number != 0 ? std::string(": ") + std::strerror(error_number) : "") << '\n';
  }
  return ok;
}

}  // namespace scarwise::cli
