// Citations a reader cannot date or look up. The loader accepts any non-empty `cite` and an
// optional `url`; a clinician checking a recommendation needs the year and an address.
#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>

#include "lint/lint.hpp"
#include "support/quote.hpp"

namespace scarwise::internal {
namespace {

bool is_digit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }

bool is_word_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }

/// True when `cite` holds four digits from 1900 to 2099 that are not part of a longer number:
/// "2017;153:802-809" has a year; a page range "1234-1240" or the "20201" of an identifier has
/// none.
bool has_year(std::string_view cite) {
  for (std::size_t i = 0; i + 4 <= cite.size(); ++i) {
    if (i > 0 && is_digit(cite[i - 1])) continue;
    if (i + 4 < cite.size() && is_digit(cite[i + 4])) continue;
    const std::string_view run = cite.substr(i, 4);
    if (!is_digit(run[0]) || !is_digit(run[1]) || !is_digit(run[2]) || !is_digit(run[3])) continue;
    if (run.substr(0, 2) == "19" || run.substr(0, 2) == "20") return true;
  }
  return false;
}

/// True when `cite` says "undated" as a word: a web page or manual that carries no date, where
/// the author has checked and there is no year to give.
bool says_undated(std::string_view cite) {
  constexpr std::string_view kWord = "undated";
  for (std::size_t at = cite.find(kWord); at != std::string_view::npos;
       at = cite.find(kWord, at + 1)) {
    const bool starts = at == 0 || !is_word_char(cite[at - 1]);
    const std::size_t end = at + kWord.size();
    if (starts && (end == cite.size() || !is_word_char(cite[end]))) return true;
  }
  return false;
}

bool declared_missing(const EvidenceEntry& entry, std::string_view part) {
  return std::find(entry.missing.begin(), entry.missing.end(), part) != entry.missing.end();
}

}  // namespace

void lint_incomplete_evidence(const RuleSetModel& model, LintReport& report) {
  for (const EvidenceEntry& entry : model.evidence) {
    // A part the author declares missing is accounted for: the reader is told, not misled.
    const bool year =
        has_year(entry.cite) || says_undated(entry.cite) || declared_missing(entry, "year");
    const bool address =
        entry.url.find_first_not_of(" \t") != std::string::npos || declared_missing(entry, "url");
    if (year && address) continue;
    const std::string missing = !year && !address ? "a year in its 'cite' and a 'url'"
                                : !year           ? "a year in its 'cite'"
                                                  : "a 'url'";
    report.warn(entry.loc, "evidence " + quote(entry.id) + " lacks " + missing,
                "give the publication year in 'cite' (or 'undated' for a source without one) and "
                "a DOI (https://doi.org/...) or URL in 'url', taken from the source itself; "
                "never guess them: a part the source does not show goes in 'missing: [year, url]'");
  }
}

}  // namespace scarwise::internal
