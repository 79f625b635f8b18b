// Damaged rule files never crash or hang the loader, and a load either yields a model with no
// errors or no model with at least one located error.
#include "load/loader.hpp"

#include <catch2/catch.hpp>

#include <cstdint>
#include <fstream>
#include <sstream>
#include <string>

using namespace scarwise::internal;

namespace {

std::string good_file() {
  std::ifstream in(std::string(SCARWISE_TEST_DATA_DIR) + "/good_rules/single.yaml",
                   std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

/// Loads `yaml` and checks the all-or-nothing contract; returns whether a model came out.
bool load_checked(const std::string& yaml) {
  DiagnosticSink sink;
  const auto model = load_ruleset_string(yaml, "damaged.yaml", scarwise::LoadOptions{}, sink);
  if (model) {
    CHECK(sink.error_count() == 0);
  } else {
    CHECK(sink.error_count() > 0);
  }
  for (const scarwise::Diagnostic& d : sink.diagnostics()) {
    CHECK(d.code.size() > 2);
    CHECK(d.line >= 0);
    CHECK(d.column >= 0);
    CHECK(d.file == "damaged.yaml");
  }
  return model != nullptr;
}

/// A small deterministic generator, so that a failure can be replayed.
class Lcg {
 public:
  explicit Lcg(std::uint32_t seed) : state_(seed) {}
  std::uint32_t next() {
    state_ = state_ * 1664525u + 1013904223u;
    return state_ >> 8;
  }

 private:
  std::uint32_t state_;
};

}  // namespace

TEST_CASE("every truncation of a good rule file loads or fails cleanly", "[load][robustness]") {
  const std::string text = good_file();
  REQUIRE(load_checked(text));
  std::size_t loaded = 0;
  for (std::size_t length = 0; length < text.size(); length += 3) {
    loaded += load_checked(text.substr(0, length)) ? 1 : 0;
  }
  // Most prefixes cut a rule or a map in half; some end between rules and still load.
  CHECK(loaded > 0);
  CHECK(loaded < text.size() / 3);
}

TEST_CASE("random byte damage to a good rule file loads or fails cleanly", "[load][robustness]") {
  const std::string text = good_file();
  static const std::string kBytes = "[]{}:-?#&*!|>'\"\\ \n\t,.~019az<%@`\xC3\xA9\xFF";
  Lcg random(12345);
  std::size_t failed = 0;
  for (int round = 0; round < 400; ++round) {
    std::string damaged = text;
    const int edits = 1 + static_cast<int>(random.next() % 4);
    for (int e = 0; e < edits; ++e) {
      const std::size_t at = random.next() % damaged.size();
      const char byte = kBytes[random.next() % kBytes.size()];
      if (random.next() % 2 == 0) {
        damaged[at] = byte;
      } else {
        damaged.insert(at, 1, byte);
      }
    }
    failed += load_checked(damaged) ? 0 : 1;
  }
  CHECK(failed > 0);
}
