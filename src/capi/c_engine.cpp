// scw_engine: evaluating cases through the C API.
#include "capi/c_error.hpp"
#include "capi/c_handles.hpp"

#include <scarwise/case.hpp>

#include <cstdio>
#include <memory>
#include <string>
#include <vector>

namespace {

constexpr unsigned kKnownFlags =
    SCW_EVAL_EXPLAIN | SCW_EVAL_TEXT | SCW_EVAL_CASE_YAML | SCW_EVAL_JSON_LINE;

std::string hex(unsigned bits) {
  char text[16];
  std::snprintf(text, sizeof text, "0x%x", bits);
  return text;
}

std::string render(const scarwise::Assessment& assessment, unsigned flags) {
  if ((flags & SCW_EVAL_TEXT) != 0) return assessment.to_text();
  if ((flags & SCW_EVAL_JSON_LINE) != 0) return assessment.to_json_line();
  return assessment.to_json();
}

scarwise::Case read_case(const char* text, size_t length, unsigned flags) {
  // The length decides before the copy below, so that a buffer over the limit is refused
  // unread; the diagnostic is the one Case::from_json gives.
  const std::size_t max_bytes = scarwise::CaseOptions{}.max_bytes;
  if (length > max_bytes) {
    scarwise::Diagnostic too_large;
    too_large.code = "E-CASE-TOO-LARGE";
    too_large.file = "<case>";
    too_large.message = "the case has " + std::to_string(length) +
                        " bytes, more than the limit of " + std::to_string(max_bytes);
    too_large.hint = "raise CaseOptions::max_bytes";
    throw scarwise::CaseError({too_large});
  }
  const std::string input = length == 0 ? std::string() : std::string(text, length);
  return (flags & SCW_EVAL_CASE_YAML) != 0 ? scarwise::Case::from_yaml(input)
                                           : scarwise::Case::from_json(input);
}

/// SCW_OK, or SCW_EINVAL naming the case argument or flag at fault. Evaluation and validation
/// share it, so that a case and flags one accepts the other accepts too.
int check_case_arguments(const char* function, const char* case_text, size_t case_len,
                         unsigned flags, scw_error** error) {
  using scarwise::capi::invalid_argument;
  if (case_text == nullptr && case_len != 0) {
    return invalid_argument(error, function,
                            "case_text is NULL but case_len is " + std::to_string(case_len));
  }
  if ((flags & ~kKnownFlags) != 0) {
    return invalid_argument(error, function,
                            "flags holds unknown flag bits " + hex(flags & ~kKnownFlags));
  }
  if ((flags & SCW_EVAL_TEXT) != 0 && (flags & SCW_EVAL_JSON_LINE) != 0) {
    return invalid_argument(error, function,
                            "flags combine SCW_EVAL_TEXT and SCW_EVAL_JSON_LINE, which exclude "
                            "each other");
  }
  return SCW_OK;
}

}  // namespace

extern "C" {

int scw_engine_new(scw_engine** out, const scw_ruleset* ruleset, scw_error** error) {
  if (out != nullptr) *out = nullptr;
  return scarwise::capi::guarded(error, [&] {
    if (const char* missing = scarwise::capi::null_argument({{"out", out}, {"ruleset", ruleset}})) {
      return scarwise::capi::invalid_argument(error, "scw_engine_new",
                                              std::string(missing) + " is NULL");
    }
    *out = new scw_engine{scarwise::Engine{ruleset->rules}};
    return SCW_OK;
  });
}

void scw_engine_free(scw_engine* engine) { delete engine; }

int scw_engine_evaluate(char** out, size_t* out_len, const scw_engine* engine,
                        const char* case_text, size_t case_len, unsigned flags, scw_error** error) {
  constexpr const char* kFunction = "scw_engine_evaluate";
  if (out != nullptr) *out = nullptr;
  if (out_len != nullptr) *out_len = 0;
  return scarwise::capi::guarded(error, [&] {
    if (const char* missing = scarwise::capi::null_argument({{"out", out}, {"engine", engine}})) {
      return scarwise::capi::invalid_argument(error, kFunction, std::string(missing) + " is NULL");
    }
    if (const int status = check_case_arguments(kFunction, case_text, case_len, flags, error)) {
      return status;
    }
    scarwise::EvalOptions options;
    options.explain = (flags & SCW_EVAL_EXPLAIN) != 0;
    scarwise::EvalResult result =
        engine->engine.try_evaluate(read_case(case_text, case_len, flags), options);
    if (!result.ok()) {
      return scarwise::capi::fail(error, SCW_ECASE, "the case was rejected", result.diagnostics);
    }
    const std::string text = render(*result.assessment, flags);
    *out = scarwise::capi::to_c_buffer(text);
    if (out_len != nullptr) *out_len = text.size();
    return SCW_OK;
  });
}

int scw_engine_validate(const scw_engine* engine, const char* case_text, size_t case_len,
                        unsigned flags, scw_error** error) {
  constexpr const char* kFunction = "scw_engine_validate";
  return scarwise::capi::guarded(error, [&] {
    if (engine == nullptr) {
      return scarwise::capi::invalid_argument(error, kFunction, "engine is NULL");
    }
    if (const int status = check_case_arguments(kFunction, case_text, case_len, flags, error)) {
      return status;
    }
    const std::vector<scarwise::Diagnostic> diagnostics =
        engine->engine.validate(read_case(case_text, case_len, flags));
    if (!diagnostics.empty()) {
      return scarwise::capi::fail(error, SCW_ECASE, "the case was rejected", diagnostics);
    }
    return SCW_OK;
  });
}

}  // extern "C"
