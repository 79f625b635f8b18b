// Evaluation racing with reloads, the way a host swaps rule sets while serving requests:
// several threads evaluate cases through a shared Engine handle while another thread reloads
// rule sets, some valid and some broken, and swaps the handle with std::atomic_store. Every
// assessment must come from exactly one rule set version (its digest is a valid version's, and
// its bytes are what that version gives single-threaded), and a broken reload must never
// replace the working engine. Run under ThreadSanitizer by the tsan preset.
#include <unistd.h>

#include <atomic>
#include <catch2/catch.hpp>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <scarwise/scarwise.hpp>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace fs = std::filesystem;
using scarwise::Engine;
using scarwise::RuleSet;

namespace {

const fs::path kDefaultRules = fs::path(SCARWISE_SOURCE_DIR) / "rules" / "default";

std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

void write_text(const fs::path& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

/// `text` with `from` replaced by `to`; the edit must apply.
std::string edited(std::string text, const std::string& from, const std::string& to) {
  const std::size_t at = text.find(from);
  REQUIRE(at != std::string::npos);
  return text.replace(at, from.size(), to);
}

/// Copies of the default rule set, some changed into other valid versions and some broken.
class Versions {
 public:
  Versions() {
    root_ = fs::temp_directory_path() / ("scarwise-concurrency-" + std::to_string(::getpid()));
    fs::remove_all(root_);
    const std::string ruleset = read_text(kDefaultRules / "ruleset.yaml");
    add_valid("default", {});
    add_valid("fewer-sessions",
              {{"ruleset.yaml", edited(edited(ruleset, "max_sessions: 8", "max_sessions: 4"),
                                       "version: 1.1.0", "version: 1.1.1")}});
    add_valid("renamed",
              {{"ruleset.yaml", edited(ruleset, "version: 1.1.0", "version: 2.0.0-beta.1")}});
    add_broken("unknown-key", {{"ruleset.yaml", ruleset + "bogus: 1\n"}});
    add_broken("missing-include",
               {{"ruleset.yaml", edited(ruleset, "  - aftercare.yaml", "  - aftercare2.yaml")}});
    add_broken("yaml-error", {{"plans.yaml", read_text(kDefaultRules / "plans.yaml") + "[\n"}});
  }
  Versions(const Versions&) = delete;
  Versions& operator=(const Versions&) = delete;
  ~Versions() {
    std::error_code ec;
    fs::remove_all(root_, ec);
  }

  struct Version {
    std::string name;
    fs::path dir;
    bool valid = false;
  };
  const std::vector<Version>& all() const { return versions_; }

 private:
  void add(const std::string& name, const std::map<std::string, std::string>& changes, bool valid) {
    const fs::path dir = root_ / name;
    fs::create_directories(dir);
    for (const fs::directory_entry& entry : fs::directory_iterator(kDefaultRules)) {
      if (entry.path().extension() == ".yaml") {
        fs::copy_file(entry.path(), dir / entry.path().filename());
      }
    }
    for (const auto& [file, text] : changes) write_text(dir / file, text);
    versions_.push_back({name, dir, valid});
  }
  void add_valid(const std::string& name, const std::map<std::string, std::string>& changes) {
    add(name, changes, true);
  }
  void add_broken(const std::string& name, const std::map<std::string, std::string>& changes) {
    add(name, changes, false);
  }

  fs::path root_;
  std::vector<Version> versions_;
};

/// The example cases and generated ones (fixed seed), each fact given or left unknown.
std::vector<scarwise::Case> sample_cases(const RuleSet& rules) {
  std::vector<scarwise::Case> cases;
  for (const auto& entry :
       fs::directory_iterator(fs::path(SCARWISE_SOURCE_DIR) / "examples" / "cases")) {
    cases.push_back(scarwise::Case::from_file(entry.path().string()));
  }
  std::uint32_t state = 99u;
  const auto next = [&state](std::uint32_t bound) {
    state = state * 1664525u + 1013904223u;
    return (state >> 8) % bound;
  };
  for (int n = 0; n < 24; ++n) {
    scarwise::Case c;
    c.add_scar("a");
    c.add_scar("b");
    for (const scarwise::FactInfo& fact : rules.facts()) {
      const bool patient = fact.name.rfind("patient.", 0) == 0;
      const std::string key = fact.name.substr(fact.name.find('.') + 1);
      for (std::size_t s = 0; s < (patient ? 1u : 2u); ++s) {
        if (!fact.required && next(4) == 0) continue;
        scarwise::FactSet target = patient ? c.patient() : c.scar(s);
        if (fact.type == "bool") {
          target.set(key, next(2) == 1);
        } else if (fact.type == "enum") {
          target.set(key, fact.values[next(static_cast<std::uint32_t>(fact.values.size()))]);
        } else if (fact.type == "set") {
          target.set(key, std::vector<std::string>{fact.values.front()});
        } else {
          const double low = fact.min.value_or(0);
          const double high = fact.max.value_or(low + 36);
          const long long value = static_cast<long long>(low + (high - low) * next(101) / 100.0);
          target.set(key, value);
        }
      }
    }
    cases.push_back(std::move(c));
  }
  return cases;
}

std::string render(const Engine& engine, const scarwise::Case& c) {
  return engine.evaluate(c, scarwise::EvalOptions{true}).to_json();
}

/// What one evaluating thread saw.
struct Observations {
  std::size_t evaluations = 0;
  std::size_t unknown_digest = 0;   ///< assessments from no valid version
  std::size_t wrong_content = 0;    ///< bytes other than that version's single-threaded ones
  std::size_t engine_mismatch = 0;  ///< assessment digest differs from its engine's
  std::set<std::string> digests;    ///< versions seen
};

}  // namespace

TEST_CASE("evaluations racing with reloads see exactly one valid rule set each", "[concurrency]") {
  const Versions versions;
  const RuleSet base = RuleSet::load_file(kDefaultRules.string());
  const std::vector<scarwise::Case> cases = sample_cases(base);

  // Single-threaded reference: what each valid version gives for each case.
  std::map<std::string, std::vector<std::string>> expected;  // digest -> rendered cases
  std::map<std::string, std::string> digest_of;              // version name -> digest
  for (const Versions::Version& version : versions.all()) {
    const scarwise::LoadResult loaded = RuleSet::try_load_file(version.dir.string());
    REQUIRE(loaded.ok() == version.valid);
    if (!version.valid) continue;
    const Engine engine{loaded.value()};
    std::vector<std::string>& rendered = expected[engine.rules().digest()];
    for (const scarwise::Case& c : cases) rendered.push_back(render(engine, c));
    digest_of[version.name] = engine.rules().digest();
  }
  REQUIRE(expected.size() == 3);  // three valid versions, three different digests
  // Versions differ in their bytes for every case, so a mixed-up assessment cannot pass.
  for (std::size_t i = 0; i < cases.size(); ++i) {
    CHECK(expected[digest_of["default"]][i] != expected[digest_of["renamed"]][i]);
  }

  auto handle = std::make_shared<const Engine>(RuleSet::load_file(versions.all()[0].dir.string()));
  constexpr std::size_t kEvaluators = 4;
  std::atomic<bool> reloads_done{false};
  std::atomic<std::size_t> completed{0};
  std::vector<Observations> seen(kEvaluators);
  std::vector<std::thread> evaluators;
  for (std::size_t t = 0; t < kEvaluators; ++t) {
    evaluators.emplace_back([&, t] {
      Observations& mine = seen[t];
      for (std::size_t i = t; !reloads_done.load() || mine.evaluations < 20; ++i) {
        const std::shared_ptr<const Engine> engine = std::atomic_load(&handle);
        const std::size_t index = i % cases.size();
        const scarwise::Assessment a = engine->evaluate(cases[index], scarwise::EvalOptions{true});
        const std::string json = a.to_json();
        const auto it = expected.find(a.ruleset_digest());
        if (it == expected.end()) {
          ++mine.unknown_digest;
        } else if (it->second[index] != json) {
          ++mine.wrong_content;
        }
        if (a.ruleset_digest() != engine->rules().digest()) ++mine.engine_mismatch;
        mine.digests.insert(a.ruleset_digest());
        ++mine.evaluations;
        completed.fetch_add(1);
      }
    });
  }

  // The reloader: cycles through the versions; a valid load replaces the engine, a broken one
  // must leave it exactly as it was.
  std::size_t valid_loads = 0, broken_loads = 0, broken_replaced = 0, broken_succeeded = 0;
  for (int round = 0; round < 3; ++round) {
    for (const Versions::Version& version : versions.all()) {
      const std::shared_ptr<const Engine> before = std::atomic_load(&handle);
      const scarwise::LoadResult loaded = RuleSet::try_load_file(version.dir.string());
      if (!version.valid) {
        ++broken_loads;
        if (loaded.ok()) ++broken_succeeded;
        // A host swaps only on success; the engine in use must be the same object afterwards.
        if (loaded.ok()) std::atomic_store(&handle, std::make_shared<const Engine>(loaded.value()));
        if (std::atomic_load(&handle) != before) ++broken_replaced;
        continue;
      }
      REQUIRE(loaded.ok());
      ++valid_loads;
      std::atomic_store(&handle, std::make_shared<const Engine>(loaded.value()));
      // Let the evaluators use this version: each thread has at most one evaluation in flight
      // with an older handle, so kEvaluators + 1 more completions include one with this one.
      const std::size_t target = completed.load() + kEvaluators + 1;
      while (completed.load() < target) std::this_thread::yield();
    }
  }
  reloads_done = true;
  for (std::thread& evaluator : evaluators) evaluator.join();

  CHECK(valid_loads == 9);
  CHECK(broken_loads == 9);
  CHECK(broken_succeeded == 0);
  CHECK(broken_replaced == 0);
  std::set<std::string> all_seen;
  std::size_t evaluations = 0;
  for (const Observations& mine : seen) {
    CHECK(mine.unknown_digest == 0);
    CHECK(mine.wrong_content == 0);
    CHECK(mine.engine_mismatch == 0);
    evaluations += mine.evaluations;
    all_seen.insert(mine.digests.begin(), mine.digests.end());
  }
  CHECK(evaluations >= kEvaluators * 20);
  // Every valid version was in use at some point, and nothing else ever was.
  std::set<std::string> valid_digests;
  for (const auto& [digest, rendered] : expected) valid_digests.insert(digest);
  CHECK(all_seen == valid_digests);
}

TEST_CASE("one engine shared by many threads gives each thread the single-threaded bytes",
          "[concurrency]") {
  const RuleSet rules = RuleSet::load_file(kDefaultRules.string());
  const std::vector<scarwise::Case> cases = sample_cases(rules);
  const Engine engine{rules};
  std::vector<std::string> reference;
  for (const scarwise::Case& c : cases) reference.push_back(render(engine, c));

  constexpr std::size_t kThreads = 6;
  std::vector<std::size_t> mismatches(kThreads, 0);
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      // Each thread copies the handles too: copies share the same immutable state.
      const Engine local = engine;
      for (int round = 0; round < 3; ++round) {
        for (std::size_t i = 0; i < cases.size(); ++i) {
          const scarwise::Case copy = cases[(i + t) % cases.size()];
          if (render(local, copy) != reference[(i + t) % cases.size()]) ++mismatches[t];
        }
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (std::size_t t = 0; t < kThreads; ++t) CHECK(mismatches[t] == 0);
}
