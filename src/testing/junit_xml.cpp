// TestReport::to_junit_xml(): the report in the JUnit XML dialect CI systems read.
#include <scarwise/test_suite.hpp>
#include <string>

namespace scarwise {

namespace {

/// Escapes markup and drops control characters XML 1.0 cannot carry at all.
std::string xml_escape(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&apos;";
        break;
      default:
        if (static_cast<unsigned char>(c) >= 0x20 || c == '\n' || c == '\t' || c == '\r') {
          out += c;
        }
    }
  }
  return out;
}

std::string failure_message(const TestResult& result) {
  if (!result.failures.empty()) {
    return std::to_string(result.failures.size()) + " expectation(s) not met";
  }
  if (!result.diagnostics.empty()) return result.diagnostics.front().message;
  return "failed";
}

std::string test_case_xml(const TestResult& result) {
  std::string out = "    <testcase name=\"" + xml_escape(result.name) + "\" classname=\"" +
                    xml_escape(result.file) + "\"";
  if (result.passed) return out + "/>\n";
  out += ">\n      <failure message=\"" + xml_escape(failure_message(result)) + "\">" +
         xml_escape(result.to_text()) + "</failure>\n";
  return out + "    </testcase>\n";
}

}  // namespace

std::string TestReport::to_junit_xml() const {
  std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out += "<testsuites name=\"scarwise\" tests=\"" + std::to_string(results.size()) +
         "\" failures=\"" + std::to_string(failed()) + "\">\n";
  // Results arrive grouped by file (file order, then test order): one testsuite per run.
  std::size_t begin = 0;
  while (begin < results.size()) {
    std::size_t end = begin;
    std::size_t failures = 0;
    while (end < results.size() && results[end].file == results[begin].file) {
      failures += results[end].passed ? 0 : 1;
      ++end;
    }
    out += "  <testsuite name=\"" + xml_escape(results[begin].file) + "\" tests=\"" +
           std::to_string(end - begin) + "\" failures=\"" + std::to_string(failures) + "\">\n";
    for (std::size_t i = begin; i < end; ++i) out += test_case_xml(results[i]);
    out += "  </testsuite>\n";
    begin = end;
  }
  return out + "</testsuites>\n";
}

}  // namespace scarwise
