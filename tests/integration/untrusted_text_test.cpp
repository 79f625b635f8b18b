// Untrusted text on its way out: every piece of input quoted in a diagnostic is capped, YAML
// escapes cannot smuggle bytes that are not UTF-8 into rules, tests or cases, and what reaches
// the JSON and the text report is valid UTF-8 that shows a scar id for what it is.
#include <catch2/catch.hpp>
#include <scarwise/scarwise.hpp>
#include <string>
#include <vector>

using scarwise::Diagnostic;

namespace {

const std::string kLong(1000, 'q');  // a word far past the cap, short enough for yaml-cpp keys

/// A small valid rule set; `{X}` marks where a test puts hostile text.
const char* const kRules = R"(schema_version: 1
ruleset: {id: quoting, version: 1.0.0, title: "Quoting"}
evidence:
  demo-2020: {cite: "Demo A. An example. 2020."}
facts:
  patient.pregnant: {type: bool}
  scar.type: {type: enum, values: [rolling, boxcar], required: true}
  scar.sites: {type: set, values: [cheek, chin]}
treatments:
  subcision: {name: Subcision}
rules:
  - id: plan.rolling
    title: Rolling scars
    when: scar.type == rolling
    then:
      plan: {sessions: {min: 3, max: 6}, interval_weeks: {min: 4, max: 6}}
    evidence: [demo-2020]
)";

std::string with(std::string text, const std::string& from, const std::string& to) {
  const std::size_t at = text.find(from);
  REQUIRE(at != std::string::npos);
  return text.replace(at, from.size(), to);
}

std::size_t longest_run(const std::string& text, char c) {
  std::size_t best = 0;
  std::size_t run = 0;
  for (const char each : text) {
    run = each == c ? run + 1 : 0;
    best = std::max(best, run);
  }
  return best;
}

/// Every diagnostic quotes at most the cap of the hostile word, and at least one quotes it cut
/// short.
void check_capped(const std::vector<Diagnostic>& diagnostics) {
  REQUIRE_FALSE(diagnostics.empty());
  bool quoted_somewhere = false;
  for (const Diagnostic& d : diagnostics) {
    CAPTURE(d.to_string().substr(0, 300));
    CHECK(longest_run(d.to_string(), 'q') <= 80);
    quoted_somewhere =
        quoted_somewhere || (d.message + d.hint).find("\xE2\x80\xA6") != std::string::npos;
  }
  CHECK(quoted_somewhere);
}

scarwise::Engine quoting_engine() {
  return scarwise::Engine(scarwise::RuleSet::load_string(kRules));
}

/// True when `text` is valid UTF-8 (RFC 3629), written out here so the test does not rely on
/// the code under test.
bool is_utf8(const std::string& text) {
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    std::size_t length = c < 0x80                 ? 1
                         : c >= 0xC2 && c <= 0xDF ? 2
                         : c >= 0xE0 && c <= 0xEF ? 3
                         : c >= 0xF0 && c <= 0xF4 ? 4
                                                  : 0;
    if (length == 0 || i + length > text.size()) return false;
    for (std::size_t k = 1; k < length; ++k) {
      if ((static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80) return false;
    }
    i += length;
  }
  return true;
}

}  // namespace

TEST_CASE("input quoted in rule-set diagnostics is capped", "[integration][quote]") {
  const std::vector<std::string> variants = {
      with(kRules, "schema_version: 1\n", "schema_version: 1\n" + kLong + ": 1\n"),
      with(kRules, "version: 1.0.0", "version: " + kLong),
      with(kRules, "patient.pregnant: {type: bool}",
           "patient." + kLong + "X: {type: " + kLong + "}"),
      with(kRules, "values: [rolling, boxcar]", "values: [rolling, " + kLong + ", " + kLong + "]"),
      with(kRules, "evidence: [demo-2020]", "evidence: [" + kLong + "]"),
      with(kRules, "when: scar.type == rolling", "when: scar." + kLong + " == rolling"),
      with(kRules, "when: scar.type == rolling", "when: scar.type == " + kLong),
      with(kRules, "plan: {sessions", "suitability: " + kLong + "\n      plan: {sessions"),
      with(kRules, "id: plan.rolling",
           "id: " + kLong +
               "\n    title: A\n    when: true\n"
               "    then: {aftercare: [" +
               kLong + "]}\n  - id: " + kLong)};
  for (std::size_t i = 0; i < variants.size(); ++i) {
    CAPTURE(i);
    const scarwise::LoadResult loaded = scarwise::RuleSet::try_load_string(variants[i]);
    CHECK_FALSE(loaded.ok());
    check_capped(loaded.diagnostics());
  }
}

TEST_CASE("input quoted in test-file diagnostics is capped", "[integration][quote]") {
  std::string passwd_like;
  for (int i = 0; i < 100; ++i) passwd_like += "q" + kLong.substr(0, 30) + ":x:1:1:/q:/bin/q\n";
  const std::vector<std::string> variants = {passwd_like, "schema_version: 1\n" + kLong + ": 1\n",
                                             "schema_version: 1\ntests:\n  - name: " + kLong +
                                                 "\n    case: {scars: [{id: a, type: rolling}]}\n"
                                                 "    expect: {suitability: " +
                                                 kLong + "}\n"};
  for (std::size_t i = 0; i < variants.size(); ++i) {
    CAPTURE(i);
    const scarwise::TestSuiteLoadResult loaded = scarwise::TestSuite::try_load_string(variants[i]);
    CHECK_FALSE(loaded.ok());
    check_capped(loaded.diagnostics());
  }
}

