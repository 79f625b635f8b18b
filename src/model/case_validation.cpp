// Checking a case against a rule set's vocabulary, and its canonical JSON form for the digest.
#include <algorithm>
#include <boost/json.hpp>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <unordered_map>
#include <utility>

#include "model/validated_case.hpp"
#include "support/did_you_mean.hpp"
#include "support/quote.hpp"
#include "support/utf8.hpp"

namespace scarwise::internal {

namespace {

/// Integers print as integers (3, not 3.0) while exact; other numbers in the shortest form that
/// reads back to the same double. Same format as the assessment JSON writer.
std::string number_text(double d) {
  if (std::trunc(d) == d && std::fabs(d) < 9007199254740992.0) {
    return std::to_string(static_cast<std::int64_t>(d));
  }
  char buffer[32];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, d);
  return std::string(buffer, result.ptr);
}

std::string json_string(std::string_view text) { return boost::json::serialize(text); }

std::string join(const std::vector<std::string>& words) {
  std::string out;
  for (const std::string& word : words) out += (out.empty() ? "" : ", ") + word;
  return out;
}

/// A value as the user wrote it, for "got ..." in messages.
std::string describe(const FactValue& value) {
  struct Visitor {
    std::string operator()(bool b) const { return b ? "true" : "false"; }
    std::string operator()(std::int64_t n) const { return std::to_string(n); }
    std::string operator()(double d) const { return number_text(d); }
    std::string operator()(const std::string& s) const { return quote(s); }
    std::string operator()(const std::vector<std::string>& list) const {
      return "[" + shown(join(list)) + "]";
    }
  };
  return std::visit(Visitor{}, value);
}

/// What a fact accepts, e.g. "an integer from 1 to 4" or "true or false".
std::string expectation(const FactDecl& decl) {
  std::string bounds;
  if (decl.min && decl.max) {
    bounds = " from " + number_text(*decl.min) + " to " + number_text(*decl.max);
  } else if (decl.min) {
    bounds = " of at least " + number_text(*decl.min);
  } else if (decl.max) {
    bounds = " of at most " + number_text(*decl.max);
  }
  switch (decl.type) {
    case FactType::Bool:
      return "true or false";
    case FactType::Int:
      return "an integer" + bounds;
    case FactType::Number:
      return "a number" + bounds;
    case FactType::Enum:
      return "one of " + join(decl.values);
    case FactType::Set:
      return "a list of values from " + join(decl.values);
  }
  return "?";
}

/// Why a value does not fit a fact.
struct Problem {
  std::string code;
  std::string detail;  ///< completes "<fact> ...", e.g. "must be an integer, got 2.5"
  std::string hint;
};

/// A value converted to its slot and to its canonical JSON text.
struct Converted {
  Value value;
  std::string json;
};

bool in_bounds(const FactDecl& decl, const Numeric& n) {
  return (!decl.min || compare_numeric(n, Numeric::of_real(*decl.min)) >= 0) &&
         (!decl.max || compare_numeric(n, Numeric::of_real(*decl.max)) <= 0);
}

bool is_numeric_word(const FactValue& value) {
  const auto* word = std::get_if<std::string>(&value);
  if (!word || word->empty()) return false;
  double ignored = 0;
  const auto result = std::from_chars(word->data(), word->data() + word->size(), ignored);
  return result.ec == std::errc{} && result.ptr == word->data() + word->size();
}

Problem type_problem(const FactDecl& decl, const FactValue& value) {
  Problem problem{"E-CASE-TYPE", "must be " + expectation(decl) + ", got " + describe(value), ""};
  if (decl.type == FactType::Bool) {
    problem.hint = "write true or false, without quotes";
  } else if (is_numeric_word(value)) {
    problem.hint = "write the number without quotes";
  } else if (decl.type == FactType::Set && std::holds_alternative<std::string>(value)) {
    problem.hint = "write a list, e.g. [" + shown(std::get<std::string>(value)) + "]";
  }
  return problem;
}

std::variant<Converted, Problem> convert_number(const FactDecl& decl, const FactValue& value) {
  std::optional<double> n;
  std::string json;
  if (const auto* i = std::get_if<std::int64_t>(&value)) {
    n = static_cast<double>(*i);
    json = std::to_string(*i);
  } else if (const auto* d = std::get_if<double>(&value); d && std::isfinite(*d)) {
    n = *d;
    json = number_text(*d);
  }
  if (!n) return type_problem(decl, value);
  if (!in_bounds(decl, Numeric::of_real(*n))) {
    return Problem{"E-CASE-RANGE", "must be " + expectation(decl) + ", got " + describe(value), ""};
  }
  return Converted{Value::of_number(*n), std::move(json)};
}

/// An int fact past the int64 range, with the range it does take: its bounds where declared.
Problem outside_int64(const FactDecl& decl, const FactValue& value) {
  const std::string low = decl.min ? number_text(*decl.min) : "-9223372036854775808";
  const std::string high = decl.max ? number_text(*decl.max) : "9223372036854775807";
  return Problem{"E-CASE-RANGE",
                 "must be an integer from " + low + " to " + high + ", got " + describe(value),
                 "an int fact holds a 64-bit integer"};
}

/// The exact integer a double given to an int fact stands for, or why it stands for none:
/// 3.0 and 1e3 are integers, 2.5 is not, and from 2^53 on the double may already be another
/// integer than the one written (9007199254740993.0 reads as 2^53). Below 2^53 every integer
/// is a double of its own, so no other one can have been meant.
std::variant<std::int64_t, Problem> integer_of(const FactDecl& decl, const FactValue& value,
                                               double d) {
  constexpr double kTwoTo53 = 9007199254740992.0;
  constexpr double kTwoTo63 = 9223372036854775808.0;
  if (std::trunc(d) != d) {
    return Problem{"E-CASE-TYPE", "must be an integer, got " + describe(value),
                   "this fact counts whole units"};
  }
  // -2^63 itself is an int64, but as a double it is also what the integers just below it
  // round to, so it is refused with them.
  if (d >= kTwoTo63 || d <= -kTwoTo63) return outside_int64(decl, value);
  if (!in_bounds(decl, Numeric::of_real(d))) {
    return Problem{"E-CASE-RANGE", "must be " + expectation(decl) + ", got " + describe(value), ""};
  }
  if (std::fabs(d) >= kTwoTo53) {
    return Problem{"E-CASE-TYPE", "must be an integer written in digits, got " + describe(value),
                   "from 2^53 on, a number with a fraction or an exponent may stand for a "
                   "neighbouring integer"};
  }
  return static_cast<std::int64_t>(d);
}

/// An int fact holds an exact int64, never a double: huge values are refused here, at input,
/// instead of being cast where they are compared or shown.
std::variant<Converted, Problem> convert_int(const FactDecl& decl, const FactValue& value) {
  std::int64_t n = 0;
  if (const auto* i = std::get_if<std::int64_t>(&value)) {
    n = *i;
  } else if (const auto* d = std::get_if<double>(&value); d && std::isfinite(*d)) {
    std::variant<std::int64_t, Problem> integer = integer_of(decl, value, *d);
    if (auto* problem = std::get_if<Problem>(&integer)) return std::move(*problem);
    n = std::get<std::int64_t>(integer);
  } else {
    return type_problem(decl, value);
  }
  if (!in_bounds(decl, Numeric::of_int(n))) {
    return Problem{"E-CASE-RANGE", "must be " + expectation(decl) + ", got " + describe(value), ""};
  }
  return Converted{Value::of_int(n), std::to_string(n)};
}

Problem unknown_value(const FactDecl& decl, const std::string& word) {
  return Problem{"E-CASE-UNKNOWN-VALUE", "has no value " + quote(word),
                 did_you_mean(word, decl.values, "its values are: " + join(decl.values))};
}

std::variant<Converted, Problem> convert_enum(const FactDecl& decl, const FactValue& value) {
  const auto* word = std::get_if<std::string>(&value);
  if (!word) return type_problem(decl, value);
  const int index = decl.value_index(*word);
  if (index < 0) return unknown_value(decl, *word);
  return Converted{Value::of_enum(static_cast<std::uint32_t>(index)), json_string(*word)};
}

std::variant<Converted, Problem> convert_set(const FactDecl& decl, const FactValue& value) {
  const auto* words = std::get_if<std::vector<std::string>>(&value);
  if (!words) return type_problem(decl, value);
  std::uint64_t bits = 0;
  for (const std::string& word : *words) {
    const int index = decl.value_index(word);
    if (index < 0) return unknown_value(decl, word);
    const std::uint64_t bit = std::uint64_t{1} << index;
    if (bits & bit) return Problem{"E-CASE-DUPLICATE-VALUE", "lists " + quote(word) + " twice", ""};
    bits |= bit;
  }
  // A set has no order: its canonical form lists the values in declaration order.
  std::string json = "[";
  for (std::size_t i = 0; i < decl.values.size(); ++i) {
    if (!(bits & (std::uint64_t{1} << i))) continue;
    json += (json.size() > 1 ? "," : "") + json_string(decl.values[i]);
  }
  return Converted{Value::of_set(bits), json + "]"};
}

std::variant<Converted, Problem> convert(const FactDecl& decl, const FactValue& value) {
  switch (decl.type) {
    case FactType::Bool:
      if (const auto* b = std::get_if<bool>(&value)) {
        return Converted{Value::of_bool(*b), *b ? "true" : "false"};
      }
      return type_problem(decl, value);
    case FactType::Int:
      return convert_int(decl, value);
    case FactType::Number:
      return convert_number(decl, value);
    case FactType::Enum:
      return convert_enum(decl, value);
    case FactType::Set:
      return convert_set(decl, value);
  }
  return type_problem(decl, value);
}

/// A JSON object with its members sorted by key.
std::string sorted_object(std::vector<std::pair<std::string, std::string>> members) {
  std::sort(members.begin(), members.end());
  std::string out = "{";
  for (const auto& [key, json] : members) {
    out += (out.size() > 1 ? "," : "") + json_string(key) + ":" + json;
  }
  return out + "}";
}

/// Bytes that are not UTF-8 (a host may set any bytes through the C++ or C API), C0 controls,
/// DEL and C1 controls (U+0080 to U+009F): a scar id is printed in reports, JSON and terminals,
/// where these would break the output or act instead of show.
bool is_unprintable_id(const std::string& text) {
  if (find_invalid_utf8(text)) return true;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x20 || c == 0x7f) return true;
    if (c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) <= 0x9F) {
      return true;
    }
  }
  return false;
}

