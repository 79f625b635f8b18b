#include <scarwise/assessment.hpp>

#include "io/assessment_json.hpp"
#include "io/assessment_json_line.hpp"
#include "io/assessment_text.hpp"
#include "model/assessment_data.hpp"

namespace scarwise {

const char* to_string(Suitability suitability) noexcept {
  switch (suitability) {
    case Suitability::suitable: return "suitable";
    case Suitability::suitable_with_caution: return "suitable_with_caution";
    case Suitability::defer: return "defer";
    case Suitability::not_suitable: return "not_suitable";
  }
  return "?";
}

const char* to_string(RuleOutcome outcome) noexcept {
  switch (outcome) {
    case RuleOutcome::fired: return "fired";
    case RuleOutcome::not_fired: return "not_fired";
    case RuleOutcome::unknown: return "unknown";
  }
  return "?";
}

Assessment::Assessment(std::shared_ptr<const internal::AssessmentData> data)
    : data_(std::move(data)) {}

Suitability Assessment::suitability() const noexcept { return data_->suitability; }
bool Assessment::complete() const noexcept { return data_->complete; }
// The scars are built from the evaluator's compact result on first use; building allocates, and
// a failed allocation inside a noexcept function ends the program, as it would have when the
// engine built them eagerly.
const std::vector<ScarAssessment>& Assessment::scars() const noexcept { return data_->scar_list(); }
const std::string& Assessment::ruleset_id() const noexcept { return data_->id(); }
const std::string& Assessment::ruleset_version() const noexcept { return data_->version(); }
const std::string& Assessment::ruleset_digest() const noexcept { return data_->digest(); }
const std::string& Assessment::case_digest() const noexcept { return data_->case_digest; }
bool Assessment::explained() const noexcept { return data_->explained; }
std::string Assessment::to_json() const { return internal::assessment_to_json(*data_); }
std::string Assessment::to_json_line() const {
  if (!internal::has_compact_json(*data_)) return internal::assessment_to_json_line(*data_);
  std::string out;
  // Most of a record is the header and one to a few kilobytes per scar: one allocation.
  out.reserve(1024 + 2048 * data_->compact.scars.size());
  internal::append_assessment_json_line(*data_, out);
  return out;
}
void Assessment::append_json_line(std::string& out) const {
  if (!internal::has_compact_json(*data_)) {
    out += internal::assessment_to_json_line(*data_);
    return;
  }
  internal::append_assessment_json_line(*data_, out);
}
std::string Assessment::to_text() const { return internal::assessment_to_text(*data_); }

}  // namespace scarwise
