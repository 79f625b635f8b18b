#include "io/case_fast_reader.hpp"

#include "io/case_scalar.hpp"
#include "io/json_fragments.hpp"
#include "io/json_writer.hpp"
#include "load/scalar_values.hpp"
#include "support/same_bytes.hpp"
#include "support/text_buffer.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstring>

namespace scarwise::internal {
namespace {

constexpr FactId kNoFact = ~FactId{0};

/// The characters a plain string may hold: printable ASCII but the quote and the backslash.
constexpr std::array<bool, 256> plain_chars() {
  std::array<bool, 256> plain{};
  for (int c = 0x20; c <= 0x7e; ++c) plain[static_cast<std::size_t>(c)] = c != '"' && c != '\\';
  return plain;
}
constexpr std::array<bool, 256> kPlainChar = plain_chars();

/// A case needs four levels: the case, its scars, a scar, a list value.
constexpr std::size_t kDepthNeeded = 4;
/// The full reader allows at least this many nodes whatever CaseOptions::max_bytes says; a
/// case with more is left to it, so that its limit is applied exactly as it applies it.
constexpr std::size_t kNodesAlwaysAllowed = 4096;
/// Integers of more digits may leave the int64 range; the full reader decides those.
constexpr std::size_t kMaxIntegerDigits = 18;
/// 2^53: a number fact given a larger integer is left to the full reader, since the double
/// it becomes may print differently from the digits given.
constexpr std::int64_t kExactInDouble = std::int64_t{1} << 53;
/// A decimal's digits fit in an unsigned 64-bit mantissa up to this many.
constexpr std::size_t kMaxMantissaDigits = 19;
/// The powers of ten a double holds exactly: 1e0 to 1e22.
constexpr std::array<double, 23> kPowersOfTen = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                                 1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                                 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
static_assert(kMaxMantissaDigits < kPowersOfTen.size(), "every fraction has its power of ten");

bool in_bounds(const FactDecl& decl, const Numeric& n) {
  return (!decl.min || compare_numeric(n, Numeric::of_real(*decl.min)) >= 0) &&
         (!decl.max || compare_numeric(n, Numeric::of_real(*decl.max)) <= 0);
}

/// Whether no two scars share an id (else E-CASE-DUPLICATE-SCAR, for the full reader to
/// report). Pairwise for a few scars; sorted for many, so that a long list is not quadratic.
bool ids_distinct(SlotCase& c) {
  constexpr std::size_t kPairwiseUpTo = 8;
  const std::vector<std::string_view>& ids = c.ids;
  if (ids.size() <= kPairwiseUpTo) {
    for (std::size_t i = 1; i < ids.size(); ++i) {
      for (std::size_t j = 0; j < i; ++j) {
        if (ids[i] == ids[j]) return false;
      }
    }
    return true;
  }
  c.sorted_ids.assign(ids.begin(), ids.end());
  std::sort(c.sorted_ids.begin(), c.sorted_ids.end());
  return std::adjacent_find(c.sorted_ids.begin(), c.sorted_ids.end()) == c.sorted_ids.end();
}

/// Gives the facts of `scope` that a mapping at `base` omitted their default; false when one
/// of them is required (E-CASE-MISSING-REQUIRED, for the full reader to report). `given` facts
/// of the scope were given, each once: when that is all of them there is nothing to walk.
bool complete_scope(const Vocabulary& vocabulary, SlotCase& c, Scope scope, std::size_t base,
                    std::size_t given) {
  if (given == vocabulary.slot_count(scope)) return true;
  for (const FactDecl& decl : vocabulary.facts()) {
    if (decl.scope != scope || c.given[base + decl.slot]) continue;
    if (decl.required) return false;
    if (decl.default_value) c.slots[base + decl.slot] = *decl.default_value;
  }
  return true;
}

/// Finds the facts a case's keys name, trying first the key that followed the previous one in
/// the last case (SlotCase::key_after): one comparison instead of a hash lookup when cases
/// list their keys alike.
class KeyGuesser {
 public:
  KeyGuesser(const Vocabulary& vocabulary, SlotCase& c) : facts_(vocabulary.facts()),
                                                           vocabulary_(vocabulary), c_(c) {
    // A rule set at the address of a freed one is told apart by its size at least; within
    // that, a stale guess is only a wrong guess, since every guess is checked.
    if (c.key_order_of != &vocabulary || c.key_after.size() != facts_.size() + 2) {
      c.key_after.assign(facts_.size() + 2, kNoFact);
      c.key_order_of = &vocabulary;
    }
  }