class CaseValidator {
 public:
  CaseValidator(const RawCase& raw, const Vocabulary& vocabulary, DiagnosticSink& sink)
      : raw_(raw), vocabulary_(vocabulary), sink_(sink) {}

  /// Checks only the facts `facts` gives: what a partial mapping (test defaults) can be held to.
  void run_given(const RawFacts& facts, Scope scope, const std::string& where) {
    std::vector<Value> slots(vocabulary_.slot_count(scope));
    std::vector<bool> given(slots.size(), false);
    std::vector<std::pair<std::string, std::string>> json;
    check_given(facts, scope, where, json, slots, given);
  }

  std::optional<ValidatedCase> run() {
    const std::size_t errors_before = sink_.error_count();
    ValidatedCase out;
    std::vector<std::pair<std::string, std::string>> patient_json;
    out.patient = check_facts(raw_.patient, Scope::Patient, "", patient_json);
    std::string scars_json;
    if (raw_.scars.empty()) {
      sink_.error({raw_.name, 0, 0}, "E-CASE-NO-SCARS", "the case has no scars",
                  "add at least one scar site, e.g. scars: [{id: cheeks, type: rolling}]");
    }
    std::unordered_map<std::string, const RawScar*> ids;
    // Past the error limit nothing more would be reported: stop rather than build messages
    // that are thrown away.
    for (std::size_t i = 0; i < raw_.scars.size() && !sink_.errors_dropped(); ++i) {
      const RawScar& scar = *raw_.scars[i];
      check_scar_id(scar, i, ids);
      std::vector<std::pair<std::string, std::string>> members{{"id", json_string(scar.id)}};
      const std::string where =
          scar.id.empty() ? "scar #" + std::to_string(i + 1) : "scar " + quote(scar.id);
      out.scars.push_back(
          ValidatedScar{scar.id, check_facts(scar.facts, Scope::Scar, where + ": ", members)});
      scars_json += (scars_json.empty() ? "" : ",") + sorted_object(std::move(members));
    }
    if (sink_.error_count() > errors_before) return std::nullopt;
    out.canonical_json = "{\"patient\":" + sorted_object(std::move(patient_json)) + ",\"scars\":[" +
                         scars_json + "]}";
    return out;
  }

