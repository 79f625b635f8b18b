#include "load/ruleset_builder.hpp"

#include <algorithm>
#include <limits>

#include "load/scalar_values.hpp"
#include "support/quote.hpp"

namespace scarwise::internal {

RuleSetBuilder::RuleSetBuilder(const LoadOptions& options, DiagnosticSink& sink)
    : options_(options), sink_(sink), model_(std::make_shared<RuleSetModel>()) {}

// The files come layer by layer, the furthest base first, so every pass sees a base's
// declarations before the overlay that repeats, overrides or disables them.
void RuleSetBuilder::read(SourceSet& sources) {
  for (const SourceFile& file : sources.files) {
    if (file.layer >= model_->layers.size()) model_->layers.resize(file.layer + 1);
    if (file.is_root) read_header(SchemaReader(file.doc, sink_), file.layer);
  }
  for (const SourceFile& file : sources.files) {
    const SchemaReader reader(file.doc, sink_);
    layer_ = file.layer;
    read_evidence(reader);
    read_facts(reader);
  }
  for (const SourceFile& file : sources.files) {
    const SchemaReader reader(file.doc, sink_);
    layer_ = file.layer;
    read_treatments(reader);
    read_instructions(reader, "precautions", precaution_ids_, model_->precautions);
    read_instructions(reader, "aftercare", aftercare_ids_, model_->aftercare);
  }
  for (SourceFile& file : sources.files) {
    const SchemaReader reader(file.doc, sink_);
    layer_ = file.layer;
    read_rules(file, reader);
    // A layer's root file comes after its includes: every rule of the layer is known here.
    if (file.is_root) read_disable(reader);
    file.doc.root = YamlNode{};
  }
}

std::shared_ptr<RuleSetModel> RuleSetBuilder::finish(const SourceSet& sources) {
  if (sink_.has_errors() || sources.files.empty()) return nullptr;
  drop_disabled_rules();
  for (std::size_t i = 0; i < model_->rules.size(); ++i) {
    model_->rule_index.emplace(model_->rules[i].id, static_cast<std::uint32_t>(i));
  }
  index_rules(*model_);
  return model_;
}

const YamlNode* RuleSetBuilder::section(const SchemaReader& reader, std::string_view name) const {
  const YamlNode* node = reader.doc().root.find(name);
  if (!node || node->is_null()) return nullptr;  // an empty section declares nothing
  if (!reader.expect_map(*node, name)) return nullptr;
  return node;
}

void RuleSetBuilder::read_header(const SchemaReader& reader, LayerId layer) {
  const YamlNode& root = reader.doc().root;
  LayerInfo& info = model_->layers[layer];
  info.root_file = reader.doc().file;
  if (const YamlNode* ruleset = reader.require(root, "ruleset", "the root file")) {
    if (reader.expect_map(*ruleset, "ruleset")) {
      reader.check_keys(*ruleset, KeySet{{"id", "version", "title"}}, "'ruleset'");
      if (const YamlNode* id = reader.require(*ruleset, "id", "'ruleset'")) {
        info.id = reader.read_id(*id, "ruleset id").value_or("");
      }
      if (const YamlNode* version = reader.require(*ruleset, "version", "'ruleset'")) {
        const std::optional<std::string> text = reader.read_string(*version, "version");
        if (text && !is_semver(*text)) {
          reader.error(*version, "E-BAD-VERSION", quote(*text) + " is not a semantic version",
                       "write MAJOR.MINOR.PATCH, e.g. 1.0.0");
        } else if (text) {
          info.version = *text;
        }
      }
      if (const YamlNode* title = ruleset->find("title")) {
        info.title = reader.read_string(*title, "title").value_or("");
      }
    }
  }
  // The rule set is named by its top layer; an overlay's limits replace its base's.
  model_->id = info.id;
  model_->version = info.version;
  model_->title = info.title;
  if (const YamlNode* limits = root.find("limits")) read_limits(reader, *limits);
}

void RuleSetBuilder::read_limits(const SchemaReader& reader, const YamlNode& limits) {
  if (!reader.expect_map(limits, "limits")) return;
  reader.check_keys(limits, KeySet{{"max_sessions"}}, "'limits'");
  if (const YamlNode* max_sessions = limits.find("max_sessions")) {
    const std::optional<int> value =
        reader.read_int_in(*max_sessions, "max_sessions", 1, std::numeric_limits<int>::max());
    if (value) model_->max_sessions = *value;
  }
}

}  // namespace scarwise::internal