  /// A mapping of `scope`'s facts begins.
  void start(Scope scope) { previous_ = facts_.size() + (scope == Scope::Patient ? 0 : 1); }

  /// When the text at `p` (just past a key's opening quote) is the key of the fact expected
  /// next in a mapping of `scope`'s facts, and its closing quote, that fact, which becomes the
  /// previous one; else kNoFact. A declared key is plain, so it reads the same escaped or not.
  FactId match_expected(Scope scope, const char* p, const char* end) {
    const FactId guess = c_.key_after[previous_];
    if (guess >= facts_.size() || facts_[guess].scope != scope) return kNoFact;
    const std::string& key = facts_[guess].key;
    if (static_cast<std::size_t>(end - p) <= key.size() || p[key.size()] != '"' ||
        !same_bytes(p, key.data(), key.size())) {
      return kNoFact;
    }
    previous_ = guess;
    return guess;
  }

  std::optional<FactId> find(Scope scope, std::string_view key) {
    FactId& guess = c_.key_after[previous_];
    if (guess >= facts_.size() || facts_[guess].scope != scope ||
        facts_[guess].key.size() != key.size() ||
        !same_bytes(key.data(), facts_[guess].key.data(), key.size())) {
      const std::optional<FactId> found = vocabulary_.find(scope, key);
      if (!found) return std::nullopt;
      guess = *found;
    }
    previous_ = guess;
    return guess;
  }

 private:
  const std::vector<FactDecl>& facts_;
  const Vocabulary& vocabulary_;
  SlotCase& c_;
  std::size_t previous_ = 0;  ///< into c_.key_after
};

class FastReader {
 public:
  FastReader(std::string_view text, const RuleSetModel& rules, SlotCase& out)
      : p_(text.data()), end_(text.data() + text.size()), rules_(rules), out_(out) {}

  bool read(const CaseOptions& options) {
    const Vocabulary& vocabulary = rules_.vocabulary;
    out_.patient_slots = vocabulary.slot_count(Scope::Patient);
    out_.scar_slots = vocabulary.slot_count(Scope::Scar);
    out_.slots.assign(out_.patient_slots, Value{});
    out_.given.assign(out_.patient_slots, 0);
    out_.ids.clear();
    max_scars_ = options.max_scars;
    bool patient = false;
    bool scars = false;
    if (!object([&](std::string_view key, FactId) {
          if (key == "patient" && !patient) return patient = facts(Scope::Patient, 0);
          if (key == "scars" && !scars) return scars = scar_list();
          return false;  // an unknown or repeated key: the full reader names it
        })) {
      return false;
    }
    skip_space();
    if (p_ != end_ || !scars || out_.ids.empty() || nodes_ > kNodesAlwaysAllowed) return false;
    return ids_distinct(out_) && complete_scope(Scope::Patient, 0);
  }

 private:
  void skip_space() {
    // Most cases are written without spaces: one comparison tells a token from a space.
    while (p_ != end_ && static_cast<unsigned char>(*p_) <= ' ' &&
           (*p_ == ' ' || *p_ == '\n' || *p_ == '\r' || *p_ == '\t')) {
      ++p_;
    }
  }

  bool take(char c) {
    if (p_ != end_ && *p_ == c) {  // compact JSON: no space to skip first
      ++p_;
      return true;
    }
    skip_space();
    if (p_ == end_ || *p_ != c) return false;
    ++p_;
    return true;
  }

  /// A string of printable ASCII without escapes, as a view of the text.
  bool plain_string(std::string_view& out) {
    if (!take('"')) return false;
    const char* start = p_;
    while (p_ != end_ && kPlainChar[static_cast<unsigned char>(*p_)]) ++p_;
    if (p_ == end_ || *p_ != '"') return false;  // an escape, a control or non-ASCII character
    out = std::string_view(start, static_cast<std::size_t>(p_ - start));
    ++p_;
    return true;
  }

