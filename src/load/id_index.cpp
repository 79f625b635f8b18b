#include "load/id_index.hpp"

#include <algorithm>

#include "support/did_you_mean.hpp"
#include "support/quote.hpp"

namespace scarwise::internal {

std::string describe_loc(const SourceLoc& loc) {
  return loc.file + ":" + std::to_string(loc.line) + ":" + std::to_string(loc.column);
}

std::optional<CatalogueId> IdIndex::declare(const SchemaReader& reader, const YamlNode& node,
                                            const std::string& id, LayerId layer) {
  const auto next = static_cast<CatalogueId>(ids_.size());
  const auto [it, inserted] = by_id_.emplace(id, next);
  if (!inserted) {
    const CatalogueId first = it->second;
    const std::string where = "first declared at " + describe_loc(locs_[first]);
    reader.error(node, "E-DUPLICATE-ID", "duplicate " + kind_ + " id " + quote(id),
                 layers_[first] < layer
                     ? where + ", in the rule set this one extends: add 'override: true' to "
                               "replace it, or choose a new id"
                     : where);
    return std::nullopt;
  }
  ids_.push_back(id);
  locs_.push_back(reader.loc(node));
  layers_.push_back(layer);
  return next;
}

std::optional<CatalogueId> IdIndex::override_existing(const SchemaReader& reader,
                                                      const YamlNode& node, const std::string& id,
                                                      LayerId layer) {
  const auto it = by_id_.find(id);
  if (it == by_id_.end()) {
    std::vector<std::string> base_ids;
    for (const auto& [known, index] : by_id_) {
      if (layers_[index] < layer) base_ids.push_back(known);
    }
    std::sort(base_ids.begin(), base_ids.end());
    const std::string fallback =
        layer == 0 ? "'override: true' replaces an entry of the rule set named by 'extends'; "
                     "this rule set extends none"
                   : "the rule sets this one extends declare no such " + kind_ +
                         "; remove 'override: true' to add it";
    reader.error(node, "E-OVERRIDE-UNKNOWN",
                 kind_ + " " + quote(id) + " overrides nothing: no base rule set declares it",
                 did_you_mean(id, base_ids, fallback));
    return std::nullopt;
  }
  const CatalogueId index = it->second;
  if (layers_[index] >= layer) {
    reader.error(node, "E-DUPLICATE-ID", "duplicate " + kind_ + " id " + quote(id),
                 "first declared at " + describe_loc(locs_[index]) +
                     ", in this rule set: 'override: true' replaces an entry of a base rule set");
    return std::nullopt;
  }
  locs_[index] = reader.loc(node);
  layers_[index] = layer;
  return index;
}

std::optional<CatalogueId> IdIndex::find(std::string_view id) const {
  const auto it = by_id_.find(std::string(id));
  if (it == by_id_.end()) return std::nullopt;
  return it->second;
}

std::vector<CatalogueId> IdIndex::resolve_list(const SchemaReader& reader, const YamlNode& list,
                                               std::string_view what, bool& ok) const {
  std::vector<CatalogueId> out;
  const std::vector<YamlNode>* items = reader.read_list(list, what);
  if (!items) {
    ok = false;
    return out;
  }
  for (const YamlNode& item : *items) {
    const std::optional<std::string> id = reader.read_string(item, what);
    if (!id) {
      ok = false;
      continue;
    }
    const std::optional<CatalogueId> found = find(*id);
    if (!found) {
      reader.error(item, "E-UNKNOWN-REF", "unknown " + kind_ + " " + quote(*id),
                   did_you_mean(*id, ids_, "declare it under " + quote(section_)));
      ok = false;
    } else if (std::find(out.begin(), out.end(), *found) != out.end()) {
      reader.error(item, "E-DUPLICATE-VALUE",
                   kind_ + " " + quote(*id) + " is listed twice in " + quote(std::string(what)));
      ok = false;
    } else {
      out.push_back(*found);
    }
  }
  return out;
}

}  // namespace scarwise::internal
