#include "load/loader.hpp"

#include "load/layer_chain.hpp"
#include "load/ruleset_builder.hpp"
#include "load/source_files.hpp"
#include "io/json_fragments.hpp"
#include "support/sha256.hpp"

#include <algorithm>
#include <map>
#include <tuple>

namespace scarwise::internal {
namespace {

/// Replays `diagnostics` into `sink` ordered by file (in the order the files were opened),
/// line and column; findings without a position come first in their file.
void replay_in_source_order(std::vector<Diagnostic> diagnostics,
                            const std::vector<std::string>& opened, DiagnosticSink& sink) {
  std::map<std::string, std::size_t> file_rank;
  for (const std::string& file : opened) file_rank.emplace(file, file_rank.size());
  const auto rank = [&](const Diagnostic& d) {
    const auto it = file_rank.find(d.file);
    return it == file_rank.end() ? file_rank.size() : it->second;
  };
  std::stable_sort(diagnostics.begin(), diagnostics.end(),
                   [&](const Diagnostic& a, const Diagnostic& b) {
                     return std::make_tuple(rank(a), a.line, a.column) <
                            std::make_tuple(rank(b), b.line, b.column);
                   });
  for (Diagnostic& d : diagnostics) {
    const SourceLoc at{d.file, d.line, d.column};
    if (d.severity == Severity::error) {
      sink.error(at, std::move(d.code), std::move(d.message), std::move(d.hint));
    } else {
      sink.warning(at, std::move(d.code), std::move(d.message), std::move(d.hint));
    }
  }
}

/// Each layer's digest over its own files; the rule set's digest is its only layer's, or, for a
/// chain, the digest over the layers' digests, base first (docs/rule-format.md §13).
void set_digests(const SourceSet& sources, RuleSetModel& model) {
  std::vector<std::vector<SourceFileInfo>> files(model.layers.size());
  for (const SourceFile& file : sources.files) {
    files.at(file.layer).push_back({file.relative_path, file.doc.text});
  }
  Sha256 chain;
  for (std::size_t i = 0; i < files.size(); ++i) {
    model.layers[i].digest = ruleset_digest(std::move(files[i]));
    chain.update(model.layers[i].digest);
    chain.update("\n");
  }
  model.digest = model.layers.size() == 1 ? model.layers.front().digest : chain.tagged_digest();
}

std::shared_ptr<const RuleSetModel> build(SourceSet& sources, const LoadOptions& options,
                                          DiagnosticSink& local, DiagnosticSink& sink) {
  std::shared_ptr<RuleSetModel> model;
  // Past the error limit nothing more would be reported, so the rules are not even read; nor
  // are they when a base is missing, since each reference to it would be one more error.
  if (!sources.files.empty() && !local.errors_dropped() &&
      !(sources.base_missing && local.has_errors())) {
    RuleSetBuilder builder(options, local);
    builder.read(sources);
    model = builder.finish(sources);
  }
  std::vector<Diagnostic> diagnostics = local.take();
  const std::string root = sources.opened.empty() ? std::string() : sources.opened.front();
  local.add_truncation_notes({root, 0, 0}, "LoadOptions::max_errors", "LoadOptions::max_warnings");
  std::vector<Diagnostic> notes = local.take();
  if (model) {
    set_digests(sources, *model);
    model->root_file = root;
    for (const std::vector<Diagnostic>* list : {&diagnostics, &notes}) {
      for (const Diagnostic& d : *list) {
        if (d.severity == Severity::warning) model->warnings.push_back(d);
      }
    }
    json_fragments(*model);  // complete now: render its output once, at load
  }
  replay_in_source_order(std::move(diagnostics), sources.opened, sink);
  // The notes about what was left out come last, whatever their position.
  for (Diagnostic& d : notes) {
    const SourceLoc at{d.file, d.line, d.column};
    if (d.severity == Severity::error) {
      sink.error(at, std::move(d.code), std::move(d.message), std::move(d.hint));
    } else {
      sink.warning(at, std::move(d.code), std::move(d.message), std::move(d.hint));
    }
  }
  return model;
}

}  // namespace

std::string ruleset_digest(std::vector<SourceFileInfo> files) {
  std::sort(files.begin(), files.end(),
            [](const SourceFileInfo& a, const SourceFileInfo& b) { return a.path < b.path; });
  Sha256 hasher;
  for (const SourceFileInfo& file : files) {
    hasher.update(file.path);
    hasher.update("\n");
    hasher.update(std::to_string(file.bytes.size()));
    hasher.update("\n");
    hasher.update(file.bytes);
  }
  return hasher.tagged_digest();
}

std::shared_ptr<const RuleSetModel> load_ruleset_file(const std::string& path,
                                                      const LoadOptions& options,
                                                      DiagnosticSink& sink) {
  DiagnosticSink local(options.max_errors, options.max_warnings);
  SourceSet sources = read_layered_files(path, options, local);
  return build(sources, options, local, sink);
}

std::shared_ptr<const RuleSetModel> load_ruleset_string(const std::string& yaml,
                                                        const std::string& name,
                                                        const LoadOptions& options,
                                                        DiagnosticSink& sink) {
  DiagnosticSink local(options.max_errors, options.max_warnings);
  SourceSet sources = read_layered_string(yaml, name, options, local);
  return build(sources, options, local, sink);
}

}  // namespace scarwise::internal
