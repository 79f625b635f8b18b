// Reading the `expect:` part of a test (declared in test_file_reader.hpp).
#include <algorithm>
#include <utility>

#include "load/scalar_values.hpp"
#include "support/did_you_mean.hpp"
#include "support/quote.hpp"
#include "testing/test_file_reader.hpp"

namespace scarwise::internal {

namespace {

const std::vector<std::string>& suitability_names() {
  static const std::vector<std::string> names = {"suitable", "suitable_with_caution", "defer",
                                                 "not_suitable"};
  return names;
}

std::optional<Located<Suitability>> read_suitability(FieldReader& reader, const YamlNode& node) {
  std::optional<LocatedId> text = reader.read_id(node, "suitability");
  if (!text) return std::nullopt;
  const std::vector<std::string>& names = suitability_names();
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (names[i] == text->value)
      return Located<Suitability>{static_cast<Suitability>(i), text->loc};
  }
  reader.error(node, "E-TEST-BAD-VALUE", quote(text->value) + " is not a suitability",
               did_you_mean(text->value, names,
                            "use suitable, suitable_with_caution, defer or not_suitable"));
  return std::nullopt;
}

std::optional<Located<bool>> read_complete(FieldReader& reader, const YamlNode& node) {
  std::optional<bool> value = reader.read_bool(node, "complete");
  if (!value) return std::nullopt;
  return Located<bool>{*value, reader.loc(node)};
}

std::optional<Located<double>> read_bound(FieldReader& reader, const YamlNode& range,
                                          std::string_view key, std::string_view what) {
  const YamlNode* node = range.find(key);
  if (!node) return std::nullopt;
  std::optional<double> value =
      reader.read_number(*node, std::string(what) + "." + std::string(key));
  if (!value) return std::nullopt;
  return Located<double>{*value, reader.loc(*node)};
}

std::optional<RangeExpect> read_range(FieldReader& reader, const YamlNode& node,
                                      std::string_view what) {
  if (!reader.expect_map(node, what)) return std::nullopt;
  reader.check_keys(node, {"min", "max"}, what);
  RangeExpect range;
  range.min = read_bound(reader, node, "min", what);
  range.max = read_bound(reader, node, "max", what);
  if (range.min && range.max && range.min->value > range.max->value) {
    reader.error(node, "E-TEST-BAD-VALUE", std::string(what) + " has min greater than max");
  }
  return range;
}

std::optional<PlanExpect> read_plan(FieldReader& reader, const YamlNode& node) {
  PlanExpect plan;
  plan.loc = reader.loc(node);
  if (FieldReader::is_null(node)) {
    plan.none = true;
    return plan;
  }
  if (!reader.expect_map(node, "plan")) return std::nullopt;
  reader.check_keys(node, {"sessions", "interval_weeks", "needle_depth_mm", "rule"}, "plan");
  if (const YamlNode* sessions = node.find("sessions")) {
    plan.sessions = read_range(reader, *sessions, "plan.sessions");
  }
  if (const YamlNode* interval = node.find("interval_weeks")) {
    plan.interval_weeks = read_range(reader, *interval, "plan.interval_weeks");
  }
  if (const YamlNode* depth = node.find("needle_depth_mm")) {
    if (FieldReader::is_null(*depth)) {
      plan.needle_depth_none = true;
    } else {
      plan.needle_depth_mm = read_range(reader, *depth, "plan.needle_depth_mm");
    }
  }
  if (const YamlNode* rule = node.find("rule")) plan.rule = reader.read_id(*rule, "plan.rule");
  return plan;
}

/// Reports ids that are both required and forbidden: such a test can never pass.
void check_contradictions(FieldReader& reader, const std::vector<LocatedId>& wanted,
                          const std::vector<LocatedId>& unwanted, std::string_view what) {
  for (const LocatedId& no : unwanted) {
    for (const LocatedId& yes : wanted) {
      if (yes.value != no.value) continue;
      reader.sink().error(
          no.loc, "E-TEST-CONTRADICTION",
          quote(no.value) + " is both expected and excluded in " + std::string(what),
          "the test could never pass; remove one of them");
      break;
    }
  }
}

std::optional<IdSetExpect> read_id_set(FieldReader& reader, const YamlNode& node,
                                       std::string_view what) {
  IdSetExpect set;
  set.loc = reader.loc(node);
  if (node.is_sequence()) {
    set.exactly = reader.read_id_list(node, what);
    return set;
  }
  if (!node.is_map()) {
    reader.error(node, "E-TEST-TYPE",
                 std::string(what) + " must be a mapping with includes/excludes or a list, not " +
                     describe_node(node));
    return std::nullopt;
  }
  reader.check_keys(node, {"includes", "excludes"}, what);
  const std::string name(what);
  if (const YamlNode* inc = node.find("includes")) {
    set.includes = reader.read_id_list(*inc, name + ".includes");
  }
  if (const YamlNode* exc = node.find("excludes")) {
    set.excludes = reader.read_id_list(*exc, name + ".excludes");
  }
  check_contradictions(reader, set.includes, set.excludes, what);
  return set;
}

std::optional<Located<std::optional<int>>> read_reevaluate(FieldReader& reader,
                                                           const YamlNode& node) {
  Located<std::optional<int>> out{std::nullopt, reader.loc(node)};
  if (FieldReader::is_null(node)) return out;
  std::optional<long long> weeks = reader.read_int(node, "reevaluate_after_weeks");
  if (!weeks) return std::nullopt;
  if (*weeks < 0 || *weeks > 10000) {
    reader.error(node, "E-TEST-BAD-VALUE", "reevaluate_after_weeks is out of range (0..10000)");
    return std::nullopt;
  }
  out.value = static_cast<int>(*weeks);
  return out;
}

void read_scar_fields(FieldReader& reader, const YamlNode& node, ScarExpect& scar) {
  if (const YamlNode* n = node.find("suitability")) scar.suitability = read_suitability(reader, *n);
  if (const YamlNode* n = node.find("complete")) scar.complete = read_complete(reader, *n);
  if (const YamlNode* n = node.find("plan")) scar.plan = read_plan(reader, *n);
  if (const YamlNode* n = node.find("combinations")) {
    scar.combinations = read_id_set(reader, *n, "combinations");
  }
  if (const YamlNode* n = node.find("alternatives")) {
    scar.alternatives = read_id_set(reader, *n, "alternatives");
  }
  if (const YamlNode* n = node.find("avoid")) scar.avoid = read_id_set(reader, *n, "avoid");
  if (const YamlNode* n = node.find("precautions")) {
    scar.precautions = read_id_set(reader, *n, "precautions");
  }
  if (const YamlNode* n = node.find("aftercare")) {
    scar.aftercare = read_id_set(reader, *n, "aftercare");
  }
  if (const YamlNode* n = node.find("missing_facts")) {
    scar.missing_facts =
        Located<std::vector<LocatedId>>{reader.read_id_list(*n, "missing_facts"), reader.loc(*n)};
  }
  if (const YamlNode* n = node.find("reevaluate_after_weeks")) {
    scar.reevaluate_after_weeks = read_reevaluate(reader, *n);
  }
  if (const YamlNode* n = node.find("reevaluate_when")) {
    scar.reevaluate_when = Located<std::vector<LocatedId>>{
        reader.read_id_list(*n, "reevaluate_when"), reader.loc(*n)};
  }
  if (const YamlNode* n = node.find("fired")) scar.fired = reader.read_id_list(*n, "fired");
  if (const YamlNode* n = node.find("not_fired")) {
    scar.not_fired = reader.read_id_list(*n, "not_fired");
  }
  check_contradictions(reader, scar.fired, scar.not_fired, "fired/not_fired");
}

std::optional<ScarExpect> read_scar(FieldReader& reader, const YamlNode& key, const YamlNode& value,
                                    const std::vector<std::string>* scar_ids) {
  ScarExpect scar;
  scar.id = LocatedId{key.scalar, reader.loc(key)};
  if (scar_ids && std::find(scar_ids->begin(), scar_ids->end(), key.scalar) == scar_ids->end()) {
    reader.error(key, "E-TEST-UNKNOWN-SCAR",
                 "expectations for scar " + quote(key.scalar) + ", which the case does not have",
                 did_you_mean(key.scalar, *scar_ids, "check the ids under case.scars"));
  }
  if (!reader.expect_map(value, "the expectations of scar " + quote(key.scalar))) {
    return std::nullopt;
  }
  reader.check_keys(value,
                    {"suitability", "complete", "plan", "combinations", "alternatives", "avoid",
                     "precautions", "aftercare", "missing_facts", "reevaluate_after_weeks",
                     "reevaluate_when", "fired", "not_fired"},
                    "the expectations of a scar");
  read_scar_fields(reader, value, scar);
  return scar;
}

}  // namespace

CaseExpect read_expect(FieldReader& reader, const YamlNode& expect,
                       const std::vector<std::string>* scar_ids) {
  CaseExpect out;
  if (!reader.expect_map(expect, "expect")) return out;
  reader.check_keys(expect, {"suitability", "complete", "scars"}, "expect");
  if (const YamlNode* n = expect.find("suitability"))
    out.suitability = read_suitability(reader, *n);
  if (const YamlNode* n = expect.find("complete")) out.complete = read_complete(reader, *n);
  const YamlNode* scars = expect.find("scars");
  if (!scars || !reader.expect_map(*scars, "expect.scars")) return out;
  for (const auto& [key, value] : scars->entries) {
    if (std::optional<ScarExpect> scar = read_scar(reader, key, value, scar_ids)) {
      out.scars.push_back(std::move(*scar));
    }
  }
  return out;
}

}  // namespace scarwise::internal
