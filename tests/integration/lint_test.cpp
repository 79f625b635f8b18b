// scarwise::lint(): each lint finds its defect at the offending declaration, with a hint, and
// says nothing about the same rule set without the defect.
#include <catch2/catch.hpp>
#include <scarwise/scarwise.hpp>
#include <string>
#include <vector>

namespace {

// Lint-clean: every fact is read, every entry used, every citation dated and addressed, the
// restricting rule says why and the plan stays within the limit. Tests add one defect by
// replacing one line; the line numbers below are those of this text.
const std::string kClean = R"(schema_version: 1
ruleset: {id: lint-test, version: 1.0.0}
limits: {max_sessions: 8}
evidence:
  smith-2020: {cite: "Smith A. Scars. J Derm 2020;1:2-3.", url: "https://doi.org/10.1/2"}
facts:
  scar.type: {type: enum, values: [rolling, boxcar], required: true}
treatments:
  subcision: {name: Subcision, evidence: [smith-2020]}
precautions:
  sun: {text: Avoid the sun for a week.}
aftercare:
  moisturise: {text: Moisturise twice a day.}
rules:
  - id: plan.rolling
    when: scar.type == rolling
    then:
      plan: {sessions: {min: 3, max: 6}, interval_weeks: {min: 4, max: 6}}
      suggest: [subcision]
      precautions: [sun]
      aftercare: [moisturise]
    evidence: [smith-2020]
  - id: caution.boxcar
    when: scar.type == boxcar
    then:
      suitability: suitable_with_caution
      message: Boxcar scars respond less.
    evidence: [smith-2020]
)";

/// kClean with `line` (exactly as written, without its newline) replaced by `replacement`.
std::string with(const std::string& line, const std::string& replacement,
                 std::string text = kClean) {
  const std::size_t at = text.find(line + "\n");
  REQUIRE(at != std::string::npos);
  return text.replace(at, line.size(), replacement);
}

std::vector<scarwise::Diagnostic> lint_of(const std::string& yaml) {
  return scarwise::lint(scarwise::RuleSet::load_string(yaml, "lint.yaml"));
}

/// The one finding of `yaml`, which must have exactly one.
scarwise::Diagnostic only_finding(const std::string& yaml) {
  const std::vector<scarwise::Diagnostic> findings = lint_of(yaml);
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].severity == scarwise::Severity::warning);
  CHECK(findings[0].file == "lint.yaml");
  CHECK_FALSE(findings[0].hint.empty());
  return findings[0];
}

void check_at(const scarwise::Diagnostic& d, const std::string& code, int line, int column) {
  CHECK(d.code == code);
  CHECK(d.line == line);
  CHECK(d.column == column);
}

const std::string kFactLine =
    "  scar.type: {type: enum, values: [rolling, boxcar], required: true}";
const std::string kEvidenceLine =
    R"(  smith-2020: {cite: "Smith A. Scars. J Derm 2020;1:2-3.", url: "https://doi.org/10.1/2"})";

}  // namespace

TEST_CASE("the clean twin has no findings, and loading runs no lints", "[api][lint]") {
  CHECK(lint_of(kClean).empty());
  const scarwise::RuleSet rules =
      scarwise::RuleSet::load_string(with(kFactLine, kFactLine + "\n  scar.age: {type: int}"));
  CHECK(rules.warnings().empty());
  CHECK(scarwise::lint(rules).size() == 1);
}

TEST_CASE("W-UNUSED-FACT: a declared fact no rule reads", "[api][lint]") {
  const scarwise::Diagnostic d =
      only_finding(with(kFactLine, kFactLine + "\n  scar.age: {type: int, min: 0}"));
  check_at(d, "W-UNUSED-FACT", 8, 3);
  CHECK(d.message.find("'scar.age'") != std::string::npos);
  CHECK(d.hint.find("when") != std::string::npos);
  // Read by a rule, it is used; `known()` counts as a read.
  const std::string read =
      with("    when: scar.type == boxcar", "    when: scar.type == boxcar or not known(scar.age)",
           with(kFactLine, kFactLine + "\n  scar.age: {type: int, min: 0}"));
  CHECK(lint_of(read).empty());
}

