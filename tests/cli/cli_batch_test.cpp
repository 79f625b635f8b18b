// `scarwise batch`: a JSON Lines stream in, one line out per case, in order, on any number of
// threads; rejected cases are reported in place and set the exit code.
#include <catch2/catch.hpp>

#include "cli_process.hpp"
#include "cli_runner.hpp"

#include <sstream>
#include <vector>

using namespace scarwise_cli_test;

namespace {

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

CliRun batch(const std::string& extra, const std::string& input) {
  return run_cli("batch -r " + quote(data("rules")) + " " + extra, input);
}

/// A stream of `count` valid cases, numbered through their scar ids.
std::string write_stream(int count) {
  const std::string path = temp_path("stream.jsonl").string();
  std::ofstream out(path);
  for (int i = 0; i < count; ++i) {
    out << R"({"patient": {"pregnant": false, "fitzpatrick": )" << 1 + i % 6
        << R"(}, "scars": [{"id": "case-)" << i << R"(", "type": "rolling", "severity": 2}]})"
        << '\n';
  }
  return path;
}

/// A case on one line with `unknown` patient facts that the rule set does not declare.
std::string case_with_unknown_facts(int unknown, const std::string& id) {
  std::string line = R"({"patient": {)";
  for (int i = 0; i < unknown; ++i) {
    line += std::string(i ? ", " : "") + "\"no_such_fact_" + std::to_string(i) + "\": true";
  }
  return line + R"(}, "scars": [{"id": ")" + id + R"(", "type": "rolling"}]})";
}

/// A valid case padded with spaces to about `bytes` bytes, as JSON allows.
std::string padded_case(std::size_t bytes, int number) {
  const std::string head = R"({"patient": {"pregnant": false},)";
  const std::string tail =
      R"("scars": [{"id": "case-)" + std::to_string(number) + R"(", "type": "rolling"}]})";
  return head + std::string(bytes - head.size() - tail.size(), ' ') + tail;
}

}  // namespace

TEST_CASE("batch answers every non-blank line in order, rejections in place", "[cli][batch]") {
  const CliRun run = batch("", data("cases/stream.jsonl"));
  CHECK(run.exit_code == 1);
  CHECK(contains(run.err, "2 of 5 cases rejected"));
  const std::vector<std::string> lines = lines_of(run.out);
  REQUIRE(lines.size() == 5);
  CHECK(contains(lines[0], R"("format":"scarwise.assessment/1")"));
  CHECK(contains(lines[0], R"("id":"first")"));
  CHECK(lines[1].rfind(
            R"({"line":3,"diagnostics":[{"severity":"error","code":"E-CASE-UNKNOWN-FACT")", 0) ==
        0);
  CHECK(contains(lines[1], R"("hint":"did you mean 'fitzpatrick'?")"));
  CHECK(contains(lines[2], R"("id":"third")"));
  CHECK(contains(lines[2], R"("suitability":"defer")"));
  CHECK(lines[3].rfind(R"({"line":5,"diagnostics":[{"severity":"error","code":"E-CASE-SYNTAX")",
                       0) == 0);
  CHECK(contains(lines[4], R"("id":"last")"));
}

TEST_CASE("batch output is the same on one thread and on several", "[cli][batch]") {
  const std::string stream = write_stream(500);
  const CliRun one = batch("--threads 1", stream);
  const CliRun four = batch("--threads 4", stream);
  std::filesystem::remove(stream);
  CHECK(one.exit_code == 0);
  CHECK(one.err.empty());
  CHECK(four.exit_code == 0);
  const std::vector<std::string> lines = lines_of(one.out);
  REQUIRE(lines.size() == 500);
  CHECK(contains(lines[0], R"("id":"case-0")"));
  CHECK(contains(lines[499], R"("id":"case-499")"));
  CHECK(four.out == one.out);
}

TEST_CASE("batch lines are the eval JSON record on one line", "[cli][batch]") {
  const std::string case_text =
      R"({"patient": {"pregnant": false, "fitzpatrick": 5}, )"
      R"("scars": [{"id": "cheeks", "type": "rolling", "severity": 3}]})";
  const std::string case_file = temp_path("case.json").string();
  std::ofstream(case_file) << case_text << '\n';
  const CliRun line = batch("--explain", case_file);
  const CliRun pretty =
      run_cli("eval -r " + quote(data("rules")) + " --format json --explain " + quote(case_file));
  std::filesystem::remove(case_file);
  REQUIRE(line.exit_code == 0);
  REQUIRE(pretty.exit_code == 0);
  // The pretty record without its layout: indentation, line breaks and the space after ':'.
  std::string flattened;
  bool in_string = false;
  for (std::size_t i = 0; i < pretty.out.size(); ++i) {
    const char c = pretty.out[i];
    if (c == '"' && (i == 0 || pretty.out[i - 1] != '\\')) in_string = !in_string;
    if (in_string || (c != ' ' && c != '\n')) flattened += c;
  }
  CHECK(line.out == flattened + "\n");
  CHECK(contains(line.out, R"("trace":[)"));
}

