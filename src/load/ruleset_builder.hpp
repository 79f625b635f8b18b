// Turns the parsed files of a rule set into a RuleSetModel. Every problem is reported at its
// node and reading goes on, so that one load reports every error; the model is handed out only
// when there were none.
//
// Passes, each over all files in declaration order, so that nothing depends on file order:
//   1. evidence and facts (everything the others refer to),
//   2. treatments, precautions and aftercare (they cite evidence),
//   3. rules (they cite all of the above; `when:` is compiled against the full vocabulary).
#pragma once

#include "load/id_index.hpp"
#include "load/schema_reader.hpp"
#include "load/source_files.hpp"
#include "model/ruleset_model.hpp"
#include "support/diagnostic_sink.hpp"

#include <scarwise/ruleset.hpp>

#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace scarwise::internal {

/// How `then.reevaluate_after_weeks` is written.
enum class WeeksForm {
  Literal,        ///< a plain number: an int >= 1 (checked by SchemaReader::read_int_in)
  UntilResolved,  ///< the word until_resolved
  Expression,     ///< any other scalar: an arithmetic expression over facts
  Invalid,        ///< a list, map or null, or another bare word
};
WeeksForm weeks_form(const YamlNode& node);

class RuleSetBuilder {
 public:
  RuleSetBuilder(const LoadOptions& options, DiagnosticSink& sink);

  /// Reads every file of `sources` (the root file last) into the model, and frees each file's
  /// tree once its last pass is done (the text stays, for the digest).
  void read(SourceSet& sources);
  /// The model, or nullptr when any error was reported to the sink (by anyone).
  std::shared_ptr<RuleSetModel> finish(const SourceSet& sources);

 private:
  // ruleset_builder.cpp
  void read_header(const SchemaReader& reader, LayerId layer);
  void read_limits(const SchemaReader& reader, const YamlNode& limits);
  const YamlNode* section(const SchemaReader& reader, std::string_view name) const;

  // layer_reader.cpp: what an overlay changes in the layers below it
  std::optional<CatalogueId> declare_entry(const SchemaReader& reader, IdIndex& index,
                                           const YamlNode& key, const YamlNode& body,
                                           bool& replaces);
  void read_disable(const SchemaReader& reader);
  void check_redeclared_fact(const SchemaReader& reader, const YamlNode& key,
                             const FactDecl& decl, const FactDecl& base);
  void drop_disabled_rules();

  // catalogue_reader.cpp
  void read_evidence(const SchemaReader& reader);
  void read_treatments(const SchemaReader& reader);
  void read_instructions(const SchemaReader& reader, std::string_view name, IdIndex& index,
                         std::vector<InstructionEntry>& entries);
  std::vector<CatalogueId> read_evidence_refs(const SchemaReader& reader, const YamlNode& map);

  // fact_reader.cpp
  void read_facts(const SchemaReader& reader);
  bool read_fact_name(const SchemaReader& reader, const YamlNode& key, FactDecl& decl);
  bool read_fact_type(const SchemaReader& reader, const YamlNode& body, FactDecl& decl);
  void read_fact_bounds(const SchemaReader& reader, const YamlNode& body, FactDecl& decl);
  void read_fact_values(const SchemaReader& reader, const YamlNode& body, FactDecl& decl);
  void read_fact_default(const SchemaReader& reader, const YamlNode& body, FactDecl& decl);
  void read_set_default(const SchemaReader& reader, const YamlNode& node, FactDecl& decl);

  // rule_reader.cpp
  void read_rules(const SourceFile& file, const SchemaReader& reader);
  void read_rule(const SourceFile& file, const SchemaReader& reader, const YamlNode& item);
  bool read_rule_id(const SchemaReader& reader, const YamlNode& item, Rule& rule,
                    bool& replaces);
  bool compile_when(const SourceFile& file, const SchemaReader& reader, const YamlNode& item,
                    Rule& rule);
  bool compile_weeks(const SourceFile& file, const YamlNode& item, Rule& rule);
  bool read_analyze_marker(const SchemaReader& reader, const YamlNode& marker, Rule& rule);

  // action_reader.cpp
  bool read_action(const SchemaReader& reader, const YamlNode& then, Action& action);
  bool read_suitability(const SchemaReader& reader, const YamlNode& then, Action& action);
  std::optional<PlanSpec> read_plan(const SchemaReader& reader, const YamlNode& plan);
  std::optional<Range> read_range(const SchemaReader& reader, const YamlNode& node,
                                  std::string_view what, bool integers);
  bool read_action_lists(const SchemaReader& reader, const YamlNode& then, Action& action);

  const LoadOptions& options_;
  DiagnosticSink& sink_;
  std::shared_ptr<RuleSetModel> model_;
  IdIndex evidence_ids_{"evidence", "evidence"};
  IdIndex treatment_ids_{"treatment", "treatments"};
  IdIndex precaution_ids_{"precaution", "precautions"};
  IdIndex aftercare_ids_{"aftercare", "aftercare"};
  IdIndex rule_ids_{"rule", "rules"};
  LayerId layer_ = 0;  ///< the layer of the file being read
  std::unordered_map<std::string, std::size_t> rule_slot_;  ///< rule id -> index in rules
  std::vector<bool> disabled_;  ///< by index in rules: switched off by an overlay's `disable`
  bool facts_limit_reported_ = false;
  bool rules_limit_reported_ = false;
  std::size_t rules_declared_ = 0;
};

}  // namespace scarwise::internal
