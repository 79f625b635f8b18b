// Shared helpers for the expression module's unit tests: a hand-built vocabulary, fact values
// for evaluation, and assertions on located diagnostics.
#pragma once

#include <catch2/catch.hpp>
#include <cstddef>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "expr/expression.hpp"

namespace scarwise::internal::expr_test {

/// Where every test expression "is": rules.yaml line 10, starting at column 11, so the
/// column of expression offset k is 11 + k.
inline ExprOrigin origin() { return ExprOrigin::single_line("rules.yaml", 10, 11); }
constexpr int kLine = 10;
constexpr int kColumn = 11;

inline FactDecl declare(std::string name, FactType type, std::vector<std::string> values = {},
                        std::optional<double> min = {}, std::optional<double> max = {}) {
  FactDecl decl;
  decl.scope = name.rfind("patient.", 0) == 0 ? Scope::Patient : Scope::Scar;
  decl.key = name.substr(name.find('.') + 1);
  decl.name = std::move(name);
  decl.type = type;
  decl.values = std::move(values);
  decl.min = min;
  decl.max = max;
  return decl;
}

inline std::vector<std::string> scar_types() {
  return {"ice_pick", "boxcar", "rolling", "surgical", "traumatic", "burn", "hypertrophic"};
}

/// A small vocabulary in the style of the default rule set.
inline Vocabulary vocabulary() {
  Vocabulary v;
  v.add(declare("patient.age", FactType::Int, {}, 0, 120));
  v.add(declare("patient.fitzpatrick", FactType::Int, {}, 1, 6));
  v.add(declare("patient.pregnant", FactType::Bool));
  v.add(declare("patient.smoker", FactType::Bool));
  v.add(declare("patient.isotretinoin", FactType::Enum, {"never", "current", "stopped"}));
  v.add(declare("patient.months_since_isotretinoin", FactType::Number, {}, 0));
  v.add(declare("patient.diabetes", FactType::Enum, {"none", "controlled", "uncontrolled"}));
  v.add(declare("patient.weight_kg", FactType::Number));
  v.add(declare("scar.type", FactType::Enum, scar_types()));
  v.add(declare("scar.previous_type", FactType::Enum, scar_types()));
  v.add(declare("scar.severity", FactType::Int, {}, 1, 4));
  v.add(declare("scar.age_months", FactType::Number, {}, 0));
  v.add(declare("scar.active_acne", FactType::Bool));
  v.add(declare("scar.prior_treatments", FactType::Set, {"prp", "subcision", "tca_cross"}));
  return v;
}

/// Fact values for one evaluation; every fact starts unknown.
class Facts {
 public:
  explicit Facts(const Vocabulary& vocabulary)
      : vocabulary_(vocabulary),
        patient_(vocabulary.slot_count(Scope::Patient)),
        scar_(vocabulary.slot_count(Scope::Scar)) {}

  Facts& set(std::string_view name, Value value) {
    const FactDecl& decl = vocabulary_.fact(id(name));
    (decl.scope == Scope::Patient ? patient_ : scar_)[decl.slot] = value;
    return *this;
  }
  Facts& set_bool(std::string_view name, bool b) { return set(name, Value::of_bool(b)); }
  Facts& set_number(std::string_view name, double n) { return set(name, Value::of_number(n)); }
  Facts& set_enum(std::string_view name, std::string_view value) {
    const int index = vocabulary_.fact(id(name)).value_index(value);
    REQUIRE(index >= 0);
    return set(name, Value::of_enum(static_cast<std::uint32_t>(index)));
  }
  Facts& set_set(std::string_view name, std::initializer_list<std::string_view> values) {
    std::uint64_t bits = 0;
    for (std::string_view value : values) {
      const int index = vocabulary_.fact(id(name)).value_index(value);
      REQUIRE(index >= 0);
      bits |= std::uint64_t{1} << index;
    }
    return set(name, Value::of_set(bits));
  }
  Facts& clear(std::string_view name) { return set(name, Value{}); }

  FactEnv env() const { return FactEnv{&vocabulary_, patient_.data(), scar_.data()}; }
  FactId id(std::string_view name) const {
    const std::optional<FactId> found = vocabulary_.find(name);
    REQUIRE(found.has_value());
    return *found;
  }

 private:
  const Vocabulary& vocabulary_;
  std::vector<Value> patient_;
  std::vector<Value> scar_;
};

/// The result of compiling one expression: the program (if it compiled) and every diagnostic.
struct Compiled {
  std::optional<CompiledExpr> expr;
  DiagnosticSink sink;
};

inline Compiled compile(std::string_view text, const Vocabulary& vocabulary,
                        const ExprLimits& limits = {}) {
  Compiled out;
  out.expr = compile_expression(text, origin(), vocabulary, limits, out.sink);
  return out;
}

/// Asserts that `d` has `code` and sits at expression offset `offset` of origin().
inline void check_at(const Diagnostic& d, std::string_view code, std::size_t offset) {
  INFO(d.to_string());
  CHECK(d.code == code);
  CHECK(d.file == "rules.yaml");
  CHECK(d.line == kLine);
  CHECK(d.column == kColumn + static_cast<int>(offset));
}

/// Asserts that `sink` holds exactly one diagnostic, with `code` at `offset`.
inline void check_single(const DiagnosticSink& sink, std::string_view code, std::size_t offset) {
  INFO(format_diagnostics(sink.diagnostics()));
  REQUIRE(sink.diagnostics().size() == 1);
  check_at(sink.diagnostics().front(), code, offset);
}

}  // namespace scarwise::internal::expr_test
