#include "testing/test_file_reader.hpp"

#include <scarwise/case.hpp>
#include <utility>

#include "io/case_reader.hpp"
#include "support/quote.hpp"
#include "testing/case_merge.hpp"
#include "testing/case_text.hpp"
#include "testing/expect_checker.hpp"
#include "testing/test_defaults.hpp"

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

/// What a test inherits from where it is written: its group's name and the defaults in force.
struct TestScope {
  std::string group;  ///< empty outside a group
  CaseDefaults defaults;
};

/// Everything reading one file needs, passed down as one.
struct FileContext {
  FieldReader& reader;
  const RuleSetModel* rules;  ///< ids and facts are checked against it when given
  TestSuiteData& data;
};

/// Reads the case, defaults merged, with its own sink: a bad case fails its test instead of the
/// whole file.
void read_case(FieldReader& reader, const YamlNode& node, const CaseDefaults& defaults,
               TestSpec& spec) {
  const YamlNode merged = merge_case(node, defaults);
  spec.case_text = case_text(merged);
  DiagnosticSink case_sink;
  std::unique_ptr<RawCase> raw = read_case_node(reader.document(), merged, case_sink);
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

void read_expectations(FileContext& file, const YamlNode& expect, TestSpec& spec) {
  std::vector<std::string> ids;
  if (spec.test_case) ids = scar_ids_of(*spec.test_case);
  spec.expect = read_expect(file.reader, expect, spec.test_case ? &ids : nullptr);
  // With the rule set at hand, a typo in an id is a file error, reported with the others.
  if (file.rules) check_references(spec.expect, *file.rules, file.reader.sink());
}

std::optional<TestSpec> read_test(FileContext& file, const YamlNode& node, const TestScope& scope) {
  FieldReader& reader = file.reader;
  if (!reader.expect_map(node, "a test")) return std::nullopt;
  reader.check_keys(node, {"name", "doc", "case", "expect"}, "a test");
  TestSpec spec;
  spec.loc = reader.loc(node);
  bool ok = true;
  if (const YamlNode* name = reader.require(node, "name", "a test")) {
    std::optional<LocatedId> text = reader.read_id(*name, "a test's name");
    ok = ok && text.has_value();
    if (text) spec.name = (scope.group.empty() ? "" : scope.group + " / ") + text->value;
  } else {
    ok = false;
  }
  if (const YamlNode* doc = node.find("doc")) ok = reader.read_string(*doc, "doc") && ok;
  const YamlNode* case_node = reader.require(node, "case", "a test");
  if (case_node) read_case(reader, *case_node, scope.defaults, spec);
  if (const YamlNode* expect = reader.require(node, "expect", "a test")) {
    read_expectations(file, *expect, spec);
  }
  if (!ok || !case_node) return std::nullopt;
  return spec;
}

/// Names are unique within the file, a group's tests by their full "<group> / <name>".
void add_test(FileContext& file, const YamlNode& node, TestSpec spec) {
  for (const TestSpec& earlier : file.data.tests) {
    if (earlier.name != spec.name) continue;
    file.reader.error(
        *node.find("name"), "E-TEST-DUPLICATE-NAME", "duplicate test name " + quote(spec.name),
        "the first test with this name is at line " + std::to_string(earlier.loc.line));
    break;
  }
  file.data.tests.push_back(std::move(spec));
}

bool is_group(const YamlNode& node) { return node.is_map() && node.find("group") != nullptr; }

void read_tests(FileContext& file, const YamlNode& tests, const TestScope& scope);

void read_group(FileContext& file, const YamlNode& node, const TestScope& outer) {
  FieldReader& reader = file.reader;
  reader.check_keys(node, {"group", "doc", "defaults", "tests"}, "a group");
  TestScope scope;
  if (std::optional<LocatedId> name = reader.read_id(*node.find("group"), "a group's name")) {
    scope.group = std::move(name->value);
  }
  if (const YamlNode* doc = node.find("doc")) reader.read_string(*doc, "doc");
  scope.defaults = outer.defaults;
  if (const YamlNode* defaults = node.find("defaults")) {
    scope.defaults = read_defaults(reader, *defaults, outer.defaults, file.rules);
  }
  const YamlNode* tests = reader.require(node, "tests", "a group");
  // A group without a usable name would give its tests names that clash or mislead.
  if (tests && !scope.group.empty()) read_tests(file, *tests, scope);
}

void read_tests(FileContext& file, const YamlNode& tests, const TestScope& scope) {
  FieldReader& reader = file.reader;
  if (!reader.expect_sequence(tests, scope.group.empty() ? "tests" : "a group's tests")) return;
  if (tests.items.empty()) {
    reader.error(tests, "E-TEST-EMPTY",
                 scope.group.empty() ? "the test file has no tests" : "the group has no tests",
                 "add at least one test with name, case and expect");
  }
  for (const YamlNode& item : tests.items) {
    if (is_group(item) && !scope.group.empty()) {
      reader.error(*item.find_key("group"), "E-TEST-NESTED-GROUP",
                   "a group inside the group " + quote(scope.group),
                   "groups do not nest: move it to the file's tests list");
    } else if (is_group(item)) {
      read_group(file, item, scope);
    } else if (std::optional<TestSpec> spec = read_test(file, item, scope)) {
      add_test(file, item, std::move(*spec));
    }
  }
}

}  // namespace

std::shared_ptr<TestSuiteData> read_test_file(std::string text, std::string file,
                                              const YamlLimits& limits, const RuleSetModel* rules,
                                              DiagnosticSink& sink) {
  const std::size_t errors_before = sink.error_count();
  std::optional<YamlDocument> doc = parse_yaml(std::move(text), file, limits, sink);
  if (!doc) return nullptr;
  FieldReader reader(*doc, sink);
  if (!reader.expect_map(doc->root, "a test file")) return nullptr;
  reader.check_keys(doc->root, {"schema_version", "defaults", "tests"}, "a test file");
  auto data = std::make_shared<TestSuiteData>();
  data->file = std::move(file);
  // A file of another schema version is not read further: its other errors would mislead.
  if (!read_schema_version(reader, doc->root)) return nullptr;
  FileContext context{reader, rules, *data};
  TestScope scope;
  if (const YamlNode* defaults = doc->root.find("defaults")) {
    scope.defaults = read_defaults(reader, *defaults, {}, rules);
  }
  if (const YamlNode* tests = reader.require(doc->root, "tests", "a test file")) {
    read_tests(context, *tests, scope);
  }
  if (sink.error_count() > errors_before) return nullptr;
  return data;
}

}  // namespace scarwise::internal
