// scw_ruleset: loading rule sets through the C API.
#include "capi/c_error.hpp"
#include "capi/c_handles.hpp"

#include <scarwise/version.hpp>

#include <memory>
#include <string>

namespace {

int publish(scw_ruleset** out, scarwise::LoadResult result, scw_error** error) {
  if (!result.ok()) {
    return scarwise::capi::fail(error, SCW_ELOAD, "the rule set did not load",
                                result.diagnostics());
  }
  auto handle = std::make_unique<scw_ruleset>(scw_ruleset{result.value(), {}});
  handle->warnings_json = scarwise::format_diagnostics_json(handle->rules.warnings());
  *out = handle.release();
  return SCW_OK;
}

}  // namespace

extern "C" {

const char* scw_version(void) { return SCARWISE_VERSION_STRING; }

int scw_version_number(void) { return SCARWISE_VERSION_NUMBER; }

int scw_ruleset_load_file(scw_ruleset** out, const char* path, scw_error** error) {
  if (out != nullptr) *out = nullptr;
  return scarwise::capi::guarded(error, [&] {
    if (const char* missing = scarwise::capi::null_argument({{"out", out}, {"path", path}})) {
      return scarwise::capi::invalid_argument(error, "scw_ruleset_load_file",
                                              std::string(missing) + " is NULL");
    }
    return publish(out, scarwise::RuleSet::try_load_file(path), error);
  });
}

int scw_ruleset_load_string(scw_ruleset** out, const char* yaml, size_t yaml_len, const char* name,
                            scw_error** error) {
  if (out != nullptr) *out = nullptr;
  return scarwise::capi::guarded(error, [&] {
    constexpr const char* kFunction = "scw_ruleset_load_string";
    if (out == nullptr) return scarwise::capi::invalid_argument(error, kFunction, "out is NULL");
    if (yaml == nullptr && yaml_len != 0) {
      return scarwise::capi::invalid_argument(
          error, kFunction, "yaml is NULL but yaml_len is " + std::to_string(yaml_len));
    }
    const std::string text = yaml_len == 0 ? std::string() : std::string(yaml, yaml_len);
    return publish(out, scarwise::RuleSet::try_load_string(text, name ? name : "<memory>"), error);
  });
}

void scw_ruleset_free(scw_ruleset* ruleset) { delete ruleset; }

const char* scw_ruleset_id(const scw_ruleset* ruleset) {
  return ruleset == nullptr ? nullptr : ruleset->rules.id().c_str();
}

const char* scw_ruleset_version(const scw_ruleset* ruleset) {
  return ruleset == nullptr ? nullptr : ruleset->rules.version().c_str();
}

const char* scw_ruleset_digest(const scw_ruleset* ruleset) {
  return ruleset == nullptr ? nullptr : ruleset->rules.digest().c_str();
}

const char* scw_ruleset_warnings_json(const scw_ruleset* ruleset) {
  return ruleset == nullptr ? "[]" : ruleset->warnings_json.c_str();
}

int scw_ruleset_facts_json(char** out, size_t* out_len, const scw_ruleset* ruleset,
                           scw_error** error) {
  if (out != nullptr) *out = nullptr;
  if (out_len != nullptr) *out_len = 0;
  return scarwise::capi::guarded(error, [&] {
    if (const char* missing = scarwise::capi::null_argument({{"out", out}, {"ruleset", ruleset}})) {
      return scarwise::capi::invalid_argument(error, "scw_ruleset_facts_json",
                                              std::string(missing) + " is NULL");
    }
    const std::string json = scarwise::format_facts_json(ruleset->rules.facts());
    *out = scarwise::capi::to_c_buffer(json);
    if (out_len != nullptr) *out_len = json.size();
    return SCW_OK;
  });
}

}  // extern "C"
