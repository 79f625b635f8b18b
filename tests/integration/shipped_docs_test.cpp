// The documents and files that ship (README, docs/, rules/, examples/, include/) refer only to
// what ships: every relative link leads to a file and, for Markdown, to a heading or anchor in
// it; every `scarwise <command>` is a command the tool has, or is said to be planned; nothing
// cites the design notes, which are not part of the project's files.
#include <catch2/catch.hpp>

#include <cctype>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

const fs::path kSource = SCARWISE_SOURCE_DIR;

std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::vector<fs::path> shipped_files() {
  std::vector<fs::path> files = {kSource / "README.md"};
  for (const char* dir : {"docs", "rules", "examples", "include"}) {
    for (const auto& entry : fs::recursive_directory_iterator(kSource / dir)) {
      if (entry.is_regular_file()) files.push_back(entry.path());
    }
  }
  return files;
}

/// GitHub's anchor for a heading: lower case, punctuation dropped, spaces as '-'.
std::string slug(const std::string& heading) {
  std::string out;
  for (const char c : heading) {
    const auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u) || c == '-' || c == '_' || u >= 0x80) {
      out += static_cast<char>(std::tolower(u));
    } else if (c == ' ') {
      out += '-';
    }
  }
  return out;
}

std::set<std::string> anchors_of(const fs::path& markdown) {
  std::set<std::string> anchors;
  std::istringstream lines(read_text(markdown));
  static const std::regex heading(R"(^#+\s+(.*)$)");
  static const std::regex anchor(R"re(<a id="([^"]+)")re");
  for (std::string line; std::getline(lines, line);) {
    std::smatch m;
    if (std::regex_match(line, m, heading)) anchors.insert(slug(m[1]));
    for (std::sregex_iterator it(line.begin(), line.end(), anchor), end; it != end; ++it) {
      anchors.insert((*it)[1]);
    }
  }
  return anchors;
}

std::string shown_path(const fs::path& file) { return file.lexically_relative(kSource).string(); }

}  // namespace

TEST_CASE("shipped files link only to files and headings that exist", "[docs]") {
  static const std::regex link(R"(\]\(([^)\s]+)\))");
  for (const fs::path& file : shipped_files()) {
    if (file.extension() != ".md") continue;
    const std::string text = read_text(file);
    for (std::sregex_iterator it(text.begin(), text.end(), link), end; it != end; ++it) {
      const std::string target = (*it)[1];
      if (target.rfind("http", 0) == 0 || target.rfind("mailto:", 0) == 0) continue;
      const std::string path = target.substr(0, target.find('#'));
      const fs::path resolved = path.empty() ? file : (file.parent_path() / path);
      INFO(shown_path(file) << " links to " << target);
      REQUIRE(fs::exists(resolved));
      if (target.find('#') == std::string::npos || resolved.extension() != ".md") continue;
      CHECK(anchors_of(resolved).count(target.substr(target.find('#') + 1)) == 1);
    }
  }
}

TEST_CASE("shipped files name only commands the tool has, or say they are planned", "[docs]") {
  // Every name must be a command or marked planned.
  const std::set<std::string> commands = {"eval",    "check",   "test", "batch",
                                          "explain", "analyze", "diff"};
  static const std::regex command(R"((?:`|\$ )scarwise ([a-z][a-z-]*))");
  for (const fs::path& file : shipped_files()) {
    const std::string text = read_text(file);
    for (std::sregex_iterator it(text.begin(), text.end(), command), end; it != end; ++it) {
      const std::string name = (*it)[1];
      if (commands.count(name) == 1) continue;
      // The sentence around the name must say that the command is planned.
      const std::size_t at = static_cast<std::size_t>(it->position());
      const std::size_t before = text.rfind('.', at);
      const std::size_t from = before == std::string::npos ? 0 : before;
      const std::size_t to = text.find('.', at);
      const std::string sentence =
          text.substr(from, to == std::string::npos ? std::string::npos : to - from);
      INFO(shown_path(file) << " names 'scarwise " << name << "'");
      CHECK(sentence.find("planned") != std::string::npos);
    }
  }
}

TEST_CASE("shipped files do not cite the design notes, which do not ship", "[docs]") {
  for (const fs::path& file : shipped_files()) {
    INFO(shown_path(file));
    CHECK(read_text(file).find("DESIGN") == std::string::npos);
  }
}
