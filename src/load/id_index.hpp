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

  /// Declares `id`, written at `node`, in layer `layer`; E-DUPLICATE-ID (hint: the first
  /// declaration, and `override: true` when that one is in a base layer) and nullopt when it
  /// exists already.
  std::optional<CatalogueId> declare(const SchemaReader& reader, const YamlNode& node,
                                     const std::string& id, LayerId layer = 0);
  /// `override: true` on `id` in layer `layer`: the index of the base layer's entry to replace.
  /// E-OVERRIDE-UNKNOWN (with did-you-mean) when no base layer declares `id`, E-DUPLICATE-ID
  /// when this layer already declared it. Returns nullopt after an error.
  std::optional<CatalogueId> override_existing(const SchemaReader& reader, const YamlNode& node,
                                               const std::string& id, LayerId layer);
  /// Removes `id` so that references to it fail as unknown (a rule disabled by an overlay).
  void forget(const std::string& id) { by_id_.erase(id); }
  /// The layer that declared or last overrode entry `index`.
  LayerId layer_of(CatalogueId index) const { return layers_[index]; }
  const std::vector<std::string>& ids() const noexcept { return ids_; }
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
  std::vector<LayerId> layers_;
};

/// "file:line:col" of a location, for hints that point at another declaration.
std::string describe_loc(const SourceLoc& loc);

}  // namespace scarwise::internal
