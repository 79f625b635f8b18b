// A loaded, validated, compiled rule set: what the loader produces and the evaluator reads.
// Immutable once built; shared between threads through shared_ptr<const RuleSetModel>.
#pragma once

#include "expr/condition_table.hpp"
#include "expr/expression.hpp"
#include "model/rule_effects.hpp"
#include "model/vocabulary.hpp"
#include "support/diagnostic_sink.hpp"

#include <scarwise/assessment.hpp>
#include <scarwise/diagnostic.hpp>

#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace scarwise::internal {

/// Index into one of the catalogues below.
using CatalogueId = std::uint32_t;

/// Index into RuleSetModel::layers: 0 is the furthest base, the last is the rule set loaded.
using LayerId = std::uint32_t;

/// One rule set of an `extends` chain.
struct LayerInfo {
  std::string id;
  std::string version;
  std::string title;
  std::string digest;     ///< "sha256:<hex>" over this layer's files
  std::string root_file;  ///< as found; empty for a rule set loaded from memory
};

struct EvidenceEntry {
  std::string id;
  std::string cite;  ///< full citation
  std::string url;   ///< DOI or URL; may be empty
  /// Parts of the citation its author could not see in the source (e.g. "year", "url"): said
  /// rather than guessed, and shown wherever the citation is.
  std::vector<std::string> missing;
  SourceLoc loc;
  LayerId layer = 0;  ///< the layer that declared (or overrode) it
};

struct TreatmentEntry {
  std::string id;
  std::string name;
  std::string doc;
  std::vector<CatalogueId> evidence;
  SourceLoc loc;
  LayerId layer = 0;  ///< the layer that declared (or overrode) it
};

/// A precaution or an aftercare instruction.
struct InstructionEntry {
  std::string id;
  std::string text;
  std::vector<CatalogueId> evidence;
  SourceLoc loc;
  LayerId layer = 0;  ///< the layer that declared (or overrode) it
};

struct PlanSpec {
  Range sessions;
  Range interval_weeks;
  std::optional<Range> needle_depth_mm;
  SourceLoc sessions_loc;  ///< where the `sessions` range is written, for lints
};

/// The `then:` of a rule. Lists hold catalogue ids in the order written.
struct Action {
  std::optional<Suitability> suitability;
  std::optional<int> reevaluate_after_weeks;  ///< a literal number of weeks
  /// `reevaluate_after_weeks` written as an expression over facts, evaluated for each scar.
  std::optional<CompiledNumber> reevaluate_weeks_expression;
  bool reevaluate_until_resolved = false;  ///< `reevaluate_after_weeks: until_resolved`
  std::string reevaluate_when;             ///< what must resolve first; may be empty
  std::string message;
  std::optional<PlanSpec> plan;
  std::optional<int> adjust_sessions;
  std::vector<CatalogueId> suggest;      ///< into treatments
  std::vector<CatalogueId> avoid;        ///< into treatments
  std::vector<CatalogueId> precautions;  ///< into precautions
  std::vector<CatalogueId> aftercare;    ///< into aftercare
  std::vector<CatalogueId> alternatives;  ///< into treatments: instead of microneedling
};

/// One finding code a rule's `analyze: {allow: [...]}` marker allows (analysis_codes.hpp).
struct AnalyzeAllow {
  std::string code;
  SourceLoc loc;  ///< where the code is written
};

struct Rule {
  std::string id;
  std::string title;
  int priority = 0;
  CompiledExpr when;
  Action then;
  std::vector<CatalogueId> evidence;  ///< into evidence
  /// Analysis findings the author has judged deliberate for this rule; analyze reports them as
  /// allowed. Codes are checked at load.
  std::vector<AnalyzeAllow> analyze_allow;
  SourceLoc loc;                      ///< where `- id:` is
  LayerId layer = 0;                  ///< the layer that declared (or overrode) it
  bool overrides = false;             ///< declared with `override: true` over a base rule
};

/// A base rule that an overlay switched off with `disable`.
struct DisabledRule {
  std::string id;
  LayerId layer = 0;  ///< the layer whose `disable` names it
};

/// One file of the rule set, kept for the digest.
struct SourceFileInfo {
  std::string path;  ///< relative to the root file's directory, '/' separators
  std::string bytes;
};

struct JsonFragments;

/// The rule set's output fragments (io/json_fragments.hpp), rendered once. A copied model
/// starts without them and renders its own.
struct FragmentCache {
  std::once_flag once;
  std::shared_ptr<const JsonFragments> fragments;
  FragmentCache() = default;
  FragmentCache(const FragmentCache&) {}
  FragmentCache& operator=(const FragmentCache&) { return *this; }
};

struct RuleSetModel {
  std::string id;
  std::string version;
  std::string title;
  std::string digest;  ///< "sha256:<hex>"; over the layers' digests when there are several
  /// The `extends` chain, furthest base first; always at least the rule set itself.
  std::vector<LayerInfo> layers;
  std::string root_file;  ///< the root file as opened, where findings about the whole set point
  Vocabulary vocabulary;
  std::vector<EvidenceEntry> evidence;
  std::vector<TreatmentEntry> treatments;
  std::vector<InstructionEntry> precautions;
  std::vector<InstructionEntry> aftercare;
  int max_sessions = 12;
  /// Declaration order: a file's includes (in the order listed, depth first) come before the
  /// file's own rules.
  std::vector<Rule> rules;
  /// Rule indices sorted by priority (high first), then declaration order: the order in which
  /// merge results are listed.
  std::vector<std::uint32_t> rules_by_priority;
  /// Base rules switched off by `disable`, in the order listed; not in `rules`.
  std::vector<DisabledRule> disabled_rules;
  /// Every rule's `when`, indexed like rules, joined for evaluation; built by index_rules().
  ConditionTable conditions;
  /// What each rule concludes, in rules_by_priority order; built by index_rules().
  RuleEffects effects;
  std::vector<Diagnostic> warnings;

  /// The index of rule `rule_id` in `rules`, if there is one.
  std::optional<std::uint32_t> find_rule(std::string_view rule_id) const {
    const auto it = rule_index.find(std::string(rule_id));
    if (it == rule_index.end()) return std::nullopt;
    return it->second;
  }
  std::unordered_map<std::string, std::uint32_t> rule_index;  ///< filled when the load finishes
  mutable FragmentCache json_cache;  ///< see json_fragments()
};

/// Fills what is derived from the rules once they are final: rules_by_priority, conditions
/// and effects. Called when a load finishes; evaluation needs both.
void index_rules(RuleSetModel& model);

}  // namespace scarwise::internal
