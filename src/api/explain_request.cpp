#include "api/explain_request.hpp"

#include <algorithm>

#include "support/did_you_mean.hpp"
#include "support/quote.hpp"

namespace scarwise::internal {
namespace {

/// "'a', 'b' and 'c'" (each id capped and escaped), or "none".
std::string listed(const std::vector<std::string>& ids) {
  std::string out;
  for (std::size_t i = 0; i < ids.size(); ++i) {
    if (i > 0) out += i + 1 == ids.size() ? " and " : ", ";
    out += quote(ids[i]);
  }
  return out.empty() ? "none" : out;
}

/// The hint: the closest id if one is close, and always what exists.
std::string hint_for(const std::string& wanted, const std::vector<std::string>& ids,
                     const char* what) {
  std::string hint = did_you_mean(wanted, ids);
  if (!hint.empty()) hint += " ";
  // A rule set may hold thousands of rules: the list is for short ones.
  constexpr std::size_t kMaxListed = 20;
  if (ids.size() <= kMaxListed) return hint + what + " are " + listed(ids);
  return hint + "there are " + std::to_string(ids.size()) + " " + what;
}

Diagnostic error(SourceLoc at, std::string code, std::string message, std::string hint) {
  Diagnostic d;
  d.code = std::move(code);
  d.file = std::move(at.file);
  d.line = at.line;
  d.column = at.column;
  d.message = std::move(message);
  d.hint = std::move(hint);
  return d;
}

}  // namespace

std::vector<Diagnostic> check_explain_options(const ExplainOptions& options, const RawCase& c,
                                              const RuleSetModel& rules) {
  std::vector<Diagnostic> out;
  if (!options.scar.empty()) {
    std::vector<std::string> ids;
    for (const auto& scar : c.scars) ids.push_back(scar->id);
    if (std::find(ids.begin(), ids.end(), options.scar) == ids.end()) {
      // At the first scar, where the case lists them; a case built in code has no position.
      SourceLoc at{c.name, 0, 0};
      if (!c.scars.empty() && !c.scars.front()->facts.loc.file.empty()) {
        at = c.scars.front()->facts.loc;
      }
      out.push_back(error(at, "E-EXPLAIN-UNKNOWN-SCAR",
                          "the case has no scar " + quote(options.scar),
                          hint_for(options.scar, ids, "the case's scars")));
    }
  }
  if (!options.rule.empty()) {
    std::vector<std::string> ids;
    for (const Rule& rule : rules.rules) ids.push_back(rule.id);
    if (std::find(ids.begin(), ids.end(), options.rule) == ids.end()) {
      out.push_back(error({rules.root_file, 0, 0}, "E-EXPLAIN-UNKNOWN-RULE",
                          "the rule set " + quote(rules.id) + " has no rule " + quote(options.rule),
                          hint_for(options.rule, ids, "its rules")));
    }
  }
  return out;
}

}  // namespace scarwise::internal
