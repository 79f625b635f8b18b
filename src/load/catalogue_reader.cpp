// Pass 1 and 2 of RuleSetBuilder: the evidence, treatment, precaution and aftercare catalogues.
// An entry with a bad body is still declared, so that rules citing it do not add a second,
// misleading error.
#include <algorithm>

#include "load/ruleset_builder.hpp"
#include "support/did_you_mean.hpp"
#include "support/quote.hpp"

namespace scarwise::internal {
namespace {

/// The parts of a citation an evidence entry may declare missing.
const std::vector<std::string>& citation_parts() {
  static const std::vector<std::string> parts = {"authors", "title", "journal", "year",
                                                 "volume",  "pages", "url"};
  return parts;
}

/// An evidence entry's `missing: [part, ...]`: known parts, each once, and never `url` beside
/// a given url.
std::vector<std::string> read_missing_parts(const SchemaReader& reader, const YamlNode& node,
                                            const std::string& url) {
  std::vector<std::string> parts;
  const std::vector<YamlNode>* items = reader.read_list(node, "missing");
  if (!items) return parts;
  for (const YamlNode& item : *items) {
    const std::optional<std::string> part = reader.read_string(item, "missing");
    if (!part) continue;
    const std::vector<std::string>& known = citation_parts();
    if (std::find(known.begin(), known.end(), *part) == known.end()) {
      reader.error(item, "E-BAD-VALUE", "unknown citation part " + quote(*part),
                   did_you_mean(*part, known,
                                "use authors, title, journal, year, volume, pages or url"));
    } else if (std::find(parts.begin(), parts.end(), *part) != parts.end()) {
      reader.error(item, "E-CONFLICT", "citation part " + quote(*part) + " is listed twice",
                   "list each missing part once");
    } else if (*part == "url" && !url.empty()) {
      reader.error(item, "E-CONFLICT", "the url is listed as missing but is given",
                   "remove 'url' from 'missing', or the 'url' key");
    } else {
      parts.push_back(*part);
    }
  }
  return parts;
}

/// Adds a new catalogue entry, or puts an overlay's entry in place of the base's it overrides.
template <typename Entry>
void place(std::vector<Entry>& entries, CatalogueId index, bool replaces, Entry entry) {
  if (replaces) {
    entries[index] = std::move(entry);
  } else {
    entries.push_back(std::move(entry));
  }
}

}  // namespace

void RuleSetBuilder::read_evidence(const SchemaReader& reader) {
  const YamlNode* evidence = section(reader, "evidence");
  if (!evidence) return;
  for (const auto& [key, body] : evidence->entries) {
    if (!reader.check_id(key, "evidence id")) continue;
    bool replaces = false;
    const std::optional<CatalogueId> index =
        declare_entry(reader, evidence_ids_, key, body, replaces);
    if (!index) continue;
    EvidenceEntry entry{key.scalar, {}, {}, {}, reader.loc(key), layer_};
    if (reader.expect_map(body, key.scalar)) {
      reader.check_keys(body, KeySet{{"cite", "url", "missing", "override"}},
                        "evidence " + quote(key.scalar));
      if (const YamlNode* cite = reader.require(body, "cite", "evidence " + quote(key.scalar))) {
        entry.cite = reader.read_string(*cite, "cite").value_or("");
      }
      if (const YamlNode* url = body.find("url")) {
        entry.url = reader.read_string(*url, "url").value_or("");
      }
      if (const YamlNode* missing = body.find("missing")) {
        entry.missing = read_missing_parts(reader, *missing, entry.url);
      }
    }
    place(model_->evidence, *index, replaces, std::move(entry));
  }
}

std::vector<CatalogueId> RuleSetBuilder::read_evidence_refs(const SchemaReader& reader,
                                                            const YamlNode& map) {
  const YamlNode* list = map.find("evidence");
  if (!list) return {};
  bool ok = true;
  return evidence_ids_.resolve_list(reader, *list, "evidence", ok);
}

void RuleSetBuilder::read_treatments(const SchemaReader& reader) {
  const YamlNode* treatments = section(reader, "treatments");
  if (!treatments) return;
  for (const auto& [key, body] : treatments->entries) {
    if (!reader.check_id(key, "treatment id")) continue;
    bool replaces = false;
    const std::optional<CatalogueId> index =
        declare_entry(reader, treatment_ids_, key, body, replaces);
    if (!index) continue;
    TreatmentEntry entry{key.scalar, {}, {}, {}, reader.loc(key), layer_};
    if (reader.expect_map(body, key.scalar)) {
      const std::string where = "treatment " + quote(key.scalar);
      reader.check_keys(body, KeySet{{"name", "doc", "evidence", "override"}}, where);
      if (const YamlNode* name = reader.require(body, "name", where)) {
        entry.name = reader.read_string(*name, "name").value_or("");
      }
      if (const YamlNode* doc = body.find("doc")) {
        entry.doc = reader.read_string(*doc, "doc").value_or("");
      }
      entry.evidence = read_evidence_refs(reader, body);
    }
    place(model_->treatments, *index, replaces, std::move(entry));
  }
}

void RuleSetBuilder::read_instructions(const SchemaReader& reader, std::string_view name,
                                       IdIndex& index, std::vector<InstructionEntry>& entries) {
  const YamlNode* catalogue = section(reader, name);
  if (!catalogue) return;
  for (const auto& [key, body] : catalogue->entries) {
    if (!reader.check_id(key, index.kind() + " id")) continue;
    bool replaces = false;
    const std::optional<CatalogueId> slot = declare_entry(reader, index, key, body, replaces);
    if (!slot) continue;
    InstructionEntry entry{key.scalar, {}, {}, reader.loc(key), layer_};
    if (reader.expect_map(body, key.scalar)) {
      const std::string where = index.kind() + " " + quote(key.scalar);
      reader.check_keys(body, KeySet{{"text", "evidence", "override"}}, where);
      if (const YamlNode* text = reader.require(body, "text", where)) {
        entry.text = reader.read_string(*text, "text").value_or("");
      }
      entry.evidence = read_evidence_refs(reader, body);
    }
    place(entries, *slot, replaces, std::move(entry));
  }
}

}  // namespace scarwise::internal
