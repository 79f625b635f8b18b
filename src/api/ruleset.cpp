#include <scarwise/ruleset.hpp>

#include "load/loader.hpp"
#include "model/ruleset_model.hpp"

namespace scarwise {

RuleSet::RuleSet(std::shared_ptr<const internal::RuleSetModel> model) : model_(std::move(model)) {}

RuleSet LoadResult::value() const {
  if (!ruleset_) throw LoadError(diagnostics_);
  return RuleSet(ruleset_);
}

LoadResult RuleSet::try_load_file(const std::string& path, const LoadOptions& options) {
  internal::DiagnosticSink sink;
  LoadResult result;
  result.ruleset_ = internal::load_ruleset_file(path, options, sink);
  result.diagnostics_ = sink.take();
  return result;
}

LoadResult RuleSet::try_load_string(const std::string& yaml, const std::string& name,
                                    const LoadOptions& options) {
  internal::DiagnosticSink sink;
  LoadResult result;
  result.ruleset_ = internal::load_ruleset_string(yaml, name, options, sink);
  result.diagnostics_ = sink.take();
  return result;
}

RuleSet RuleSet::load_file(const std::string& path, const LoadOptions& options) {
  return try_load_file(path, options).value();
}

RuleSet RuleSet::load_string(const std::string& yaml, const std::string& name,
                             const LoadOptions& options) {
  return try_load_string(yaml, name, options).value();
}

const std::string& RuleSet::id() const noexcept { return model_->id; }
const std::string& RuleSet::version() const noexcept { return model_->version; }
const std::string& RuleSet::title() const noexcept { return model_->title; }
const std::string& RuleSet::digest() const noexcept { return model_->digest; }
const std::vector<Diagnostic>& RuleSet::warnings() const noexcept { return model_->warnings; }
std::size_t RuleSet::rule_count() const noexcept { return model_->rules.size(); }

std::vector<RuleSetLayer> RuleSet::layers() const {
  std::vector<RuleSetLayer> out;
  out.reserve(model_->layers.size());
  for (const internal::LayerInfo& layer : model_->layers) {
    out.push_back({layer.id, layer.version, layer.title, layer.digest, layer.root_file});
  }
  return out;
}

std::string RuleSet::rule_layer(const std::string& rule_id) const {
  const std::optional<std::uint32_t> index = model_->find_rule(rule_id);
  if (!index) return {};
  return model_->layers[model_->rules[*index].layer].id;
}

std::vector<std::string> RuleSet::rule_ids() const {
  std::vector<std::string> ids;
  ids.reserve(model_->rules.size());
  for (const internal::Rule& rule : model_->rules) ids.push_back(rule.id);
  return ids;
}

}  // namespace scarwise
