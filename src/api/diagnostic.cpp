#include <boost/json.hpp>
#include <scarwise/diagnostic.hpp>

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
    out += file;
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
  boost::json::array out;
  for (const Diagnostic& d : diagnostics) {
    out.push_back(
        boost::json::object{{"severity", d.severity == Severity::error ? "error" : "warning"},
                            {"code", d.code},
                            {"file", d.file},
                            {"line", d.line},
                            {"column", d.column},
                            {"message", d.message},
                            {"hint", d.hint}});
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