 private:
  SourceLoc at(const SourceLoc& loc) const {
    return loc.file.empty() ? SourceLoc{raw_.name, loc.line, loc.column} : loc;
  }

  void check_scar_id(const RawScar& scar, std::size_t index,
                     std::unordered_map<std::string, const RawScar*>& ids) {
    const std::string number = "scar #" + std::to_string(index + 1);
    if (scar.id.empty() || is_unprintable_id(scar.id)) {
      sink_.error(
          at(scar.facts.loc), "E-CASE-BAD-SCAR-ID",
          number + ": a scar id must be a non-empty word of UTF-8 text without control characters",
          "give every scar a unique id, e.g. id: cheeks");
      return;
    }
    const auto [first, inserted] = ids.emplace(scar.id, &scar);
    if (inserted) return;
    const SourceLoc& first_loc = first->second->facts.loc;
    sink_.error(at(scar.facts.loc), "E-CASE-DUPLICATE-SCAR",
                number + ": scar id " + quote(scar.id) + " is used twice",
                first_loc.line > 0 ? "the first is at line " + std::to_string(first_loc.line)
                                   : "every scar needs its own id");
  }

  std::vector<Value> check_facts(const RawFacts& facts, Scope scope, const std::string& where,
                                 std::vector<std::pair<std::string, std::string>>& json) {
    std::vector<Value> slots(vocabulary_.slot_count(scope));
    std::vector<bool> given(slots.size(), false);
    if (!check_given(facts, scope, where, json, slots, given)) return slots;
    fill_omitted(scope, where, facts.loc, given, slots);
    return slots;
  }

