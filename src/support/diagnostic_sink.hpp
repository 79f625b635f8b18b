// Collects diagnostics while loading or validating, so that every problem is reported, not
// just the first.
#pragma once

#include <scarwise/diagnostic.hpp>
#include <string>
#include <utility>
#include <vector>

namespace scarwise::internal {

/// A position in a source file (1-based line and column; 0 = unknown).
struct SourceLoc {
  std::string file;
  int line = 0;
  int column = 0;
};

class DiagnosticSink {
 public:
  /// A sink that keeps every diagnostic.
  DiagnosticSink() = default;
  /// A sink that keeps at most `max_errors` errors and `max_warnings` warnings. The rest are
  /// counted but not stored, so that a hostile input cannot turn its size into unbounded memory
  /// through error messages; add_truncation_notes() then says what was left out.
  DiagnosticSink(std::size_t max_errors, std::size_t max_warnings)
      : max_errors_(max_errors), max_warnings_(max_warnings) {}

  void error(const SourceLoc& at, std::string code, std::string message, std::string hint = {}) {
    add(Severity::error, at, std::move(code), std::move(message), std::move(hint));
  }
  void warning(const SourceLoc& at, std::string code, std::string message, std::string hint = {}) {
    add(Severity::warning, at, std::move(code), std::move(message), std::move(hint));
  }
  /// Counts every error reported, including those not kept.
  bool has_errors() const noexcept { return errors_ > 0; }
  std::size_t error_count() const noexcept { return errors_; }
  /// True once an error was left out: a reader may stop early, since nothing it finds from now
  /// on would be reported.
  bool errors_dropped() const noexcept { return dropped_errors_ > 0; }
  /// Appends, past the limits, an E-LIMIT-ERRORS error and a W-LIMIT-WARNINGS warning at `at`
  /// when errors or warnings were left out. The options name the settings that raise the
  /// limits. (A reader may have stopped at the first error left out, so the error note gives no
  /// count.)
  void add_truncation_notes(const SourceLoc& at, const std::string& errors_option,
                            const std::string& warnings_option) {
    if (dropped_errors_ > 0) {
      diagnostics_.push_back(Diagnostic{
          Severity::error, "E-LIMIT-ERRORS", at.file, at.line, at.column,
          "more than " + std::to_string(max_errors_) + " errors: only the first " +
              std::to_string(max_errors_) + " are reported",
          "fix the errors shown and try again, or raise " + errors_option});
      dropped_errors_ = 0;
    }
    if (dropped_warnings_ > 0) {
      diagnostics_.push_back(Diagnostic{
          Severity::warning, "W-LIMIT-WARNINGS", at.file, at.line, at.column,
          std::to_string(dropped_warnings_) + " more warnings after the first " +
              std::to_string(max_warnings_) + " are not reported",
          "raise " + warnings_option});
      dropped_warnings_ = 0;
    }
  }
  const std::vector<Diagnostic>& diagnostics() const noexcept { return diagnostics_; }
  std::vector<Diagnostic> take() { return std::move(diagnostics_); }

 private:
  void add(Severity severity, const SourceLoc& at, std::string code, std::string message,
           std::string hint) {
    if (severity == Severity::error) {
      if (errors_++ >= max_errors_) {
        ++dropped_errors_;
        return;
      }
    } else if (warnings_++ >= max_warnings_) {
      ++dropped_warnings_;
      return;
    }
    diagnostics_.push_back(Diagnostic{severity, std::move(code), at.file, at.line, at.column,
                                      std::move(message), std::move(hint)});
  }
  std::vector<Diagnostic> diagnostics_;
  std::size_t max_errors_ = static_cast<std::size_t>(-1);
  std::size_t max_warnings_ = static_cast<std::size_t>(-1);
  std::size_t errors_ = 0;
  std::size_t warnings_ = 0;
  std::size_t dropped_errors_ = 0;
  std::size_t dropped_warnings_ = 0;
};

}  // namespace scarwise::internal
