// docs/rule-authoring.md replayed: its files written, its commands run with the built scarwise,
// and what each prints compared with what the tutorial shows.
//
// The tutorial is written for an installed scarwise, which finds scarwise:default in
// /usr/share/scarwise/rules; here the source tree's rules/ stand in for it (SCARWISE_RULES_PATH)
// and their path is shown as the installed one.
//
// After a deliberate change of output, SCARWISE_UPDATE_DOCS=1 rewrites the outputs that no
// longer match (elided "[...]" outputs that still match are kept); review the diff.
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "doc_session.hpp"

namespace fs = std::filesystem;
using scarwise_doc_test::Step;

namespace {

const std::string kInstalledRules = "/usr/share/scarwise/rules";

std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

bool write_text(const fs::path& path, const std::string& text, bool append = false) {
  fs::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary | (append ? std::ios::app : std::ios::trunc));
  out << text;
  out.close();
  return static_cast<bool>(out);
}

std::string quote(const std::string& word) {
  std::string out = "'";
  for (const char c : word) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

void replace_all(std::string& text, const std::string& from, const std::string& to) {
  for (std::size_t at = 0; (at = text.find(from, at)) != std::string::npos; at += to.size()) {
    text.replace(at, from.size(), to);
  }
}

struct Ran {
  int exit_code = -1;
  std::vector<std::string> lines;
};

/// Runs a tutorial command in `dir` through the shell, as a reader would type it, with the
/// built scarwise first on PATH and the source tree's rule sets as the bundled ones.
Ran run_in(const fs::path& dir, const std::string& command) {
  const fs::path cli_dir = fs::path(SCARWISE_CLI).parent_path();
  const fs::path output = dir / ".output";
  const std::string rules = std::string(SCARWISE_SOURCE_DIR) + "/rules";
  const std::string line = "cd " + quote(dir.string()) + " && PATH=" + quote(cli_dir.string()) +
                           ":\"$PATH\" SCARWISE_RULES_PATH=" + quote(rules) + " COLUMNS=100 " +
                           command + " >" + quote(output.string()) + " 2>&1 </dev/null";
  const int status = std::system(line.c_str());
  Ran ran;
  ran.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  std::string text = read_text(output);
  fs::remove(output);
  replace_all(text, rules, kInstalledRules);
  replace_all(text, dir.string() + "/", "");
  ran.lines = scarwise_doc_test::split_lines(text);
  return ran;
}

std::string joined(const std::vector<std::string>& lines) {
  std::string out;
  for (const std::string& line : lines) out += line + "\n";
  return out;
}

}  // namespace

TEST_CASE("the rule-authoring tutorial's commands print what it shows", "[docs]") {
  const fs::path doc = fs::path(SCARWISE_SOURCE_DIR) / "docs" / "rule-authoring.md";
  const std::string markdown = read_text(doc);
  std::string error;
  const std::vector<Step> steps = scarwise_doc_test::read_session(markdown, error);
  INFO(error);
  REQUIRE(error.empty());
  REQUIRE(steps.size() > 10);

  const fs::path dir =
      fs::temp_directory_path() / ("scarwise-tutorial-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);

  std::vector<std::vector<std::string>> actual(steps.size());
  std::vector<bool> changed(steps.size(), false);
  for (std::size_t s = 0; s < steps.size(); ++s) {
    const Step& step = steps[s];
    INFO("docs/rule-authoring.md:" << step.line);
    if (step.kind != Step::Kind::command) {
      REQUIRE(write_text(dir / step.path, step.text, step.kind == Step::Kind::append_file));
      continue;
    }
    INFO("$ " << step.text);
    const Ran ran = run_in(dir, step.text);
    actual[s] = ran.lines;
    changed[s] = !scarwise_doc_test::output_matches(step.expected, ran.lines);
    CHECK(ran.exit_code == step.exit_code);
    INFO("printed:\n" << joined(ran.lines));
    CHECK_FALSE(changed[s]);
  }

  const char* update = std::getenv("SCARWISE_UPDATE_DOCS");
  if (update != nullptr && std::string(update) == "1") {
    REQUIRE(write_text(doc, scarwise_doc_test::rewrite_outputs(markdown, steps, actual, changed)));
    WARN("rewrote the outputs that differed in " << doc.string());
  }
  fs::remove_all(dir);
}
