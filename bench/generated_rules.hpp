// Generated rule sets of any size, for benchmarks that measure how loading, evaluation and
// analysis grow with the number of rules. A rule set is a fixed vocabulary of facts (bool, int
// with bounds, enum and set facts, in patient and scar scope), catalogues that grow with the
// rules, and rules drawn from a seeded generator: conditions of one to three comparisons with
// varied thresholds, and conclusions that suggest, avoid and recommend treatments, attach
// precautions and aftercare, set verdicts, plans and session adjustments. The generator knows
// the one complete case it is measured with, so it also says how many rules fire for it: a
// benchmark checks that figure instead of trusting the generator.
#pragma once

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <random>
#include <scarwise/scarwise.hpp>
#include <stdexcept>
#include <string>
#include <system_error>
#include <vector>

#ifndef _WIN32
#include <unistd.h>
#endif

namespace scarwise::bench {

/// A fresh directory under the system's temporary directory, removed with everything in it
/// when the object goes.
class ScratchDirectory {
 public:
  explicit ScratchDirectory(const std::string& prefix) {
    static std::atomic<int> counter{0};
    const std::filesystem::path base = std::filesystem::temp_directory_path();
#ifndef _WIN32
    const long process = static_cast<long>(::getpid());
#else
    const long process = 0;
#endif
    for (;;) {
      path_ = base / (prefix + "-" + std::to_string(process) + "-" + std::to_string(counter++));
      if (std::filesystem::create_directory(path_)) break;  // else taken: try the next name
    }
  }
  ScratchDirectory(const ScratchDirectory&) = delete;
  ScratchDirectory& operator=(const ScratchDirectory&) = delete;
  ~ScratchDirectory() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  const std::filesystem::path& path() const noexcept { return path_; }

 private:
  std::filesystem::path path_;
};

/// One generated rule set: its files' text, the case it is measured with, and what that case
/// must give. Deterministic for the same sizes and seed.
class GeneratedRuleSet {
 public:
  /// `rules` rules over `facts` facts (at least 4: one of each type), drawn from `seed`.
  GeneratedRuleSet(int rules, int facts = 20, std::uint32_t seed = 1)
      : rules_(rules), random_(seed) {
    if (rules < 1 || facts < 4) throw std::invalid_argument("at least 1 rule and 4 facts");
    treatments_ = std::max(8, rules / 4);
    precautions_ = std::max(4, rules / 8);
    aftercare_ = std::max(4, rules / 20);
    evidence_ = std::max(4, rules / 20);
    for (int i = 0; i < facts; ++i) facts_.push_back(make_fact(i));
    header_ = write_header();
    for (int first = 0; first < rules; first += kRulesPerFile) {
      std::string text = "schema_version: 1\nrules:\n";
      for (int i = first; i < std::min(rules, first + kRulesPerFile); ++i) text += write_rule(i);
      rule_files_.push_back(std::move(text));
    }
  }

  int rules() const noexcept { return rules_; }
  /// How many rules fire for complete_case()'s one scar.
  int expected_fired() const noexcept { return fired_; }
  int treatments() const noexcept { return treatments_; }
  int precautions() const noexcept { return precautions_; }

  /// Writes ruleset.yaml and its rule files (at most kRulesPerFile rules each) into `dir`, and
  /// returns the root file's path.
  std::string write(const std::filesystem::path& dir) const {
    write_file(dir / "ruleset.yaml", header_);
    for (std::size_t i = 0; i < rule_files_.size(); ++i) {
      write_file(dir / rule_file_name(i), rule_files_[i]);
    }
    return (dir / "ruleset.yaml").string();
  }

  /// One patient with one scar, every fact given.
  Case complete_case() const {
    return make_case([](const Fact& fact) {
      return FactValues{fact.bool_value, fact.int_value, fact.members};
    });
  }

  /// `count` cases like complete_case(), each value drawn from `seed` instead: a stream of
  /// different patients, where complete_case() evaluated again and again takes the same branches
  /// through the same rules every time, which the processor learns for a small rule set.
  std::vector<Case> varied_cases(int count, std::uint32_t seed = 2) const {
    std::mt19937 random(seed);
    std::vector<Case> cases;
    for (int k = 0; k < count; ++k) {
      cases.push_back(make_case([&](const Fact& fact) {
        const int value = fact.type == Type::integer
                              ? kIntMin + pick(random, kIntMax - kIntMin + 1)
                              : pick(random, kValues);
        return FactValues{pick(random, 2) == 0, value,
                          static_cast<std::uint32_t>(pick(random, 1 << kValues))};
      }));
    }
    return cases;
  }

