// Speed never changes results: the engine's fast path (one-pass case reading, compact results,
// the JSON line written from fragments) against the reference interpreter of
// reference_evaluator.hpp, on thousands of random cases per rule set, byte for byte. The cases
// are mostly valid, written in every way JSON allows, with a share of the mistakes the full
// reader must catch, so that both the fast path and its fall-back to the full reader are held
// to the reference.
#include <catch2/catch.hpp>

#include "io/assessment_json.hpp"
#include "io/case_fast_reader.hpp"
#include "model/assessment_data.hpp"
#include "reference_evaluator.hpp"

#include <scarwise/scarwise.hpp>

#include <algorithm>
#include <cstdio>
#include <random>

namespace {

using namespace scarwise;
using namespace scarwise::internal;

constexpr int kCasesPerRuleSet = 3000;

/// Writes random cases for one vocabulary. In a case that is not plain, `odd(p)` decides, with
/// probability p, to write something unusual: a mistake, or a valid form the fast reader leaves
/// to the full one.
class CaseWriter {
 public:
  CaseWriter(const Vocabulary& vocabulary, std::uint64_t seed) : v_(vocabulary), rng_(seed) {}

  std::string next() {
    out_.clear();
    // Most cases are written plainly, as services write them; the rest carry oddities.
    plain_ = std::bernoulli_distribution(0.6)(rng_);
    open('{');
    std::vector<std::string> top = {"patient", "scars"};
    if (odd(0.01)) top.push_back("notes");
    if (odd(0.01)) top.erase(top.begin());
    std::shuffle(top.begin(), top.end(), rng_);
    for (std::size_t i = 0; i < top.size(); ++i) {
      if (i) comma();
      key(top[i]);
      if (top[i] == "patient") {
        facts(Scope::Patient, {});
      } else if (top[i] == "scars") {
        scars();
      } else {
        out_ += "\"free text\"";
      }
    }
    close('}');
    return out_;
  }

 private:
  bool odd(double p) { return !plain_ && std::bernoulli_distribution(p)(rng_); }
  int pick(int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng_); }
  void space() {
    static const char* const kSpaces[] = {"", "", "", " ", "\n  ", "\t", "\r\n"};
    out_ += kSpaces[pick(7)];
  }
  void open(char c) { space(); out_ += c; space(); }
  void close(char c) { space(); out_ += c; space(); }
  void comma() { space(); out_ += ','; space(); }
  void key(const std::string& k) { out_ += '"' + k + "\":"; space(); }

  void scars() {
    const int count = odd(0.01) ? 0 : 1 + pick(3);
    open('[');
    std::vector<std::string> ids;
    for (int i = 0; i < count; ++i) {
      if (i) comma();
      std::string id = "site-" + std::to_string(i);
      if (odd(0.01) && !ids.empty()) id = ids.front();  // a duplicate
      if (odd(0.01)) id = "jou\\u00e9";                // an escape
      if (odd(0.01)) id = "épaule";                    // UTF-8
      if (odd(0.005)) id = "";
      ids.push_back(id);
      facts(Scope::Scar, odd(0.005) ? std::string("7") : '"' + id + '"');
    }
    close(']');
  }

  /// A fact's key as written: mostly itself; sometimes one that only begins or ends like it,
  /// or the same key with its first letter escaped (the same key to a JSON reader).
  std::string key_text(const std::string& key) {
    if (odd(0.01)) return key + "x";
    if (odd(0.01)) return key.substr(0, key.size() - 1);
    if (odd(0.01)) {
      char escaped[8];
      std::snprintf(escaped, sizeof escaped, "\\u%04x", static_cast<unsigned char>(key[0]));
      return escaped + key.substr(1);
    }
    return key;
  }

