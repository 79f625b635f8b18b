// The `then:` of a rule: verdict, plan, adjustments and the catalogue ids it attaches.
#include <algorithm>
#include <array>
#include <limits>

#include "load/ruleset_builder.hpp"
#include "support/did_you_mean.hpp"
#include "support/quote.hpp"

namespace scarwise::internal {
namespace {

const KeySet& then_keys() {
  static const KeySet keys{{"suitability", "reevaluate_after_weeks", "message", "plan",
                            "adjust_sessions", "suggest", "alternatives", "avoid", "precautions",
                            "aftercare"}};
  return keys;
}

struct VerdictName {
  Suitability verdict;
  const char* name;
};
const std::array<VerdictName, 4> kVerdicts = {
    {{Suitability::suitable, "suitable"},
     {Suitability::suitable_with_caution, "suitable_with_caution"},
     {Suitability::defer, "defer"},
     {Suitability::not_suitable, "not_suitable"}}};

constexpr int kIntMax = std::numeric_limits<int>::max();

}  // namespace

bool RuleSetBuilder::read_action(const SchemaReader& reader, const YamlNode& then, Action& action) {
  if (then.is_null() || (then.is_map() && then.entries.empty())) {
    reader.error(then, "E-EMPTY-THEN", "'then' does nothing",
                 "give at least one of: suitability, plan, adjust_sessions, suggest, "
                 "alternatives, avoid, precautions, aftercare, message");
    return false;
  }
  if (!reader.expect_map(then, "then")) return false;
  const std::size_t errors = sink_.error_count();
  reader.check_keys(then, then_keys(), "'then'");
  read_suitability(reader, then, action);
  if (const YamlNode* message = then.find("message")) {
    action.message = reader.read_string(*message, "message").value_or("");
  }
  if (const YamlNode* plan = then.find("plan")) action.plan = read_plan(reader, *plan);
  if (const YamlNode* adjust = then.find("adjust_sessions")) {
    action.adjust_sessions = reader.read_int_in(*adjust, "adjust_sessions", -kIntMax, kIntMax);
  }
  read_action_lists(reader, then, action);
  return sink_.error_count() == errors;
}

bool RuleSetBuilder::read_suitability(const SchemaReader& reader, const YamlNode& then,
                                      Action& action) {
  if (const YamlNode* node = then.find("suitability")) {
    const std::optional<std::string> word = reader.read_string(*node, "suitability");
    if (!word) return false;
    const auto it = std::find_if(kVerdicts.begin(), kVerdicts.end(),
                                 [&](const VerdictName& v) { return *word == v.name; });
    if (it == kVerdicts.end()) {
      std::vector<std::string> names;
      for (const VerdictName& v : kVerdicts) names.emplace_back(v.name);
      reader.error(
          *node, "E-BAD-VALUE", "unknown suitability " + quote(*word),
          did_you_mean(*word, names, "use suitable, suitable_with_caution, defer or not_suitable"));
      return false;
    }
    action.suitability = it->verdict;
  }
  if (const YamlNode* weeks = then.find("reevaluate_after_weeks")) {
    action.reevaluate_after_weeks =
        reader.read_int_in(*weeks, "reevaluate_after_weeks", 1, kIntMax);
    const YamlNode* verdict = then.find("suitability");
    // A verdict that is itself wrong was reported already; say nothing more about it.
    const bool conflict =
        !verdict || (action.suitability && action.suitability != Suitability::defer);
    if (conflict) {
      reader.error(*then.find_key("reevaluate_after_weeks"), "E-CONFLICT",
                   "'reevaluate_after_weeks' needs 'suitability: defer'",
                   "only a deferral is re-evaluated later");
      return false;
    }
  }
  return true;
}

std::optional<PlanSpec> RuleSetBuilder::read_plan(const SchemaReader& reader,
                                                  const YamlNode& plan) {
  if (!reader.expect_map(plan, "plan")) return std::nullopt;
  reader.check_keys(plan, KeySet{{"sessions", "interval_weeks", "needle_depth_mm"}}, "'plan'");
  PlanSpec spec;
  bool ok = true;
  const auto required_range = [&](const char* key, bool integers) -> std::optional<Range> {
    const YamlNode* node = reader.require(plan, key, "'plan'");
    return node ? read_range(reader, *node, key, integers) : std::nullopt;
  };
  const std::optional<Range> sessions = required_range("sessions", true);
  const std::optional<Range> interval = required_range("interval_weeks", false);
  if (sessions) {
    spec.sessions = *sessions;
    spec.sessions_loc = reader.loc(*plan.find("sessions"));
  }
  if (interval) spec.interval_weeks = *interval;
  ok = sessions && interval;
  if (const YamlNode* depth = plan.find("needle_depth_mm")) {
    spec.needle_depth_mm = read_range(reader, *depth, "needle_depth_mm", false);
    ok = ok && spec.needle_depth_mm;
  }
  if (!ok) return std::nullopt;
  return spec;
}

std::optional<Range> RuleSetBuilder::read_range(const SchemaReader& reader, const YamlNode& node,
                                                std::string_view what, bool integers) {
  if (!reader.expect_map(node, what)) return std::nullopt;
  const std::string where = quote(std::string(what));
  reader.check_keys(node, KeySet{{"min", "max"}}, where);
  const auto bound = [&](const char* key) -> std::optional<double> {
    const YamlNode* value = reader.require(node, key, where);
    if (!value) return std::nullopt;
    if (integers) {
      const std::optional<int> count = reader.read_int_in(*value, key, 1, kIntMax);
      return count ? std::optional<double>(*count) : std::nullopt;
    }
    const std::optional<double> number = reader.read_number(*value, key);
    if (number && *number <= 0) {
      reader.error(*value, "E-BAD-VALUE",
                   quote(std::string(key)) + " of " + where + " must be greater than 0");
      return std::nullopt;
    }
    return number;
  };
  const std::optional<double> min = bound("min");
  const std::optional<double> max = bound("max");
  if (!min || !max) return std::nullopt;
  if (*min > *max) {
    reader.error(*node.find("max"), "E-BAD-RANGE", where + " has min greater than max");
    return std::nullopt;
  }
  return Range{*min, *max};
}

bool RuleSetBuilder::read_action_lists(const SchemaReader& reader, const YamlNode& then,
                                       Action& action) {
  bool ok = true;
  const auto resolve = [&](const char* key, const IdIndex& index) {
    const YamlNode* list = then.find(key);
    return list ? index.resolve_list(reader, *list, key, ok) : std::vector<CatalogueId>{};
  };
  action.suggest = resolve("suggest", treatment_ids_);
  action.alternatives = resolve("alternatives", treatment_ids_);
  action.avoid = resolve("avoid", treatment_ids_);
  action.precautions = resolve("precautions", precaution_ids_);
  action.aftercare = resolve("aftercare", aftercare_ids_);
  // A rule names a treatment in at most one of suggest, alternatives and avoid; each later
  // mention is reported once, at its item.
  const auto conflicts = [&](const char* key, const std::vector<CatalogueId>& earlier,
                             const std::string& what, const char* hint,
                             std::vector<const YamlNode*>& reported) {
    const YamlNode* list = then.find(key);
    if (!list || !list->is_sequence()) return;
    for (const YamlNode& item : list->items) {
      const std::optional<CatalogueId> id = treatment_ids_.find(item.scalar);
      const bool seen = std::find(reported.begin(), reported.end(), &item) != reported.end();
      if (item.is_scalar() && id && !seen &&
          std::find(earlier.begin(), earlier.end(), *id) != earlier.end()) {
        reader.error(item, "E-CONFLICT", "treatment " + quote(item.scalar) + " is " + what, hint);
        reported.push_back(&item);
        ok = false;
      }
    }
  };
  const char* one_list = "a rule names a treatment in only one of suggest, alternatives and avoid";
  std::vector<const YamlNode*> reported;
  conflicts("alternatives", action.suggest, "both suggested and an alternative", one_list,
            reported);
  conflicts("avoid", action.suggest, "both suggested and avoided",
            "a rule either suggests a treatment or avoids it", reported);
  conflicts("avoid", action.alternatives, "both an alternative and avoided", one_list, reported);
  return ok;
}

}  // namespace scarwise::internal
