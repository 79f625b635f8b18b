#include "load/source_files.hpp"

#include <algorithm>
#include <filesystem>
#include <map>
#include <optional>
#include <set>

#include "load/file_reader.hpp"
#include "load/schema_reader.hpp"
#include "load/top_level.hpp"
#include "support/quote.hpp"

namespace scarwise::internal {
namespace fs = std::filesystem;
namespace {

YamlLimits yaml_limits(const LoadOptions& options) {
  return YamlLimits{options.max_file_bytes, options.max_nesting_depth};
}

/// Adds a parsed file's nodes to those of the files before it; false, after E-LIMIT-NODES at
/// `at`, once they are more than the rule set may hold. Every tree is kept until the rules are
/// read, so this bounds the memory of the whole load.
bool within_node_budget(const YamlDocument& doc, const LoadOptions& options, const SourceLoc& at,
                        std::size_t& total, DiagnosticSink& sink) {
  total += doc.nodes;
  const std::size_t budget = max_ruleset_nodes_for(options.max_total_bytes);
  if (total <= budget) return true;
  sink.error(at, "E-LIMIT-NODES",
             "the rule set's files together hold more than " + std::to_string(budget) +
                 " values, lists and maps",
             "a rule set may hold one per " + std::to_string(kTotalBytesPerNode) +
                 " bytes of its total size limit: raise LoadOptions::max_total_bytes");
  return false;
}

/// True when `path` holds a control character (a NUL would cut the path short at the system
/// call, after the escape check has seen all of it).
bool has_control_character(const std::string& path) {
  return std::any_of(path.begin(), path.end(),
                     [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7f; });
}

/// Walks the include graph depth first from the root file.
class IncludeWalker {
 public:
  IncludeWalker(const LoadOptions& options, DiagnosticSink& sink)
      : options_(options), sink_(sink) {}

  SourceSet run(const std::string& path) {
    std::optional<fs::path> root = find_root(path);
    if (!root) return std::move(result_);
    std::error_code ec;
    const fs::path canonical = fs::canonical(*root, ec);
    if (ec) {
      sink_.error({root->generic_string(), 0, 0}, "E-FILE-READ", "cannot resolve the path");
      return std::move(result_);
    }
    root_dir_ = canonical.parent_path();
    display_dir_ = root->parent_path();
    visit(canonical, root->generic_string(), canonical.filename().generic_string(), nullptr);
    return std::move(result_);
  }

 private:
  /// The root file itself: `path`, or `path`/ruleset.yaml for a directory.
  std::optional<fs::path> find_root(const std::string& path) {
    fs::path root(path);
    std::error_code ec;
    if (fs::is_directory(root, ec)) root /= "ruleset.yaml";
    const fs::file_status status = fs::status(root, ec);
    if (!fs::exists(status)) {
      sink_.error({root.generic_string(), 0, 0}, "E-FILE-NOT-FOUND",
                  "no such file: " + root.generic_string(),
                  "give a rule set's root file, or a directory that holds ruleset.yaml");
      return std::nullopt;
    }
    if (!fs::is_regular_file(status)) {
      sink_.error({root.generic_string(), 0, 0}, "E-FILE-READ", "not a regular file",
                  "rule files are plain files; devices, FIFOs and directories are refused");
      return std::nullopt;
    }
    return root;
  }

  /// Reads, parses and checks one file, then the files it includes, then records it.
  void visit(const fs::path& canonical, const std::string& display, const std::string& relative,
             const SourceLoc* included_at) {
    result_.opened.push_back(display);
    std::optional<std::string> bytes = read_bytes(canonical, display, included_at);
    if (!bytes) return;
    std::optional<YamlDocument> doc =
        parse_yaml(std::move(*bytes), display, yaml_limits(options_), sink_);
    if (!doc) return;
    const SourceLoc at = included_at ? *included_at : SourceLoc{display, 0, 0};
    if (!within_node_budget(*doc, options_, at, total_nodes_, sink_)) {
      limit_reached_ = true;
      return;
    }
    const SchemaReader reader(*doc, sink_);
    if (!check_file_top_level(reader, included_at == nullptr)) return;

    stack_.push_back({canonical, relative});
    if (const YamlNode* includes = doc->root.find("include")) {
      visit_includes(reader, *includes, canonical.parent_path());
    }
    stack_.pop_back();
    LineIndex lines(doc->text);
    result_.files.push_back(
        SourceFile{std::move(*doc), relative, included_at == nullptr, 0, std::move(lines)});
  }

