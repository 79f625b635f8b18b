// Runs the built scarwise binary (SCARWISE_CLI) through the shell and captures its exit code,
// standard output and standard error.
#pragma once

#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

namespace scarwise_cli_test {

struct CliRun {
  int exit_code = -1;
  std::string out;
  std::string err;
};

/// Single-quotes a word for /bin/sh.
inline std::string quote(const std::string& word) {
  std::string out = "'";
  for (const char c : word) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

inline std::string slurp(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

/// A path under tests/data/cli.
inline std::string data(const std::string& relative) {
  return std::string(SCARWISE_TEST_DATA_DIR) + "/cli/" + relative;
}

/// A fresh temporary file name for this process.
inline std::filesystem::path temp_path(const std::string& stem) {
  static int counter = 0;
  return std::filesystem::temp_directory_path() / ("scarwise-cli-" + std::to_string(::getpid()) +
                                                   "-" + std::to_string(++counter) + "-" + stem);
}

/// Runs `scarwise <args>` (args already quoted as needed); `stdin_file` feeds standard input.
/// `stdout_redirect` replaces the capture of standard output (e.g. ">/dev/full" or ">&-").
inline CliRun run_cli(const std::string& args, const std::string& stdin_file = "/dev/null",
                      const std::string& stdout_redirect = "") {
  const std::filesystem::path out = temp_path("out.txt");
  const std::filesystem::path err = temp_path("err.txt");
  const std::string to_stdout =
      stdout_redirect.empty() ? " >" + quote(out.string()) : " " + stdout_redirect;
  const std::string command = quote(SCARWISE_CLI) + " " + args + " <" + quote(stdin_file) +
                              to_stdout + " 2>" + quote(err.string());
  const int status = std::system(command.c_str());
  CliRun run;
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  run.out = slurp(out);
  run.err = slurp(err);
  std::filesystem::remove(out);
  std::filesystem::remove(err);
  return run;
}

inline bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

}  // namespace scarwise_cli_test