  /// `{ "key": value, ... }`, calling `member(key, fact)` with the cursor before each value. In
  /// a mapping of `facts_of`'s facts, each key is first compared with the one the guesser
  /// expects: `fact` is that fact when it was, else kNoFact.
  template <typename Member>
  bool object(Member member, std::optional<Scope> facts_of = std::nullopt) {
    if (!take('{')) return false;
    ++nodes_;
    if (take('}')) return true;
    do {
      std::string_view key;
      FactId fact = kNoFact;
      if (facts_of) {
        skip_space();
        if (p_ != end_ && *p_ == '"') fact = keys_.match_expected(*facts_of, p_ + 1, end_);
      }
      if (fact != kNoFact) {
        key = std::string_view(p_ + 1, rules_.vocabulary.fact(fact).key.size());
        p_ += key.size() + 2;
      } else if (!plain_string(key)) {
        return false;
      }
      if (!take(':') || !member(key, fact)) return false;
    } while (take(','));
    return take('}');
  }

  bool scar_list() {
    if (!take('[')) return false;
    ++nodes_;
    if (take(']')) return true;
    do {
      if (out_.ids.size() == max_scars_ || !scar()) return false;
    } while (take(','));
    return take(']');
  }

  bool scar() {
    const std::size_t base = out_.slots.size();
    out_.slots.resize(base + out_.scar_slots);
    out_.given.resize(base + out_.scar_slots, 0);
    std::string_view id;
    bool has_id = false;
    keys_.start(Scope::Scar);
    given_in_scope_[static_cast<std::size_t>(Scope::Scar)] = 0;
    if (!object(
            [&](std::string_view key, FactId matched) {
              if (key != "id") return fact(Scope::Scar, base, key, matched);
              ++nodes_;
              return !has_id && (has_id = plain_string(id)) && !id.empty();
            },
            Scope::Scar)) {
      return false;
    }
    if (!has_id || !complete_scope(Scope::Scar, base)) return false;
    out_.ids.push_back(id);
    return true;
  }

  bool facts(Scope scope, std::size_t base) {
    keys_.start(scope);
    return object(
        [&](std::string_view key, FactId matched) { return fact(scope, base, key, matched); },
        scope);
  }

  /// The value of fact `key`, already found when `matched` is no kNoFact.
  bool fact(Scope scope, std::size_t base, std::string_view key, FactId matched) {
    const std::optional<FactId> id =
        matched != kNoFact ? std::optional<FactId>(matched) : keys_.find(scope, key);
    if (!id) return false;
    const FactDecl& decl = rules_.vocabulary.fact(*id);
    std::uint8_t& given = out_.given[base + decl.slot];
    if (given) return false;  // E-CASE-DUPLICATE-KEY
    given = 1;
    ++given_in_scope_[static_cast<std::size_t>(scope)];
    ++nodes_;
    skip_space();
    return value(decl, out_.slots[base + decl.slot]);
  }

  bool value(const FactDecl& decl, Value& slot) {
    switch (decl.type) {
      case FactType::Bool:
        return boolean(slot);
      case FactType::Int:
      case FactType::Number:
        return number(decl, slot);
      case FactType::Enum: {
        std::string_view word;
        if (!plain_string(word)) return false;
        const int index = decl.value_index(word);
        if (index < 0) return false;
        slot = Value::of_enum(static_cast<std::uint32_t>(index));
        return true;
      }
      case FactType::Set:
        return set(decl, slot);
    }
    return false;
  }

  bool literal(std::string_view word) {
    if (static_cast<std::size_t>(end_ - p_) < word.size() ||
        std::string_view(p_, word.size()) != word) {
      return false;
    }
    p_ += word.size();
    return true;
  }

  bool boolean(Value& slot) {
    if (literal("true")) {
      slot = Value::of_bool(true);
    } else if (literal("false")) {
      slot = Value::of_bool(false);
    } else {
      return false;
    }
    return true;
  }

