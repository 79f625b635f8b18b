#include "capi/c_error.hpp"

#include <cstdlib>
#include <cstring>
#include <memory>

namespace scarwise::capi {

int fail(scw_error** error, int code, const std::string& message,
         const std::vector<Diagnostic>& diagnostics) noexcept {
  if (error == nullptr) return code;
  try {
    auto result = std::make_unique<scw_error>();
    result->code = code;
    result->message = diagnostics.empty() ? message : format_diagnostics(diagnostics);
    result->diagnostics_json = format_diagnostics_json(diagnostics);
    *error = result.release();
  } catch (...) {
    *error = nullptr;
  }
  return code;
}

int invalid_argument(scw_error** error, const char* function, const std::string& problem) noexcept {
  std::string message;
  try {
    message = std::string(function) + ": " + problem;
  } catch (...) {
    // Out of memory for the message: the code alone still says what happened.
  }
  return fail(error, SCW_EINVAL, message);
}

const char* null_argument(std::initializer_list<NamedArgument> arguments) noexcept {
  for (const NamedArgument& argument : arguments) {
    if (argument.value == nullptr) return argument.name;
  }
  return nullptr;
}

char* to_c_buffer(const std::string& text) {
  char* buffer = static_cast<char*>(std::malloc(text.size() + 1));
  if (buffer == nullptr) throw std::bad_alloc();
  std::memcpy(buffer, text.c_str(), text.size() + 1);
  return buffer;
}

}  // namespace scarwise::capi

extern "C" {

int scw_error_code(const scw_error* error) { return error == nullptr ? SCW_OK : error->code; }

const char* scw_error_message(const scw_error* error) {
  return error == nullptr ? "" : error->message.c_str();
}

const char* scw_error_diagnostics_json(const scw_error* error) {
  return error == nullptr ? "[]" : error->diagnostics_json.c_str();
}

void scw_error_free(scw_error* error) { delete error; }

void scw_free(void* buffer) { std::free(buffer); }

const char* scw_strerror(int code) {
  switch (code) {
    case SCW_OK:
      return "SCW_OK: success";
    case SCW_EINVAL:
      return "SCW_EINVAL: a required argument was NULL or a flag was unknown";
    case SCW_ELOAD:
      return "SCW_ELOAD: the rule set did not load";
    case SCW_ECASE:
      return "SCW_ECASE: the case was rejected";
    case SCW_ENOMEM:
      return "SCW_ENOMEM: out of memory";
    case SCW_EINTERNAL:
      return "SCW_EINTERNAL: internal error";
    default:
      return "unknown scarwise status code";
  }
}

}  // extern "C"
