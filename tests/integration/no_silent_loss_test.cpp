// Nothing lost or invented: a key the schema does not know is an error in every map of the rule
// format, of cases and of test files; a failed load leaves nothing active; and the output is
// byte-identical across runs, loads and thread counts.
#include <unistd.h>

#include <atomic>
#include <catch2/catch.hpp>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <scarwise/scarwise.hpp>
#include <string>
#include <tuple>
#include <thread>
#include <utility>
#include <vector>

namespace fs = std::filesystem;
using scarwise::Diagnostic;
using scarwise::LoadResult;
using scarwise::RuleSet;
using scarwise::Severity;

namespace {

const std::string kDefaultRules = std::string(SCARWISE_SOURCE_DIR) + "/rules/default";

/// A rule set that uses every map of the rule format once.
const std::string kEveryMap =
    "schema_version: 1\n"
    "ruleset: {id: every-map, version: 1.0.0, title: Every map}\n"
    "evidence:\n"
    "  ev: {cite: A citation, url: \"https://example.org/ev\"}\n"
    "facts:\n"
    "  scar.type: {type: enum, values: [rolling, boxcar], required: true}\n"
    "  patient.age: {type: int, min: 0, max: 120}\n"
    "treatments:\n"
    "  prp: {name: PRP, evidence: [ev]}\n"
    "  laser: {name: Laser}\n"
    "precautions:\n"
    "  pih: {text: Pigment risk, evidence: [ev]}\n"
    "aftercare:\n"
    "  sun: {text: Sunscreen}\n"
    "limits: {max_sessions: 10}\n"
    "rules:\n"
    "  - id: r\n"
    "    title: A rule\n"
    "    when: scar.type == rolling\n"
    "    then:\n"
    "      suitability: suitable_with_caution\n"
    "      plan: {sessions: {min: 1, max: 3}, interval_weeks: {min: 4, max: 6},\n"
    "             needle_depth_mm: {min: 0.5, max: 1.5}}\n"
    "      suggest: [prp]\n"
    "      avoid: [laser]\n"
    "      precautions: [pih]\n"
    "      aftercare: [sun]\n"
    "      message: A message\n"
    "    evidence: [ev]\n";

struct Position {
  int line = 0;
  int column = 0;
};

Position position_of(const std::string& text, const std::string& needle) {
  const std::size_t offset = text.find(needle);
  REQUIRE(offset != std::string::npos);
  Position p{1, 1};
  for (std::size_t i = 0; i < offset; ++i) {
    p.column = text[i] == '\n' ? 1 : p.column + 1;
    p.line += text[i] == '\n' ? 1 : 0;
  }
  return p;
}

/// `text` with the first `anchor` replaced by `replacement`.
std::string with(std::string text, const std::string& anchor, const std::string& replacement) {
  const std::size_t at = text.find(anchor);
  REQUIRE(at != std::string::npos);
  return text.replace(at, anchor.size(), replacement);
}

/// The only error of `diagnostics` is `code` at the first "bogus" in `text`.
void require_only_error_at_bogus(const std::vector<Diagnostic>& diagnostics,
                                 const std::string& code, const std::string& text) {
  std::vector<Diagnostic> errors;
  for (const Diagnostic& d : diagnostics) {
    if (d.severity == Severity::error) errors.push_back(d);
  }
  REQUIRE(errors.size() == 1);
  // JSON diagnostics point at a key's opening quote, YAML ones at the key.
  const bool quoted = text.find("\"bogus\"") != std::string::npos;
  const Position at = position_of(text, quoted ? "\"bogus\"" : "bogus");
  CHECK(errors[0].code == code);
  CHECK(errors[0].line == at.line);
  CHECK(errors[0].column == at.column);
  CHECK(errors[0].message.find("bogus") != std::string::npos);
}

/// Cases for the default rule set: the examples, plus generated ones with a fixed seed that
/// give each fact a random declared value or leave it out.
std::vector<scarwise::Case> sample_cases(const RuleSet& rules) {
  std::vector<scarwise::Case> cases;
  for (const auto& entry :
       fs::directory_iterator(std::string(SCARWISE_SOURCE_DIR) + "/examples/cases")) {
    cases.push_back(scarwise::Case::from_file(entry.path().string()));
  }
  std::uint32_t state = 7u;
  const auto next = [&state](std::uint32_t bound) {
    state = state * 1664525u + 1013904223u;
    return (state >> 8) % bound;
  };
  const std::vector<scarwise::FactInfo> facts = rules.facts();
  for (int n = 0; n < 60; ++n) {
    scarwise::Case c;
    const int scars = 1 + static_cast<int>(next(3));
    for (int s = 0; s < scars; ++s) c.add_scar("s" + std::to_string(s));
    for (const scarwise::FactInfo& fact : facts) {
      const bool patient = fact.name.rfind("patient.", 0) == 0;
      const std::string key = fact.name.substr(fact.name.find('.') + 1);
      for (int s = 0; s < (patient ? 1 : scars); ++s) {
        if (!fact.required && next(3) == 0) continue;  // unknown
        scarwise::FactSet target = patient ? c.patient() : c.scar(static_cast<std::size_t>(s));
        if (fact.type == "bool") {
          target.set(key, next(2) == 1);
        } else if (fact.type == "enum") {
          target.set(key, fact.values[next(static_cast<std::uint32_t>(fact.values.size()))]);
        } else if (fact.type == "set") {
          std::vector<std::string> values;
          for (const std::string& v : fact.values) {
            if (next(2) == 1) values.push_back(v);
          }
          target.set(key, values);
        } else {
          const double low = fact.min.value_or(0);
          const double high = fact.max.value_or(low + 48);
          const double span = high - low;
          const double value = low + span * next(1001) / 1000.0;
          if (fact.type == "int") {
            target.set(key, static_cast<long long>(value));
          } else {
            target.set(key, value);
          }
        }
      }
    }
    cases.push_back(std::move(c));
  }
  return cases;
}

std::vector<std::string> render_all(const scarwise::Engine& engine,
                                    const std::vector<scarwise::Case>& cases) {
  std::vector<std::string> out;
  for (const scarwise::Case& c : cases) {
    const scarwise::Assessment a = engine.evaluate(c, scarwise::EvalOptions{true});
    out.push_back(a.to_json() + a.to_text());
  }
  return out;
}

std::vector<std::string> render_in_threads(const scarwise::Engine& engine,
                                           const std::vector<scarwise::Case>& cases,
                                           std::size_t threads) {
  std::vector<std::string> out(cases.size());
  std::vector<std::thread> workers;
  for (std::size_t t = 0; t < threads; ++t) {
    workers.emplace_back([&, t] {
      for (std::size_t i = t; i < cases.size(); i += threads) {
        const scarwise::Assessment a = engine.evaluate(cases[i], scarwise::EvalOptions{true});
        out[i] = a.to_json() + a.to_text();
      }
    });
  }
  for (std::thread& worker : workers) worker.join();
  return out;
}

}  // namespace

