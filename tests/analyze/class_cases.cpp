#include "class_cases.hpp"

#include "expr/program.hpp"

#include <catch2/catch.hpp>

#include <boost/json.hpp>

#include <algorithm>
#include <cmath>

namespace scarwise::analyze_test {

using namespace scarwise::internal;

namespace {

void add_program_numbers(const ExprProgram* program, std::vector<double>& out) {
  if (program == nullptr) return;
  const ProgramCode& code = program->code();
  for (const Instr& instr : code.instrs) {
    if (instr.code == Opcode::Compare || instr.code == Opcode::NumConst) {
      out.push_back(to_double(instr.number));
    }
  }
  for (const Numeric& n : code.numbers) out.push_back(to_double(n));
}

// Every number written in a condition, whatever fact it is compared with.
std::vector<double> probe_numbers(const RuleSetModel& model) {
  std::vector<double> probes;
  for (const Rule& rule : model.rules) add_program_numbers(rule.when.program(), probes);
  std::sort(probes.begin(), probes.end());
  probes.erase(std::unique(probes.begin(), probes.end()), probes.end());
  return probes;
}

double lowest(const FactDecl& decl) { return decl.min ? *decl.min : -50; }
double highest(const FactDecl& decl) { return decl.max ? *decl.max : lowest(decl) + 200; }

}  // namespace

RandomCases::RandomCases(const RuleSetModel& model, std::uint64_t seed)
    : model_(model), rng_(seed), probes_(probe_numbers(model)) {}

CaseValues RandomCases::next() {
  CaseValues values;
  values.patient = random_facts(Scope::Patient);
  const int scars = std::uniform_int_distribution<int>(1, 3)(rng_);
  for (int i = 0; i < scars; ++i) values.scars.push_back(random_facts(Scope::Scar));
  return values;
}

std::vector<Value> RandomCases::random_facts(Scope scope) {
  const std::vector<FactDecl>& decls = model_.vocabulary.facts();
  std::vector<Value> values(decls.size());
  for (FactId id = 0; id < decls.size(); ++id) {
    const FactDecl& decl = decls[id];
    if (decl.scope != scope) continue;
    const bool leave_out = !decl.required && std::bernoulli_distribution(0.15)(rng_);
    if (!leave_out) values[id] = random_value(decl);
  }
  return values;
}

Value RandomCases::random_value(const FactDecl& decl) {
  switch (decl.type) {
    case FactType::Bool:
      return Value::of_bool(std::bernoulli_distribution(0.5)(rng_));
    case FactType::Enum: {
      const auto last = static_cast<std::uint32_t>(decl.values.size() - 1);
      return Value::of_enum(std::uniform_int_distribution<std::uint32_t>(0, last)(rng_));
    }
    case FactType::Set: {
      std::uint64_t bits = 0;
      for (std::size_t v = 0; v < decl.values.size(); ++v) {
        if (std::bernoulli_distribution(0.4)(rng_)) bits |= std::uint64_t{1} << v;
      }
      return Value::of_set(bits);
    }
    case FactType::Int:
    case FactType::Number:
      return random_number(decl);
  }
  return Value{};
}

Value RandomCases::random_number(const FactDecl& decl) {
  const int way = std::uniform_int_distribution<int>(0, 9)(rng_);
  double x = 0;
  if (way < 6 && !probes_.empty()) {
    x = near_probe(decl);
  } else if (way == 6) {
    x = std::bernoulli_distribution(0.5)(rng_) ? lowest(decl) : highest(decl);
  } else {
    x = std::uniform_real_distribution<double>(lowest(decl), highest(decl))(rng_);
  }
  if (decl.type == FactType::Int) x = std::round(x);
  x = std::clamp(x, lowest(decl), highest(decl));
  if (decl.type == FactType::Int) return Value::of_int(static_cast<std::int64_t>(x));
  return Value::of_number(x == 0 ? 0.0 : x);
}

double RandomCases::near_probe(const FactDecl& decl) {
  const auto index = std::uniform_int_distribution<std::size_t>(0, probes_.size() - 1)(rng_);
  const double p = probes_[index];
  const bool integer = decl.type == FactType::Int;
  switch (std::uniform_int_distribution<int>(0, 6)(rng_)) {
    case 0:
      return integer ? std::floor(p) : std::nextafter(p, -HUGE_VAL);
    case 1:
      return integer ? std::ceil(p) : std::nextafter(p, HUGE_VAL);
    case 2:
      return p - 1;
    case 3:
      return p + 1;
    case 4:
      return p - 0.5;
    case 5:
      return p + 0.5;
    default:
      return p;
  }
}

namespace {

void set_fact(FactSet& facts, const FactDecl& decl, const Value& value) {
  switch (decl.type) {
    case FactType::Bool:
      facts.set(decl.key, value.boolean);
      return;
    case FactType::Enum:
      facts.set(decl.key, decl.values[value.index]);
      return;
    case FactType::Set: {
      std::vector<std::string> words;
      for (std::size_t v = 0; v < decl.values.size(); ++v) {
        if ((value.bits >> v) & 1) words.push_back(decl.values[v]);
      }
      facts.set(decl.key, std::move(words));
      return;
    }
    case FactType::Int:
      facts.set(decl.key, static_cast<long long>(value.number.integer));
      return;
    case FactType::Number:
      facts.set(decl.key, to_double(value.number));
      return;
  }
}

void set_facts(FactSet facts, const Vocabulary& vocabulary, const std::vector<Value>& values) {
  for (FactId id = 0; id < values.size(); ++id) {
    if (values[id].known()) set_fact(facts, vocabulary.fact(id), values[id]);
  }
}

std::vector<Value> abstract_facts(const std::vector<FactClasses>& classes,
                                  const std::vector<Value>& values,
                                  const std::vector<bool>& keep) {
  std::vector<Value> out = values;
  for (FactId id = 0; id < values.size(); ++id) {
    if (!values[id].known() || keep[id]) continue;
    const std::optional<std::size_t> class_index = classes[id].classify(values[id]);
    REQUIRE(class_index);
    out[id] = classes[id].classes[*class_index].representative;
    REQUIRE(classes[id].classify(out[id]) == class_index);  // a representative is its class's
  }
  return out;
}

}  // namespace

Case to_case(const Vocabulary& vocabulary, const CaseValues& values) {
  Case c;
  set_facts(c.patient(), vocabulary, values.patient);
  for (std::size_t i = 0; i < values.scars.size(); ++i) {
    set_facts(c.add_scar("site-" + std::to_string(i)), vocabulary, values.scars[i]);
  }
  return c;
}

CaseValues abstract_case(const std::vector<FactClasses>& classes, const CaseValues& values,
                         const std::vector<bool>& keep) {
  CaseValues out;
  out.patient = abstract_facts(classes, values.patient, keep);
  for (const std::vector<Value>& scar : values.scars) {
    out.scars.push_back(abstract_facts(classes, scar, keep));
  }
  return out;
}

std::string comparable_line(const std::string& json_line, std::uint8_t parts) {
  boost::json::object record = boost::json::parse(json_line).as_object();
  record.erase("case_digest");
  if (parts & kCompleteness) record.erase("complete");
  for (boost::json::value& scar : record["scars"].as_array()) {
    boost::json::object& s = scar.as_object();
    if (parts & kReevaluateWeeks) s.erase("reevaluate_after_weeks");
    if (parts & kCompleteness) {
      s.erase("complete");
      s.erase("missing_facts");
    }
  }
  return boost::json::serialize(record);
}

}  // namespace scarwise::analyze_test