  static constexpr int kRulesPerFile = 1000;

 private:
  enum class Type { boolean, integer, enumeration, set };
  struct Fact {
    std::string name;  // with its scope
    std::string key;   // without it, as a case gives it
    bool patient = true;
    Type type = Type::boolean;
    bool bool_value = false;    // the case's value of a bool fact
    int int_value = 0;          // of an int fact, or the index of an enum fact's value
    std::uint32_t members = 0;  // of a set fact, one bit a value
  };
  struct Atom {
    std::string text;
    bool value;
  };
  /// A case's value of one fact, read as its type says.
  struct FactValues {
    bool bool_value = false;
    int int_value = 0;  // an int fact's value, or an enum fact's value index
    std::uint32_t members = 0;
  };

  /// One patient with one scar, each fact given the value `value_of(fact)` says.
  template <typename ValueOf>
  Case make_case(ValueOf value_of) const {
    Case c;
    FactSet patient = c.patient();
    FactSet scar = c.add_scar("site-0");
    for (const Fact& fact : facts_) {
      FactSet& facts = fact.patient ? patient : scar;
      const FactValues value = value_of(fact);
      switch (fact.type) {
        case Type::boolean:
          facts.set(fact.key, value.bool_value);
          break;
        case Type::integer:
          facts.set(fact.key, value.int_value);
          break;
        case Type::enumeration:
          facts.set(fact.key, value_name(value.int_value));
          break;
        case Type::set: {
          std::vector<std::string> members;
          for (int v = 0; v < kValues; ++v) {
            if (value.members & (1u << v)) members.push_back(value_name(v));
          }
          facts.set(fact.key, std::move(members));
          break;
        }
      }
    }
    return c;
  }

  static constexpr int kValues = 8;  // values of every enum and set fact
  static constexpr int kIntMin = 0;
  static constexpr int kIntMax = 100;

  static std::string value_name(int v) { return "v" + std::to_string(v); }
  static std::string rule_file_name(std::size_t i) {
    return "rules-" + std::to_string(i) + ".yaml";
  }
  static void write_file(const std::filesystem::path& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary);
    out << text;
    if (!out.flush()) throw std::runtime_error("cannot write " + path.string());
  }

  /// A number in [0, n), the same on every standard library (unlike the distributions).
  static int pick(std::mt19937& random, int n) {
    return static_cast<int>(random() % static_cast<std::uint32_t>(n));
  }
  int pick(int n) { return pick(random_, n); }

  Fact make_fact(int i) {
    static const char* const kKinds[] = {"flag", "level", "kind", "tags"};
    Fact fact;
    fact.patient = i % 2 == 0;
    fact.type = static_cast<Type>(i % 4);
    fact.key = std::string(kKinds[i % 4]) + "_" + std::to_string(i);
    fact.name = (fact.patient ? "patient." : "scar.") + fact.key;
    fact.bool_value = pick(2) == 0;
    fact.int_value = fact.type == Type::integer ? 20 + pick(61) : pick(kValues);
    fact.members = static_cast<std::uint32_t>(pick(1 << kValues));
    return fact;
  }

