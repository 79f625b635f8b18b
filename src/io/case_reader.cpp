#include "io/case_reader.hpp"

#include <unordered_set>
#include <utility>
#include <vector>

#include "io/case_scalar.hpp"
#include "io/json_tree.hpp"
#include "support/did_you_mean.hpp"
#include "support/quote.hpp"

namespace scarwise::internal {

namespace {

/// Walks a case in the located tree; reports every problem it finds, not only the first.
class CaseReader {
 public:
  CaseReader(const YamlDocument& doc, std::size_t max_scars, DiagnosticSink& sink)
      : doc_(doc), max_scars_(max_scars), sink_(sink) {}

  /// The facts of a mapping outside a case (test defaults), read as a patient's facts are.
  RawFacts read_fact_map(const YamlNode& node, const std::string& where) {
    RawFacts facts;
    facts.loc = doc_.loc(node);
    read_facts(node, where, /*skip_id=*/false, facts);
    return facts;
  }

  std::unique_ptr<RawCase> read(const YamlNode& node) {
    const std::size_t errors_before = sink_.error_count();
    auto raw = std::make_unique<RawCase>();
    raw->name = doc_.file;
    if (!node.is_map()) {
      error(node, "E-CASE-SHAPE", "a case must be a mapping with 'patient' and 'scars'",
            "e.g. {\"patient\": {\"age\": 34}, \"scars\": [{\"id\": \"cheeks\"}]}");
      return nullptr;
    }
    raw->patient.loc = doc_.loc(node);
    for (const auto& [key, value] : node.entries) {
      if (key.scalar == "patient") {
        read_patient(value, *raw);
      } else if (key.scalar == "scars") {
        read_scars(value, *raw);
      } else {
        error(key, "E-CASE-UNKNOWN-KEY", "unknown key " + quote(key.scalar) + " in a case",
              did_you_mean(key.scalar, {"patient", "scars"},
                           "a case has only the keys 'patient' and 'scars'"));
      }
    }
    if (sink_.error_count() > errors_before) return nullptr;
    return raw;
  }

 private:
  void error(const YamlNode& at, std::string code, std::string message, std::string hint = {}) {
    sink_.error(doc_.loc(at), std::move(code), std::move(message), std::move(hint));
  }

  void read_patient(const YamlNode& node, RawCase& raw) {
    if (!node.is_map()) {
      error(node, "E-CASE-SHAPE", "'patient' must be a mapping of fact keys to values",
            "e.g. patient: {age: 34, fitzpatrick: 5}");
      return;
    }
    raw.patient.loc = doc_.loc(node);
    read_facts(node, "patient", /*skip_id=*/false, raw.patient);
  }

  void read_scars(const YamlNode& node, RawCase& raw) {
    if (!node.is_sequence()) {
      error(node, "E-CASE-SHAPE", "'scars' must be a list of scar sites",
            "e.g. scars: [{id: cheeks, type: rolling}]");
      return;
    }
    if (node.items.size() > max_scars_) {
      error(node.items[max_scars_], "E-LIMIT-SCARS",
            "the case has " + std::to_string(node.items.size()) +
                " scars, more than the limit of " + std::to_string(max_scars_),
            "split the case, or raise CaseOptions::max_scars");
      return;
    }
    for (std::size_t i = 0; i < node.items.size(); ++i) read_scar(node.items[i], i, raw);
  }

  void read_scar(const YamlNode& node, std::size_t index, RawCase& raw) {
    const std::string number = "scar #" + std::to_string(index + 1);
    if (!node.is_map()) {
      error(node, "E-CASE-SHAPE", number + " must be a mapping with an id and facts",
            "e.g. {id: cheeks, type: rolling}");
      return;
    }
    auto scar = std::make_unique<RawScar>();
    scar->facts.loc = doc_.loc(node);
    bool has_id = false;
    bool id_given = false;
    for (const auto& [key, value] : node.entries) {
      if (key.scalar != "id") continue;
      id_given = true;
      has_id = read_scar_id(value, number, *scar);
    }
    if (!id_given) {
      error(node, "E-CASE-BAD-SCAR-ID", number + " has no id",
            "give every scar an id, e.g. id: cheeks");
    }
    read_facts(node, has_id ? "scar " + quote(scar->id) : number, /*skip_id=*/true, scar->facts);
    raw.scars.push_back(std::move(scar));
  }

  bool read_scar_id(const YamlNode& value, const std::string& number, RawScar& scar) {
    // Any scalar spelling is an id (`id: 3` is the scar "3"); only a null or a structure is not.
    const bool is_null =
        value.is_null() || (value.is_scalar() && value.style == YamlNode::Style::Plain &&
                            type_plain_scalar(value.scalar).kind == ScalarTyping::Kind::Null);
    if (!value.is_scalar() || is_null) {
      error(value, "E-CASE-BAD-SCAR-ID", number + ": id must be a word such as cheeks",
            "give every scar a unique, non-empty id");
      return false;
    }
    scar.id = value.scalar;
    return true;
  }

  /// Reads the fact entries of a mapping; a scar's `id` entry is not a fact.
  void read_facts(const YamlNode& node, const std::string& where, bool skip_id, RawFacts& facts) {
    std::unordered_set<std::string> seen;
    for (const auto& [key, value] : node.entries) {
      if (skip_id && key.scalar == "id") continue;
      if (!seen.insert(key.scalar).second) {
        error(key, "E-CASE-DUPLICATE-KEY",
              where + ": fact " + quote(key.scalar) + " is given twice");
        continue;
      }
      std::optional<FactValue> fact = read_value(value, where, key.scalar);
      if (fact) {
        facts.facts.push_back(
            RawFact{key.scalar, std::move(*fact), doc_.loc(value), doc_.loc(key)});
      }
    }
  }

