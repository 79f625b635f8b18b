#include <scarwise/diff.hpp>

#include "analyze/diff_search.hpp"
#include "io/json_writer.hpp"
#include "model/ruleset_model.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <map>
#include <sstream>

namespace scarwise {
namespace {

DiffReport convert(const internal::RuleSetModel& a, const internal::RuleSetModel& b,
                   internal::DiffResult&& result) {
  DiffReport report;
  report.old_id = a.id;
  report.old_version = a.version;
  report.new_id = b.id;
  report.new_version = b.version;
  for (internal::RuleDelta& d : result.declarations.rules) {
    report.rules.push_back({std::move(d.id), internal::to_string(d.kind), std::move(d.parts),
                            std::move(d.how), d.affects_assessment});
  }
  for (internal::EntryDelta& e : result.declarations.entries) {
    report.entries.push_back({std::move(e.section), std::move(e.id), internal::to_string(e.kind),
                              std::move(e.parts)});
  }
  report.notes = std::move(result.notes);
  for (internal::DiffRegion& r : result.regions) {
    DiffRegion region;
    for (internal::RegionCondition& c : r.conditions) {
      region.conditions.push_back({std::move(c.fact), std::move(c.classes)});
    }
    for (internal::PartChange& c : r.changes) {
      region.changes.push_back({std::move(c.part), std::move(c.old_value), std::move(c.new_value)});
    }
    region.may_also_differ = std::move(r.may_also_differ);
    region.causes = std::move(r.causes);
    region.old_case = std::move(r.old_case);
    region.new_case = std::move(r.new_case);
    region.confirmed = r.confirmed;
    report.regions.push_back(std::move(region));
  }
  for (internal::ChangeSummary& c : result.summaries) {
    DiffSummary summary;
    summary.change = {std::move(c.change.part), std::move(c.change.old_value),
                      std::move(c.change.new_value)};
    summary.causes = std::move(c.causes);
    summary.regions = c.regions;
    summary.complete = c.complete;
    for (internal::ChangeSummary::Area& part : c.areas) {
      DiffArea area;
      for (internal::RegionCondition& rc : part.conditions) {
        area.conditions.push_back({std::move(rc.fact), std::move(rc.classes)});
      }
      area.old_case = std::move(part.old_case);
      area.new_case = std::move(part.new_case);
      summary.areas.push_back(std::move(area));
    }
    report.summaries.push_back(std::move(summary));
  }
  report.classes_fixed = result.classes_fixed;
  return report;
}

std::string change_text(const DiffChange& c) {
  if (c.old_value.empty()) return c.part + ": + " + c.new_value;
  if (c.new_value.empty()) return c.part + ": - " + c.old_value;
  return c.part + ": " + c.old_value + " -> " + c.new_value;
}

std::string changes_text(const DiffRegion& r) {
  std::string out;
  for (const DiffChange& c : r.changes) out += (out.empty() ? "" : "; ") + change_text(c);
  return out;
}

std::string condition_text(const DiffCondition& c) {
  if (c.classes.size() == 1) return c.fact + " " + (c.classes[0].find_first_of("<>=[(") == 0 ? "" : "= ") + c.classes[0];
  std::string out = c.fact + " in {";
  for (std::size_t i = 0; i < c.classes.size(); ++i) out += (i ? ", " : "") + c.classes[i];
  return out + "}";
}

// Conditions for people: those that require a stated value (`patient.sunbed_use = true`) say
// what the cases are; those that also allow "not given" mostly say that no other rule steps in,
// so they come after.
bool states_a_value(const DiffCondition& c) {
  return std::find(c.classes.begin(), c.classes.end(), "not given") == c.classes.end();
}

std::string conditions_text(std::vector<DiffCondition> conditions) {
  std::stable_partition(conditions.begin(), conditions.end(), states_a_value);
  std::string out;
  for (const DiffCondition& c : conditions) out += (out.empty() ? "" : " and ") + condition_text(c);
  return out;
}

bool same_condition(const DiffCondition& a, const DiffCondition& b) {
  return a.fact == b.fact && a.classes == b.classes;
}

// The conditions every area of a change shares: printed once, so that each area shows only
// what sets it apart. Factoring a conjunct out of a union of conjunctions keeps it exact.
std::vector<DiffCondition> shared_conditions(const std::vector<DiffArea>& areas) {
  std::vector<DiffCondition> shared;
  if (areas.size() < 2) return shared;
  for (const DiffCondition& c : areas.front().conditions) {
    const bool everywhere = std::all_of(areas.begin() + 1, areas.end(), [&](const DiffArea& a) {
      return std::any_of(a.conditions.begin(), a.conditions.end(),
                         [&](const DiffCondition& d) { return same_condition(c, d); });
    });
    if (everywhere) shared.push_back(c);
  }
  return shared;
}

std::vector<DiffCondition> without(const std::vector<DiffCondition>& conditions,
                                   const std::vector<DiffCondition>& shared) {
  std::vector<DiffCondition> rest;
  for (const DiffCondition& c : conditions) {
    const auto matches = [&](const DiffCondition& d) { return same_condition(c, d); };
    const bool is_shared = std::any_of(shared.begin(), shared.end(), matches);
    if (!is_shared) rest.push_back(c);
  }
  return rest;
}

// The areas in the order the text report shows them: those that need the fewest stated values
// and the fewest conditions first, which are the broadest groups of patients, so that the first
// few lines tell who is affected most.
std::vector<std::size_t> broadest_first(const std::vector<DiffArea>& areas) {
  std::vector<std::pair<std::size_t, std::size_t>> weight;  // (stated values, conditions)
  weight.reserve(areas.size());
  for (const DiffArea& area : areas) {
    const auto stated = std::count_if(area.conditions.begin(), area.conditions.end(),
                                      states_a_value);
    weight.emplace_back(static_cast<std::size_t>(stated), area.conditions.size());
  }
  std::vector<std::size_t> order(areas.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return weight[a] < weight[b]; });
  return order;
}

// A witness case on one line, as YAML flow mappings: usable as it is with `scarwise eval`.
std::string flow_case(const std::string& yaml) {
  std::istringstream in(yaml);
  std::string line, patient, scar;
  bool in_scars = false;
  while (std::getline(in, line)) {
    if (line.rfind("patient:", 0) == 0) continue;
    if (line.rfind("scars:", 0) == 0) {
      in_scars = true;
      continue;
    }
    std::size_t start = line.find_first_not_of(" -");
    if (start == std::string::npos) continue;
    std::string& out = in_scars ? scar : patient;
    out += (out.empty() ? "" : ", ") + line.substr(start);
  }
  return "{patient: {" + patient + "}, scars: [{" + scar + "}]}";
}

struct Group {
  std::string changes;
  std::vector<std::string> causes;
  std::vector<std::size_t> regions;
};

std::vector<Group> groups_of(const DiffReport& report) {
  std::vector<Group> groups;
  std::map<std::string, std::size_t> index;
  for (std::size_t i = 0; i < report.regions.size(); ++i) {
    const DiffRegion& r = report.regions[i];
    std::string key = changes_text(r) + "|";
    for (const std::string& cause : r.causes) key += cause + ",";
    const auto [it, fresh] = index.emplace(key, groups.size());
    if (fresh) groups.push_back({changes_text(r), r.causes, {}});
    groups[it->second].regions.push_back(i);
  }
  return groups;
}

std::string cause_text(const DiffReport& report, const std::string& id) {
  for (const DiffRuleChange& c : report.rules) {
    if (c.id != id) continue;
    return id + " (" + (c.how.empty() ? c.kind : c.how) + ")";
  }
  return id;
}

}  // namespace

