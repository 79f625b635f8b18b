// Test helpers shared by the loader's unit tests: load a rule set from memory or a file and
// keep both the model (null on failure) and every diagnostic.
#pragma once

#include "load/loader.hpp"
#include "model/ruleset_model.hpp"
#include "support/diagnostic_sink.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace scarwise::test {

struct Loaded {
  std::shared_ptr<const internal::RuleSetModel> model;
  std::vector<Diagnostic> diagnostics;

  std::vector<Diagnostic> errors() const {
    std::vector<Diagnostic> out;
    for (const Diagnostic& d : diagnostics) {
      if (d.severity == Severity::error) out.push_back(d);
    }
    return out;
  }
  const internal::Rule& rule(const std::string& id) const {
    const auto it = std::find_if(model->rules.begin(), model->rules.end(),
                                 [&](const internal::Rule& r) { return r.id == id; });
    REQUIRE(it != model->rules.end());
    return *it;
  }
  const internal::FactDecl& fact(const std::string& name) const {
    const std::optional<internal::FactId> id = model->vocabulary.find(name);
    REQUIRE(id);
    return model->vocabulary.fact(*id);
  }
};

/// Loads a single-file rule set from memory under the name "mem.yaml".
inline Loaded load_string(const std::string& yaml, const LoadOptions& options = {}) {
  internal::DiagnosticSink sink;
  Loaded loaded;
  loaded.model = internal::load_ruleset_string(yaml, "mem.yaml", options, sink);
  loaded.diagnostics = sink.take();
  return loaded;
}

/// Loads the rule set rooted at `path` (a file, or a directory holding ruleset.yaml).
inline Loaded load_file(const std::filesystem::path& path, const LoadOptions& options = {}) {
  internal::DiagnosticSink sink;
  Loaded loaded;
  loaded.model = internal::load_ruleset_file(path.string(), options, sink);
  loaded.diagnostics = sink.take();
  return loaded;
}

}  // namespace scarwise::test
