// scarwise/ruleset.hpp — loading a validated, compiled rule set.
//
// A RuleSet is a handle to immutable, fully validated state: the vocabulary of facts, the
// catalogues of treatments, precautions, aftercare and evidence, and the compiled rules.
// Loading either succeeds completely or yields diagnostics and no rule set: a rule set that
// fails to load activates nothing.
//
// Thread-safety: a RuleSet may be copied and used from any number of threads at once; copies
// share the same immutable state. Stability: stable since 0.1.
#ifndef SCARWISE_RULESET_HPP
#define SCARWISE_RULESET_HPP

#include <scarwise/case.hpp>
#include <scarwise/diagnostic.hpp>
#include <scarwise/export.hpp>

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace scarwise {

namespace internal {
struct RuleSetModel;
}

/// Bounds for loading a rule set (and test files). Rule files may come from outside the host's
/// control: every limit stops a hostile file with a located error (its own code, listed after
/// each field) before it can exhaust memory, time or stack. The defaults are far above any
/// realistic rule set; a host that loads untrusted files may lower them. docs/security.md has
/// the full table. @since 0.1
struct LoadOptions {
  /// Largest single file, checked before it is read (E-FILE-TOO-LARGE). 4 MiB. A file may
  /// also hold at most one YAML node (value, list or map) per 8 bytes of this limit, and at
  /// least 4096 (E-LIMIT-NODES). @since 0.1
  std::size_t max_file_bytes = 4u << 20;
  /// All files of one rule set together (E-LIMIT-TOTAL-SIZE). 32 MiB. Together they may also
  /// hold at most one YAML node per 64 bytes of this limit, and at least 4096 (E-LIMIT-NODES).
  /// @since 0.1
  std::size_t max_total_bytes = 32u << 20;
  /// Files in one rule set, the root file included (E-LIMIT-FILES). @since 0.1
  std::size_t max_files = 256;
  /// YAML block and flow nesting, checked on the raw text before the YAML parser runs
  /// (E-YAML-TOO-DEEP). Anchors and aliases have a fixed limit of 0: they are always refused
  /// (E-YAML-ANCHOR, E-YAML-ALIAS), so nothing is ever expanded. @since 0.1
  std::size_t max_nesting_depth = 64;
  /// Rules declared in one rule set (E-LIMIT-RULES). @since 0.1
  std::size_t max_rules = 10000;
  /// Facts declared in one rule set (E-LIMIT-FACTS). @since 0.1
  std::size_t max_facts = 1000;
  /// Values of one enum or set fact (E-LIMIT-ENUM-VALUES); never more than 64. @since 0.1
  std::size_t max_enum_values = 64;
  /// Bytes of one `when:` expression (E-EXPR-TOO-LONG). @since 0.1
  std::size_t max_expression_bytes = 4096;
  /// Nesting of one `when:` expression: parentheses and `not` (E-EXPR-TOO-DEEP). @since 0.1
  std::size_t max_expression_depth = 64;
  /// Errors reported before a load stops reporting; one E-LIMIT-ERRORS then says that more were
  /// left out. Keeps the diagnostics of a hostile file small. @since 0.1
  std::size_t max_errors = 100;
  /// Warnings kept; one W-LIMIT-WARNINGS then says how many more there were. @since 0.1
  std::size_t max_warnings = 1000;
  /// Directories searched, in order, for a bundled rule set named by `extends: scarwise:NAME`
  /// (as DIR/NAME/ruleset.yaml), before the share directory scarwise was installed to. A host
  /// grants exactly the directories it trusts. @since 0.2
  std::vector<std::string> rules_path;
};

/// One layer of a rule set: the rule set itself, or one it extends. @since 0.2
struct RuleSetLayer {
  std::string id;         ///< `ruleset.id` of the layer's root file
  std::string version;    ///< `ruleset.version`
  std::string title;      ///< `ruleset.title` (may be empty)
  std::string digest;     ///< "sha256:<hex>" over the layer's own files
  std::string root_file;  ///< the layer's root file as diagnostics name it (for a rule set
                          ///< loaded from memory, the name given to the load)
};

/// Facts about one declared fact, for tools and hosts that build cases. @since 0.1
struct FactInfo {
  std::string name;                 ///< full name, e.g. "patient.fitzpatrick"
  std::string type;                 ///< "bool", "int", "number", "enum" or "set"
  std::vector<std::string> values;  ///< declared values of an enum or set fact
  std::optional<double> min;        ///< lower bound of an int or number fact
  std::optional<double> max;        ///< upper bound of an int or number fact
  bool required = false;            ///< a case without it is rejected
  std::string doc;                  ///< the declaration's documentation
  /// "patient" or "scar": where a case gives the fact. A case names it by the part after the
  /// scope ("fitzpatrick" under "patient"). @since 0.2
  std::string scope;
  /// The declared `default:`, which a case that leaves the fact out gets; empty when none is
  /// declared (the fact is then unknown when left out). An int fact's default is a
  /// std::int64_t, a number fact's a double, an enum's a std::string and a set's a
  /// std::vector<std::string>. @since 0.2
  std::optional<FactValue> default_value;
};

/// `facts` as a JSON array, one object per fact in the order given, with the members "name",
/// "scope", "key", "type", "min", "max", "values", "required", "default" and "doc"
/// (docs/c-api.md describes them). A bound or default that is not declared is null. Compact,
/// UTF-8 and the same bytes for the same facts. @since 0.2
SCARWISE_API std::string format_facts_json(const std::vector<FactInfo>& facts);

class RuleSet;

/// The outcome of a non-throwing load: a rule set, or the diagnostics of why there is none.
/// Warnings are reported in both cases. @since 0.1
class SCARWISE_API LoadResult {
 public:
  /// True when the rule set loaded. @since 0.1
  bool ok() const noexcept { return ruleset_ != nullptr; }
  explicit operator bool() const noexcept { return ok(); }
  /// Every finding, errors and warnings, in source order. @since 0.1
  const std::vector<Diagnostic>& diagnostics() const noexcept { return diagnostics_; }
  /// The loaded rule set; throws LoadError when the load failed. @since 0.1
  RuleSet value() const;

 private:
  friend class RuleSet;
  std::shared_ptr<const internal::RuleSetModel> ruleset_;
  std::vector<Diagnostic> diagnostics_;
};

/// An immutable, compiled rule set. Cheap to copy. @since 0.1
class SCARWISE_API RuleSet {
 public:
  /// Loads the rule set whose root file is `path`, or whose directory holds `ruleset.yaml`.
  /// Throws LoadError with every diagnostic when anything is wrong. @since 0.1
  static RuleSet load_file(const std::string& path, const LoadOptions& options = {});
  /// Like load_file() but never throws for a bad rule set: the result holds either the rule set
  /// or the diagnostics. (std::bad_alloc may still escape.) @since 0.1
  static LoadResult try_load_file(const std::string& path, const LoadOptions& options = {});
  /// Loads a single-file rule set from memory; `name` is used in diagnostics. A rule set loaded
  /// from memory cannot include other files. Throws LoadError. @since 0.1
  static RuleSet load_string(const std::string& yaml, const std::string& name = "<memory>",
                             const LoadOptions& options = {});
  /// Non-throwing form of load_string(). @since 0.1
  static LoadResult try_load_string(const std::string& yaml, const std::string& name = "<memory>",
                                    const LoadOptions& options = {});

  /// The `ruleset.id` of the root file. @since 0.1
  const std::string& id() const noexcept;
  /// The `ruleset.version` of the root file. @since 0.1
  const std::string& version() const noexcept;
  /// The `ruleset.title` of the root file (may be empty). @since 0.1
  const std::string& title() const noexcept;
  /// "sha256:<hex>" over the exact bytes of every file of the rule set; for a layered rule set,
  /// over the digests of its layers (docs/rule-format.md §13). @since 0.1
  const std::string& digest() const noexcept;
  /// The layers, the furthest base first and this rule set last; one layer when the rule set
  /// extends none. @since 0.2
  std::vector<RuleSetLayer> layers() const;
  /// The id of the layer that declared rule `rule_id` (after overrides, the overriding layer),
  /// or an empty string when there is no such rule. @since 0.2
  std::string rule_layer(const std::string& rule_id) const;
  /// Warnings found while loading (a rule set with errors does not load). @since 0.1
  const std::vector<Diagnostic>& warnings() const noexcept;
  /// Number of rules. @since 0.1
  std::size_t rule_count() const noexcept;
  /// Ids of all rules in declaration order. @since 0.1
  std::vector<std::string> rule_ids() const;
  /// The declared facts in declaration order. @since 0.1
  std::vector<FactInfo> facts() const;

  /// Internal state, for the engine. Not part of the stable API.
  const std::shared_ptr<const internal::RuleSetModel>& model() const noexcept { return model_; }

 private:
  friend class LoadResult;
  explicit RuleSet(std::shared_ptr<const internal::RuleSetModel> model);
  std::shared_ptr<const internal::RuleSetModel> model_;
};

}  // namespace scarwise

#endif  // SCARWISE_RULESET_HPP