  void facts(Scope scope, const std::string& id) {
    std::vector<std::string> members;
    if (!id.empty() && !odd(0.005)) members.push_back("\"id\":" + id);
    for (const FactDecl& decl : v_.facts()) {
      if (decl.scope != scope) continue;
      if (!decl.required && odd(0.2)) continue;
      if (decl.required && odd(0.005)) continue;
      members.push_back('"' + key_text(decl.key) + "\":" + value(decl));
      if (odd(0.003)) members.push_back(members.back());  // a repeated key
    }
    if (odd(0.01)) members.push_back("\"no_such_fact\":true");
    // Half the mappings list their keys in declaration order, as one service writes them all
    // (the fast reader's guess of the next key holds); the others in any order (it fails).
    if (std::bernoulli_distribution(0.5)(rng_)) std::shuffle(members.begin(), members.end(), rng_);
    open('{');
    for (std::size_t i = 0; i < members.size(); ++i) {
      if (i) comma();
      out_ += members[i];
    }
    close('}');
  }

  std::string integer(const FactDecl& decl) {
    const long lo = decl.min ? static_cast<long>(*decl.min) : -3;
    const long hi = decl.max ? static_cast<long>(*decl.max) : 120;
    long n = std::uniform_int_distribution<long>(lo, std::min(hi, lo + 200))(rng_);
    if (odd(0.01)) n = hi + 1;
    std::string text = std::to_string(n);
    if (odd(0.01)) text += ".0";
    if (odd(0.01)) text += "e0";
    if (odd(0.005)) text = "0" + text;
    if (odd(0.005)) text = "-0";
    if (odd(0.003)) text = "123456789012345678901";
    return text;
  }

  /// A number with a fraction or exponent, mostly in bounds, in the forms JSON allows and a
  /// few it does not.
  std::string decimal(const FactDecl& decl) {
    const double lo = decl.min ? *decl.min : -3;
    const double hi = decl.max ? std::min(*decl.max, lo + 200) : lo + 200;
    const double real = std::uniform_real_distribution<double>(lo, hi)(rng_);
    char buffer[64];
    switch (pick(28)) {
      case 0: std::snprintf(buffer, sizeof buffer, "%.3f", real); break;
      // Around the number of digits a double holds exactly: 15 and fewer take the fast
      // reader's exact division, more the full conversion.
      case 9: std::snprintf(buffer, sizeof buffer, "%.15g", real); break;
      case 10: std::snprintf(buffer, sizeof buffer, "%.16g", real); break;
      case 11: std::snprintf(buffer, sizeof buffer, "%.6f", real); break;
      case 12: std::snprintf(buffer, sizeof buffer, "%.12f", real / 1000); break;
      case 1: std::snprintf(buffer, sizeof buffer, "%.17g", real); break;
      case 2: std::snprintf(buffer, sizeof buffer, "%.2e", real); break;
      case 3: std::snprintf(buffer, sizeof buffer, "%.1E", real); break;
      case 4: std::snprintf(buffer, sizeof buffer, "%.0fe+0", real); break;
      case 5: return "-0.0";
      case 6: return "1.";
      case 7: return "1e999";
      case 8: return ".5";
      default: std::snprintf(buffer, sizeof buffer, "%.1f", real); break;
    }
    return buffer;
  }

  std::string value(const FactDecl& decl) {
    if (odd(0.005)) return "null";
    switch (decl.type) {
      case FactType::Bool:
        if (odd(0.005)) return "\"yes\"";
        return odd(0.5) ? "true" : "false";
      case FactType::Int:
        return integer(decl);
      case FactType::Number:
        if (odd(0.5)) return integer(decl);
        return decimal(decl);
      case FactType::Enum:
        if (odd(0.01)) return "\"no_such_value\"";
        if (odd(0.005)) return "3";
        return '"' + decl.values[pick(static_cast<int>(decl.values.size()))] + '"';
      case FactType::Set: {
        std::vector<std::string> words;
        for (const std::string& word : decl.values) {
          if (odd(0.3)) words.push_back('"' + word + '"');
        }
        if (odd(0.01) && !words.empty()) words.push_back(words.front());
        if (odd(0.01)) words.push_back("\"no_such_value\"");
        std::shuffle(words.begin(), words.end(), rng_);
        std::string text = "[";
        for (std::size_t i = 0; i < words.size(); ++i) text += (i ? "," : "") + words[i];
        return text + "]";
      }
    }
    return "null";
  }

