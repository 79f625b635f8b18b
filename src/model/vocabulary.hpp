// The declared facts of a rule set: names, scopes, types, bounds and slots.
#pragma once

#include "model/value.hpp"
#include "support/diagnostic_sink.hpp"

#include <boost/unordered/unordered_flat_map.hpp>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace scarwise::internal {

enum class Scope : std::uint8_t { Patient, Scar };
enum class FactType : std::uint8_t { Bool, Int, Number, Enum, Set };

const char* to_string(FactType type) noexcept;

/// Index of a fact in Vocabulary::facts().
using FactId = std::uint32_t;

struct FactDecl {
  std::string name;  ///< full name, "patient.age"
  std::string key;   ///< name without scope, "age" (the key used in cases)
  Scope scope = Scope::Patient;
  FactType type = FactType::Bool;
  std::optional<double> min;
  std::optional<double> max;
  std::vector<std::string> values;     ///< enum/set values, declaration order
  std::optional<Value> default_value;  ///< used when a case omits the fact
  bool required = false;
  std::string doc;
  std::uint32_t slot = 0;  ///< position among the facts of its scope
  SourceLoc loc;
  std::uint32_t layer = 0;  ///< index of the rule-set layer that declared it

  /// Position of `value` among the declared values, or -1.
  int value_index(std::string_view value) const;
};

class Vocabulary {
 public:
  /// Adds a declaration and assigns its slot; returns its id. The name must be new.
  FactId add(FactDecl decl);
  const std::vector<FactDecl>& facts() const noexcept { return facts_; }
  const FactDecl& fact(FactId id) const { return facts_[id]; }
  /// Looks a fact up by full name ("scar.type").
  std::optional<FactId> find(std::string_view name) const;
  /// Looks a fact up by scope and key ("type" in scar scope), without allocating.
  std::optional<FactId> find(Scope scope, std::string_view key) const;
  /// Where fact `id` lives in a case: its slot, with kScarSlot set for a scar fact. Kept apart
  /// from the declarations so that evaluation reads one small array.
  std::uint32_t slot_ref(FactId id) const { return slot_refs_[id]; }
  static constexpr std::uint32_t kScarSlot = 0x80000000u;
  std::uint32_t slot_count(Scope scope) const noexcept {
    return scope == Scope::Patient ? patient_slots_ : scar_slots_;
  }
  /// All full names, for did-you-mean hints.
  std::vector<std::string> names() const;
  /// Keys of one scope, for did-you-mean hints on case input.
  std::vector<std::string> keys(Scope scope) const;

 private:
  /// Hashes std::string and std::string_view alike, so that lookups by a view of a case's
  /// text allocate nothing.
  struct KeyHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view key) const noexcept {
      return std::hash<std::string_view>{}(key);
    }
  };
  using KeyIndex = boost::unordered_flat_map<std::string, FactId, KeyHash, std::equal_to<>>;

  std::vector<FactDecl> facts_;
  std::unordered_map<std::string, FactId> by_name_;
  KeyIndex patient_keys_;
  KeyIndex scar_keys_;
  std::vector<std::uint32_t> slot_refs_;
  std::uint32_t patient_slots_ = 0;
  std::uint32_t scar_slots_ = 0;
};

/// Fact values for one evaluation: the patient's slots and one scar's slots.
struct FactEnv {
  const Vocabulary* vocabulary = nullptr;
  const Value* patient = nullptr;
  const Value* scar = nullptr;

  const Value& get(FactId id) const {
    const std::uint32_t ref = vocabulary->slot_ref(id);
    return (ref & Vocabulary::kScarSlot) ? scar[ref & ~Vocabulary::kScarSlot] : patient[ref];
  }
};

}  // namespace scarwise::internal
