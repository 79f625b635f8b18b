// The CLI under hostile input: test discovery that stays inside the rule set, quotes that are
// capped, case files read by the library's reader, and output that is either written or an error.
#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <string>

#include "../support/fifo_unblocker.hpp"
#include "cli_runner.hpp"

using namespace scarwise_cli_test;
namespace fs = std::filesystem;

namespace {

/// A copy of tests/data/cli/rules in a fresh directory, and a file outside it holding a secret.
struct RuleSetCopy {
  fs::path base = temp_path("hostile");
  fs::path rules = base / "rules";
  fs::path secret = base / "secret.txt";

  RuleSetCopy() {
    fs::create_directories(base);
    fs::copy(data("rules"), rules, fs::copy_options::recursive);
    std::ofstream(secret) << "TOP-SECRET-LINE-ONE\nTOP-SECRET-LINE-TWO\n";
  }
  ~RuleSetCopy() {
    std::error_code ec;
    fs::remove_all(base, ec);
  }
  RuleSetCopy(const RuleSetCopy&) = delete;
  RuleSetCopy& operator=(const RuleSetCopy&) = delete;
};

void write_file(const fs::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
}

/// The longest run of `c` in `text`.
std::size_t longest_run(const std::string& text, char c) {
  std::size_t best = 0;
  std::size_t run = 0;
  for (const char each : text) {
    run = each == c ? run + 1 : 0;
    best = std::max(best, run);
  }
  return best;
}

void replace_word(std::string& text, const std::string& word, const std::string& by) {
  const std::size_t at = text.find(word);
  if (at != std::string::npos) text.replace(at, word.size(), by);
}

std::string eval_args(const std::string& case_file) {
  return "eval -r " + quote(data("rules")) + " " + quote(case_file);
}

}  // namespace

TEST_CASE("test discovery refuses a test file linked from outside the rule set",
          "[cli][test][hostile]") {
  RuleSetCopy copy;
  fs::create_symlink(copy.secret, copy.rules / "tests" / "stolen.yaml");
  const CliRun run = run_cli("test " + quote(copy.rules.string()));
  CHECK(run.exit_code == 2);
  CHECK(contains(run.err, "stolen.yaml: error[E-TEST-ESCAPE]"));
  CHECK_FALSE(contains(run.out + run.err, "TOP-SECRET"));
}

TEST_CASE("test discovery refuses a linked tests directory that leaves the rule set",
          "[cli][test][hostile]") {
  RuleSetCopy copy;
  const fs::path outside = copy.base / "elsewhere";
  fs::create_directories(outside);
  fs::copy_file(copy.secret, outside / "leak.yaml");
  SECTION("the tests directory itself") {
    fs::remove_all(copy.rules / "tests");
    fs::create_directory_symlink(outside, copy.rules / "tests");
  }
  SECTION("a directory inside it") {
    fs::create_directory_symlink(outside, copy.rules / "tests" / "more");
  }
  const CliRun run = run_cli("test " + quote(copy.rules.string()));
  CHECK(run.exit_code == 2);
  CHECK(contains(run.err, "error[E-TEST-ESCAPE]"));
  CHECK_FALSE(contains(run.out + run.err, "TOP-SECRET"));
}

TEST_CASE("test discovery refuses a FIFO instead of skipping it or waiting on it",
          "[cli][test][hostile]") {
  RuleSetCopy copy;
  const fs::path fifo = copy.rules / "tests" / "pipe.yaml";
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  const scarwise_test::FifoUnblocker unblocker(fifo);
  const CliRun run = run_cli("test " + quote(copy.rules.string()));
  CHECK(run.exit_code == 2);
  CHECK(contains(run.err, "pipe.yaml: error[E-FILE-READ]"));
}

TEST_CASE("test discovery still follows links that stay inside the rule set",
          "[cli][test][hostile]") {
  RuleSetCopy copy;
  fs::rename(copy.rules / "tests" / "more.yaml", copy.rules / "more.yaml");
  fs::create_symlink("../more.yaml", copy.rules / "tests" / "more.yaml");
  const CliRun run = run_cli("test " + quote(copy.rules.string()));
  CHECK(run.exit_code == 0);
  CHECK(contains(run.out, "4 passed, 0 failed\n"));
}