  /// A JSON number within the fact's bounds. Integers take the plain form (no sign on zero, no
  /// leading zero); a fraction or exponent is read by the loader's decimal grammar, as the full
  /// reader reads it, and only for a number fact. Anything else is left to the full reader.
  bool number(const FactDecl& decl, Value& slot) {
    const char* start = p_;
    const bool negative = p_ != end_ && *p_ == '-';
    if (negative) ++p_;
    const char* first_digit = p_;
    std::uint64_t mantissa = 0;
    const std::size_t count = digits(mantissa);
    if (count == 0 || (*first_digit == '0' && count > 1)) return false;
    if (p_ != end_ && (*p_ == '.' || *p_ == 'e' || *p_ == 'E')) {
      return decimal(decl, start, negative, mantissa, count, slot);
    }
    if (count > kMaxIntegerDigits || (negative && mantissa == 0)) return false;
    const auto magnitude = static_cast<std::int64_t>(mantissa);
    const std::int64_t n = negative ? -magnitude : magnitude;
    if (decl.type == FactType::Int) {
      if (!in_bounds(decl, Numeric::of_int(n))) return false;
      slot = Value::of_int(n);
      return true;
    }
    if (n >= kExactInDouble || n <= -kExactInDouble) return false;
    const auto real = static_cast<double>(n);
    if (!in_bounds(decl, Numeric::of_real(real))) return false;
    slot = Value::of_number(real);
    return true;
  }

  /// The rest of a number with a fraction or exponent: `start` at its first character, its
  /// integer part's `integer_digits` digits read into `mantissa`.
  bool decimal(const FactDecl& decl, const char* start, bool negative, std::uint64_t mantissa,
               std::size_t integer_digits, Value& slot) {
    if (decl.type != FactType::Number) return false;
    std::size_t fraction_digits = 0;
    if (*p_ == '.') {
      ++p_;
      fraction_digits = digits(mantissa);
      if (fraction_digits == 0) return false;
    }
    std::optional<double> real;
    if (p_ != end_ && (*p_ == 'e' || *p_ == 'E')) {
      ++p_;
      if (p_ != end_ && (*p_ == '+' || *p_ == '-')) ++p_;
      std::uint64_t exponent = 0;
      if (digits(exponent) == 0) return false;
    } else if (integer_digits + fraction_digits <= kMaxMantissaDigits &&
               mantissa <= static_cast<std::uint64_t>(kExactInDouble)) {
      // Mantissa and power of ten are both exact doubles, so the division's one rounding gives
      // the double nearest the decimal, as the full reader's from_chars does.
      real = static_cast<double>(mantissa) / kPowersOfTen[fraction_digits];
      if (negative) real = -*real;
    }
    if (!real) {
      real = parse_decimal_number(std::string_view(start, static_cast<std::size_t>(p_ - start)));
    }
    // A negative zero is left to the full reader rather than reasoned about here.
    if (!real || (*real == 0 && std::signbit(*real))) return false;
    if (!in_bounds(decl, Numeric::of_real(*real))) return false;
    slot = Value::of_number(*real);
    return true;
  }

  /// Skips a run of digits and returns how many there were, adding each to `value` (times ten
  /// plus the digit). Past kMaxMantissaDigits digits `value` wraps: callers check the count.
  std::size_t digits(std::uint64_t& value) {
    const char* first = p_;
    while (p_ != end_ && *p_ >= '0' && *p_ <= '9') {
      value = value * 10 + static_cast<unsigned>(*p_ - '0');
      ++p_;
    }
    return static_cast<std::size_t>(p_ - first);
  }

  bool set(const FactDecl& decl, Value& slot) {
    if (!take('[')) return false;
    std::uint64_t bits = 0;
    if (!take(']')) {
      do {
        std::string_view word;
        if (!plain_string(word)) return false;
        ++nodes_;
        const int index = decl.value_index(word);
        if (index < 0) return false;
        const std::uint64_t bit = std::uint64_t{1} << index;
        if (bits & bit) return false;  // E-CASE-DUPLICATE-VALUE
        bits |= bit;
      } while (take(','));
      if (!take(']')) return false;
    }
    slot = Value::of_set(bits);
    return true;
  }

  bool complete_scope(Scope scope, std::size_t base) {
    return internal::complete_scope(rules_.vocabulary, out_, scope, base,
                                    given_in_scope_[static_cast<std::size_t>(scope)]);
  }