  std::optional<FactValue> read_value(const YamlNode& node, const std::string& where,
                                      const std::string& key) {
    switch (node.kind) {
      case YamlNode::Kind::Null:
        return null_value(node, where, key);
      case YamlNode::Kind::Scalar:
        return read_scalar(node, where, key);
      case YamlNode::Kind::Sequence:
        return read_list(node, where, key);
      case YamlNode::Kind::Map:
        break;
    }
    error(node, "E-CASE-SHAPE",
          where + ": the value of " + quote(key) + " is a mapping; a fact value is true/false, a " +
              "number, a word or a list of words");
    return std::nullopt;
  }

  std::optional<FactValue> null_value(const YamlNode& node, const std::string& where,
                                      const std::string& key) {
    error(node, "E-CASE-NULL", where + ": " + quote(key) + " is null",
          "leave a fact out of the case to make it unknown");
    return std::nullopt;
  }

  std::optional<FactValue> read_scalar(const YamlNode& node, const std::string& where,
                                       const std::string& key) {
    // Only plain scalars are typed: a quoted "5" is the word 5, exactly as written.
    if (node.style != YamlNode::Style::Plain) return FactValue{node.scalar};
    ScalarTyping typing = type_plain_scalar(node.scalar);
    switch (typing.kind) {
      case ScalarTyping::Kind::Value:
        return std::move(typing.value);
      case ScalarTyping::Kind::Null:
        return null_value(node, where, key);
      case ScalarTyping::Kind::BadNumber:
        break;
    }
    error(node, "E-CASE-NUMBER",
          where + ": the value " + quote(node.scalar) + " of " + quote(key) + ": " + typing.reason,
          "write a decimal number such as 3 or 2.5, or quote the value if it is a word");
    return std::nullopt;
  }

  std::optional<FactValue> read_list(const YamlNode& node, const std::string& where,
                                     const std::string& key) {
    std::vector<std::string> words;
    bool ok = true;
    for (const YamlNode& item : node.items) {
      std::optional<FactValue> value =
          item.is_scalar() ? read_scalar(item, where, key) : std::optional<FactValue>{};
      if (value && std::holds_alternative<std::string>(*value)) {
        words.push_back(std::get<std::string>(*value));
        continue;
      }
      if (value || !item.is_scalar()) {
        error(item, "E-CASE-SHAPE", where + ": the items of " + quote(key) + " must be words",
              "a list value names declared values, e.g. [face, neck]");
      }
      ok = false;
    }
    if (!ok) return std::nullopt;
    return FactValue{std::move(words)};
  }

  const YamlDocument& doc_;
  std::size_t max_scars_;
  DiagnosticSink& sink_;
};

/// E-CASE-TOO-LARGE when `text` is longer than the limit; checked before any parsing.
bool check_case_size(std::string_view text, const std::string& name, std::size_t max_bytes,
                     DiagnosticSink& sink) {
  if (text.size() <= max_bytes) return true;
  sink.error({name, 0, 0}, "E-CASE-TOO-LARGE",
             "the case has " + std::to_string(text.size()) + " bytes, more than the limit of " +
                 std::to_string(max_bytes),
             "raise CaseOptions::max_bytes");
  return false;
}

}  // namespace

std::unique_ptr<RawCase> read_case_node(const YamlDocument& doc, const YamlNode& node,
                                        std::size_t max_scars, DiagnosticSink& sink) {
  return CaseReader(doc, max_scars, sink).read(node);
}

std::unique_ptr<RawCase> read_case_node(const YamlDocument& doc, const YamlNode& node,
                                        DiagnosticSink& sink) {
  return read_case_node(doc, node, CaseOptions{}.max_scars, sink);
}

RawFacts read_fact_map(const YamlDocument& doc, const YamlNode& map, const std::string& where,
                       DiagnosticSink& sink) {
  return CaseReader(doc, CaseOptions{}.max_scars, sink).read_fact_map(map, where);
}

std::unique_ptr<RawCase> read_case_json(std::string_view text, const std::string& name,
                                        const CaseOptions& options, DiagnosticSink& sink) {
  if (!check_case_size(text, name, options.max_bytes, sink)) return nullptr;
  std::optional<YamlDocument> doc =
      parse_json_tree(std::string(text), name, sink, options.max_bytes, options.max_nesting_depth);
  if (!doc) return nullptr;
  return read_case_node(*doc, doc->root, options.max_scars, sink);
}

std::unique_ptr<RawCase> read_case_json(std::string_view text, const std::string& name,
                                        DiagnosticSink& sink) {
  return read_case_json(text, name, CaseOptions{}, sink);
}

std::unique_ptr<RawCase> read_case_yaml(std::string_view text, const std::string& name,
                                        const CaseOptions& options, DiagnosticSink& sink) {
  if (!check_case_size(text, name, options.max_bytes, sink)) return nullptr;
  const YamlLimits limits{options.max_bytes, options.max_nesting_depth, "CaseOptions::max_bytes"};
  std::optional<YamlDocument> doc = parse_yaml(std::string(text), name, limits, sink);
  if (!doc) return nullptr;
  return read_case_node(*doc, doc->root, options.max_scars, sink);
}

std::unique_ptr<RawCase> read_case_yaml(std::string_view text, const std::string& name,
                                        DiagnosticSink& sink) {
  return read_case_yaml(text, name, CaseOptions{}, sink);
}

}  // namespace scarwise::internal
