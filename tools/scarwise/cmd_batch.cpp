// `scarwise batch -r RULES [--threads N] [--explain] < cases.jsonl > assessments.jsonl`:
// assess a stream of cases, one JSON object per line, on several threads sharing one engine.
// Every non-blank input line gives exactly one output line, in input order: the assessment
// record, or {"line": N, "diagnostics": [...]} when that case was rejected. Blank lines are
// skipped. Memory is bounded by the number of threads times the size of a chunk, never by the
// length of the stream; a failed read or write stops the batch with exit code 2.
#include <poll.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <charconv>
#include <condition_variable>
#include <cstring>
#include <iostream>
#include <memory>
#include <mutex>
#include <string_view>
#include <thread>

#include "cli_common.hpp"

namespace scarwise::cli {

namespace {

struct BatchArgs {
  std::string rules;
  unsigned threads = 0;  ///< 0: one per hardware thread
  bool explain = false;
};

/// A chunk ends after the line that brings its text to this size, or at this many lines,
/// whichever comes first: large enough that locking, waiting for a turn and writing cost little
/// per case, small enough that threads × chunks stays a few MiB.
constexpr std::size_t kChunkBytes = 64 * 1024;
constexpr std::size_t kChunkLines = 256;
/// Bytes asked of the system per read.
constexpr std::size_t kBlockBytes = 64 * 1024;
/// A chunk's text buffer that grew past this for one long line is given back rather than kept
/// for the rest of the stream; so is an output buffer past kKeepOutputBytes (an assessment is
/// several times the size of its case, so a chunk's results are often past 1 MiB).
constexpr std::size_t kKeepInputBytes = 4 * kChunkBytes;
constexpr std::size_t kKeepOutputBytes = 4u << 20;

/// One non-blank input line of a chunk: its number in the stream and where its text is, or
/// that it was longer than a case may be (its text was then never kept).
struct LineRef {
  std::size_t number = 0;
  std::size_t offset = 0;
  std::size_t size = 0;
  bool too_large = false;
};

/// The lines one worker assesses in one go; their texts lie back to back in `text`.
struct Chunk {
  std::string text;
  std::vector<LineRef> lines;
};

bool is_blank(std::string_view text) {
  return text.find_first_not_of(" \t\r") == std::string_view::npos;
}

/// Cuts a file descriptor into chunks of whole lines. It reads in blocks and keeps at most
/// `max_line` bytes of a line: a longer line is consumed to its end and marked, so one huge line
/// can neither exhaust memory nor shift the lines after it.
///
/// A chunk ends when it is full, at the end of the input, or when it holds at least one line
/// and no more input can be read without waiting: a client that sends one case and waits for
/// its answer gets it, whatever is still buffered or unfinished.
class ChunkReader {
 public:
  ChunkReader(int fd, std::size_t max_line)
      : fd_(fd), max_line_(max_line), block_(new char[kBlockBytes]) {}

  /// Replaces `chunk` with the next lines; false when the input has ended (or could not be
  /// read, see error()) and no line is left.
  bool fill(Chunk& chunk) {
    chunk.lines.clear();
    chunk.text.clear();
    // The line an earlier chunk began goes on here.
    chunk.text.swap(pending_);
    bool too_large = pending_too_large_;
    std::size_t line_start = 0;
    for (;;) {
      if (pos_ == end_) {
        if (!at_end_ && !chunk.lines.empty() && !input_ready()) break;
        if (at_end_ || !refill()) {
          // The last line may have no newline.
          if (too_large || chunk.text.size() > line_start) end_line(chunk, line_start, too_large);
          pending_too_large_ = false;
          return !chunk.lines.empty();
        }
      }
      const char* const begin = block_.get() + pos_;
      const auto* newline = static_cast<const char*>(std::memchr(begin, '\n', end_ - pos_));
      const std::size_t length =
          static_cast<std::size_t>((newline != nullptr ? newline : block_.get() + end_) - begin);
      if (!too_large) {
        if (chunk.text.size() - line_start + length > max_line_) {
          too_large = true;
          chunk.text.resize(line_start);
        } else {
          chunk.text.append(begin, length);
        }
      }
      pos_ += length;
      if (newline == nullptr) continue;
      ++pos_;
      end_line(chunk, line_start, too_large);
      ++number_;
      too_large = false;
      line_start = chunk.text.size();
      if (chunk.lines.size() >= kChunkLines || chunk.text.size() >= kChunkBytes) break;
    }
    // An unfinished line waits for the next chunk.
    pending_.assign(chunk.text, line_start, std::string::npos);
    pending_too_large_ = too_large;
    chunk.text.resize(line_start);
    return true;
  }