  const char* p_;
  const char* const end_;
  const RuleSetModel& rules_;
  SlotCase& out_;
  std::size_t max_scars_ = 0;
  std::size_t nodes_ = 0;
  /// Facts given in the patient's mapping and in the current scar's, by Scope.
  std::size_t given_in_scope_[2] = {0, 0};
  KeyGuesser keys_{rules_.vocabulary, out_};
};

/// Fills slots from a case's typed values, checking them as the validator does.
class RawSlotter {
 public:
  RawSlotter(const RuleSetModel& rules, SlotCase& out) : rules_(rules), out_(out) {}

  bool run(const RawCase& raw) {
    const Vocabulary& vocabulary = rules_.vocabulary;
    out_.patient_slots = vocabulary.slot_count(Scope::Patient);
    out_.scar_slots = vocabulary.slot_count(Scope::Scar);
    out_.slots.assign(out_.patient_slots + raw.scars.size() * out_.scar_slots, Value{});
    out_.given.assign(out_.slots.size(), 0);
    out_.ids.clear();
    if (raw.scars.empty() || !facts(raw.patient, Scope::Patient, 0)) return false;
    for (std::size_t i = 0; i < raw.scars.size(); ++i) {
      const std::string& id = raw.scars[i]->id;
      if (!plain_id(id)) return false;
      out_.ids.push_back(id);
      if (!facts(raw.scars[i]->facts, Scope::Scar, out_.patient_slots + i * out_.scar_slots)) {
        return false;
      }
    }
    return ids_distinct(out_);
  }

 private:
  /// A non-empty id of printable ASCII; any other is for the validator to judge.
  static bool plain_id(std::string_view id) {
    if (id.empty()) return false;
    for (const char c : id) {
      if (static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) > 0x7e) {
        return false;
      }
    }
    return true;
  }

  bool facts(const RawFacts& facts, Scope scope, std::size_t base) {
    keys_.start(scope);
    for (const RawFact& fact : facts.facts) {
      const std::optional<FactId> id = keys_.find(scope, fact.key);
      if (!id) return false;
      const FactDecl& decl = rules_.vocabulary.fact(*id);
      std::uint8_t& given = out_.given[base + decl.slot];
      if (given || !convert(decl, fact.value, out_.slots[base + decl.slot])) return false;
      given = 1;
    }
    return complete_scope(rules_.vocabulary, out_, scope, base, facts.facts.size());
  }

  static bool convert(const FactDecl& decl, const FactValue& value, Value& slot) {
    switch (decl.type) {
      case FactType::Bool:
        if (const bool* b = std::get_if<bool>(&value)) slot = Value::of_bool(*b);
        return std::holds_alternative<bool>(value);
      case FactType::Int: {
        const auto* n = std::get_if<std::int64_t>(&value);
        if (!n || !in_bounds(decl, Numeric::of_int(*n))) return false;
        slot = Value::of_int(*n);
        return true;
      }
      case FactType::Number:
        return number(decl, value, slot);
      case FactType::Enum: {
        const auto* word = std::get_if<std::string>(&value);
        const int index = word ? decl.value_index(*word) : -1;
        if (index < 0) return false;
        slot = Value::of_enum(static_cast<std::uint32_t>(index));
        return true;
      }
      case FactType::Set:
        return set(decl, value, slot);
    }
    return false;
  }

  static bool number(const FactDecl& decl, const FactValue& value, Value& slot) {
    double real = 0;
    if (const auto* n = std::get_if<std::int64_t>(&value)) {
      if (*n >= kExactInDouble || *n <= -kExactInDouble) return false;
      real = static_cast<double>(*n);
    } else if (const auto* d = std::get_if<double>(&value); d && std::isfinite(*d)) {
      real = *d;
    } else {
      return false;
    }
    if (!in_bounds(decl, Numeric::of_real(real))) return false;
    slot = Value::of_number(real);
    return true;
  }

  static bool set(const FactDecl& decl, const FactValue& value, Value& slot) {
    const auto* words = std::get_if<std::vector<std::string>>(&value);
    if (!words) return false;
    std::uint64_t bits = 0;
    for (const std::string& word : *words) {
      const int index = decl.value_index(word);
      if (index < 0 || (bits & (std::uint64_t{1} << index))) return false;
      bits |= std::uint64_t{1} << index;
    }
    slot = Value::of_set(bits);
    return true;
  }

