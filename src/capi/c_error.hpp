// Errors of the C API: the scw_error a failed call hands back, and the guard that keeps every
// C++ exception on this side of the boundary.
#pragma once

#include <scarwise/diagnostic.hpp>
#include <scarwise/scarwise.h>

#include <initializer_list>
#include <new>
#include <stdexcept>
#include <string>
#include <vector>

struct scw_error {
  int code = SCW_OK;
  std::string message;
  std::string diagnostics_json;
};

namespace scarwise::capi {

/// Returns `code`, and when the caller asked for it, stores a new scw_error in *error. If even
/// that cannot be allocated, *error stays NULL and the code still tells what happened.
int fail(scw_error** error, int code, const std::string& message,
         const std::vector<Diagnostic>& diagnostics = {}) noexcept;

/// SCW_EINVAL with a message naming the function and what is wrong with which argument
/// ("scw_engine_evaluate: case_text is NULL"), so that the host's log points at the call to fix.
int invalid_argument(scw_error** error, const char* function, const std::string& problem) noexcept;

/// One argument of a call, by name, for null_argument().
struct NamedArgument {
  const char* name;
  const void* value;
};

/// The name of the first argument that is NULL, or nullptr when every one is set.
const char* null_argument(std::initializer_list<NamedArgument> arguments) noexcept;

/// Clears *error, runs `body` (which returns a status code) and turns any exception into the
/// matching code: the C API never lets one escape.
template <typename Body>
int guarded(scw_error** error, Body&& body) noexcept {
  if (error != nullptr) *error = nullptr;
  try {
    return body();
  } catch (const LoadError& e) {
    return fail(error, SCW_ELOAD, e.what(), e.diagnostics());
  } catch (const CaseError& e) {
    return fail(error, SCW_ECASE, e.what(), e.diagnostics());
  } catch (const std::bad_alloc&) {
    return fail(error, SCW_ENOMEM, "out of memory");
  } catch (const std::exception& e) {
    return fail(error, SCW_EINTERNAL, std::string("internal error: ") + e.what());
  } catch (...) {
    return fail(error, SCW_EINTERNAL, "internal error: unknown exception");
  }
}

/// A copy of `text` in a malloc'd, NUL-terminated buffer for the caller to scw_free.
/// Throws std::bad_alloc when memory runs out.
char* to_c_buffer(const std::string& text);

}  // namespace scarwise::capi
