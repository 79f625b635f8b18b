#include "test_discovery.hpp"

#include <algorithm>
#include <filesystem>
#include <optional>

namespace scarwise::cli {

namespace {

namespace fs = std::filesystem;

Diagnostic refusal(const fs::path& path, std::string code, std::string message, std::string hint) {
  Diagnostic d;
  d.code = std::move(code);
  d.file = path.lexically_normal().generic_string();
  d.message = std::move(message);
  d.hint = std::move(hint);
  return d;
}

/// The canonical form of `path` when it lies inside `root` (itself canonical).
std::optional<fs::path> inside(const fs::path& path, const fs::path& root) {
  std::error_code ec;
  const fs::path target = fs::weakly_canonical(path, ec);
  if (ec) return std::nullopt;
  const fs::path relative = target.lexically_relative(root);
  if (relative.empty() || *relative.begin() == "..") return std::nullopt;
  return target;
}

Diagnostic escape(const fs::path& path, const char* what) {
  return refusal(path, "E-TEST-ESCAPE",
                 std::string(what) + " is a link that leaves the rule set's directory",
                 "test files must lie inside the rule set's directory; copy the file there "
                 "instead of linking to it");
}

/// Checks one *.yaml entry of the tree; adds it to the files or says why it is refused.
void consider(const fs::directory_entry& entry, const fs::path& root, TestDiscovery& found) {
  std::error_code ec;
  const fs::path& path = entry.path();
  if (entry.is_symlink(ec) && !inside(path, root)) {
    found.diagnostics.push_back(escape(path, "the test file"));
    return;
  }
  if (!entry.is_regular_file(ec)) {
    found.diagnostics.push_back(refusal(
        path, "E-FILE-READ", "the test file is not a regular file",
        "test files are plain files; devices, FIFOs, directories and dangling links are refused"));
    return;
  }
  found.files.push_back(path.lexically_normal().generic_string());
}

}  // namespace

TestDiscovery find_test_files(const std::string& rules_dir) {
  TestDiscovery found;
  std::error_code ec;
  const fs::path root = fs::weakly_canonical(rules_dir, ec);
  const fs::path dir = fs::path(rules_dir) / "tests";
  if (ec || !fs::is_directory(dir, ec)) return found;
  if (!inside(dir, root)) {
    found.diagnostics.push_back(escape(dir, "the tests directory"));
    return found;
  }
  for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    std::error_code status_ec;
    if (it->path().extension() == ".yaml") {
      consider(*it, root, found);
    } else if (it->is_symlink(status_ec) && it->is_directory(status_ec) &&
               !inside(it->path(), root)) {
      found.diagnostics.push_back(escape(it->path(), "the directory"));
    }
  }
  if (ec) {
    found.diagnostics.push_back(refusal(dir, "E-FILE-READ",
                                        "the tests directory cannot be read: " + ec.message(),
                                        "check its permissions"));
  }
  std::sort(found.files.begin(), found.files.end());
  return found;
}

}  // namespace scarwise::cli
