#include <algorithm>
#include <optional>
#include <scarwise/case.hpp>
#include <stdexcept>
#include <utility>

#include "io/case_format.hpp"
#include "io/case_reader.hpp"
#include "load/file_reader.hpp"
#include "model/raw_case.hpp"
#include "support/diagnostic_sink.hpp"
#include "support/quote.hpp"

namespace scarwise {

namespace {

std::unique_ptr<internal::RawCase> copy_of(const internal::RawCase& raw) {
  auto copy = std::make_unique<internal::RawCase>();
  copy->name = raw.name;
  copy->max_errors = raw.max_errors;
  copy->patient = raw.patient;
  copy->scars.reserve(raw.scars.size());
  for (const auto& scar : raw.scars)
    copy->scars.push_back(std::make_unique<internal::RawScar>(*scar));
  return copy;
}

std::vector<internal::RawFact>::iterator find_fact(internal::RawFacts& facts,
                                                   const std::string& key) {
  return std::find_if(facts.facts.begin(), facts.facts.end(),
                      [&](const internal::RawFact& fact) { return fact.key == key; });
}

/// The facts of a case that has none (a moved-from Case): never written to, since only const
/// member functions reach it.
internal::RawFacts& no_facts() {
  static internal::RawFacts empty;
  return empty;
}

Case throw_or_wrap(std::unique_ptr<internal::RawCase> raw, internal::DiagnosticSink& sink) {
  if (!raw || sink.has_errors()) throw CaseError(sink.take());
  return internal::make_case(std::move(raw));
}

/// Reads a case through a capped sink and adds the note about errors left out.
template <typename Reader>
Case read_case(const std::string& name, const CaseOptions& options, Reader reader) {
  internal::DiagnosticSink sink(options.max_errors, static_cast<std::size_t>(-1));
  std::unique_ptr<internal::RawCase> raw = reader(sink);
  if (raw) raw->max_errors = options.max_errors;
  sink.add_truncation_notes({name, 0, 0}, "CaseOptions::max_errors", "");
  return throw_or_wrap(std::move(raw), sink);
}

[[noreturn]] void throw_read_error(const std::string& path, const std::string& code,
                                   const std::string& message, const std::string& hint) {
  internal::DiagnosticSink sink;
  sink.error({path, 0, 0}, code, message, hint);
  throw CaseError(sink.take());
}

}  // namespace

// --- FactSet ---------------------------------------------------------------------------------

FactSet& FactSet::put(const std::string& key, FactValue value) {
  auto it = find_fact(*facts_, key);
  if (it != facts_->facts.end()) {
    it->value = std::move(value);
    it->loc = {};  // the value no longer comes from the file
    it->key_loc = {};
  } else {
    facts_->facts.push_back(internal::RawFact{key, std::move(value), {}, {}});
  }
  return *this;
}

FactSet& FactSet::set(const std::string& key, bool value) { return put(key, value); }
FactSet& FactSet::set(const std::string& key, int value) {
  return put(key, static_cast<std::int64_t>(value));
}
FactSet& FactSet::set(const std::string& key, long value) {
  return put(key, static_cast<std::int64_t>(value));
}
FactSet& FactSet::set(const std::string& key, long long value) {
  return put(key, static_cast<std::int64_t>(value));
}
FactSet& FactSet::set(const std::string& key, double value) { return put(key, value); }
FactSet& FactSet::set(const std::string& key, const char* value) {
  if (value == nullptr)
    throw std::invalid_argument("FactSet::set: null string for " + internal::quote(key));
  return put(key, std::string(value));
}
FactSet& FactSet::set(const std::string& key, std::string value) {
  return put(key, std::move(value));
}
FactSet& FactSet::set(const std::string& key, std::vector<std::string> values) {
  return put(key, std::move(values));
}

FactSet& FactSet::unset(const std::string& key) {
  auto it = find_fact(*facts_, key);
  if (it != facts_->facts.end()) facts_->facts.erase(it);
  return *this;
}

const FactValue* FactSet::get(const std::string& key) const {
  auto it = find_fact(*facts_, key);
  return it == facts_->facts.end() ? nullptr : &it->value;
}

std::vector<std::string> FactSet::keys() const {
  std::vector<std::string> out;
  out.reserve(facts_->facts.size());
  for (const internal::RawFact& fact : facts_->facts) out.push_back(fact.key);
  return out;
}

// --- Case ------------------------------------------------------------------------------------

Case::Case() : raw_(std::make_unique<internal::RawCase>()) { raw_->name = "<case>"; }
Case::Case(std::unique_ptr<internal::RawCase> raw) : raw_(std::move(raw)) {
  if (!raw_) raw_ = std::make_unique<internal::RawCase>();
}
Case::~Case() = default;
Case::Case(const Case& other)
    : raw_(other.raw_ ? copy_of(*other.raw_) : std::make_unique<internal::RawCase>()) {}
Case& Case::operator=(const Case& other) {
  if (this != &other)
    raw_ = other.raw_ ? copy_of(*other.raw_) : std::make_unique<internal::RawCase>();
  return *this;
}
Case::Case(Case&& other) noexcept = default;
// Swapping leaves the moved-from case valid (it holds our old state), never empty.
Case& Case::operator=(Case&& other) noexcept {
  std::swap(raw_, other.raw_);
  return *this;
}

Case Case::from_json(const std::string& text, const std::string& name) {
  return from_json(text, name, CaseOptions{});
}

Case Case::from_yaml(const std::string& text, const std::string& name) {
  return from_yaml(text, name, CaseOptions{});
}

Case Case::from_file(const std::string& path) { return from_file(path, CaseOptions{}); }

Case Case::from_json(const std::string& text, const std::string& name, const CaseOptions& options) {
  return read_case(name, options, [&](internal::DiagnosticSink& sink) {
    return internal::read_case_json(text, name, options, sink);
  });
}

Case Case::from_yaml(const std::string& text, const std::string& name, const CaseOptions& options) {
  return read_case(name, options, [&](internal::DiagnosticSink& sink) {
    return internal::read_case_yaml(text, name, options, sink);
  });
}

Case Case::from_file(const std::string& path, const CaseOptions& options) {
  using Status = internal::FileRead::Status;
  internal::FileRead read = internal::read_regular_file(path, options.max_bytes);
  switch (read.status) {
    case Status::ok:
      break;
    case Status::not_found:
      throw_read_error(path, "E-CASE-READ",
                       "cannot read case file " + internal::quote(path) + ": no such file",
                       "check the path and its permissions");
    case Status::not_regular:
      throw_read_error(path, "E-CASE-READ",
                       "case file " + internal::quote(path) + " is not a regular file",
                       "a case file is a plain file; devices, FIFOs and directories are refused");
    case Status::unreadable:
      throw_read_error(path, "E-CASE-READ",
                       "cannot read case file " + internal::quote(path) + ": " + read.reason,
                       "check the path and its permissions");
    case Status::too_large:
      throw_read_error(path, "E-CASE-TOO-LARGE",
                       "the case has " + std::to_string(read.size) +
                           " bytes, more than the limit of " + std::to_string(options.max_bytes),
                       "raise CaseOptions::max_bytes");
  }
  try {
    return internal::case_format_of(path, read.bytes) == internal::CaseFormat::Json
               ? from_json(read.bytes, path, options)
               : from_yaml(read.bytes, path, options);
  } catch (const CaseError& e) {
    std::vector<Diagnostic> diagnostics = e.diagnostics();
    internal::explain_format_mixup(diagnostics, path, read.bytes, options);
    throw CaseError(std::move(diagnostics));
  }
}

FactSet Case::patient() {
  if (!raw_) raw_ = std::make_unique<internal::RawCase>();
  return FactSet(&raw_->patient);
}

const FactSet Case::patient() const {
  // FactSet has no const pointer; a const FactSet exposes only the const members.
  return FactSet(raw_ ? &raw_->patient : &no_facts());
}

FactSet Case::add_scar(const std::string& id) {
  if (!raw_) raw_ = std::make_unique<internal::RawCase>();
  auto scar = std::make_unique<internal::RawScar>();
  scar->id = id;
  raw_->scars.push_back(std::move(scar));
  return FactSet(&raw_->scars.back()->facts);
}

const internal::RawCase& Case::raw() const noexcept {
  static const internal::RawCase empty_case;
  return raw_ ? *raw_ : empty_case;
}

std::size_t Case::scar_count() const noexcept { return raw_ ? raw_->scars.size() : 0; }

const std::string& Case::scar_id(std::size_t index) const {
  if (index >= scar_count())
    throw std::out_of_range("Case::scar_id: no scar " + std::to_string(index));
  return raw_->scars[index]->id;
}

FactSet Case::scar(std::size_t index) {
  if (index >= scar_count())
    throw std::out_of_range("Case::scar: no scar " + std::to_string(index));
  return FactSet(&raw_->scars[index]->facts);
}

const FactSet Case::scar(std::size_t index) const {
  if (index >= scar_count())
    throw std::out_of_range("Case::scar: no scar " + std::to_string(index));
  return FactSet(&raw_->scars[index]->facts);
}

namespace internal {

Case make_case(std::unique_ptr<RawCase> raw) { return Case(std::move(raw)); }

}  // namespace internal

}  // namespace scarwise