TEST_CASE("W-UNUSED-TREATMENT: a treatment never suggested or avoided", "[api][lint]") {
  const std::string line = "  subcision: {name: Subcision, evidence: [smith-2020]}";
  const std::string unused = with(line, line + "\n  laser: {name: Ablative laser}");
  const scarwise::Diagnostic d = only_finding(unused);
  check_at(d, "W-UNUSED-TREATMENT", 10, 3);
  CHECK(d.message.find("'laser'") != std::string::npos);
  // Avoiding it is a use.
  CHECK(lint_of(with("      message: Boxcar scars respond less.",
                     "      message: Boxcar scars respond less.\n      avoid: [laser]", unused))
            .empty());
}

TEST_CASE("W-UNUSED-TREATMENT: recommending a treatment as an alternative is a use",
          "[api][lint][alternatives]") {
  const std::string line = "  subcision: {name: Subcision, evidence: [smith-2020]}";
  const std::string unused = with(line, line + "\n  gel: {name: Silicone gel}");
  check_at(only_finding(unused), "W-UNUSED-TREATMENT", 10, 3);
  CHECK(
      lint_of(with("      message: Boxcar scars respond less.",
                   "      message: Boxcar scars respond less.\n      alternatives: [gel]", unused))
          .empty());
}

TEST_CASE("W-UNUSED-PRECAUTION: a precaution no rule attaches", "[api][lint]") {
  const std::string line = "  sun: {text: Avoid the sun for a week.}";
  const std::string unused = with(line, line + "\n  heat: {text: No sauna for two days.}");
  const scarwise::Diagnostic d = only_finding(unused);
  check_at(d, "W-UNUSED-PRECAUTION", 12, 3);
  CHECK(d.message.find("'heat'") != std::string::npos);
  CHECK(
      lint_of(with("      precautions: [sun]", "      precautions: [sun, heat]", unused)).empty());
}

TEST_CASE("W-UNUSED-AFTERCARE: an aftercare instruction no rule attaches", "[api][lint]") {
  const std::string line = "  moisturise: {text: Moisturise twice a day.}";
  const std::string unused = with(line, line + "\n  sunscreen: {text: Use SPF 50.}");
  const scarwise::Diagnostic d = only_finding(unused);
  check_at(d, "W-UNUSED-AFTERCARE", 14, 3);
  CHECK(d.message.find("'sunscreen'") != std::string::npos);
  CHECK(lint_of(with("      aftercare: [moisturise]", "      aftercare: [moisturise, sunscreen]",
                     unused))
            .empty());
}

TEST_CASE("W-UNUSED-EVIDENCE: a citation nothing cites", "[api][lint]") {
  const std::string jones =
      R"(  jones-2019: {cite: "Jones B. Scar care. Burns 2019;2:3.", url: "https://x.org/j"})";
  const std::string unused = with(kEvidenceLine, kEvidenceLine + "\n" + jones);
  const scarwise::Diagnostic d = only_finding(unused);
  check_at(d, "W-UNUSED-EVIDENCE", 6, 3);
  CHECK(d.message.find("'jones-2019'") != std::string::npos);
  // Cited by a catalogue entry alone, it is used.
  CHECK(lint_of(with("  sun: {text: Avoid the sun for a week.}",
                     "  sun: {text: Avoid the sun for a week., evidence: [jones-2019]}", unused))
            .empty());
  CHECK(lint_of(with("    evidence: [smith-2020]\n  - id: caution.boxcar",
                     "    evidence: [smith-2020, jones-2019]\n  - id: caution.boxcar", unused))
            .empty());
}

