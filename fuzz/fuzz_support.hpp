// Helpers shared by the fuzz targets: an invariant check that stays on in every build, the
// input size cap, checks on diagnostics, and the bundled rule set the targets evaluate against.
//
// A target is a plain `LLVMFuzzerTestOneInput`: linked with libFuzzer under clang, or with
// replay_main.cpp as an executable that runs a corpus (every compiler; CTest uses it).
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <scarwise/scarwise.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace scarwise::fuzz {

/// Inputs larger than this are skipped. The size limits themselves are unit-tested; fuzzing
/// looks for crashes in what gets past them, and small inputs keep it fast.
inline constexpr std::size_t kMaxInputBytes = 64 * 1024;

/// Reports a broken invariant and aborts, so that libFuzzer and the replay driver both treat
/// the input as a crasher. Unlike assert(), it is never compiled out.
[[noreturn]] inline void fail(const char* file, int line, const char* condition,
                              const std::string& detail) {
  std::fprintf(stderr, "%s:%d: invariant failed: %s\n%s\n", file, line, condition, detail.c_str());
  std::abort();
}

}  // namespace scarwise::fuzz

/// Checks `condition`; `detail` (a std::string expression) is built only when it fails.
#define SCARWISE_FUZZ_CHECK(condition, detail)                                          \
  do {                                                                                  \
    if (!(condition)) ::scarwise::fuzz::fail(__FILE__, __LINE__, #condition, (detail)); \
  } while (false)

namespace scarwise::fuzz {

/// The input as text (bytes as they are: the library must cope with any of them).
inline std::string as_text(const std::uint8_t* data, std::size_t size) {
  return std::string(reinterpret_cast<const char*>(data), size);
}

/// Number of lines in `text`, counting a last line without a newline.
inline int line_count(std::string_view text) {
  int lines = 1;
  for (char c : text) lines += c == '\n' ? 1 : 0;
  return lines;
}

/// What every diagnostic must be: a stable code of the right kind (E- for errors, W- for
/// warnings), a message, and a position inside the text it is about (0 = not located).
inline void check_diagnostics(const std::vector<Diagnostic>& diagnostics, std::string_view text) {
  for (const Diagnostic& d : diagnostics) {
    const char* prefix = d.severity == Severity::error ? "E-" : "W-";
    SCARWISE_FUZZ_CHECK(d.code.rfind(prefix, 0) == 0 && d.code.size() > 2, d.to_string());
    SCARWISE_FUZZ_CHECK(!d.message.empty(), d.to_string());
    SCARWISE_FUZZ_CHECK(d.line >= 0 && d.column >= 0, d.to_string());
    SCARWISE_FUZZ_CHECK(d.line <= line_count(text), d.to_string());
  }
}

/// True when any diagnostic is an error.
inline bool has_error(const std::vector<Diagnostic>& diagnostics) {
  for (const Diagnostic& d : diagnostics) {
    if (d.severity == Severity::error) return true;
  }
  return false;
}

/// The bundled default rule set, loaded once from the source tree.
inline const RuleSet& default_rules() {
  static const RuleSet rules = RuleSet::load_file(SCARWISE_FUZZ_DEFAULT_RULES);
  return rules;
}

}  // namespace scarwise::fuzz
