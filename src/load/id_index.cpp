#include "load/id_index.hpp"

#include <algorithm>

#include "support/did_you_mean.hpp"
#include "support/quote.hpp"

namespace scarwise::internal {

std::string describe_loc(const SourceLoc& loc) {
  return loc.file + ":" + std::to_string(loc.line) + ":" + std::to_string(loc.column);
}

std::optional<CatalogueId> IdIndex::declare(const SchemaReader& reader, const YamlNode& node,
                                            const std::string& id) {
  const auto next = static_cast<CatalogueId>(ids_.size());
  const auto [it, inserted] = by_id_.emplace(id, next);
  if (!inserted) {
    reader.error(node, "E-DUPLICATE-ID", "duplicate " + kind_ + " id " + quote(id),
                 "first declared at " + describe_loc(locs_[it->second]));
    return std::nullopt;
  }
  ids_.push_back(id);
  locs_.push_back(reader.loc(node));
  return next;
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
