// A fact's value at evaluation time: compact, trivially copyable, and able to be unknown.
#pragma once

#include <cstdint>

#include "model/numeric.hpp"

namespace scarwise::internal {

/// Kleene three-valued truth.
enum class Tri : std::uint8_t { False = 0, True = 1, Unknown = 2 };

inline Tri tri_not(Tri a) {
  return a == Tri::Unknown ? Tri::Unknown : (a == Tri::True ? Tri::False : Tri::True);
}
inline Tri tri_and(Tri a, Tri b) {
  if (a == Tri::False || b == Tri::False) return Tri::False;
  if (a == Tri::True && b == Tri::True) return Tri::True;
  return Tri::Unknown;
}
inline Tri tri_or(Tri a, Tri b) {
  if (a == Tri::True || b == Tri::True) return Tri::True;
  if (a == Tri::False && b == Tri::False) return Tri::False;
  return Tri::Unknown;
}
inline Tri tri_of(bool b) { return b ? Tri::True : Tri::False; }

/// The value of one fact slot. `number` holds int facts as exact int64s and number facts as
/// doubles (see Numeric); `index` is an enum value's position in the fact's declared values;
/// `bits` is a set value, bit i = declared value i (so at most 64 values).
struct Value {
  enum class Kind : std::uint8_t { Unknown, Bool, Number, Enum, Set };
  Kind kind = Kind::Unknown;
  bool boolean = false;
  std::uint32_t index = 0;
  Numeric number;
  std::uint64_t bits = 0;

  bool known() const noexcept { return kind != Kind::Unknown; }
  static Value of_bool(bool b) { Value v; v.kind = Kind::Bool; v.boolean = b; return v; }
  static Value of_number(double n) {
    Value v;
    v.kind = Kind::Number;
    v.number = Numeric::of_real(n);
    return v;
  }
  static Value of_int(std::int64_t n) {
    Value v;
    v.kind = Kind::Number;
    v.number = Numeric::of_int(n);
    return v;
  }
  static Value of_enum(std::uint32_t i) { Value v; v.kind = Kind::Enum; v.index = i; return v; }
  static Value of_set(std::uint64_t b) { Value v; v.kind = Kind::Set; v.bits = b; return v; }
};

}  // namespace scarwise::internal
