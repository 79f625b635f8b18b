// Runs the built scarwise binary as a direct child, without a shell: to measure its peak
// memory (wait4 reports the child's own maximum resident set), or to talk to it through pipes
// one line at a time.
#pragma once

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <filesystem>
#include <string>
#include <vector>

#include "cli_runner.hpp"

namespace scarwise_cli_test {

/// True when the tests and the tool run under a sanitizer, whose shadow memory and quarantine
/// make resident-set figures meaningless.
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
inline constexpr bool kSanitized = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
inline constexpr bool kSanitized = true;
#else
inline constexpr bool kSanitized = false;
#endif
#else
inline constexpr bool kSanitized = false;
#endif

/// A scarwise process with its standard input and output on pipes; standard error is dropped.
class CliProcess {
 public:
  explicit CliProcess(const std::vector<std::string>& args) {
    int in[2];
    int out[2];
    if (::pipe(in) != 0 || ::pipe(out) != 0) return;
    pid_ = ::fork();
    if (pid_ == 0) {
      ::dup2(in[0], 0);
      ::dup2(out[1], 1);
      const int null = ::open("/dev/null", O_WRONLY);
      ::dup2(null, 2);
      ::close(in[1]);
      ::close(out[0]);
      exec(args);
    }
    ::close(in[0]);
    ::close(out[1]);
    in_ = in[1];
    out_ = out[0];
  }
  CliProcess(const CliProcess&) = delete;
  CliProcess& operator=(const CliProcess&) = delete;
  ~CliProcess() {
    close_input();
    if (out_ >= 0) ::close(out_);
    if (pid_ > 0 && !waited_) {
      ::kill(pid_, SIGKILL);
      ::waitpid(pid_, nullptr, 0);
    }
  }

  bool write_line(const std::string& line) { return write_text(line + "\n"); }

  /// Writes `text` as it is: part of a line, or several.
  bool write_text(const std::string& text) {
    for (std::size_t done = 0; done < text.size();) {
      const ssize_t n = ::write(in_, text.data() + done, text.size() - done);
      if (n <= 0) return false;
      done += static_cast<std::size_t>(n);
    }
    return true;
  }

  /// The next output line, or "" when none arrives within `timeout_ms` (a safety net against
  /// a hanging test, not a measure of speed) or the output ends.
  std::string read_line(int timeout_ms = 60000) {
    for (;;) {
      const std::size_t end = pending_.find('\n');
      if (end != std::string::npos) {
        std::string line = pending_.substr(0, end);
        pending_.erase(0, end + 1);
        return line;
      }
      pollfd fd{out_, POLLIN, 0};
      if (::poll(&fd, 1, timeout_ms) <= 0) return "";
      char buffer[4096];
      const ssize_t n = ::read(out_, buffer, sizeof buffer);
      if (n <= 0) return "";
      pending_.append(buffer, static_cast<std::size_t>(n));
    }
  }

  void close_input() {
    if (in_ >= 0) ::close(in_);
    in_ = -1;
  }

  /// Closes standard input, drains the output and returns the exit code (-1 if killed).
  int finish() {
    close_input();
    char buffer[4096];
    while (::read(out_, buffer, sizeof buffer) > 0) {
    }
    int status = 0;
    ::waitpid(pid_, &status, 0);
    waited_ = true;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  }

  [[noreturn]] static void exec(const std::vector<std::string>& args) {
    std::vector<char*> argv;
    std::string program = SCARWISE_CLI;
    argv.push_back(program.data());
    std::vector<std::string> copies(args);
    for (std::string& arg : copies) argv.push_back(arg.data());
    argv.push_back(nullptr);
    ::execv(program.c_str(), argv.data());
    ::_exit(127);
  }

 private:
  pid_t pid_ = -1;
  int in_ = -1;
  int out_ = -1;
  bool waited_ = false;
  std::string pending_;
};

/// How a run ended, what it printed (standard output and error together) and the child's
/// peak resident set.
struct MeasuredRun {
  int exit_code = -1;
  std::string output;
  long peak_kib = 0;
};

/// Runs `scarwise args...` with standard input from `stdin_file` and reports its peak memory.
inline MeasuredRun run_measured(const std::vector<std::string>& args,
                                const std::string& stdin_file = "/dev/null") {
  const std::filesystem::path output = temp_path("measured.txt");
  const pid_t pid = ::fork();
  if (pid == 0) {
    const int in = ::open(stdin_file.c_str(), O_RDONLY);
    const int out = ::open(output.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    ::dup2(in, 0);
    ::dup2(out, 1);
    ::dup2(out, 2);
    CliProcess::exec(args);
  }
  MeasuredRun run;
  int status = 0;
  rusage usage{};
  while (::wait4(pid, &status, 0, &usage) < 0 && errno == EINTR) {
  }
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  run.output = slurp(output);
  run.peak_kib = usage.ru_maxrss;
  std::filesystem::remove(output);
  return run;
}

}  // namespace scarwise_cli_test