TEST_CASE("input quoted in case diagnostics is capped", "[integration][quote]") {
  const scarwise::Engine engine = quoting_engine();
  const std::vector<std::string> variants = {
      std::string(R"({"patient": {")") + std::string(100000, 'q') +
          R"(": true}, "scars": [{"id": "a", "type": "rolling"}]})",
      R"({"scars": [{"id": "a", "type": ")" + kLong + R"("}]})",
      R"({"scars": [{"id": "a", "type": "rolling", "sites": [")" + kLong + R"("]}]})",
      R"({"scars": [{"id": "a", "type": "rolling", "sites": "cheek )" + kLong + R"("}]})",
      R"({"scars": [{"id": ")" + kLong + R"(", "type": "rolling"}, {"id": ")" + kLong +
          R"(", "type": "rolling"}]})",
      R"({"scars": [{"id": "a", "type": "rolling"}], ")" + kLong + R"(": 1})"};
  for (std::size_t i = 0; i < variants.size(); ++i) {
    CAPTURE(i);
    std::vector<Diagnostic> diagnostics;
    try {
      diagnostics = engine.validate(scarwise::Case::from_json(variants[i]));
    } catch (const scarwise::CaseError& e) {
      diagnostics = e.diagnostics();
    }
    check_capped(diagnostics);
  }
}

TEST_CASE("YAML escapes that decode to bytes outside UTF-8 are refused", "[integration][utf8]") {
  // yaml-cpp 0.7 turns "\N" (U+0085) and "\_" (U+00A0) into the single bytes 0x85 and 0xA0.
  const std::string escape = GENERATE(std::string("\\N"), std::string("\\_"));
  SECTION("in a rule file") {
    const scarwise::LoadResult loaded = scarwise::RuleSet::try_load_string(
        with(kRules, "title: Rolling scars", "title: \"Rolling" + escape + "scars\""));
    REQUIRE_FALSE(loaded.ok());
    CHECK(loaded.diagnostics().front().code == "E-YAML-UTF8");
    CHECK(loaded.diagnostics().front().line == 13);
  }
  SECTION("in a test file") {
    const scarwise::TestSuiteLoadResult loaded = scarwise::TestSuite::try_load_string(
        "schema_version: 1\ntests:\n  - name: \"a" + escape +
        "b\"\n"
        "    case: {scars: [{id: a, type: rolling}]}\n    expect: {suitability: suitable}\n");
    REQUIRE_FALSE(loaded.ok());
    CHECK(loaded.diagnostics().front().code == "E-YAML-UTF8");
  }
  SECTION("in a YAML case") {
    try {
      scarwise::Case::from_yaml("scars: [{id: \"a" + escape + "b\", type: rolling}]\n");
      FAIL("the case was read");
    } catch (const scarwise::CaseError& e) {
      CHECK(e.diagnostics().front().code == "E-YAML-UTF8");
    }
  }
}

TEST_CASE("a scar id that is not UTF-8 is refused, also from the C++ API", "[integration][utf8]") {
  scarwise::Case c;
  c.add_scar("cheek\x85").set("type", "rolling");
  const std::vector<Diagnostic> diagnostics = quoting_engine().validate(c);
  REQUIRE(diagnostics.size() == 1);
  CHECK(diagnostics.front().code == "E-CASE-BAD-SCAR-ID");
}

TEST_CASE("the text report shows a scar id so that it cannot spoof the report",
          "[integration][utf8]") {
  // A quote that would end the id, a right-to-left override, and a line separator.
  const std::string id =
      "x': suitable\xE2\x80\xAE"
      "elbat \xE2\x80\xA8 end";
  scarwise::Case c;
  c.add_scar(id).set("type", "rolling");
  const scarwise::Assessment assessment = quoting_engine().evaluate(c);
  const std::string text = assessment.to_text();
  CHECK(text.find("Scar 'x\\': suitable\\u{202E}elbat \xE2\x80\xA8 end': suitable\n") !=
        std::string::npos);
  CHECK(text.find("\xE2\x80\xAE") == std::string::npos);
  // The JSON keeps the id exactly (JSON consumers see the string, not a terminal).
  CHECK(assessment.to_json().find("\\u202e") == std::string::npos);
  CHECK(is_utf8(assessment.to_json()));
}

TEST_CASE("diagnostics stay valid UTF-8 and on their own lines whatever the file name holds",
          "[integration][utf8]") {
  Diagnostic d;
  d.code = "E-FILE-READ";
  d.file = "tests/x\n.yaml: error[E-NONE]: fine\x85";
  d.message = "cannot read the file";
  const std::string line = d.to_string();
  CHECK(line.find('\n') == std::string::npos);
  CHECK(line.rfind("tests/x\\n.yaml: error[E-NONE]: fine\\x85: error[E-FILE-READ]", 0) == 0);
  const std::string json = scarwise::format_diagnostics_json({d});
  CHECK(is_utf8(json));
  CHECK(json.find("fine\xEF\xBF\xBD") != std::string::npos);
}

TEST_CASE("the test report shows test names so that they cannot reorder its lines",
          "[integration][utf8]") {
  const scarwise::TestSuite suite = scarwise::TestSuite::load_string(
      "schema_version: 1\ntests:\n  - name: \"deferred \\u202Edeliaf\"\n"
      "    case: {scars: [{id: a, type: rolling}]}\n    expect: {suitability: defer}\n");
  const scarwise::TestReport report = scarwise::run_tests(quoting_engine(), {suite});
  const std::string text = report.to_text(true);
  CHECK(text.find("FAIL: deferred \\u{202E}deliaf [") != std::string::npos);
  CHECK(text.find("\xE2\x80\xAE") == std::string::npos);
}