DiffReport diff(const RuleSet& old_rules, const RuleSet& new_rules, const DiffOptions& options) {
  const internal::RuleSetModel& a = *old_rules.model();
  const internal::RuleSetModel& b = *new_rules.model();
  try {
    internal::DiffLimits limits;
    limits.max_classes = options.max_classes;
    // A region holds a class set per fact; one region per ten classes searched bounds memory
    // with the same option.
    limits.max_regions =
        static_cast<std::size_t>(std::max<std::uint64_t>(options.max_classes / 10, 1000));
    return convert(a, b, internal::diff_rule_sets(a, b, limits));
  } catch (const internal::IncompatibleFacts& e) {
    throw DiffError(std::string("the rule sets cannot be compared: ") + e.what());
  } catch (const internal::ClassBudgetExceeded& e) {
    throw DiffError(std::string("the rule sets are too large to compare exactly: ") + e.what());
  } catch (const internal::DiffBudgetExceeded& e) {
    throw DiffError(std::string("the rule sets are too large to compare exactly: ") + e.what());
  }
}

std::string DiffReport::to_text() const {
  std::string out = "scarwise diff: " + old_id + " " + old_version + " -> " + new_id + " " +
                    new_version + "\n";
  out += "\nRules (" + std::to_string(rules.size()) + " differ):\n";
  if (rules.empty()) out += "  none\n";
  for (const DiffRuleChange& c : rules) {
    out += "  " + c.kind + std::string(9 - c.kind.size(), ' ') + c.id;
    std::string parts;
    for (const std::string& p : c.parts) parts += (parts.empty() ? "" : ", ") + p;
    if (!parts.empty()) out += ": " + parts;
    if (!c.how.empty()) out += " (" + c.how + ")";
    out += "\n";
  }
  out += "\nDeclarations (" + std::to_string(entries.size()) + " differ):\n";
  if (entries.empty()) out += "  none\n";
  for (const DiffEntryChange& e : entries) {
    out += "  " + e.kind + std::string(9 - e.kind.size(), ' ') + e.section + " " + e.id;
    std::string parts;
    for (const std::string& p : e.parts) parts += (parts.empty() ? "" : ", ") + p;
    if (!parts.empty()) out += ": " + parts;
    out += "\n";
  }
  if (!notes.empty()) {
    out += "\nNot compared:\n";
    for (const std::string& n : notes) out += "  " + n + "\n";
  }
  if (regions.empty()) {
    out += "\nAssessments: the same for every case.\n";
    return out;
  }
  out += "\nAssessments differ in " + std::to_string(regions.size()) + " region" +
         (regions.size() == 1 ? "" : "s") + " of cases (--format json lists each with its witness)."
         "\nEach change, and the cases it holds for:\n";
  for (std::size_t g = 0; g < summaries.size(); ++g) {
    const DiffSummary& summary = summaries[g];
    out += "\n" + std::to_string(g + 1) + ". " + change_text(summary.change) + "\n";
    std::string because;
    for (const std::string& c : summary.causes) {
      because += (because.empty() ? "" : ", ") + cause_text(*this, c);
    }
    if (!because.empty()) out += "   because of " + because + "\n";
    if (!summary.complete) {
      out += "   (at least these cases: the search for this part alone ran past its budget)\n";
    }
    const std::vector<DiffCondition> shared = shared_conditions(summary.areas);
    if (!shared.empty()) out += "   all with: " + conditions_text(shared) + "\n";
    constexpr std::size_t kShown = 8;
    const std::vector<std::size_t> order = broadest_first(summary.areas);
    for (std::size_t i = 0; i < order.size(); ++i) {
      if (i == kShown) {
        out += "   - and " + std::to_string(order.size() - kShown) +
               " more groups of cases (--format json lists them all)\n";
        break;
      }
      const DiffArea& area = summary.areas[order[i]];
      const std::string where = conditions_text(without(area.conditions, shared));
      out += "   - " + (where.empty() ? std::string("every case") : where) + "\n";
      out += "     witness: " + flow_case(area.new_case) + "\n";
      if (area.old_case != area.new_case) {
        out += "     for " + old_id + ": " + flow_case(area.old_case) + "\n";
      }
    }
  }
  std::size_t unconfirmed = 0;
  for (const DiffRegion& r : regions) unconfirmed += r.confirmed ? 0 : 1;
  if (unconfirmed != 0) {
    out += "\n" + std::to_string(unconfirmed) +
           " region(s) have a witness that does not show every change: please report.\n";
  }
  return out;
}

