// The `then:` of a rule: verdict, plan, adjustments and the catalogue ids it attaches.
#include <algorithm>
#include <array>
#include <limits>

#include "load/ruleset_builder.hpp"
#include "load/scalar_values.hpp"
#include "support/did_you_mean.hpp"
#include "support/quote.hpp"

namespace scarwise::internal {
namespace {

const KeySet& then_keys() {
  static const KeySet keys{{"suitability", "reevaluate_after_weeks", "reevaluate_when", "message",
                            "plan", "adjust_sessions", "suggest", "alternatives", "avoid",
                            "precautions", "aftercare"}};
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

constexpr std::string_view kUntilResolved = "until_resolved";

bool is_word_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

// A plain scalar written like a number ("12", "-1", "2.5", "010"): read as an integer, as
// before expressions were allowed, so that its errors stay the same.
bool looks_like_number(const YamlNode& node) {
  const std::string& s = node.scalar;
  if (node.style != YamlNode::Style::Plain || s.empty()) return false;
  if (!(s[0] == '-' || s[0] == '+' || (s[0] >= '0' && s[0] <= '9'))) return false;
  return std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+';
  });
}

// One word without a dot, such as a misspelt "until_resolvd".
bool is_bare_word(const std::string& s) {
  return !s.empty() && !(s[0] >= '0' && s[0] <= '9') &&
         std::all_of(s.begin(), s.end(), is_word_char);
}

}  // namespace

WeeksForm weeks_form(const YamlNode& node) {
  if (!node.is_scalar()) return WeeksForm::Invalid;
  if (node.scalar == kUntilResolved) return WeeksForm::UntilResolved;
  if (looks_like_number(node)) return WeeksForm::Literal;
  if (is_bare_word(node.scalar)) return WeeksForm::Invalid;
  return WeeksForm::Expression;
}

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
  const YamlNode* verdict = then.find("suitability");
  // A verdict that is itself wrong was reported already; say nothing more about it.
  const bool not_deferral =
      !verdict || (action.suitability && action.suitability != Suitability::defer);
  bool ok = true;
  const YamlNode* when = then.find("reevaluate_when");
  if (when) {
    action.reevaluate_when = reader.read_string(*when, "reevaluate_when").value_or("");
    const bool blank = action.reevaluate_when.find_first_not_of(" \t\n") == std::string::npos;
    if (blank && when->is_scalar()) {
      reader.error(*when, "E-BAD-VALUE", "'reevaluate_when' is empty",
                   "say in a short sentence what must resolve, e.g. 'the lesion has healed'");
      ok = false;
    }
    if (not_deferral) {
      reader.error(*then.find_key("reevaluate_when"), "E-CONFLICT",
                   "'reevaluate_when' needs 'suitability: defer'",
                   "only a deferral is re-evaluated later");
      ok = false;
    }
  }
  if (const YamlNode* weeks = then.find("reevaluate_after_weeks")) {
    switch (weeks_form(*weeks)) {
      case WeeksForm::Literal:
        action.reevaluate_after_weeks =
            reader.read_int_in(*weeks, "reevaluate_after_weeks", 1, kIntMax);
        break;
      case WeeksForm::UntilResolved:
        action.reevaluate_until_resolved = true;
        if (!when) {
          reader.error(*weeks, "E-MISSING-KEY",
                       "'reevaluate_after_weeks: until_resolved' needs 'reevaluate_when'",
                       "say what must resolve, e.g. 'reevaluate_when: the lesion has healed'");
          ok = false;
        }
        break;
      case WeeksForm::Expression:
        break;  // compiled with the rule's condition (compile_weeks), against the vocabulary
      case WeeksForm::Invalid:
        if (weeks->is_scalar()) {
          reader.error(*weeks, "E-BAD-VALUE",
                       "'reevaluate_after_weeks' must be a whole number of weeks, an expression "
                       "or until_resolved, got " + quote(weeks->scalar),
                       did_you_mean(weeks->scalar, {std::string(kUntilResolved)},
                                    "facts are written with their scope, e.g. "
                                    "'patient.weeks_to_wait'"));
        } else {
          reader.type_error(*weeks, "reevaluate_after_weeks",
                            "an integer, an expression or until_resolved");
        }
        ok = false;
        break;
    }
    if (not_deferral) {
      reader.error(*then.find_key("reevaluate_after_weeks"), "E-CONFLICT",
                   "'reevaluate_after_weeks' needs 'suitability: defer'",
                   "only a deferral is re-evaluated later");
      return false;
    }
  }
  return ok;
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