TEST_CASE("W-NO-MESSAGE: a restricting rule that does not say why", "[api][lint]") {
  const std::string message = "      message: Boxcar scars respond less.";
  const std::string verdict = "      suitability: suitable_with_caution";
  for (const char* restricting : {"suitable_with_caution", "defer", "not_suitable"}) {
    const std::string silent =
        with(verdict, std::string("      suitability: ") + restricting, with(message, ""));
    const scarwise::Diagnostic d = only_finding(silent);
    check_at(d, "W-NO-MESSAGE", 23, 5);  // the rule's id
    CHECK(d.message.find(restricting) != std::string::npos);
  }
  CHECK(only_finding(with(message, "      message: \"  \"")).code == "W-NO-MESSAGE");
  // A rule that does not restrict needs no message.
  CHECK(lint_of(with(verdict, "      suitability: suitable", with(message, ""))).empty());
}

TEST_CASE("W-PLAN-RANGE: a plan with more sessions than limits.max_sessions", "[api][lint]") {
  const std::string plan =
      "      plan: {sessions: {min: 3, max: 6}, interval_weeks: {min: 4, max: 6}}";
  const auto sessions = [&](const std::string& range) {
    return with(plan, "      plan: {sessions: " + range + ", interval_weeks: {min: 4, max: 6}}");
  };
  const scarwise::Diagnostic d = only_finding(sessions("{min: 3, max: 10}"));
  check_at(d, "W-PLAN-RANGE", 18, 24);  // the sessions range
  CHECK(d.message.find("'plan.rolling'") != std::string::npos);
  CHECK(d.message.find("(8)") != std::string::npos);
  CHECK(only_finding(sessions("{min: 9, max: 9}")).code == "W-PLAN-RANGE");
  CHECK(lint_of(sessions("{min: 8, max: 8}")).empty());
  // Without `limits`, the limit is the default of 12.
  const std::string no_limits =
      with("limits: {max_sessions: 8}", "", sessions("{min: 3, max: 12}"));
  CHECK(lint_of(no_limits).empty());
  CHECK(only_finding(with("limits: {max_sessions: 8}", "", sessions("{min: 3, max: 13}"))).code ==
        "W-PLAN-RANGE");
}