TEST_CASE("the rule set that uses every map loads", "[no-silent-loss]") {
  const LoadResult result = RuleSet::try_load_string(kEveryMap, "every.yaml");
  REQUIRE(result.ok());
  CHECK(result.diagnostics().empty());
}

TEST_CASE("an unknown key in any map of a rule file is an error at the key", "[no-silent-loss]") {
  const std::vector<std::pair<std::string, std::string>> injections = {
      {"top level", "schema_version: 1\n"},
      {"ruleset", "ruleset: {"},
      {"evidence entry", "ev: {"},
      {"facts entry", "scar.type: {"},
      {"treatments entry", "prp: {"},
      {"precautions entry", "pih: {"},
      {"aftercare entry", "sun: {"},
      {"limits", "limits: {"},
      {"rule", "  - id: r\n"},
      {"then", "    then:\n"},
      {"plan", "plan: {"},
      {"plan sessions", "sessions: {"},
      {"plan interval_weeks", "interval_weeks: {"},
      {"plan needle_depth_mm", "needle_depth_mm: {"},
  };
  for (const auto& [where, anchor] : injections) {
    INFO(where);
    std::string replacement;
    if (where == "top level") {
      replacement = anchor + "bogus: 1\n";
    } else if (where == "rule") {
      replacement = "  - bogus: 1\n    id: r\n";
    } else if (where == "then") {
      replacement = anchor + "      bogus: 1\n";
    } else {
      replacement = anchor + "bogus: 1, ";
    }
    const std::string text = with(kEveryMap, anchor, replacement);
    const LoadResult result = RuleSet::try_load_string(text, "every.yaml");
    CHECK_FALSE(result.ok());
    require_only_error_at_bogus(result.diagnostics(), "E-UNKNOWN-KEY", text);
  }
}

TEST_CASE("an unknown key is an error whatever its value holds", "[no-silent-loss]") {
  for (const std::string value : {"null", "[1, 2, 3]", "{a: {b: [c]}}", "\"\"", "|\n      text"}) {
    INFO(value);
    const std::string text =
        with(kEveryMap, "    then:\n", "    bogus: " + value + "\n    then:\n");
    const LoadResult result = RuleSet::try_load_string(text, "every.yaml");
    CHECK_FALSE(result.ok());
    require_only_error_at_bogus(result.diagnostics(), "E-UNKNOWN-KEY", text);
  }
}

