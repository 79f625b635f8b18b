#include "load/layer_chain.hpp"

#include "load/schema_reader.hpp"
#include "support/did_you_mean.hpp"
#include "support/quote.hpp"

#include <algorithm>
#include <filesystem>
#include <optional>

#ifndef SCARWISE_INSTALLED_RULES_DIR
#define SCARWISE_INSTALLED_RULES_DIR "/usr/share/scarwise/rules"
#endif

namespace scarwise::internal {
namespace fs = std::filesystem;
namespace {

constexpr std::string_view kBundledPrefix = "scarwise:";
/// Bundled names offered as did-you-mean candidates, at most.
constexpr std::size_t kMaxBundledNames = 64;

/// A base rule set's root file: where to read it and how to name it in messages.
struct BaseRoot {
  fs::path canonical;
  std::string display;
};

bool has_control_character(std::string_view text) {
  return std::any_of(text.begin(), text.end(),
                     [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7f; });
}

bool is_regular(const fs::path& path) {
  std::error_code ec;
  return fs::is_regular_file(fs::status(path, ec));
}

/// The names of the bundled rule sets on the search path, for did-you-mean.
std::vector<std::string> bundled_names(const std::vector<std::string>& dirs) {
  std::vector<std::string> names;
  for (const std::string& dir : dirs) {
    std::error_code ec;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
      if (names.size() >= kMaxBundledNames) return names;
      if (is_regular(it->path() / "ruleset.yaml")) {
        names.push_back(it->path().filename().generic_string());
      }
    }
  }
  return names;
}

std::string listed(const std::vector<std::string>& dirs) {
  std::string out;
  for (const std::string& dir : dirs) out += (out.empty() ? "" : ", ") + quote(dir);
  return out;
}

std::optional<BaseRoot> find_bundled(const SchemaReader& reader, const YamlNode& node,
                                     const std::string& name, const LoadOptions& options) {
  if (!is_valid_id(name)) {
    reader.error(node, "E-BAD-VALUE", quote(std::string(kBundledPrefix) + name) +
                                          " does not name a bundled rule set",
                 "write scarwise:NAME with NAME in [a-z0-9._-], e.g. scarwise:default");
    return std::nullopt;
  }
  const std::vector<std::string> dirs = bundled_rules_path(options);
  for (const std::string& dir : dirs) {
    const fs::path candidate = fs::path(dir) / name / "ruleset.yaml";
    if (!is_regular(candidate)) continue;
    std::error_code ec;
    const fs::path canonical = fs::canonical(candidate, ec);
    if (!ec) return BaseRoot{canonical, candidate.lexically_normal().generic_string()};
  }
  reader.error(node, "E-EXTENDS-NOT-FOUND",
               "no bundled rule set " + quote(std::string(kBundledPrefix) + name) +
                   " in the directories searched: " + listed(dirs),
               did_you_mean(name, bundled_names(dirs),
                            "install scarwise's rule sets, or name the directory that holds " +
                                quote(name + "/ruleset.yaml") +
                                " with --rules-path DIR (LoadOptions::rules_path)"));
  return std::nullopt;
}

/// A base named by a path: relative to the extending rule set's directory and inside it.
std::optional<BaseRoot> find_relative(const SchemaReader& reader, const YamlNode& node,
                                      const std::string& path, const fs::path& canonical_dir,
                                      const fs::path& display_dir) {
  if (path.empty() || has_control_character(path)) {
    reader.error(node, "E-BAD-VALUE", "'extends' needs a rule set: scarwise:NAME or a path",
                 "e.g. extends: scarwise:default, or extends: base/ruleset.yaml");
    return std::nullopt;
  }
  const fs::path given(path);
  std::error_code ec;
  fs::path target = fs::weakly_canonical(canonical_dir / given, ec);
  const fs::path relative = ec ? fs::path() : target.lexically_relative(canonical_dir);
  if (given.is_absolute() || given.has_root_name() || relative.empty() ||
      *relative.begin() == "..") {
    reader.error(node, "E-EXTENDS-ESCAPE",
                 "'extends' names " + quote(path) + ", outside the rule set's directory",
                 "name a bundled rule set (scarwise:NAME, found on --rules-path DIR) or a path "
                 "under this rule set's directory");
    return std::nullopt;
  }
  fs::path display = display_dir / given;
  if (fs::is_directory(target, ec)) {
    target /= "ruleset.yaml";
    display /= "ruleset.yaml";
  }
  if (!is_regular(target)) {
    reader.error(node, "E-FILE-NOT-FOUND", "the rule set to extend was not found: " + quote(path),
                 "give the base's root file, or a directory that holds ruleset.yaml");
    return std::nullopt;
  }
  return BaseRoot{fs::canonical(target, ec), display.lexically_normal().generic_string()};
}

/// Where the chain goes next from a layer whose root file is `root`: nothing when it extends
/// none or after an error.
std::optional<BaseRoot> resolve_extends(const SourceFile& root, const fs::path* canonical_dir,
                                        const fs::path& display_dir, const LoadOptions& options,
                                        DiagnosticSink& sink) {
  const YamlNode* extends = root.doc.root.find("extends");
  if (!extends) return std::nullopt;
  const SchemaReader reader(root.doc, sink);
  const std::optional<std::string> text = reader.read_string(*extends, "extends");
  if (!text) return std::nullopt;
  if (text->compare(0, kBundledPrefix.size(), kBundledPrefix) == 0) {
    return find_bundled(reader, *extends, text->substr(kBundledPrefix.size()), options);
  }
  if (!canonical_dir) {
    reader.error(*extends, "E-UNSUPPORTED",
                 "a rule set loaded from memory can only extend a bundled rule set",
                 "write extends: scarwise:NAME, or load the rule set from its file");
    return std::nullopt;
  }
  return find_relative(reader, *extends, *text, *canonical_dir, display_dir);
}

const SourceFile* root_of(const SourceSet& set) {
  for (const SourceFile& file : set.files) {
    if (file.is_root) return &file;
  }
  return nullptr;
}

/// What is left of the limits for all layers together after the layers read so far.
LoadOptions remaining(const LoadOptions& options, const std::vector<SourceSet>& read) {
  LoadOptions left = options;
  std::size_t bytes = 0;
  std::size_t files = 0;
  for (const SourceSet& set : read) {
    files += set.files.size();
    for (const SourceFile& file : set.files) bytes += file.doc.text.size();
  }
  left.max_total_bytes = bytes >= options.max_total_bytes ? 0 : options.max_total_bytes - bytes;
  left.max_files = files >= options.max_files ? 0 : options.max_files - files;
  return left;
}

/// Reports E-EXTENDS-CYCLE when `next` is already in the chain.
bool closes_cycle(const std::vector<BaseRoot>& chain, const BaseRoot& next,
                  const SourceFile& from, DiagnosticSink& sink) {
  const auto first = std::find_if(chain.begin(), chain.end(),
                                  [&](const BaseRoot& r) { return r.canonical == next.canonical; });
  if (first == chain.end()) return false;
  std::string names;
  for (auto it = first; it != chain.end(); ++it) names += shown(it->display) + " -> ";
  const SchemaReader reader(from.doc, sink);
  reader.error(*from.doc.root.find("extends"), "E-EXTENDS-CYCLE",
               "extends cycle: " + names + shown(next.display),
               "a rule set cannot extend itself, directly or through others: remove one 'extends'");
  return true;
}

/// Puts the layers read (the rule set first) into one SourceSet, the furthest base first.
SourceSet flatten(std::vector<SourceSet> read) {
  SourceSet out;
  for (const SourceSet& set : read) {
    out.opened.insert(out.opened.end(), set.opened.begin(), set.opened.end());
  }
  const auto count = static_cast<std::uint32_t>(read.size());
  for (std::uint32_t i = 0; i < count; ++i) {
    SourceSet& set = read[count - 1 - i];
    for (SourceFile& file : set.files) {
      file.layer = i;
      out.files.push_back(std::move(file));
    }
  }
  return out;
}

/// Follows `extends` from the layer(s) in `read` (the rule set's own, already read).
SourceSet follow_chain(std::vector<SourceSet> read, std::vector<BaseRoot> chain,
                       const LoadOptions& options, DiagnosticSink& sink) {
  bool base_missing = false;
  while (!read.empty() && !sink.errors_dropped()) {
    const SourceFile* root = root_of(read.back());
    if (!root) {
      base_missing = read.size() > 1;  // a base was named but could not be read
      break;
    }
    const BaseRoot& current = chain.back();
    const fs::path canonical_dir = current.canonical.parent_path();
    const fs::path* dir = current.canonical.empty() ? nullptr : &canonical_dir;
    std::optional<BaseRoot> next = resolve_extends(
        *root, dir, fs::path(current.display).parent_path(), options, sink);
    if (!next) {
      base_missing = root->doc.root.find("extends") != nullptr;
      break;
    }
    if (closes_cycle(chain, *next, *root, sink)) {
      base_missing = true;
      break;
    }
    const LoadOptions left = remaining(options, read);
    if (left.max_files == 0) {
      SchemaReader(root->doc, sink)
          .error(*root->doc.root.find("extends"), "E-LIMIT-FILES",
                 "the rule set and those it extends have more than " +
                     std::to_string(options.max_files) + " files",
                 "raise LoadOptions::max_files");
      base_missing = true;
      break;
    }
    SourceSet base = read_source_files(next->display, left, sink);
    chain.push_back(std::move(*next));
    read.push_back(std::move(base));
  }
  SourceSet out = flatten(std::move(read));
  out.base_missing = base_missing;
  return out;
}

}  // namespace

std::vector<std::string> bundled_rules_path(const LoadOptions& options) {
  std::vector<std::string> dirs = options.rules_path;
  dirs.emplace_back(SCARWISE_INSTALLED_RULES_DIR);
  return dirs;
}

SourceSet read_layered_files(const std::string& path, const LoadOptions& options,
                             DiagnosticSink& sink) {
  std::vector<SourceSet> read;
  read.push_back(read_source_files(path, options, sink));
  fs::path root(path);
  std::error_code ec;
  if (fs::is_directory(root, ec)) root /= "ruleset.yaml";
  const fs::path canonical = fs::weakly_canonical(root, ec);
  return follow_chain(std::move(read), {BaseRoot{canonical, root.generic_string()}}, options,
                      sink);
}

SourceSet read_layered_string(std::string yaml, const std::string& name,
                              const LoadOptions& options, DiagnosticSink& sink) {
  std::vector<SourceSet> read;
  read.push_back(read_source_string(std::move(yaml), name, options, sink));
  return follow_chain(std::move(read), {BaseRoot{fs::path(), name}}, options, sink);
}

}  // namespace scarwise::internal