  std::string write_header() const {
    std::string text =
        "schema_version: 1\n"
        "ruleset:\n  id: bench-generated\n  version: 1.0.0\n"
        "  title: Generated rules for the scaling benchmarks\n";
    text += "include:\n";
    for (std::size_t i = 0; i < rule_files_count(); ++i) text += "  - " + rule_file_name(i) + "\n";
    text += "facts:\n";
    for (const Fact& fact : facts_) {
      text += "  " + fact.name + ": ";
      switch (fact.type) {
        case Type::boolean:
          text += "{type: bool}\n";
          break;
        case Type::integer:
          text += "{type: int, min: " + std::to_string(kIntMin) +
                  ", max: " + std::to_string(kIntMax) + "}\n";
          break;
        case Type::enumeration:
        case Type::set: {
          text += fact.type == Type::set ? "{type: set, values: [" : "{type: enum, values: [";
          for (int v = 0; v < kValues; ++v) text += (v ? ", " : "") + value_name(v);
          text += "]}\n";
          break;
        }
      }
    }
    text += "evidence:\n";
    for (int i = 0; i < evidence_; ++i) {
      text += "  src-" + std::to_string(i) + ": {cite: \"Author " + std::to_string(i) +
              ", et al. Generated citation " + std::to_string(i) + ". J Bench 2024;" +
              std::to_string(1 + i % 40) + ":" + std::to_string(100 + i) + "-" +
              std::to_string(110 + i) + ".\"}\n";
    }
    text += "treatments:\n";
    for (int i = 0; i < treatments_; ++i) {
      text += "  treatment-" + std::to_string(i) + ": {name: Treatment number " +
              std::to_string(i) + ", evidence: [src-" + std::to_string(i % evidence_) + "]}\n";
    }
    text += "precautions:\n";
    for (int i = 0; i < precautions_; ++i) {
      text += "  precaution-" + std::to_string(i) + ": {text: Precaution number " +
              std::to_string(i) + " for the clinician to read before treating.}\n";
    }
    text += "aftercare:\n";
    for (int i = 0; i < aftercare_; ++i) {
      text += "  aftercare-" + std::to_string(i) + ": {text: Aftercare instruction number " +
              std::to_string(i) + " for the patient.}\n";
    }
    return text;
  }

  std::size_t rule_files_count() const {
    return static_cast<std::size_t>((rules_ + kRulesPerFile - 1) / kRulesPerFile);
  }

  /// One comparison on a random fact, and its value for the case.
  Atom make_atom() {
    const Fact& fact = facts_[static_cast<std::size_t>(pick(static_cast<int>(facts_.size())))];
    switch (fact.type) {
      case Type::boolean: {
        const bool negated = pick(2) == 0;
        return {negated ? "not " + fact.name : fact.name, fact.bool_value != negated};
      }
      case Type::integer: {
        // A threshold near the case's value, inside the bounds, so that it decides.
        const int threshold = std::clamp(fact.int_value + pick(41) - 20, kIntMin + 1, kIntMax - 1);
        static const char* const kOps[] = {">=", "<", ">", "<="};
        const int op = pick(4);
        const int v = fact.int_value;
        const bool value = op == 0   ? v >= threshold
                           : op == 1 ? v < threshold
                           : op == 2 ? v > threshold
                                     : v <= threshold;
        return {fact.name + " " + kOps[op] + " " + std::to_string(threshold), value};
      }
      case Type::enumeration: {
        if (pick(3) == 0) {
          const int v = pick(kValues);
          return {fact.name + " != " + value_name(v), fact.int_value != v};
        }
        // Half of the values, so that it holds about half the time.
        std::string list;
        bool value = false;
        for (int v = 0, n = 0; v < kValues; ++v) {
          if (pick(2) == 0 && n < kValues - 1) {
            list += (n++ ? ", " : "") + value_name(v);
            value = value || v == fact.int_value;
          }
        }
        if (list.empty()) return {fact.name + " == v0", fact.int_value == 0};
        return {fact.name + " in [" + list + "]", value};
      }
      case Type::set: {
        const int v = pick(kValues);
        const bool has = (fact.members & (1u << v)) != 0;
        if (pick(3) == 0) return {"not (" + fact.name + " contains " + value_name(v) + ")", !has};
        return {fact.name + " contains " + value_name(v), has};
      }
    }
    return {"true", true};
  }

  /// Distinct ids `prefix-N` from [0, count): the first is `*next` (which then moves on, so
  /// that every entry is used somewhere), the others random; none of `taken`.
  std::vector<int> pick_ids(int how_many, int count, int* next, std::vector<int>& taken) {
    std::vector<int> ids;
    for (int attempt = 0; static_cast<int>(ids.size()) < how_many && attempt < 4 * how_many;
         ++attempt) {
      int id = ids.empty() && next != nullptr ? (*next)++ % count : pick(count);
      if (std::find(taken.begin(), taken.end(), id) != taken.end()) continue;
      ids.push_back(id);
      taken.push_back(id);
    }
    return ids;
  }

  static std::string id_list(const char* prefix, const std::vector<int>& ids) {
    std::string list = "[";
    for (std::size_t i = 0; i < ids.size(); ++i) {
      list += (i ? ", " : "") + std::string(prefix) + "-" + std::to_string(ids[i]);
    }
    return list + "]";
  }