  /// The errno of a failed read, or 0.
  int error() const noexcept { return error_; }

 private:
  /// Records the line that starts at `start` in the chunk's text, or drops it if it is blank.
  void end_line(Chunk& chunk, std::size_t start, bool too_large) const {
    const std::size_t size = chunk.text.size() - start;
    if (!too_large && is_blank(std::string_view(chunk.text).substr(start))) {
      chunk.text.resize(start);
      return;
    }
    chunk.lines.push_back(LineRef{number_, start, size, too_large});
  }

  /// Reads the next block, waiting for it; false at the end of the input or on an error.
  bool refill() {
    pos_ = end_ = 0;
    for (;;) {
      const ssize_t n = ::read(fd_, block_.get(), kBlockBytes);
      if (n > 0) {
        end_ = static_cast<std::size_t>(n);
        return true;
      }
      if (n < 0 && errno == EINTR) continue;
      if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
        pollfd wait{fd_, POLLIN, 0};
        ::poll(&wait, 1, -1);  // a non-blocking descriptor from the caller
        continue;
      }
      if (n < 0) error_ = errno;
      at_end_ = true;
      return false;
    }
  }

  /// Whether a read would return at once (data, the end of the input, or an error to report).
  bool input_ready() const {
    pollfd ready{fd_, POLLIN, 0};
    int n = 0;
    do {
      n = ::poll(&ready, 1, 0);
    } while (n < 0 && errno == EINTR);
    return n != 0;
  }

  int fd_;
  std::size_t max_line_;
  std::unique_ptr<char[]> block_;
  std::size_t pos_ = 0;  ///< next unread byte of block_
  std::size_t end_ = 0;  ///< end of the bytes read into block_
  bool at_end_ = false;
  int error_ = 0;
  std::string pending_;  ///< the start of a line that an earlier chunk could not finish
  bool pending_too_large_ = false;
  std::size_t number_ = 1;  ///< number of the line being read
};

/// "<stdin> line N" in `buffer`: the name diagnostics give the case, without allocating.
std::string_view line_name(std::size_t number, char (&buffer)[48]) {
  constexpr std::string_view prefix = "<stdin> line ";
  std::memcpy(buffer, prefix.data(), prefix.size());
  const std::to_chars_result end =
      std::to_chars(buffer + prefix.size(), buffer + sizeof buffer, number);
  return std::string_view(buffer, static_cast<std::size_t>(end.ptr - buffer));
}

/// Writes all of `text` to `fd`; false with errno set when the system refuses.
bool write_all(int fd, std::string_view text) {
  while (!text.empty()) {
    const ssize_t n = ::write(fd, text.data(), text.size());
    if (n >= 0) {
      text.remove_prefix(static_cast<std::size_t>(n));
    } else if (errno == EAGAIN || errno == EWOULDBLOCK) {
      pollfd wait{fd, POLLOUT, 0};
      ::poll(&wait, 1, -1);  // a non-blocking descriptor from the caller
    } else if (errno != EINTR) {
      return false;
    }
  }
  return true;
}

/// Runs the batch on a fixed pool of workers, created once. A worker takes a chunk of lines
/// from the reader (reading is serialised), assesses them all into its own output buffer, then
/// waits for the chunk's turn and writes the buffer with one write, so results come out in
/// input order and memory is one chunk and its results per worker, whatever the length of the
/// stream.
class BatchRun {
 public:
  BatchRun(const Engine& engine, const EvalOptions& options, int in_fd, int out_fd)
      : engine_(engine), options_(options), reader_(in_fd, case_options_.max_bytes),
        out_fd_(out_fd) {}

  void run(unsigned threads) {
    std::vector<std::thread> pool;
    pool.reserve(threads - 1);
    for (unsigned t = 1; t < threads; ++t) pool.emplace_back([this] { work(); });
    work();
    for (std::thread& thread : pool) thread.join();
  }

  std::size_t total() const noexcept { return total_; }
  std::size_t rejected() const noexcept { return rejected_; }
  /// The errno of a failed read, or 0.
  int read_error() const noexcept { return reader_.error(); }
  bool write_failed() const noexcept { return write_failed_; }
  /// The errno of the failed write, or 0.
  int write_error() const noexcept { return write_errno_; }

