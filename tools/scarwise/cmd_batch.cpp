// `scarwise batch -r RULES [--threads N] [--explain] < cases.jsonl > assessments.jsonl`:
// assess a stream of cases, one JSON object per line, on several threads sharing one engine.
// Every non-blank input line gives exactly one output line, in input order: the assessment
// record, or {"line": N, "diagnostics": [...]} when that case was rejected. Blank lines are
// skipped. Memory is bounded by the number of threads, never by the length of the stream; a
// failed write stops the batch with exit code 2.
#include <algorithm>
#include <atomic>
#include <cerrno>
#include <condition_variable>
#include <cstring>
#include <iostream>
#include <memory>
#include <mutex>
#include <streambuf>
#include <thread>

#include "cli_common.hpp"

namespace scarwise::cli {

namespace {

struct BatchArgs {
  std::string rules;
  unsigned threads = 0;  ///< 0: one per hardware thread
  bool explain = false;
};

/// One input line: its number and text, or that it was longer than a case may be.
struct InputLine {
  std::size_t number = 0;
  std::string text;
  bool too_large = false;
};

bool is_blank(const std::string& text) {
  return text.find_first_not_of(" \t\r") == std::string::npos;
}

/// Reads lines from a stream buffer, keeping at most `limit` bytes of each: a longer line is
/// consumed to its end and marked, so one huge line can neither exhaust memory nor shift the
/// lines after it.
class LineReader {
 public:
  LineReader(std::streambuf& in, std::size_t limit) : in_(in), limit_(limit) {}

  /// The next non-blank line, or false at the end of the input.
  bool next(InputLine& line) {
    while (read_line(line)) {
      if (line.too_large || !is_blank(line.text)) return true;
    }
    return false;
  }

 private:
  bool read_line(InputLine& line) {
    line.text.clear();
    line.too_large = false;
    line.number = ++number_;
    int c = in_.sbumpc();
    if (c == std::char_traits<char>::eof()) return false;
    for (; c != std::char_traits<char>::eof() && c != '\n'; c = in_.sbumpc()) {
      if (line.text.size() < limit_) {
        line.text.push_back(static_cast<char>(c));
      } else {
        line.too_large = true;
      }
    }
    return true;
  }

  std::streambuf& in_;
  std::size_t limit_;
  std::size_t number_ = 0;
};

std::string rejection(std::size_t number, const std::vector<Diagnostic>& diagnostics) {
  return "{\"line\":" + std::to_string(number) +
         ",\"diagnostics\":" + format_diagnostics_json(diagnostics) + "}";
}

/// The output line for one input line; `rejected` is set when the case was not assessed.
std::string assess(const Engine& engine, const InputLine& line, const EvalOptions& options,
                   bool& rejected) {
  const std::string name = "<stdin> line " + std::to_string(line.number);
  std::vector<Diagnostic> diagnostics;
  if (line.too_large) {
    Diagnostic too_large;
    too_large.code = "E-CASE-TOO-LARGE";
    too_large.file = name;
    too_large.message =
        "the case is larger than " + std::to_string(CaseOptions{}.max_bytes) + " bytes";
    too_large.hint = "a case on one line may be at most CaseOptions::max_bytes long";
    diagnostics.push_back(std::move(too_large));
  } else {
    try {
      EvalResult result = engine.try_evaluate(Case::from_json(line.text, name), options);
      if (result.ok()) return result.assessment->to_json_line();
      diagnostics = std::move(result.diagnostics);
    } catch (const CaseError& e) {
      diagnostics = e.diagnostics();
    }
  }
  rejected = true;
  return rejection(line.number, diagnostics);
}

/// Runs the batch on a fixed pool of workers. Each worker holds one line and its result at a
/// time: it reads the next line (reading is serialised), assesses it, then waits for its turn to
/// write, so results come out in input order and memory is one line and one result per worker,
/// whatever the length of the stream. Output is flushed whenever no worker holds a line, so a
/// reader on a pipe sees each answer without waiting for more input, and a stream read from a
/// file is written in large blocks.
class BatchRun {
 public:
  BatchRun(const Engine& engine, const EvalOptions& options, std::streambuf& in, std::ostream& out)
      : engine_(engine), options_(options), reader_(in, CaseOptions{}.max_bytes), out_(out) {}

