// `scarwise batch -r RULES [--threads N] [--explain] < cases.jsonl > assessments.jsonl`:
// assess a stream of cases, one JSON object per line, on several threads sharing one engine.
// Every non-blank input line gives exactly one output line, in input order: the assessment
// record, or {"line": N, "diagnostics": [...]} when that case was rejected. Blank lines are
// skipped. Lines are read in chunks, so memory stays bounded however long the stream is.
#include <algorithm>
#include <atomic>
#include <iostream>
#include <memory>
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

/// Assesses `lines` on `threads` threads; results[i] belongs to lines[i].
std::vector<std::string> assess_chunk(const Engine& engine, const std::vector<InputLine>& lines,
                                      const EvalOptions& options, unsigned threads,
                                      std::size_t& rejected_count) {
  std::vector<std::string> results(lines.size());
  std::vector<char> rejected(lines.size(), 0);
  std::atomic<std::size_t> next{0};
  const auto work = [&] {
    for (std::size_t i = next++; i < lines.size(); i = next++) {
      bool was_rejected = false;
      results[i] = assess(engine, lines[i], options, was_rejected);
      rejected[i] = was_rejected ? 1 : 0;
    }
  };
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work);
  work();
  for (std::thread& thread : pool) thread.join();
  rejected_count += static_cast<std::size_t>(std::count(rejected.begin(), rejected.end(), 1));
  return results;
}

int run_batch(const BatchArgs& args) {
  // Before any input or output: the C streams are not used, and unsynchronised is faster.
  std::ios::sync_with_stdio(false);
  std::optional<RuleSet> rules = load_rules(args.rules);
  if (!rules) return kExitError;
  const Engine engine(*rules);
  const unsigned threads =
      args.threads != 0 ? args.threads : std::max(1u, std::thread::hardware_concurrency());
  const std::size_t chunk_size = 64 * static_cast<std::size_t>(threads);
  const EvalOptions options{args.explain};

  LineReader reader(*std::cin.rdbuf(), CaseOptions{}.max_bytes);
  std::size_t total = 0;
  std::size_t rejected = 0;
  for (bool more = true; more;) {
    std::vector<InputLine> lines;
    InputLine line;
    while (lines.size() < chunk_size && (more = reader.next(line))) lines.push_back(line);
    for (const std::string& result : assess_chunk(engine, lines, options, threads, rejected)) {
      std::cout << result << '\n';
    }
    std::cout.flush();
    total += lines.size();
  }
  if (rejected == 0) return kExitOk;
  std::cerr << "scarwise: " << rejected << " of " << total << " cases rejected\n";
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
  return Command{sub, [args] { return run_batch(*args); }};
}

}  // namespace scarwise::cli
