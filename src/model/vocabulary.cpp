#include "model/vocabulary.hpp"

#include "support/same_bytes.hpp"

namespace scarwise::internal {

const char* to_string(FactType type) noexcept {
  switch (type) {
    case FactType::Bool: return "bool";
    case FactType::Int: return "int";
    case FactType::Number: return "number";
    case FactType::Enum: return "enum";
    case FactType::Set: return "set";
  }
  return "?";
}

int FactDecl::value_index(std::string_view value) const {
  for (std::size_t i = 0; i < values.size(); ++i) {
    const std::string& candidate = values[i];
    if (candidate.size() == value.size() &&
        same_bytes(candidate.data(), value.data(), value.size())) {
      return static_cast<int>(i);
    }
  }
  return -1;
}

FactId Vocabulary::add(FactDecl decl) {
  decl.slot = decl.scope == Scope::Patient ? patient_slots_++ : scar_slots_++;
  const auto id = static_cast<FactId>(facts_.size());
  by_name_.emplace(decl.name, id);
  (decl.scope == Scope::Patient ? patient_keys_ : scar_keys_).emplace(decl.key, id);
  slot_refs_.push_back(decl.scope == Scope::Patient ? decl.slot : (decl.slot | kScarSlot));
  facts_.push_back(std::move(decl));
  return id;
}

std::optional<FactId> Vocabulary::find(std::string_view name) const {
  const auto it = by_name_.find(std::string(name));
  if (it == by_name_.end()) return std::nullopt;
  return it->second;
}

std::optional<FactId> Vocabulary::find(Scope scope, std::string_view key) const {
  const KeyIndex& keys = scope == Scope::Patient ? patient_keys_ : scar_keys_;
  const auto it = keys.find(key);
  if (it == keys.end()) return std::nullopt;
  return it->second;
}

std::vector<std::string> Vocabulary::names() const {
  std::vector<std::string> out;
  out.reserve(facts_.size());
  for (const FactDecl& f : facts_) out.push_back(f.name);
  return out;
}

std::vector<std::string> Vocabulary::keys(Scope scope) const {
  std::vector<std::string> out;
  for (const FactDecl& f : facts_) {
    if (f.scope == scope) out.push_back(f.key);
  }
  return out;
}

}  // namespace scarwise::internal