  void run(unsigned threads) {
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < threads; ++t) pool.emplace_back([this] { work(); });
    work();
    for (std::thread& thread : pool) thread.join();
    std::lock_guard<std::mutex> lock(output_mutex_);
    if (!write_failed_) {
      errno = 0;
      check(out_.flush());
    }
  }

  std::size_t total() const noexcept { return total_; }
  std::size_t rejected() const noexcept { return rejected_; }
  bool write_failed() const noexcept { return write_failed_; }
  /// The system's reason for the failed write, if it gave one.
  std::string write_error() const {
    return write_errno_ != 0 ? std::string(": ") + std::strerror(write_errno_) : std::string();
  }

 private:
  void work() {
    InputLine line;
    for (std::size_t turn = 0; read(line, turn);) {
      bool rejected = false;
      const std::string result = assess(engine_, line, options_, rejected);
      write(turn, result, rejected);
    }
  }

  /// The next line and its place in the output; false at the end of the input, or once
  /// output has failed.
  bool read(InputLine& line, std::size_t& turn) {
    std::lock_guard<std::mutex> lock(input_mutex_);
    if (write_failed_.load() || !reader_.next(line)) return false;
    turn = total_++;
    ++in_flight_;
    return true;
  }

  void write(std::size_t turn, const std::string& result, bool rejected) {
    std::unique_lock<std::mutex> lock(output_mutex_);
    turn_changed_.wait(lock, [&] { return next_turn_ == turn; });
    // With no other line in hand, nothing more can be written until more input arrives.
    const bool last_in_hand = in_flight_.fetch_sub(1) == 1;
    if (!write_failed_) {
      errno = 0;
      out_ << result << '\n';
      if (last_in_hand) out_.flush();
      check(out_);
    }
    if (rejected) ++rejected_;
    ++next_turn_;
    turn_changed_.notify_all();
  }

  /// Records a failed write with errno, which the failing system call set in this thread.
  void check(const std::ostream& out) {
    if (out) return;
    write_errno_ = errno;
    write_failed_ = true;
  }

  const Engine& engine_;
  const EvalOptions& options_;
  std::mutex input_mutex_;
  LineReader reader_;      ///< guarded by input_mutex_
  std::size_t total_ = 0;  ///< lines read; guarded by input_mutex_
  std::mutex output_mutex_;
  std::condition_variable turn_changed_;
  std::ostream& out_;                      ///< guarded by output_mutex_
  std::size_t next_turn_ = 0;              ///< guarded by output_mutex_
  std::size_t rejected_ = 0;               ///< guarded by output_mutex_
  int write_errno_ = 0;                    ///< guarded by output_mutex_
  std::atomic<std::size_t> in_flight_{0};  ///< lines read and not yet written
  std::atomic<bool> write_failed_{false};
};

int run_batch(const BatchArgs& args) {
  // Before any input or output: the C streams are not used, and unsynchronised is faster.
  std::ios::sync_with_stdio(false);
  std::optional<RuleSet> rules = load_rules(args.rules);
  if (!rules) return kExitError;
  const Engine engine(*rules);
  const unsigned threads =
      args.threads != 0 ? args.threads : std::max(1u, std::thread::hardware_concurrency());
  const EvalOptions options{args.explain};

  BatchRun batch(engine, options, *std::cin.rdbuf(), std::cout);
  batch.run(threads);
  if (batch.write_failed()) {
    std::cerr << "scarwise: error: cannot write the output" << batch.write_error() << '\n';
    return kExitError;
  }
  if (batch.rejected() == 0) return kExitOk;
  std::cerr << "scarwise: " << batch.rejected() << " of " << batch.total() << " cases rejected\n";
  return kExitFindings;
}

}  // namespace

Command add_batch_command(CLI::App& app) {
  auto args = std::make_shared<BatchArgs>();
  CLI::App* sub = app.add_subcommand(
      "batch", "Assess JSON cases from standard input, one per line, on several threads");
  sub->add_option("-r,--rules", args->rules, "Rule set root file, or a directory with ruleset.yaml")
      ->required();
  sub->add_option("-j,--threads", args->threads, "Threads to use (default: one per core)")
      ->check(CLI::Range(1u, 256u));
  sub->add_flag("--explain", args->explain, "Add the trace of every rule for every scar");
  add_rules_path_option(*sub);
  return Command{sub, [args] { return run_batch(*args); }};
}

}  // namespace scarwise::cli