TEST_CASE("a test file that is one long scalar is quoted capped, not echoed",
          "[cli][test][hostile]") {
  RuleSetCopy copy;
  // Like /etc/passwd: lines of "name:x:..." are one plain scalar to YAML.
  std::string text;
  for (int i = 0; i < 200; ++i)
    text += "user" + std::to_string(i) + ":x:1000:1000:/home/u:/bin/sh\n";
  write_file(copy.rules / "tests" / "passwd.yaml", text);
  const CliRun run = run_cli("test " + quote(copy.rules.string()));
  CHECK(run.exit_code == 2);
  CHECK(contains(run.err, "passwd.yaml:1:1: error[E-TEST-TYPE]"));
  CHECK(contains(run.err, "\xE2\x80\xA6'"));  // the quote ends in an ellipsis
  CHECK_FALSE(contains(run.err, "user10:"));
  CHECK(run.err.size() < 1000);
}

TEST_CASE("every quoted input in a CLI message is capped", "[cli][hostile]") {
  const std::string long_word(5000, 'q');
  fs::path file = temp_path("long.yaml");
  SECTION("an unknown key in a JSON case") {
    file = temp_path("long.json");
    write_file(file, "{\"patient\": {\"" + long_word +
                         "\": 1}, \"scars\": [{\"id\": \"a\", \"type\": \"rolling\"}]}");
  }
  SECTION("an undeclared value in a case") {
    write_file(file, "scars: [{id: a, type: " + long_word + "}]\n");
  }
  SECTION("a repeated scar id") {
    write_file(file, "scars: [{id: " + long_word + ", type: rolling}, {id: " + long_word +
                         ", type: rolling}]\n");
  }
  const CliRun run = run_cli(eval_args(file.string()));
  fs::remove(file);
  CHECK(run.exit_code == 2);
  CHECK(longest_run(run.err, 'q') <= 80);
  CHECK(contains(run.err, "\xE2\x80\xA6"));
}

TEST_CASE("eval reads a case file through the library's reader", "[cli][eval][hostile]") {
  SECTION("a FIFO is refused at once") {
    const fs::path fifo = temp_path("case.yaml");
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    const scarwise_test::FifoUnblocker unblocker(fifo);
    const CliRun run = run_cli(eval_args(fifo.string()));
    fs::remove(fifo);
    CHECK(run.exit_code == 2);
    CHECK(contains(run.err, "error[E-CASE-READ]"));
    CHECK(contains(run.err, "is not a regular file"));
  }
  SECTION("a directory") {
    const CliRun run = run_cli(eval_args(data("cases")));
    CHECK(run.exit_code == 2);
    CHECK(contains(run.err, "error[E-CASE-READ]"));
  }
  SECTION("a symbolic link loop") {
    const fs::path loop = temp_path("loop.yaml");
    fs::create_symlink(loop, loop);
    const CliRun run = run_cli(eval_args(loop.string()));
    fs::remove(loop);
    CHECK(run.exit_code == 2);
    CHECK(contains(run.err, "error[E-CASE-READ]"));
  }
  SECTION("a file larger than a case may be") {
    const fs::path big = temp_path("big.yaml");
    write_file(big, std::string((1u << 20) + 1, ' '));
    const CliRun run = run_cli(eval_args(big.string()));
    fs::remove(big);
    CHECK(run.exit_code == 2);
    CHECK(contains(run.err, "error[E-CASE-TOO-LARGE]"));
    CHECK(contains(run.err, "1048576"));
  }
  SECTION("standard input larger than a case may be") {
    const fs::path big = temp_path("big-stdin.json");
    write_file(big, std::string((1u << 20) + 1, ' '));
    const CliRun run = run_cli(eval_args("-"), big.string());
    fs::remove(big);
    CHECK(run.exit_code == 2);
    CHECK(contains(run.err, "<stdin>: error[E-CASE-TOO-LARGE]"));
    CHECK(contains(run.err, "1048576"));
  }
}

TEST_CASE("a case file without a known extension is read by its content", "[cli][eval]") {
  const fs::path file = temp_path("case.txt");
  write_file(file, slurp(data("cases/rolling.json")));
  const CliRun run = run_cli(eval_args(file.string()));
  fs::remove(file);
  CHECK(run.exit_code == 0);
  CHECK(contains(run.out, "cheeks"));
}

TEST_CASE("output that cannot be written is an error, never a silent success", "[cli][hostile]") {
  const std::string redirect = GENERATE(as<std::string>{}, ">/dev/full", ">&-");
  const std::string args =
      GENERATE(as<std::string>{}, "eval -r RULES CASE", "check RULES", "test RULES", "--help");
  std::string command = args;
  replace_word(command, "RULES", quote(data("rules")));
  replace_word(command, "CASE", quote(data("cases/rolling.yaml")));
  CAPTURE(command, redirect);
  const CliRun run = run_cli(command, "/dev/null", redirect);
  CHECK(run.exit_code == 2);
  CHECK(contains(run.err, "scarwise: error: cannot write the output"));
}
