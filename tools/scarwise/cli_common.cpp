#include "cli_common.hpp"

#include <filesystem>
#include <fstream>
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

std::optional<RuleSet> load_rules(const std::string& rules) {
  LoadResult loaded = RuleSet::try_load_file(root_file_of(rules));
  if (!loaded) {
    print_diagnostics(loaded.diagnostics(), std::cerr);
    std::cerr << "scarwise: error: cannot load the rule set " << root_file_of(rules) << '\n';
    return std::nullopt;
  }
  return loaded.value();
}

std::optional<std::string> read_input(const std::string& path) {
  std::error_code ec;
  std::ifstream file;
  if (path != "-") {
    if (!fs::is_directory(path, ec)) file.open(path, std::ios::binary);
    if (!file.is_open() || !file) {
      std::cerr << path << ": error: cannot read the file\n";
      return std::nullopt;
    }
  }
  std::istream& in = path == "-" ? std::cin : file;
  // Reading stops one byte past the limit, so that /dev/zero or a runaway pipe cannot
  // exhaust memory.
  std::string text(kMaxInputBytes + 1, '\0');
  in.read(text.data(), static_cast<std::streamsize>(text.size()));
  text.resize(static_cast<std::size_t>(in.gcount()));
  if (text.size() > kMaxInputBytes) {
    std::cerr << (path == "-" ? "<stdin>" : path) << ": error: the input is larger than "
              << (kMaxInputBytes >> 20) << " MiB\n";
    return std::nullopt;
  }
  return text;
}

}  // namespace scarwise::cli