  std::string write_rule(int i) {
    // The condition: one comparison, two joined by `and`, or `a and (b or c)`.
    const int shape = pick(3);
    const Atom a = make_atom();
    std::string when = a.text;
    bool fires = a.value;
    if (shape >= 1) {
      const Atom b = make_atom();
      if (shape == 1) {
        when += " and " + b.text;
        fires = fires && b.value;
      } else {
        const Atom c = make_atom();
        when += " and (" + b.text + " or " + c.text + ")";
        fires = fires && (b.value || c.value);
      }
    }
    if (fires) ++fired_;

    std::string then;
    const int kind = pick(100);
    int priority = pick(21) - 10;
    if (kind < 8) {
      // A plan, with a priority of its own so that plan rules never tie.
      const int min = 1 + pick(3);
      then += "      plan: {sessions: {min: " + std::to_string(min) +
              ", max: " + std::to_string(min + 1 + pick(4)) +
              "}, interval_weeks: {min: " + std::to_string(2 + pick(3)) +
              ", max: 6}, needle_depth_mm: {min: 0.5, max: " + std::to_string(1 + pick(2)) +
              ".5}}\n";
      priority = 100 + i;
    } else if (kind < 13) {
      then += "      adjust_sessions: " + std::string(pick(2) ? "1" : "-1") + "\n";
    }
    if (kind >= 90 && kind < 98) {
      then += "      suitability: suitable_with_caution\n";
    } else if (kind >= 98) {
      then += "      suitability: defer\n      reevaluate_after_weeks: " +
              std::to_string(2 + pick(10)) + "\n";
    }
    std::vector<int> treatments_taken;
    then += "      suggest: " +
            id_list("treatment",
                    pick_ids(1 + pick(3), treatments_, &next_treatment_, treatments_taken)) +
            "\n";
    if (pick(10) == 0) {
      // Avoids come from the last tenth of the treatments, so that some suggestions are
      // suppressed and most are kept.
      const int tenth = std::max(1, treatments_ / 10);
      const int id = treatments_ - tenth + pick(tenth);
      if (std::find(treatments_taken.begin(), treatments_taken.end(), id) ==
          treatments_taken.end()) {
        then += "      avoid: [treatment-" + std::to_string(id) + "]\n";
        treatments_taken.push_back(id);
      }
    }
    if (pick(10) == 0) {
      const std::vector<int> ids = pick_ids(1, treatments_, nullptr, treatments_taken);
      if (!ids.empty()) then += "      alternatives: " + id_list("treatment", ids) + "\n";
    }
    std::vector<int> taken;
    if (pick(2) == 0) {
      then += "      precautions: " +
              id_list("precaution", pick_ids(1 + pick(2), precautions_, &next_precaution_, taken)) +
              "\n";
    }
    taken.clear();
    if (pick(4) == 0) {
      then += "      aftercare: " +
              id_list("aftercare", pick_ids(1, aftercare_, &next_aftercare_, taken)) + "\n";
    }
    then += "      message: Generated rule " + std::to_string(i) +
            " says why it applies, as a clinician would read it.\n";

    return "  - id: gen.rule-" + std::to_string(i) + "\n    title: Generated rule " +
           std::to_string(i) + "\n    priority: " + std::to_string(priority) + "\n    when: \"" +
           when + "\"\n    then:\n" + then + "    evidence: [src-" +
           std::to_string(next_evidence_++ % evidence_) + "]\n";
  }

  int rules_;
  std::mt19937 random_;
  int treatments_ = 0, precautions_ = 0, aftercare_ = 0, evidence_ = 0;
  int next_treatment_ = 0, next_precaution_ = 0, next_aftercare_ = 0, next_evidence_ = 0;
  int fired_ = 0;
  std::vector<Fact> facts_;
  std::string header_;
  std::vector<std::string> rule_files_;
};

/// Writes a generated rule set of `rules` rules over `facts` facts into `dir` and returns its
/// root file's path.
inline std::string write_generated_ruleset(const std::filesystem::path& dir, int rules,
                                           int facts = 20, std::uint32_t seed = 1) {
  return GeneratedRuleSet(rules, facts, seed).write(dir);
}

}  // namespace scarwise::bench