TEST_CASE("an unknown key in an included file is an error there", "[no-silent-loss]") {
  const fs::path dir =
      fs::temp_directory_path() / ("scarwise-silent-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  const std::string included = "facts:\n  scar.x: {type: bool}\nbogus: 1\n";
  std::ofstream(dir / "more.yaml") << included;
  std::ofstream(dir / "ruleset.yaml")
      << with(kEveryMap, "schema_version: 1\n", "schema_version: 1\ninclude: [more.yaml]\n");
  const LoadResult result = RuleSet::try_load_file(dir.string());
  fs::remove_all(dir);
  CHECK_FALSE(result.ok());
  REQUIRE(result.diagnostics().size() == 1);
  CHECK(result.diagnostics()[0].code == "E-UNKNOWN-KEY");
  CHECK(fs::path(result.diagnostics()[0].file).filename() == "more.yaml");
  CHECK(result.diagnostics()[0].line == 3);
  CHECK(result.diagnostics()[0].column == 1);
}

TEST_CASE("layering keys that cannot take effect are errors, never ignored",
          "[no-silent-loss]") {
  for (const auto& [anchor, replacement, code] :
       std::vector<std::tuple<std::string, std::string, std::string>>{
           {"schema_version: 1\n", "schema_version: 1\nextends: scarwise:no-such-set\n",
            "E-EXTENDS-NOT-FOUND"},
           {"schema_version: 1\n", "schema_version: 1\ndisable: [r]\n", "E-NOT-ALLOWED"},
           {"    title: A rule\n", "    title: A rule\n    override: true\n",
            "E-OVERRIDE-UNKNOWN"}}) {
    INFO(replacement);
    const LoadResult result =
        RuleSet::try_load_string(with(kEveryMap, anchor, replacement), "every.yaml");
    CHECK_FALSE(result.ok());
    REQUIRE_FALSE(result.diagnostics().empty());
    CHECK(result.diagnostics()[0].code == code);
  }
}

TEST_CASE("an unknown key in a case is an error, in JSON and in YAML", "[no-silent-loss]") {
  const scarwise::Engine engine{RuleSet::load_string(kEveryMap, "every.yaml")};
  SECTION("at the top level") {
    const std::string json = "{\"patient\": {}, \"scars\": [], \"bogus\": 1}";
    const std::string yaml = "patient: {}\nscars: []\nbogus: 1\n";
    for (const auto& [text, is_json] : {std::pair{json, true}, std::pair{yaml, false}}) {
      try {
        is_json ? scarwise::Case::from_json(text) : scarwise::Case::from_yaml(text);
        FAIL("the case was read");
      } catch (const scarwise::CaseError& e) {
        require_only_error_at_bogus(e.diagnostics(), "E-CASE-UNKNOWN-KEY", text);
      }
    }
  }
  SECTION("in the patient and in a scar: unknown facts") {
    for (const std::string text :
         {"{\"patient\": {\"bogus\": 1}, \"scars\": [{\"id\": \"a\", \"type\": \"rolling\"}]}",
          "{\"patient\": {}, \"scars\": [{\"id\": \"a\", \"type\": \"rolling\", \"bogus\": 1}]}",
          "patient: {bogus: 1}\nscars: [{id: a, type: rolling}]\n",
          "scars:\n  - id: a\n    type: rolling\n    bogus: 1\n"}) {
      INFO(text);
      const scarwise::Case c = text[0] == '{' ? scarwise::Case::from_json(text, "c")
                                              : scarwise::Case::from_yaml(text, "c");
      const scarwise::EvalResult result = engine.try_evaluate(c);
      CHECK_FALSE(result.ok());
      require_only_error_at_bogus(result.diagnostics, "E-CASE-UNKNOWN-FACT", text);
    }
  }
}

TEST_CASE("an unknown key in any map of a test file is an error at the key", "[no-silent-loss]") {
  const std::string tests =
      "schema_version: 1\n"
      "tests:\n"
      "  - name: t\n"
      "    case: {scars: [{id: a, type: rolling}]}\n"
      "    expect:\n"
      "      suitability: suitable_with_caution\n"
      "      scars:\n"
      "        a:\n"
      "          combinations: {includes: [prp], excludes: [laser]}\n"
      "          plan: {sessions: {min: 1, max: 3}, rule: r}\n";
  REQUIRE(scarwise::TestSuite::try_load_string(tests, "t.yaml").ok());
  const std::vector<std::pair<std::string, std::string>> injections = {
      {"top level", "schema_version: 1\n"},   {"test", "  - name: t\n"},
      {"expect", "      suitability:"},       {"scar expectations", "          combinations:"},
      {"set expectation", "combinations: {"}, {"plan expectation", "plan: {"},
      {"range expectation", "sessions: {"},
  };
  for (const auto& [where, anchor] : injections) {
    INFO(where);
    std::string replacement;
    if (where == "top level") {
      replacement = anchor + "bogus: 1\n";
    } else if (where == "test") {
      replacement = "  - bogus: 1\n    name: t\n";
    } else if (anchor.back() == ':') {
      const std::string indent = anchor.substr(0, anchor.find_first_not_of(' '));
      replacement = indent + "bogus: 1\n" + anchor;
    } else {
      replacement = anchor + "bogus: 1, ";
    }
    const std::string text = with(tests, anchor, replacement);
    const scarwise::TestSuiteLoadResult result =
        scarwise::TestSuite::try_load_string(text, "t.yaml");
    CHECK_FALSE(result.ok());
    require_only_error_at_bogus(result.diagnostics(), "E-TEST-UNKNOWN-KEY", text);
  }
}

TEST_CASE("an unknown key in a test's case fails that test", "[no-silent-loss]") {
  const std::string tests =
      "schema_version: 1\n"
      "tests:\n"
      "  - name: t\n"
      "    case: {scars: [{id: a, type: rolling}], bogus: 1}\n"
      "    expect: {suitability: suitable_with_caution}\n";
  const scarwise::TestSuite suite = scarwise::TestSuite::load_string(tests, "t.yaml");
  const scarwise::Engine engine{RuleSet::load_string(kEveryMap, "every.yaml")};
  const scarwise::TestReport report = suite.run(engine);
  REQUIRE(report.results.size() == 1);
  CHECK_FALSE(report.results[0].passed);
  require_only_error_at_bogus(report.results[0].diagnostics, "E-CASE-UNKNOWN-KEY", tests);
}

TEST_CASE("a failed load leaves nothing active", "[no-silent-loss]") {
  const RuleSet good = RuleSet::load_file(kDefaultRules);
  const scarwise::Engine engine{good};
  const std::vector<scarwise::Case> cases = sample_cases(good);
  const std::vector<std::string> before = render_all(engine, cases);

  // One error in one rule of an otherwise good rule set: none of it loads.
  const std::string broken =
      with(kEveryMap, "    title: A rule\n", "    title: A rule\n    whne: x\n");
  const LoadResult failed = RuleSet::try_load_string(broken, "broken.yaml");
  CHECK_FALSE(failed.ok());
  CHECK_FALSE(static_cast<bool>(failed));
  CHECK_THROWS_AS(failed.value(), scarwise::LoadError);
  CHECK_THROWS_AS(RuleSet::load_string(broken, "broken.yaml"), scarwise::LoadError);
  try {
    RuleSet::load_string(broken, "broken.yaml");
  } catch (const scarwise::LoadError& e) {
    REQUIRE(e.diagnostics().size() == 1);
    CHECK(e.diagnostics()[0].code == "E-UNKNOWN-KEY");
  }

  // The rule set in use is untouched: same digest, same rules, byte-identical output.
  CHECK(engine.rules().digest() == good.digest());
  CHECK(engine.rules().rule_ids() == RuleSet::load_file(kDefaultRules).rule_ids());
  CHECK(render_all(engine, cases) == before);
}

TEST_CASE("output is byte-identical across runs, loads and thread counts", "[no-silent-loss]") {
  const RuleSet first = RuleSet::load_file(kDefaultRules);
  const RuleSet second = RuleSet::load_file(kDefaultRules);
  CHECK(first.digest() == second.digest());
  const std::vector<scarwise::Case> cases = sample_cases(first);
  REQUIRE(cases.size() > 60);
  const scarwise::Engine engine{first};
  const std::vector<std::string> reference = render_all(engine, cases);
  CHECK(render_all(engine, cases) == reference);
  CHECK(render_all(scarwise::Engine{second}, cases) == reference);
  for (const std::size_t threads : {2u, 3u, 8u}) {
    INFO(threads << " threads");
    CHECK(render_in_threads(engine, cases, threads) == reference);
  }
  // The rendered assessments differ between cases: the comparison above is not vacuous.
  CHECK(reference.front() != reference.back());
}
