// The table of lints: every code is a distinct warning code, and every one is documented.
#include <catch2/catch.hpp>

#include <fstream>
#include <iterator>
#include <set>
#include <string>

#include "lint/lint.hpp"

using namespace scarwise::internal;

TEST_CASE("every lint has its own W- code, documented in the rule format", "[lint]") {
  std::ifstream in(std::string(SCARWISE_SOURCE_DIR) + "/docs/rule-format.md");
  const std::string docs((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  REQUIRE_FALSE(docs.empty());
  std::set<std::string> codes;
  for (const Lint& lint : all_lints()) {
    const std::string code = lint.code;
    CHECK(code.rfind("W-", 0) == 0);
    CHECK(codes.insert(code).second);
    CHECK(docs.find("| `" + code + "` |") != std::string::npos);
  }
  CHECK(codes.size() == 8);
}

TEST_CASE("a lint reports under the code of its row", "[lint]") {
  DiagnosticSink sink;
  LintReport report("W-EXAMPLE", sink);
  report.warn(SourceLoc{"a.yaml", 3, 5}, "message", "hint");
  REQUIRE(sink.diagnostics().size() == 1);
  const scarwise::Diagnostic& d = sink.diagnostics()[0];
  CHECK(d.severity == scarwise::Severity::warning);
  CHECK(d.code == "W-EXAMPLE");
  CHECK(d.file == "a.yaml");
  CHECK(d.line == 3);
  CHECK(d.column == 5);
  CHECK(d.hint == "hint");
}