  const Vocabulary& v_;
  std::mt19937_64 rng_;
  std::string out_;
  bool plain_ = true;
};

/// The engine's answer in the reference's terms: the record, or "rejected" and the codes.
std::string fast_answer(const Engine& engine, const std::string& text) {
  const EvalResult result = engine.try_evaluate_json(text);
  if (!result.ok()) {
    std::string codes = "rejected";
    for (const Diagnostic& d : result.diagnostics) codes += " " + d.code;
    return codes;
  }
  std::string line;
  result.assessment->append_json_line(line);
  return line;
}

/// The public scars of an assessment rendered through the document renderer: what a host
/// reading Assessment::scars() sees must say what the JSON line says.
std::string materialized_line(const Assessment& a, const std::shared_ptr<const RuleSetModel>& rules) {
  AssessmentData data;
  data.ruleset = rules;
  data.suitability = a.suitability();
  data.complete = a.complete();
  data.case_digest = a.case_digest();
  data.scars = a.scars();
  return assessment_to_json_line(data);
}

void check_rule_set(const RuleSet& rules, std::uint64_t seed) {
  const Engine engine{rules};
  CaseWriter writer(rules.model()->vocabulary, seed);
  int fast = 0;
  int assessed = 0;
  SlotCase slots;
  for (int i = 0; i < kCasesPerRuleSet; ++i) {
    const std::string text = writer.next();
    INFO("case " << i << ": " << text);
    const std::string expected = reference::assess_json_line(rules.model(), text);
    REQUIRE(fast_answer(engine, text) == expected);
    if (read_case_fast(text, *rules.model(), CaseOptions{}, slots)) ++fast;
    if (expected.rfind("rejected", 0) == 0) continue;
    ++assessed;
    // The same case through Case::from_json, and the scars a host reads.
    const Assessment a = engine.evaluate(Case::from_json(text));
    REQUIRE(a.to_json_line() == expected);
    REQUIRE(materialized_line(a, rules.model()) == expected);
  }
  // Both paths must have been taken often, or the comparison would prove little.
  CHECK(fast > kCasesPerRuleSet / 3);
  CHECK(assessed - fast > kCasesPerRuleSet / 50);
  CHECK(kCasesPerRuleSet - assessed > kCasesPerRuleSet / 50);
}

const std::string kSource = SCARWISE_SOURCE_DIR;

}  // namespace

TEST_CASE("differential: the default rules agree with the reference", "[differential]") {
  check_rule_set(RuleSet::load_file(kSource + "/rules/default"), 1);
}

TEST_CASE("differential: a clinic overlay on the default rules agrees", "[differential]") {
  LoadOptions options;
  options.rules_path = {kSource + "/rules"};
  check_rule_set(RuleSet::load_file(kSource + "/examples/clinic-overlay", options), 2);
}

TEST_CASE("differential: the test rule sets agree with the reference", "[differential]") {
  check_rule_set(RuleSet::load_file(kSource + "/tests/data/good_rules/single.yaml"), 3);
  check_rule_set(RuleSet::load_file(kSource + "/tests/data/good_rules/clinic"), 4);
}

TEST_CASE("differential: plain numbers with a fraction or exponent take the fast path",
          "[differential]") {
  const RuleSet rules = RuleSet::load_file(kSource + "/rules/default");
  SlotCase slots;
  for (const char* months : {"31.2", "0.5", "2.5e1", "1E2", "-0.0", "1e999"}) {
    const std::string text = std::string(R"({"patient":{"age":30,"fitzpatrick":2},)") +
                             R"("scars":[{"id":"a","type":"rolling","area":"face","age_months":)" +
                             months + "}]}";
    INFO(text);
    const bool plain = std::string(months) != "-0.0" && std::string(months) != "1e999";
    // A negative zero and an overflow are the full reader's to judge.
    CHECK(read_case_fast(text, *rules.model(), CaseOptions{}, slots) == plain);
    CHECK(fast_answer(Engine{rules}, text) == reference::assess_json_line(rules.model(), text));
  }
}
