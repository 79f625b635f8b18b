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
  void error(const SourceLoc& at, std::string code, std::string message, std::string hint = {}) {
    add(Severity::error, at, std::move(code), std::move(message), std::move(hint));
  }
  void warning(const SourceLoc& at, std::string code, std::string message,
               std::string hint = {}) {
    add(Severity::warning, at, std::move(code), std::move(message), std::move(hint));
  }
  bool has_errors() const noexcept { return errors_ > 0; }
  std::size_t error_count() const noexcept { return errors_; }
  const std::vector<Diagnostic>& diagnostics() const noexcept { return diagnostics_; }
  std::vector<Diagnostic> take() { return std::move(diagnostics_); }

 private:
  void add(Severity severity, const SourceLoc& at, std::string code, std::string message,
           std::string hint) {
    if (severity == Severity::error) ++errors_;
    diagnostics_.push_back(Diagnostic{severity, std::move(code), at.file, at.line, at.column,
                                      std::move(message), std::move(hint)});
  }
  std::vector<Diagnostic> diagnostics_;
  std::size_t errors_ = 0;
};

}  // namespace scarwise::internal