std::string DiffReport::to_json() const {
  namespace json = boost::json;
  const auto strings = [](const std::vector<std::string>& items) {
    json::array out;
    for (const std::string& s : items) out.emplace_back(s);
    return out;
  };
  json::object doc;
  doc["format"] = "scarwise.diff/1";
  doc["old"] = json::object{{"id", old_id}, {"version", old_version}};
  doc["new"] = json::object{{"id", new_id}, {"version", new_version}};
  doc["assessments_differ"] = assessments_differ();
  json::array rule_list;
  for (const DiffRuleChange& c : rules) {
    json::object o{{"id", c.id}, {"change", c.kind}, {"parts", strings(c.parts)}};
    if (!c.how.empty()) o["how"] = c.how;
    o["affects_assessment"] = c.affects_assessment;
    rule_list.push_back(std::move(o));
  }
  doc["rules"] = std::move(rule_list);
  json::array entry_list;
  for (const DiffEntryChange& e : entries) {
    entry_list.push_back(json::object{
        {"section", e.section}, {"id", e.id}, {"change", e.kind}, {"parts", strings(e.parts)}});
  }
  doc["declarations"] = std::move(entry_list);
  doc["not_compared"] = strings(notes);
  json::array region_list;
  for (const DiffRegion& r : regions) {
    json::object o;
    json::array conditions;
    for (const DiffCondition& c : r.conditions) {
      conditions.push_back(json::object{{"fact", c.fact}, {"classes", strings(c.classes)}});
    }
    o["conditions"] = std::move(conditions);
    json::array changes;
    for (const DiffChange& c : r.changes) {
      json::object change{{"part", c.part}};
      change["old"] = c.old_value.empty() ? json::value(nullptr) : json::value(c.old_value);
      change["new"] = c.new_value.empty() ? json::value(nullptr) : json::value(c.new_value);
      changes.push_back(std::move(change));
    }
    o["changes"] = std::move(changes);
    o["may_also_differ"] = strings(r.may_also_differ);
    o["causes"] = strings(r.causes);
    o["old_case"] = r.old_case;
    o["new_case"] = r.new_case;
    o["confirmed"] = r.confirmed;
    region_list.push_back(std::move(o));
  }
  doc["regions"] = std::move(region_list);
  json::array group_list;
  for (const Group& g : groups_of(*this)) {
    json::array members;
    for (std::size_t i : g.regions) members.emplace_back(static_cast<std::uint64_t>(i));
    group_list.push_back(json::object{
        {"changes", g.changes}, {"causes", strings(g.causes)}, {"regions", std::move(members)}});
  }
  doc["groups"] = std::move(group_list);
  json::array summary_list;
  for (const DiffSummary& summary : summaries) {
    json::object change{{"part", summary.change.part}};
    change["old"] = summary.change.old_value.empty() ? json::value(nullptr)
                                                     : json::value(summary.change.old_value);
    change["new"] = summary.change.new_value.empty() ? json::value(nullptr)
                                                     : json::value(summary.change.new_value);
    json::array areas;
    for (const DiffArea& area : summary.areas) {
      json::array conditions;
      for (const DiffCondition& c : area.conditions) {
        conditions.push_back(json::object{{"fact", c.fact}, {"classes", strings(c.classes)}});
      }
      areas.push_back(json::object{{"conditions", std::move(conditions)},
                                   {"old_case", area.old_case},
                                   {"new_case", area.new_case}});
    }
    summary_list.push_back(json::object{{"change", std::move(change)},
                                        {"causes", strings(summary.causes)},
                                        {"areas", std::move(areas)},
                                        {"regions", static_cast<std::uint64_t>(summary.regions)},
                                        {"complete", summary.complete}});
  }
  doc["summaries"] = std::move(summary_list);
  doc["classes_fixed"] = classes_fixed;
  return internal::write_pretty_json(doc);
}

}  // namespace scarwise