  /// The bytes of one file, within both the per-file limit and what is left of the total. A
  /// problem with an included file is reported where it is included.
  std::optional<std::string> read_bytes(const fs::path& canonical, const std::string& display,
                                        const SourceLoc* included_at) {
    const SourceLoc at = included_at ? *included_at : SourceLoc{display, 0, 0};
    const std::size_t left = options_.max_total_bytes - total_bytes_;
    FileRead read = read_regular_file(canonical, std::min(options_.max_file_bytes, left));
    switch (read.status) {
      case FileRead::Status::ok:
        total_bytes_ += read.bytes.size();
        return std::move(read.bytes);
      case FileRead::Status::not_found:
        sink_.error(at, "E-FILE-NOT-FOUND", "no such file: " + display);
        return std::nullopt;
      case FileRead::Status::not_regular:
        sink_.error(at, "E-FILE-READ", display + " is not a regular file",
                    "rule files are plain files; devices, FIFOs and directories are refused");
        return std::nullopt;
      case FileRead::Status::unreadable:
        sink_.error(at, "E-FILE-READ", "cannot read " + display + ": " + read.reason);
        return std::nullopt;
      case FileRead::Status::too_large:
        break;
    }
    if (read.size > options_.max_file_bytes) {
      sink_.error(at, "E-FILE-TOO-LARGE",
                  display + " has " + std::to_string(read.size) +
                      " bytes, more than the limit of " + std::to_string(options_.max_file_bytes),
                  "split the rule set into included files or raise LoadOptions::max_file_bytes");
    } else {
      limit_reached_ = true;
      sink_.error(at, "E-LIMIT-TOTAL-SIZE",
                  "the rule set's files together exceed the limit of " +
                      std::to_string(options_.max_total_bytes) + " bytes",
                  "raise LoadOptions::max_total_bytes");
    }
    return std::nullopt;
  }

  void visit_includes(const SchemaReader& reader, const YamlNode& includes, const fs::path& dir) {
    const std::vector<YamlNode>* items = reader.read_list(includes, "include");
    if (!items) return;
    for (const YamlNode& item : *items) {
      const std::optional<std::string> path = reader.read_string(item, "include");
      if (path) visit_include(reader.loc(item), *path, dir);
    }
  }

  void visit_include(const SourceLoc& at, const std::string& path, const fs::path& dir) {
    // After a limit, or once errors are no longer reported, reading on would only cost time.
    if (limit_reached_ || sink_.errors_dropped()) return;
    if (path.empty()) {
      sink_.error(at, "E-BAD-VALUE", "an include path must not be empty");
      return;
    }
    if (has_control_character(path)) {
      sink_.error(at, "E-BAD-VALUE", "an include path must not hold control characters",
                  "write the file's relative path, e.g. facts.yaml");
      return;
    }
    const std::optional<Resolved> resolved = resolve(at, path, dir);
    if (!resolved) return;
    const auto& [target, name] = *resolved;
    if (in_stack(target)) {
      report_cycle(at, target, name);
      return;
    }
    if (!seen_.insert(target).second) return;  // a diamond: already read once
    if (++files_ > options_.max_files) {
      limit_reached_ = true;
      sink_.error(at, "E-LIMIT-FILES",
                  "the rule set has more than " + std::to_string(options_.max_files) + " files",
                  "raise LoadOptions::max_files");
      return;
    }
    visit(target, (display_dir_ / name).lexically_normal().generic_string(), name, &at);
  }

  /// An include's canonical target and its path relative to the root directory.
  struct Resolved {
    fs::path target;
    std::string relative;
  };