TEST_CASE("batch rejects an oversized line without losing the lines after it", "[cli][batch]") {
  const std::string stream = temp_path("huge.jsonl").string();
  {
    std::ofstream out(stream);
    out << R"({"patient": {"note": ")" << std::string(2u << 20, 'a') << "\"}}\n";
    out << R"({"patient": {"pregnant": false}, "scars": [{"id": "after", "type": "rolling"}]})"
        << '\n';
  }
  const CliRun run = batch("", stream);
  std::filesystem::remove(stream);
  CHECK(run.exit_code == 1);
  const std::vector<std::string> lines = lines_of(run.out);
  REQUIRE(lines.size() == 2);
  CHECK(contains(lines[0], R"("code":"E-CASE-TOO-LARGE")"));
  CHECK(contains(lines[1], R"("id":"after")"));
}

TEST_CASE("batch with an empty stream prints nothing and succeeds", "[cli][batch]") {
  const CliRun run = batch("", "/dev/null");
  CHECK(run.exit_code == 0);
  CHECK(run.out.empty());
  CHECK(run.err.empty());
}

TEST_CASE("batch refuses a rule set that does not load, and bad options", "[cli][batch]") {
  const CliRun bad_rules =
      run_cli("batch -r " + quote(data("bad_rules")), data("cases/stream.jsonl"));
  CHECK(bad_rules.exit_code == 2);
  CHECK(bad_rules.out.empty());
  CHECK(contains(bad_rules.err, "ruleset.yaml:"));
  CHECK(batch("--threads 0", "/dev/null").exit_code == 2);
  CHECK(run_cli("batch", "/dev/null").exit_code == 2);  // --rules is required
}

TEST_CASE("batch keeps a rejected line's output small", "[cli][batch]") {
  const std::string stream = temp_path("errors.jsonl").string();
  {
    std::ofstream out(stream);
    out << case_with_unknown_facts(20000, "full-of-errors") << '\n';
    out << R"({"patient": {"pregnant": false}, "scars": [{"id": "after", "type": "rolling"}]})"
        << '\n';
  }
  const CliRun run = batch("", stream);
  std::filesystem::remove(stream);
  CHECK(run.exit_code == 1);
  const std::vector<std::string> lines = lines_of(run.out);
  REQUIRE(lines.size() == 2);
  CHECK(lines[0].size() < 64u * 1024);
  CHECK(contains(lines[0], R"("code":"E-LIMIT-ERRORS")"));
  CHECK(contains(lines[1], R"("id":"after")"));
}

TEST_CASE("batch writes each result before it reads on", "[cli][batch]") {
  // With standard input still open, every answer must come out without waiting for more input:
  // nothing is held back to fill a chunk, so memory does not grow with the stream.
  CliProcess scarwise({"batch", "-r", data("rules"), "--threads", "2"});
  for (int i = 0; i < 3; ++i) {
    const std::string id = "streamed-" + std::to_string(i);
    REQUIRE(scarwise.write_line(R"({"patient": {"pregnant": false}, "scars": [{"id": ")" + id +
                                R"(", "type": "rolling"}]})"));
    CHECK(contains(scarwise.read_line(), R"("id":")" + id + "\""));
  }
  REQUIRE(scarwise.write_line(case_with_unknown_facts(3, "rejected")));
  CHECK(contains(scarwise.read_line(), R"({"line":4,"diagnostics":)"));
  CHECK(scarwise.finish() == 1);
}

TEST_CASE("batch answers the lines it has while the next one is still arriving", "[cli][batch]") {
  // Input is read in blocks and cases are assessed in chunks, but a chunk never waits for more
  // input: the first case is answered while the second is half sent, and the half is kept.
  CliProcess scarwise({"batch", "-r", data("rules"), "--threads", "1"});
  const std::string second =
      R"({"patient": {"pregnant": false}, "scars": [{"id": "second", "type": "rolling"}]})";
  REQUIRE(scarwise.write_text(
      R"({"patient": {"pregnant": false}, "scars": [{"id": "first", "type": "rolling"}]})"
      "\n" +
      second.substr(0, 30)));
  CHECK(contains(scarwise.read_line(), R"("id":"first")"));
  REQUIRE(scarwise.write_text(second.substr(30) + "\n \r\n"));
  CHECK(contains(scarwise.read_line(), R"("id":"second")"));
  REQUIRE(scarwise.write_text(case_with_unknown_facts(1, "rejected")));  // no final newline
  scarwise.close_input();
  CHECK(contains(scarwise.read_line(), R"({"line":4,"diagnostics":)"));
  CHECK(scarwise.finish() == 1);
}

