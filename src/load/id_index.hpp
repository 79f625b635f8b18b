// The ids declared in one catalogue (evidence, treatments, precautions, aftercare, rules),
// across all files of a rule set: duplicate detection and reference resolution.
#pragma once

#include "load/schema_reader.hpp"
#include "model/ruleset_model.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace scarwise::internal {

class IdIndex {
 public:
  /// `kind` names one id in messages, e.g. "treatment"; `section` is the top-level key that
  /// declares them, e.g. "treatments" (empty for rules).
  IdIndex(std::string kind, std::string section)
      : kind_(std::move(kind)), section_(std::move(section)) {}

  const std::string& kind() const noexcept { return kind_; }
  std::size_t size() const noexcept { return ids_.size(); }

  /// Declares `id`, written at `node`; E-DUPLICATE-ID (hint: the first declaration) and
  /// nullopt when it exists already.
  std::optional<CatalogueId> declare(const SchemaReader& reader, const YamlNode& node,
                                     const std::string& id);
  std::optional<CatalogueId> find(std::string_view id) const;

  /// Resolves a list of references (E-TYPE, E-UNKNOWN-REF with did-you-mean,
  /// E-DUPLICATE-VALUE). `ok` becomes false on any error.
  std::vector<CatalogueId> resolve_list(const SchemaReader& reader, const YamlNode& list,
                                        std::string_view what, bool& ok) const;

 private:
  std::string kind_;
  std::string section_;
  std::unordered_map<std::string, CatalogueId> by_id_;
  std::vector<std::string> ids_;
  std::vector<SourceLoc> locs_;
};

/// "file:line:col" of a location, for hints that point at another declaration.
std::string describe_loc(const SourceLoc& loc);

}  // namespace scarwise::internal