 private:
  void work() {
    Chunk chunk;
    std::string out;
    for (;;) {
      std::size_t turn = 0;
      {
        std::lock_guard<std::mutex> lock(input_mutex_);
        if (write_failed_.load() || !reader_.fill(chunk)) return;
        turn = chunks_++;
      }
      out.clear();
      std::size_t rejected = 0;
      for (const LineRef& line : chunk.lines) {
        if (!assess(chunk.text, line, out)) ++rejected;
      }
      write(turn, out, chunk.lines.size(), rejected);
      if (chunk.text.capacity() > kKeepInputBytes) std::string().swap(chunk.text);
      if (out.capacity() > kKeepOutputBytes) std::string().swap(out);
    }
  }

  /// Appends the output line for one input line to `out`; false when the case was rejected.
  bool assess(const std::string& text, const LineRef& line, std::string& out) const {
    char name_buffer[48];
    const std::string_view name = line_name(line.number, name_buffer);
    std::vector<Diagnostic> diagnostics;
    if (line.too_large) {
      Diagnostic too_large;
      too_large.code = "E-CASE-TOO-LARGE";
      too_large.file = std::string(name);
      too_large.message =
          "the case is larger than " + std::to_string(case_options_.max_bytes) + " bytes";
      too_large.hint = "a case on one line may be at most CaseOptions::max_bytes long";
      diagnostics.push_back(std::move(too_large));
    } else {
      EvalResult result = engine_.try_evaluate_json(
          std::string_view(text).substr(line.offset, line.size), name, options_, case_options_);
      if (result.ok()) {
        result.assessment->append_json_line(out);
        out += '\n';
        return true;
      }
      diagnostics = std::move(result.diagnostics);
    }
    out += "{\"line\":";
    char digits[24];
    const std::to_chars_result end = std::to_chars(digits, digits + sizeof digits, line.number);
    out.append(digits, end.ptr);
    out += ",\"diagnostics\":";
    out += format_diagnostics_json(diagnostics);
    out += "}\n";
    return false;
  }

  /// Waits for the chunk's turn, then writes its output with one write.
  void write(std::size_t turn, const std::string& out, std::size_t lines, std::size_t rejected) {
    {
      std::unique_lock<std::mutex> lock(output_mutex_);
      turn_changed_.wait(lock, [&] { return next_turn_ == turn; });
    }
    // Until next_turn_ moves on, this thread alone writes.
    if (!write_failed_.load() && !write_all(out_fd_, out)) {
      write_errno_ = errno;
      write_failed_ = true;
    }
    {
      std::lock_guard<std::mutex> lock(output_mutex_);
      total_ += lines;
      rejected_ += rejected;
      ++next_turn_;
    }
    turn_changed_.notify_all();
  }

  const Engine& engine_;
  const EvalOptions& options_;
  const CaseOptions case_options_{};
  std::mutex input_mutex_;
  ChunkReader reader_;      ///< guarded by input_mutex_
  std::size_t chunks_ = 0;  ///< chunks read; guarded by input_mutex_
  std::mutex output_mutex_;
  std::condition_variable turn_changed_;
  const int out_fd_;
  std::size_t next_turn_ = 0;  ///< the chunk to write next; guarded by output_mutex_
  std::size_t total_ = 0;      ///< lines answered; guarded by output_mutex_
  std::size_t rejected_ = 0;   ///< guarded by output_mutex_
  int write_errno_ = 0;        ///< set by the thread whose turn it is
  std::atomic<bool> write_failed_{false};
};

std::string reason(int error_number) {
  return error_number != 0 ? std::string(": ") + std::strerror(error_number) : std::string();
}

int run_batch(const BatchArgs& args) {
  std::optional<RuleSet> rules = load_rules(args.rules);
  if (!rules) return kExitError;
  const Engine engine(*rules);
  const unsigned threads =
      args.threads != 0 ? args.threads : std::max(1u, std::thread::hardware_concurrency());
  const EvalOptions options{args.explain};

  // Standard input and output are read and written directly, in blocks: nothing else in this
  // command uses them through the C or C++ streams.
  BatchRun batch(engine, options, STDIN_FILENO, STDOUT_FILENO);
  batch.run(threads);
  if (batch.write_failed()) {
    std::cerr << "scarwise: error: cannot write the output" << reason(batch.write_error())
              << '\n';
    return kExitError;
  }
  if (batch.read_error() != 0) {
    std::cerr << "scarwise: error: cannot read the input" << reason(batch.read_error()) << '\n';
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