TEST_CASE("batch keeps order, line numbers and blank lines across chunks", "[cli][batch]") {
  // Lines of uneven length, blank ones and rejected ones, so that chunk and block boundaries
  // fall everywhere: one and several threads give the same lines, each in its place.
  const std::string stream = temp_path("mixed.jsonl").string();
  std::vector<std::string> expected;  // what each non-blank line must be answered with
  {
    std::ofstream out(stream, std::ios::binary);
    for (int number = 1; number <= 3000; ++number) {
      if (number % 7 == 0) {
        out << (number % 14 == 0 ? "  \r\n" : "\n");
        continue;
      }
      const std::string id = "case-" + std::to_string(number);
      if (number % 11 == 0) {
        out << case_with_unknown_facts(number % 5 + 1, id) << '\n';
        expected.push_back(R"({"line":)" + std::to_string(number) + ",");
      } else {
        out << padded_case(200 + static_cast<std::size_t>(number * 37 % 900), number)
            << (number % 3 == 0 ? "\r\n" : "\n");
        expected.push_back(R"("id":")" + id + "\"");
      }
    }
    out << R"({"patient": {"pregnant": false}, "scars": [{"id": "unterminated", "type": "rolling"}]})";
    expected.push_back(R"("id":"unterminated")");
  }
  const CliRun one = batch("-j 1", stream);
  const CliRun three = batch("-j 3", stream);
  std::filesystem::remove(stream);
  CHECK(one.exit_code == 1);
  CHECK(contains(one.err, "234 of " + std::to_string(expected.size()) + " cases rejected"));
  CHECK(three.out == one.out);
  const std::vector<std::string> lines = lines_of(one.out);
  REQUIRE(lines.size() == expected.size());
  for (std::size_t i = 0; i < lines.size(); ++i) {
    INFO("output line " << i + 1);
    CHECK(contains(lines[i], expected[i]));
  }
}

TEST_CASE("batch takes a line of exactly the case limit and rejects one byte more",
          "[cli][batch]") {
  const std::size_t limit = 1u << 20;  // CaseOptions::max_bytes
  const std::string stream = temp_path("limit.jsonl").string();
  {
    std::ofstream out(stream, std::ios::binary);
    out << padded_case(limit, 1) << '\n' << padded_case(limit + 1, 2) << '\n';
    out << padded_case(300, 3) << '\n';
  }
  const CliRun run = batch("", stream);
  std::filesystem::remove(stream);
  CHECK(run.exit_code == 1);
  const std::vector<std::string> lines = lines_of(run.out);
  REQUIRE(lines.size() == 3);
  CHECK(contains(lines[0], R"("id":"case-1")"));
  CHECK(lines[1].rfind(R"({"line":2,"diagnostics":[{"severity":"error","code":"E-CASE-TOO-LARGE",)"
                       R"("file":"<stdin> line 2")",
                       0) == 0);
  CHECK(contains(lines[2], R"("id":"case-3")"));
}

TEST_CASE("batch fails with exit code 2 when its input cannot be read", "[cli][batch]") {
  const CliRun run = batch("", std::filesystem::temp_directory_path().string());
  CHECK(run.exit_code == 2);
  CHECK(contains(run.err, "scarwise: error: cannot read the input"));
}

TEST_CASE("batch memory does not grow with the stream or the thread count", "[cli][batch]") {
  if (kSanitized) return;  // sanitizers keep freed memory in quarantine
  // 4096 valid cases of 16 KiB (64 MiB) on 64 threads: memory holds a bounded number of lines
  // per thread, never the stream.
  const std::string stream = temp_path("padded.jsonl").string();
  {
    std::ofstream out(stream);
    for (int i = 0; i < 4096; ++i) out << padded_case(16u << 10, i) << '\n';
  }
  const MeasuredRun run = run_measured({"batch", "-r", data("rules"), "--threads", "64"}, stream);
  std::filesystem::remove(stream);
  CHECK(run.exit_code == 0);
  CHECK(run.peak_kib < 48 * 1024);
}

namespace {

std::size_t count(const std::string& text, const std::string& part) {
  std::size_t n = 0;
  for (std::size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
  return n;
}

}  // namespace

TEST_CASE("batch fails with exit code 2 when its output cannot be written", "[cli][batch]") {
  const std::string err = temp_path("err.txt").string();
  const std::string command = quote(SCARWISE_CLI) + " batch -r " + quote(data("rules")) + " <" +
                              quote(data("cases/stream.jsonl")) + " 2>" + quote(err);
  SECTION("a full device") {
    const int status = std::system((command + " >/dev/full").c_str());
    CHECK(WEXITSTATUS(status) == 2);
    CHECK(count(slurp(err), "scarwise: error: cannot write the output") == 1);
  }
  SECTION("a closed standard output") {
    const int status = std::system((command + " >&-").c_str());
    CHECK(WEXITSTATUS(status) == 2);
    CHECK(count(slurp(err), "scarwise: error: cannot write the output") == 1);
  }
  std::filesystem::remove(err);
}
