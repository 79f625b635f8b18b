// scarwise/case.hpp — a patient case: patient facts and one entry per scar site.
//
// A Case holds facts as the host gave them, keyed by fact name without its scope ("fitzpatrick"
// for patient.fitzpatrick, "type" for scar.type). It is checked against a rule set's vocabulary
// when it is evaluated (or by Engine::validate): unknown facts, wrong types, out-of-range values,
// undeclared enum values, duplicate scar ids and missing required facts are errors naming the
// scar id and fact. A fact the case leaves out is unknown, never false.
//
// Thread-safety: a Case is a value; concurrent reads are safe, writes need external locking.
// Stability: stable since 0.1.
#ifndef SCARWISE_CASE_HPP
#define SCARWISE_CASE_HPP

#include <scarwise/diagnostic.hpp>
#include <scarwise/export.hpp>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <variant>
#include <vector>

namespace scarwise {

class Case;
namespace internal {
struct RawCase;
struct RawFacts;
/// Wraps an internal case representation (used by the library's readers). Not public API.
Case make_case(std::unique_ptr<RawCase> raw);
}  // namespace internal

/// A fact value as a case gives it: a boolean, an integer, a number, a word (enum value) or a
/// list of words (set value). @since 0.1
using FactValue = std::variant<bool, std::int64_t, double, std::string, std::vector<std::string>>;

/// A view of the facts of the patient or of one scar inside a Case. It stays valid as long as
/// the Case it came from (adding scars does not invalidate it). @since 0.1
class SCARWISE_API FactSet {
 public:
  /// Sets a fact, replacing any earlier value. Returns *this for chaining. @since 0.1
  FactSet& set(const std::string& key, bool value);
  FactSet& set(const std::string& key, int value);            ///< @since 0.1
  FactSet& set(const std::string& key, long value);           ///< @since 0.1
  FactSet& set(const std::string& key, long long value);      ///< @since 0.1
  FactSet& set(const std::string& key, double value);         ///< @since 0.1
  FactSet& set(const std::string& key, const char* value);    ///< enum value; @since 0.1
  FactSet& set(const std::string& key, std::string value);    ///< enum value; @since 0.1
  FactSet& set(const std::string& key, std::vector<std::string> values);  ///< set; @since 0.1
  /// Removes a fact, so that it is unknown again. @since 0.1
  FactSet& unset(const std::string& key);
  /// The value of a fact, or nullptr when the case does not give it. @since 0.1
  const FactValue* get(const std::string& key) const;
  /// The keys given, in the order they were first set. @since 0.1
  std::vector<std::string> keys() const;

 private:
  friend class Case;
  explicit FactSet(internal::RawFacts* facts) : facts_(facts) {}
  FactSet& put(const std::string& key, FactValue value);
  internal::RawFacts* facts_;
};

/// Bounds for reading a case from text. Cases often arrive from outside the host (a web form,
/// another system): every limit stops a hostile case with a located error (its own code, listed
/// after each field) before it can exhaust memory, time or stack. The defaults are far above
/// any real case, which is a few kilobytes. @since 0.1
struct CaseOptions {
  /// Size of the case text, checked before parsing (E-CASE-TOO-LARGE). 1 MiB. A case may also
  /// hold at most one node (value, list or map) per 8 bytes of this limit, and at least 4096
  /// (E-LIMIT-NODES). @since 0.1
  std::size_t max_bytes = 1u << 20;
  /// Nesting of the JSON or YAML (E-CASE-TOO-DEEP for JSON, E-YAML-TOO-DEEP for YAML); a case
  /// needs 4 levels. @since 0.1
  std::size_t max_nesting_depth = 16;
  /// Scar sites in one case (E-LIMIT-SCARS, at the first scar past the limit). @since 0.1
  std::size_t max_scars = 256;
  /// Errors reported before reading stops reporting; one E-LIMIT-ERRORS then says that more
  /// were left out. The case remembers it: validating it against a rule set (Engine::validate,
  /// Engine::try_evaluate) stops at the same number. A case built in code has the default.
  /// @since 0.1
  std::size_t max_errors = 100;
};

/// A patient case. @since 0.1
class SCARWISE_API Case {
 public:
  /// An empty case: no patient facts and no scars. @since 0.1
  Case();
  ~Case();
  Case(const Case& other);
  Case& operator=(const Case& other);
  Case(Case&& other) noexcept;
  Case& operator=(Case&& other) noexcept;

  /// Reads a case from JSON text: {"patient": {...}, "scars": [{"id": ..., ...}]}.
  /// Throws CaseError for malformed JSON, duplicate keys, NaN, trailing content, a wrong shape
  /// or a text beyond the default CaseOptions; `name` is used in diagnostics. Facts are checked
  /// against a vocabulary only later. @since 0.1
  static Case from_json(const std::string& text, const std::string& name = "<case>");
  /// Reads a case from YAML text under the same strict rules as rule files. Throws CaseError.
  /// @since 0.1
  static Case from_yaml(const std::string& text, const std::string& name = "<case>");
  /// Reads a case file: JSON when the name ends in ".json", YAML when it ends in ".yaml" or
  /// ".yml", otherwise JSON when the text starts with '{' and YAML when it does not. Throws
  /// CaseError (also when the file cannot be read). A file named for one format that holds the
  /// other gets a syntax error whose hint says so. @since 0.1
  static Case from_file(const std::string& path);
  /// from_json() within the bounds of `options`. @since 0.1
  static Case from_json(const std::string& text, const std::string& name,
                        const CaseOptions& options);
  /// from_yaml() within the bounds of `options`. @since 0.1
  static Case from_yaml(const std::string& text, const std::string& name,
                        const CaseOptions& options);
  /// from_file() within the bounds of `options`. Only a regular file is read (a FIFO, device
  /// or directory is E-CASE-READ), and never more than `options.max_bytes` of it. @since 0.1
  static Case from_file(const std::string& path, const CaseOptions& options);

  /// The patient's facts. @since 0.1
  FactSet patient();
  /// The patient's facts, read-only. @since 0.1
  const FactSet patient() const;
  /// Appends a scar site with the given id and returns its facts. @since 0.1
  FactSet add_scar(const std::string& id);
  /// Number of scar sites. @since 0.1
  std::size_t scar_count() const noexcept;
  /// The id of scar `index` (0-based; throws std::out_of_range). @since 0.1
  const std::string& scar_id(std::size_t index) const;
  /// The facts of scar `index` (0-based; throws std::out_of_range). @since 0.1
  FactSet scar(std::size_t index);
  /// The facts of scar `index`, read-only. @since 0.1
  const FactSet scar(std::size_t index) const;

  /// Internal state, for the engine (a moved-from case reads as empty). Not part of the
  /// stable API.
  const internal::RawCase& raw() const noexcept;

 private:
  friend Case internal::make_case(std::unique_ptr<internal::RawCase> raw);
  explicit Case(std::unique_ptr<internal::RawCase> raw);
  std::unique_ptr<internal::RawCase> raw_;
};

}  // namespace scarwise

#endif  // SCARWISE_CASE_HPP