  /// Converts the facts a mapping gives into their slots; false once past the error limit.
  bool check_given(const RawFacts& facts, Scope scope, const std::string& where,
                   std::vector<std::pair<std::string, std::string>>& json,
                   std::vector<Value>& slots, std::vector<bool>& given) {
    for (const RawFact& fact : facts.facts) {
      if (sink_.errors_dropped()) return false;
      const std::optional<FactId> id = vocabulary_.find(scope, fact.key);
      if (!id) {
        sink_.error(at(fact.key_loc), "E-CASE-UNKNOWN-FACT",
                    where + "unknown fact " + quote(scope_prefix(scope) + fact.key),
                    unknown_fact_hint(scope, fact.key));
        continue;
      }
      const FactDecl& decl = vocabulary_.fact(*id);
      given[decl.slot] = true;
      std::variant<Converted, Problem> result = convert(decl, fact.value);
      if (auto* problem = std::get_if<Problem>(&result)) {
        sink_.error(at(fact.loc), std::move(problem->code),
                    where + decl.name + " " + problem->detail, std::move(problem->hint));
        continue;
      }
      auto& converted = std::get<Converted>(result);
      slots[decl.slot] = converted.value;
      json.emplace_back(fact.key, std::move(converted.json));
    }
    return true;
  }

  /// Omitted facts take their declared default, stay unknown, or are an error when required.
  void fill_omitted(Scope scope, const std::string& where, const SourceLoc& loc,
                    const std::vector<bool>& given, std::vector<Value>& slots) {
    for (const FactDecl& decl : vocabulary_.facts()) {
      if (sink_.errors_dropped()) return;
      if (decl.scope != scope || given[decl.slot]) continue;
      if (decl.required) {
        sink_.error(at(loc), "E-CASE-MISSING-REQUIRED", where + decl.name + " is required",
                    "give " + quote(decl.key) + ": " + expectation(decl));
      } else if (decl.default_value) {
        slots[decl.slot] = *decl.default_value;
      }
    }
  }

  static std::string scope_prefix(Scope scope) {
    return scope == Scope::Patient ? "patient." : "scar.";
  }

  std::string unknown_fact_hint(Scope scope, const std::string& key) const {
    const std::vector<std::string> keys = vocabulary_.keys(scope);
    const std::string close = closest_match(key, keys);
    if (!close.empty()) return "did you mean " + quote(close) + "?";
    const Scope other = scope == Scope::Patient ? Scope::Scar : Scope::Patient;
    if (vocabulary_.find(other, key)) {
      return other == Scope::Scar ? quote(key) + " is a scar fact: give it on each scar"
                                  : quote(key) + " is a patient fact: give it under patient";
    }
    for (Scope s : {Scope::Patient, Scope::Scar}) {
      const std::string prefix = scope_prefix(s);
      if (key.compare(0, prefix.size(), prefix) == 0 &&
          vocabulary_.find(s, key.substr(prefix.size()))) {
        return "write the key without its scope: " + quote(key.substr(prefix.size()));
      }
    }
    return keys.empty() ? "this rule set declares no " + scope_prefix(scope) + "* facts"
                        : "known keys: " + join_some(keys);
  }

  /// The first keys of a long list, and how many more there are: repeated on every unknown
  /// fact, the whole list of a large vocabulary would dwarf the message.
  static std::string join_some(const std::vector<std::string>& keys) {
    constexpr std::size_t kShown = 12;
    if (keys.size() <= kShown) return join(keys);
    const std::vector<std::string> first(keys.begin(), keys.begin() + kShown);
    return join(first) + " and " + std::to_string(keys.size() - kShown) + " more";
  }

  const RawCase& raw_;
  const Vocabulary& vocabulary_;
  DiagnosticSink& sink_;
};

}  // namespace

std::optional<ValidatedCase> validate_case(const RawCase& raw, const Vocabulary& vocabulary,
                                           DiagnosticSink& sink) {
  return CaseValidator(raw, vocabulary, sink).run();
}

void validate_facts(const RawFacts& facts, Scope scope, const Vocabulary& vocabulary,
                    const std::string& file, const std::string& where, DiagnosticSink& sink) {
  RawCase context;
  context.name = file;
  CaseValidator(context, vocabulary, sink).run_given(facts, scope, where);
}

}  // namespace scarwise::internal