  const RuleSetModel& rules_;
  SlotCase& out_;
  KeyGuesser keys_{rules_.vocabulary, out_};
};

/// Writes a case's canonical JSON (ValidatedCase::canonical_json) from its slots: mostly
/// fragments rendered when the rule set loaded, copied by TextBuffer's inline appends.
class CanonicalWriter {
 public:
  CanonicalWriter(const RuleSetModel& rules, SlotCase& c)
      : facts_(rules.vocabulary.facts()),
        fragments_(json_fragments(rules)),
        c_(c),
        out_(c.canonical) {}

  void write() {
    out_.clear();
    out_ += "{\"patient\":";
    mapping(fragments_.patient_order, 0, {});
    out_ += ",\"scars\":[";
    for (std::size_t i = 0; i < c_.ids.size(); ++i) {
      if (i) out_ += ',';
      mapping(fragments_.scar_order, c_.patient_slots + i * c_.scar_slots, c_.ids[i]);
    }
    out_ += "]}";
  }

 private:
  /// One mapping's given facts, sorted by key; a scar's id among them where it sorts.
  void mapping(const std::vector<FactId>& order, std::size_t base, std::string_view id) {
    out_ += '{';
    std::size_t skip = 1;  // the first member is written without its leading comma
    for (FactId fact : order) {
      if (fact == JsonFragments::kScarIdKey) {
        out_ += std::string_view(",\"id\":").substr(skip);
        append_json_string(out_, id);
        skip = 0;
        continue;
      }
      const FactDecl& decl = facts_[fact];
      if (!c_.given[base + decl.slot]) continue;
      member(fact, decl, c_.slots[base + decl.slot], skip);
      skip = 0;
    }
    out_ += '}';
  }

  /// A given fact's member as the full validator writes it, without its first `skip`
  /// characters (the comma before a mapping's first member).
  void member(FactId fact, const FactDecl& decl, const Value& value, std::size_t skip) {
    const auto fragment = [&](const std::string& text) {
      out_ += std::string_view(text).substr(skip);
    };
    switch (decl.type) {
      case FactType::Bool:
        fragment(fragments_.fact_members[fact][value.boolean ? 1 : 0]);
        return;
      case FactType::Enum:
        fragment(fragments_.fact_members[fact][value.index]);
        return;
      case FactType::Int: {
        fragment(fragments_.fact_keys[fact]);
        char buffer[24];
        const char* const end =
            std::to_chars(buffer, buffer + sizeof buffer, value.number.integer).ptr;
        out_ += std::string_view(buffer, static_cast<std::size_t>(end - buffer));
        return;
      }
      case FactType::Number: {
        fragment(fragments_.fact_keys[fact]);
        JsonNumberBuffer buffer;
        out_ += json_number_text(value.number.real, buffer);
        return;
      }
      case FactType::Set: {
        fragment(fragments_.fact_keys[fact]);
        out_ += '[';
        bool first = true;
        const std::vector<std::string>& words = fragments_.set_values[fact];
        for (std::size_t i = 0; i < words.size(); ++i) {
          if (!(value.bits & (std::uint64_t{1} << i))) continue;
          if (!first) out_ += ',';
          first = false;
          out_ += words[i];
        }
        out_ += ']';
        return;
      }
    }
  }

  const std::vector<FactDecl>& facts_;
  const JsonFragments& fragments_;
  const SlotCase& c_;
  TextBuffer& out_;
};

}  // namespace

bool slot_raw_case(const RawCase& raw, const RuleSetModel& rules, SlotCase& out) {
  if (!RawSlotter(rules, out).run(raw)) return false;
  CanonicalWriter(rules, out).write();
  return true;
}

bool read_case_fast(std::string_view text, const RuleSetModel& rules, const CaseOptions& options,
                    SlotCase& out) {
  if (text.size() > options.max_bytes || options.max_nesting_depth < kDepthNeeded) return false;
  if (!FastReader(text, rules, out).read(options)) return false;
  CanonicalWriter(rules, out).write();
  return true;
}

}  // namespace scarwise::internal
