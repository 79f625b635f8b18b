#include "testing/test_file_reader.hpp"

#include <scarwise/case.hpp>
#include <utility>

#include "io/case_reader.hpp"
#include "support/quote.hpp"

namespace scarwise::internal {

namespace {

constexpr long long kSchemaVersion = 1;

bool read_schema_version(FieldReader& reader, const YamlNode& root) {
  const YamlNode* node = reader.require(root, "schema_version", "a test file");
  if (!node) return false;
  const std::optional<long long> version = reader.read_int(*node, "schema_version");
  if (!version) return false;
  if (*version == kSchemaVersion) return true;
  reader.error(*node, "E-TEST-SCHEMA-VERSION",
               "unsupported test file schema_version " + std::to_string(*version),
               "this version of scarwise reads schema_version 1");
  return false;
}

/// Reads the case with its own sink: a bad case fails its test instead of the whole file.
void read_case(FieldReader& reader, const YamlNode& node, TestSpec& spec) {
  DiagnosticSink case_sink;
  std::unique_ptr<RawCase> raw = read_case_node(reader.document(), node, case_sink);
  if (raw && !case_sink.has_errors()) {
    spec.test_case = make_case(std::move(raw));
  } else {
    spec.case_diagnostics = case_sink.take();
  }
}

std::vector<std::string> scar_ids_of(const Case& test_case) {
  std::vector<std::string> ids;
  for (std::size_t i = 0; i < test_case.scar_count(); ++i) ids.push_back(test_case.scar_id(i));
  return ids;
}

std::optional<TestSpec> read_test(FieldReader& reader, const YamlNode& node) {
  if (!reader.expect_map(node, "a test")) return std::nullopt;
  reader.check_keys(node, {"name", "doc", "case", "expect"}, "a test");
  TestSpec spec;
  spec.loc = reader.loc(node);
  bool ok = true;
  if (const YamlNode* name = reader.require(node, "name", "a test")) {
    std::optional<LocatedId> text = reader.read_id(*name, "a test's name");
    ok = ok && text.has_value();
    if (text) spec.name = std::move(text->value);
  } else {
    ok = false;
  }
  if (const YamlNode* doc = node.find("doc")) ok = reader.read_string(*doc, "doc") && ok;
  const YamlNode* case_node = reader.require(node, "case", "a test");
  if (case_node) read_case(reader, *case_node, spec);
  if (const YamlNode* expect = reader.require(node, "expect", "a test")) {
    std::vector<std::string> ids;
    if (spec.test_case) ids = scar_ids_of(*spec.test_case);
    spec.expect = read_expect(reader, *expect, spec.test_case ? &ids : nullptr);
  }
  if (!ok || !case_node) return std::nullopt;
  return spec;
}

void read_tests(FieldReader& reader, const YamlNode& tests, TestSuiteData& data) {
  if (!reader.expect_sequence(tests, "tests")) return;
  if (tests.items.empty()) {
    reader.error(tests, "E-TEST-EMPTY", "the test file has no tests",
                 "add at least one test with name, case and expect");
  }
  for (const YamlNode& item : tests.items) {
    std::optional<TestSpec> spec = read_test(reader, item);
    if (!spec) continue;
    for (const TestSpec& earlier : data.tests) {
      if (earlier.name != spec->name) continue;
      reader.error(*item.find("name"), "E-TEST-DUPLICATE-NAME",
                   "duplicate test name " + quote(spec->name),
                   "the first test with this name is at line " + std::to_string(earlier.loc.line));
      break;
    }
    data.tests.push_back(std::move(*spec));
  }
}

}  // namespace

std::shared_ptr<TestSuiteData> read_test_file(std::string text, std::string file,
                                              const YamlLimits& limits, DiagnosticSink& sink) {
  const std::size_t errors_before = sink.error_count();
  std::optional<YamlDocument> doc = parse_yaml(std::move(text), file, limits, sink);
  if (!doc) return nullptr;
  FieldReader reader(*doc, sink);
  if (!reader.expect_map(doc->root, "a test file")) return nullptr;
  reader.check_keys(doc->root, {"schema_version", "tests"}, "a test file");
  auto data = std::make_shared<TestSuiteData>();
  data->file = std::move(file);
  // A file of another schema version is not read further: its other errors would mislead.
  if (!read_schema_version(reader, doc->root)) return nullptr;
  if (const YamlNode* tests = reader.require(doc->root, "tests", "a test file")) {
    read_tests(reader, *tests, *data);
  }
  if (sink.error_count() > errors_before) return nullptr;
  return data;
}

}  // namespace scarwise::internal