TEST_CASE("W-EVIDENCE-INCOMPLETE: a citation without a year or an address", "[api][lint]") {
  const auto evidence = [&](const std::string& body) {
    return with(kEvidenceLine, "  smith-2020: " + body);
  };
  const scarwise::Diagnostic no_url =
      only_finding(evidence(R"({cite: "Smith A. Scars. J Derm 2020;1:2-3."})"));
  check_at(no_url, "W-EVIDENCE-INCOMPLETE", 5, 3);
  CHECK(no_url.message.find("'url'") != std::string::npos);
  CHECK(no_url.message.find("year") == std::string::npos);

  const scarwise::Diagnostic no_year =
      only_finding(evidence(R"({cite: "Smith A. Scars. J Derm;1:2-3.", url: "https://x.org/a"})"));
  check_at(no_year, "W-EVIDENCE-INCOMPLETE", 5, 3);
  CHECK(no_year.message.find("year") != std::string::npos);
  CHECK(no_year.message.find("'url'") == std::string::npos);

  // Neither: one finding that names both.
  const scarwise::Diagnostic neither =
      only_finding(evidence(R"({cite: "Smith A. Scars.", url: ""})"));
  CHECK(neither.message.find("year") != std::string::npos);
  CHECK(neither.message.find("'url'") != std::string::npos);

  // Four digits inside a longer number, or outside 1900-2099, are no year.
  CHECK(only_finding(evidence(R"({cite: "Smith A. Scars. PMID 120201.", url: "https://x.org/a"})"))
            .code == "W-EVIDENCE-INCOMPLETE");
  CHECK(
      only_finding(evidence(R"({cite: "Smith A. Scars. J 44:1234-1240.", url: "https://x.org/a"})"))
          .code == "W-EVIDENCE-INCOMPLETE");
  CHECK(lint_of(evidence(R"({cite: "Smith A. Scars. Lancet 1999.", url: "https://x.org/a"})"))
            .empty());
  // A source that carries no date says so, as a word.
  CHECK(
      lint_of(evidence(R"({cite: "Clinic. Scar care (web page, undated).", url: "https://x.org"})"))
          .empty());
  CHECK(only_finding(evidence(R"({cite: "Clinic. Undatedness.", url: "https://x.org"})")).code ==
        "W-EVIDENCE-INCOMPLETE");
}

TEST_CASE("W-EVIDENCE-INCOMPLETE: parts declared missing are accounted for", "[api][lint]") {
  const auto evidence = [&](const std::string& body) {
    return with(kEvidenceLine, "  smith-2020: " + body);
  };
  CHECK(lint_of(evidence(R"({cite: "Smith A. Scars. J Derm.", missing: [year, url]})")).empty());
  // Declaring one part missing says nothing about the other.
  const scarwise::Diagnostic no_url =
      only_finding(evidence(R"({cite: "Smith A. Scars. J Derm.", missing: [year]})"));
  CHECK(no_url.message.find("'url'") != std::string::npos);
  CHECK(no_url.message.find("year") == std::string::npos);
  CHECK(no_url.hint.find("missing") != std::string::npos);
  // Other parts do not stand in for a year or an address.
  CHECK(only_finding(evidence(R"({cite: "Smith A. J Derm 2020.", missing: [authors, pages]})"))
            .code == "W-EVIDENCE-INCOMPLETE");
}

TEST_CASE("an evidence entry's missing parts are checked at load", "[api][lint]") {
  const auto load_error = [&](const std::string& body) {
    try {
      scarwise::RuleSet::load_string(with(kEvidenceLine, "  smith-2020: " + body), "lint.yaml");
    } catch (const scarwise::LoadError& error) {
      REQUIRE(error.diagnostics().size() == 1);
      return error.diagnostics()[0];
    }
    FAIL("the rule set loaded");
    return scarwise::Diagnostic{};
  };
  const scarwise::Diagnostic unknown =
      load_error(R"({cite: "Smith A. Scars 2020.", url: "https://x.org", missing: [yaer]})");
  CHECK(unknown.code == "E-BAD-VALUE");
  CHECK(unknown.line == 5);
  CHECK(unknown.hint.find("'year'") != std::string::npos);
  CHECK(load_error(R"({cite: "Smith A. Scars.", missing: [year, year]})").code == "E-CONFLICT");
  const scarwise::Diagnostic both =
      load_error(R"({cite: "Smith A. Scars 2020.", url: "https://x.org", missing: [url]})");
  CHECK(both.code == "E-CONFLICT");
  CHECK(both.message.find("url") != std::string::npos);
}

TEST_CASE("lints of one rule set come grouped by lint, in declaration order", "[api][lint]") {
  const std::string two_facts =
      with(kFactLine, kFactLine + "\n  scar.age: {type: int}\n  scar.site: {type: bool}");
  const std::string text =
      with(kEvidenceLine, "  smith-2020: {cite: \"Smith A. Scars.\"}", two_facts);
  const std::vector<scarwise::Diagnostic> findings = lint_of(text);
  REQUIRE(findings.size() == 3);
  check_at(findings[0], "W-UNUSED-FACT", 8, 3);
  check_at(findings[1], "W-UNUSED-FACT", 9, 3);
  check_at(findings[2], "W-EVIDENCE-INCOMPLETE", 5, 3);
}

TEST_CASE("the default rules are lint-clean", "[api][lint][default-rules]") {
  // Citation parts no source at hand gives are declared in `missing`, and listed in
  // rules/default/README.md.
  const std::vector<scarwise::Diagnostic> findings = scarwise::lint(
      scarwise::RuleSet::load_file(std::string(SCARWISE_SOURCE_DIR) + "/rules/default"));
  INFO(scarwise::format_diagnostics(findings));
  CHECK(findings.empty());
}
