// A case as given by the host or read from a file, before it is checked against a vocabulary.
#pragma once

#include "support/diagnostic_sink.hpp"

#include <scarwise/case.hpp>

#include <memory>
#include <string>
#include <vector>

namespace scarwise::internal {

struct RawFact {
  std::string key;
  FactValue value;
  SourceLoc loc;      ///< where the value was written, when read from a file
  SourceLoc key_loc;  ///< where the key was written, when read from a file
};

struct RawFacts {
  std::vector<RawFact> facts;  ///< in the order first set; keys unique
  SourceLoc loc;               ///< where the mapping starts, when read from a file
};

struct RawScar {
  std::string id;
  RawFacts facts;
};

struct RawCase {
  std::string name;  ///< file name or "<case>", for diagnostics
  /// Errors reported when the case is validated: the CaseOptions::max_errors it was read with,
  /// the default for a case built in code.
  std::size_t max_errors = CaseOptions{}.max_errors;
  RawFacts patient;
  /// unique_ptr keeps FactSet views stable while scars are added.
  std::vector<std::unique_ptr<RawScar>> scars;
};

}  // namespace scarwise::internal
