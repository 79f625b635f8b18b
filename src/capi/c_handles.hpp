// The handles behind the C API's opaque types. They hold public C++ API objects only.
#pragma once

#include <scarwise/engine.hpp>
#include <scarwise/ruleset.hpp>
#include <scarwise/scarwise.h>

#include <string>

struct scw_ruleset {
  scarwise::RuleSet rules;
  std::string warnings_json;  ///< kept so that scw_ruleset_warnings_json can return a pointer
};

struct scw_engine {
  scarwise::Engine engine;
};