  /// Resolves an include, following symbolic links, and checks that it stays inside the root
  /// directory and names a regular file. Paths already resolved are remembered, so that a file
  /// listing the same include thousands of times costs no file-system call after the first.
  /// (A path with ".." is not remembered: after a symbolic link, ".." is not lexical.)
  std::optional<Resolved> resolve(const SourceLoc& at, const std::string& path,
                                  const fs::path& dir) {
    const fs::path given(path);
    const bool absolute = given.is_absolute() || given.has_root_name();
    const bool climbs = std::find(given.begin(), given.end(), "..") != given.end();
    const fs::path key = (dir / given).lexically_normal();
    if (!absolute && !climbs) {
      const auto known = resolved_.find(key);
      if (known != resolved_.end()) return known->second;
    }
    std::error_code ec;
    const fs::path target = fs::weakly_canonical(dir / given, ec);
    const fs::path relative = ec ? fs::path() : target.lexically_relative(root_dir_);
    if (absolute || relative.empty() || *relative.begin() == "..") {
      sink_.error(at, "E-INCLUDE-ESCAPE",
                  "include " + quote(path) + " leaves the rule set's directory",
                  "includes are relative paths to files under the root file's directory");
      return std::nullopt;
    }
    const fs::file_status status = fs::status(target, ec);
    if (!fs::exists(status)) {
      sink_.error(at, "E-FILE-NOT-FOUND", "included file not found: " + quote(path));
      return std::nullopt;
    }
    if (!fs::is_regular_file(status)) {
      sink_.error(at, "E-FILE-READ", "included path is not a regular file: " + quote(path),
                  "rule files are plain files; devices, FIFOs and directories are refused");
      return std::nullopt;
    }
    Resolved out{target, relative.generic_string()};
    if (!climbs) resolved_.emplace(key, out);
    return out;
  }

  bool in_stack(const fs::path& target) const {
    return std::any_of(stack_.begin(), stack_.end(),
                       [&](const auto& entry) { return entry.first == target; });
  }

  void report_cycle(const SourceLoc& at, const fs::path& target, const std::string& name) {
    std::string chain;
    bool on_cycle = false;
    for (const auto& [path, relative] : stack_) {
      on_cycle = on_cycle || path == target;
      if (on_cycle) chain += shown(relative) + " -> ";
    }
    sink_.error(at, "E-INCLUDE-CYCLE", "include cycle: " + chain + shown(name),
                "remove one of the includes that close the cycle");
  }

  const LoadOptions& options_;
  DiagnosticSink& sink_;
  fs::path root_dir_;     ///< canonical directory of the root file
  fs::path display_dir_;  ///< the same directory as the caller named it
  std::vector<std::pair<fs::path, std::string>> stack_;  ///< files being read: canonical, relative
  std::set<fs::path> seen_;
  std::map<fs::path, Resolved> resolved_;  ///< includes already resolved, by normalized path
  std::size_t files_ = 1;
  std::size_t total_bytes_ = 0;
  std::size_t total_nodes_ = 0;
  bool limit_reached_ = false;
  SourceSet result_;
};

}  // namespace

SourceSet read_source_files(const std::string& path, const LoadOptions& options,
                            DiagnosticSink& sink) {
  return IncludeWalker(options, sink).run(path);
}

SourceSet read_source_string(std::string yaml, const std::string& name, const LoadOptions& options,
                             DiagnosticSink& sink) {
  SourceSet result;
  result.opened.push_back(name);
  // The per-file limit comes first (parse_yaml reports it); a single file can still exceed a
  // lower total.
  if (yaml.size() <= options.max_file_bytes && yaml.size() > options.max_total_bytes) {
    sink.error(
        {name, 0, 0}, "E-LIMIT-TOTAL-SIZE",
        "the rule set exceeds the limit of " + std::to_string(options.max_total_bytes) + " bytes",
        "raise LoadOptions::max_total_bytes");
    return result;
  }
  std::optional<YamlDocument> doc = parse_yaml(std::move(yaml), name, yaml_limits(options), sink);
  std::size_t nodes = 0;
  if (!doc || !within_node_budget(*doc, options, {name, 0, 0}, nodes, sink)) return result;
  const SchemaReader reader(*doc, sink);
  if (!check_file_top_level(reader, true)) return result;
  if (const YamlNode* includes = doc->root.find_key("include")) {
    reader.error(*includes, "E-UNSUPPORTED", "a rule set loaded from memory cannot include files",
                 "load the rule set from its file instead");
  }
  LineIndex lines(doc->text);
  result.files.push_back(SourceFile{std::move(*doc), name, true, 0, std::move(lines)});
  return result;
}

}  // namespace scarwise::internal
