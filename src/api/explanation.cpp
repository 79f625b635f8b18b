#include <scarwise/explanation.hpp>

#include "io/explanation_json.hpp"
#include "io/explanation_text.hpp"
#include "model/explanation_data.hpp"

namespace scarwise {

Explanation::Explanation(std::shared_ptr<const internal::ExplanationData> data)
    : data_(std::move(data)) {}

const std::vector<ScarExplanation>& Explanation::scars() const noexcept { return data_->scars; }
const std::string& Explanation::focus_rule() const noexcept { return data_->focus_rule; }
const std::string& Explanation::ruleset_id() const noexcept { return data_->ruleset_id; }
const std::string& Explanation::ruleset_version() const noexcept { return data_->ruleset_version; }
const std::string& Explanation::ruleset_digest() const noexcept { return data_->ruleset_digest; }
const std::string& Explanation::case_digest() const noexcept { return data_->case_digest; }
std::string Explanation::to_text() const { return internal::explanation_to_text(*data_); }
std::string Explanation::to_json() const { return internal::explanation_to_json(*data_); }

}  // namespace scarwise
