#include <boost/json.hpp>
#include <scarwise/diagnostic.hpp>

#include "support/quote.hpp"
#include "support/utf8.hpp"

namespace scarwise {
namespace {

std::string first_error_summary(const std::vector<Diagnostic>& diagnostics, const char* what) {
  for (const Diagnostic& d : diagnostics) {
    if (d.severity == Severity::error) return d.to_string();
  }
  return what;
}

}  // namespace

std::string Diagnostic::to_string() const {
  std::string out;
  if (!file.empty()) {
    // A file name comes from a directory listing or the host and may hold any bytes; shown
    // escaped, it cannot start a line of its own or pass for another location.
    out += internal::shown_in_full(file);
    if (line > 0) {
      out += ':' + std::to_string(line);
      if (column > 0) out += ':' + std::to_string(column);
    }
    out += ": ";
  }
  out += severity == Severity::error ? "error" : "warning";
  out += '[' + code + "]: " + message;
  if (!hint.empty()) out += "\n  hint: " + hint;
  return out;
}

std::string format_diagnostics(const std::vector<Diagnostic>& diagnostics) {
  std::string out;
  for (const Diagnostic& d : diagnostics) out += d.to_string() + '\n';
  return out;
}

std::string format_diagnostics_json(const std::vector<Diagnostic>& diagnostics) {
  // Serialising copies bytes as they are; JSON must be UTF-8, whatever a diagnostic holds.
  boost::json::array out;
  for (const Diagnostic& d : diagnostics) {
    out.push_back(
        boost::json::object{{"severity", d.severity == Severity::error ? "error" : "warning"},
                            {"code", internal::valid_utf8(d.code)},
                            {"file", internal::valid_utf8(d.file)},
                            {"line", d.line},
                            {"column", d.column},
                            {"message", internal::valid_utf8(d.message)},
                            {"hint", internal::valid_utf8(d.hint)}});
  }
  return boost::json::serialize(out);
}

LoadError::LoadError(std::vector<Diagnostic> diagnostics)
    : std::runtime_error(first_error_summary(diagnostics, "rule set failed to load")),
      diagnostics_(std::move(diagnostics)) {}

CaseError::CaseError(std::vector<Diagnostic> diagnostics)
    : std::runtime_error(first_error_summary(diagnostics, "case rejected")),
      diagnostics_(std::move(diagnostics)) {}

}  // namespace scarwise
