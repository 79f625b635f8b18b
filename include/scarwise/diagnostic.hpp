// scarwise/diagnostic.hpp — located findings about rule sets, cases and test files.
//
// A Diagnostic names what is wrong and where: file, line and column (1-based; 0 when a
// finding has no position, such as a missing file), a stable code such as "E-UNKNOWN-KEY",
// a message and an optional hint. Codes are API: tests and tools may match them; messages
// and hints may be reworded between releases.
//
// Thread-safety: plain values. Stability: stable since 0.1.
#ifndef SCARWISE_DIAGNOSTIC_HPP
#define SCARWISE_DIAGNOSTIC_HPP

#include <scarwise/export.hpp>

#include <stdexcept>
#include <string>
#include <vector>

namespace scarwise {

/// How serious a finding is. Errors stop a rule set from loading (or a case from being
/// evaluated); warnings never do. @since 0.1
enum class Severity { error, warning };

/// One located finding. @since 0.1
struct Diagnostic {
  Severity severity = Severity::error;  ///< error or warning
  std::string code;                     ///< stable code, e.g. "E-UNKNOWN-KEY" or "W-NEVER-TRUE"
  std::string file;                     ///< file as given or relative to the rule set root
  int line = 0;                         ///< 1-based line, 0 when unknown
  int column = 0;                       ///< 1-based column in bytes, 0 when unknown
  std::string message;                  ///< what is wrong, in one sentence
  std::string hint;                     ///< how to fix it, e.g. "did you mean 'when'?"; may be empty

  /// Renders "file:line:col: error[CODE]: message" and, if there is a hint, a second line
  /// "  hint: ...". Position parts that are unknown are left out. @since 0.1
  SCARWISE_API std::string to_string() const;
};

/// Renders each diagnostic with Diagnostic::to_string(), one after another. @since 0.1
SCARWISE_API std::string format_diagnostics(const std::vector<Diagnostic>& diagnostics);

/// The diagnostics as a one-line JSON array of objects with "severity" ("error" or "warning"),
/// "code", "file", "line", "column" (0 when unknown), "message" and "hint", for tools and
/// language bindings. @since 0.1
SCARWISE_API std::string format_diagnostics_json(const std::vector<Diagnostic>& diagnostics);

/// Thrown when a rule set fails to load. what() summarises the first error; diagnostics()
/// holds every finding (errors and warnings) in source order. @since 0.1
class SCARWISE_API LoadError : public std::runtime_error {
 public:
  /// Builds the error from the findings of a failed load. @since 0.1
  explicit LoadError(std::vector<Diagnostic> diagnostics);
  /// Every finding of the failed load. @since 0.1
  const std::vector<Diagnostic>& diagnostics() const noexcept { return diagnostics_; }

 private:
  std::vector<Diagnostic> diagnostics_;
};

/// Thrown when a case cannot be read or does not fit the rule set's vocabulary (an unknown
/// fact, a wrong type, a value out of range, a missing required fact). diagnostics() names the
/// scar id and fact of every problem. @since 0.1
class SCARWISE_API CaseError : public std::runtime_error {
 public:
  /// Builds the error from the findings about a case. @since 0.1
  explicit CaseError(std::vector<Diagnostic> diagnostics);
  /// Every finding about the case. @since 0.1
  const std::vector<Diagnostic>& diagnostics() const noexcept { return diagnostics_; }

 private:
  std::vector<Diagnostic> diagnostics_;
};

}  // namespace scarwise

#endif  // SCARWISE_DIAGNOSTIC_HPP
