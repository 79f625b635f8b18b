#include <boost/json.hpp>
#include <scarwise/analysis.hpp>

#include "analyze/analysis.hpp"
#include "model/ruleset_model.hpp"
#include "support/utf8.hpp"

namespace scarwise {
namespace {

FindingSeverity severity_of(internal::FindingLevel level) {
  switch (level) {
    case internal::FindingLevel::Error:
      return FindingSeverity::error;
    case internal::FindingLevel::Warning:
      return FindingSeverity::warning;
    case internal::FindingLevel::Info:
      break;
  }
  return FindingSeverity::info;
}

AnalysisFinding public_finding(const internal::RuleSetModel& model,
                               const internal::FactClassTable& table,
                               const internal::AnalysisFinding& found) {
  AnalysisFinding out;
  out.code = found.code;
  out.severity = severity_of(found.level);
  out.message = found.message;
  out.hint = found.hint;
  out.allowed = found.allowed;
  for (std::uint32_t r : found.rules) {
    const internal::Rule& rule = model.rules[r];
    out.rules.push_back({rule.id, rule.loc.file, rule.loc.line, rule.loc.column});
  }
  if (out.rules.empty()) {
    out.file = model.root_file;
  } else {
    out.file = out.rules.front().file;
    out.line = out.rules.front().line;
    out.column = out.rules.front().column;
  }
  if (found.witness) out.witness_case = internal::witness_case_yaml(model, table, *found.witness);
  return out;
}

boost::json::array string_array(const std::vector<std::string>& items) {
  boost::json::array out;
  for (const std::string& item : items) out.emplace_back(internal::valid_utf8(item));
  return out;
}

}  // namespace

const char* to_string(FindingSeverity severity) noexcept {
  switch (severity) {
    case FindingSeverity::error:
      return "error";
    case FindingSeverity::warning:
      return "warning";
    case FindingSeverity::info:
      break;
  }
  return "info";
}

AnalysisReport analyze(const RuleSet& rules, const AnalysisOptions& options) {
  const internal::RuleSetModel& model = *rules.model();
  internal::AnalysisLimits limits;
  limits.max_classes = options.max_classes;
  internal::AnalysisResult result;
  try {
    result = internal::analyze_rule_set(model, limits);
  } catch (const internal::ClassBudgetExceeded& e) {
    throw AnalysisError(std::string("the rule set is too large to analyse: ") + e.what());
  }
  // The witnesses are written with the abstraction the analysis used; building it again is
  // cheap next to the search, and keeps the internal result free of text.
  const internal::FactClassTable table = internal::FactClassTable::build(model);
  AnalysisReport report;
  for (const internal::AnalysisFinding& found : result.findings) {
    report.findings.push_back(public_finding(model, table, found));
  }
  for (const internal::OverviewEntry& entry : result.overview) {
    AnalysisOverview overview;
    overview.scar_type = entry.scar_type;
    for (Suitability s : entry.verdicts) overview.verdicts.emplace_back(to_string(s));
    for (std::uint32_t r : entry.plan_rules) overview.plans.push_back(model.rules[r].id);
    overview.no_plan = entry.no_plan;
    overview.undecided = entry.undecided;
    report.overview.push_back(std::move(overview));
  }
  report.stopped = result.stopped.value_or("");
  report.undecided = std::move(result.undecided);
  report.classes_searched = result.classes_searched;
  return report;
}

bool has_errors(const AnalysisReport& report) {
  for (const AnalysisFinding& finding : report.findings) {
    if (finding.severity == FindingSeverity::error && !finding.allowed) return true;
  }
  return false;
}

std::string format_analysis_json(const AnalysisReport& report) {
  using internal::valid_utf8;
  boost::json::array findings;
  for (const AnalysisFinding& f : report.findings) {
    boost::json::array rules;
    for (const AnalysisRule& r : f.rules) {
      rules.push_back(boost::json::object{{"id", valid_utf8(r.id)},
                                          {"file", valid_utf8(r.file)},
                                          {"line", r.line},
                                          {"column", r.column}});
    }
    boost::json::object finding{{"code", f.code},
                                {"severity", to_string(f.severity)},
                                {"allowed", f.allowed},
                                {"file", valid_utf8(f.file)},
                                {"line", f.line},
                                {"column", f.column},
                                {"message", valid_utf8(f.message)},
                                {"hint", valid_utf8(f.hint)},
                                {"rules", std::move(rules)}};
    if (f.witness_case.empty()) {
      finding["witness_case"] = nullptr;
    } else {
      finding["witness_case"] = valid_utf8(f.witness_case);
    }
    findings.push_back(std::move(finding));
  }
  boost::json::array overview;
  for (const AnalysisOverview& o : report.overview) {
    boost::json::object entry{{"scar_type", valid_utf8(o.scar_type)},
                              {"verdicts", string_array(o.verdicts)},
                              {"plans", string_array(o.plans)},
                              {"no_plan", o.no_plan},
                              {"undecided", o.undecided}};
    overview.push_back(std::move(entry));
  }
  std::size_t errors = 0, warnings = 0, infos = 0, allowed = 0;
  for (const AnalysisFinding& f : report.findings) {
    if (f.allowed) {
      ++allowed;
      continue;
    }
    ++(f.severity == FindingSeverity::error     ? errors
       : f.severity == FindingSeverity::warning ? warnings
                                                : infos);
  }
  boost::json::object out{
      {"format", "scarwise.analysis/1"},
      {"complete", report.stopped.empty()},
      {"stopped", report.stopped.empty() ? boost::json::value(nullptr)
                                         : boost::json::value(valid_utf8(report.stopped))},
      {"summary", boost::json::object{{"errors", errors},
                                      {"warnings", warnings},
                                      {"infos", infos},
                                      {"allowed", allowed}}},
      {"classes_searched", report.classes_searched},
      {"findings", std::move(findings)},
      {"overview", std::move(overview)},
      {"undecided", string_array(report.undecided)}};
  return boost::json::serialize(out);
}

}  // namespace scarwise
