#include "doc_session.hpp"

#include <algorithm>
#include <map>
#include <utility>

namespace scarwise_doc_test {
namespace {

constexpr const char* kElision = "[...]";

bool starts_with(const std::string& text, const std::string& prefix) {
  return text.compare(0, prefix.size(), prefix) == 0;
}

/// The value of a marker line "<!-- NAME: VALUE -->", or false when the line is not one.
bool marker_value(const std::string& line, const std::string& name, std::string& value) {
  const std::string open = "<!-- " + name + ":";
  const std::string close = "-->";
  if (!starts_with(line, open) || line.size() < open.size() + close.size() ||
      line.compare(line.size() - close.size(), close.size(), close) != 0) {
    return false;
  }
  value = line.substr(open.size(), line.size() - open.size() - close.size());
  const std::size_t first = value.find_first_not_of(' ');
  const std::size_t last = value.find_last_not_of(' ');
  value = first == std::string::npos ? "" : value.substr(first, last - first + 1);
  return true;
}

bool is_fence(const std::string& line) { return starts_with(line, "```"); }

/// A path that stays inside the session directory: relative, without "..".
bool confined(const std::string& path) {
  if (path.empty() || path[0] == '/') return false;
  std::size_t start = 0;
  while (start <= path.size()) {
    const std::size_t end = std::min(path.find('/', start), path.size());
    if (path.compare(start, end - start, "..") == 0 && end - start == 2) return false;
    start = end + 1;
  }
  return true;
}

/// The lines of a console block, from `begin` (the first line after the fence) to `end` (the
/// closing fence), as commands with their output.
void read_commands(const std::vector<std::string>& lines, std::size_t begin, std::size_t end,
                   int exit_code, std::vector<Step>& steps) {
  const std::size_t first_step = steps.size();
  for (std::size_t i = begin; i < end; ++i) {
    if (starts_with(lines[i], "$ ")) {
      Step step;
      step.kind = Step::Kind::command;
      step.line = i + 1;
      step.text = lines[i].substr(2);
      step.exit_code = exit_code;
      step.output_begin = i + 1;
      steps.push_back(step);
    } else if (steps.size() > first_step) {
      steps.back().expected.push_back(lines[i]);
    }
  }
}

/// Whether one line matches an expected line whose "[...]" stand for any characters.
bool line_matches(const std::string& expected, const std::string& actual) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  for (std::size_t at; (at = expected.find(kElision, start)) != std::string::npos;) {
    parts.push_back(expected.substr(start, at - start));
    start = at + std::string(kElision).size();
  }
  parts.push_back(expected.substr(start));
  if (parts.size() == 1) return expected == actual;
  // Anchored at both ends; the parts between are found leftmost first, which is exact for a
  // pattern whose only wildcard matches any run of characters.
  const std::string& head = parts.front();
  const std::string& tail = parts.back();
  if (actual.size() < head.size() + tail.size() || !starts_with(actual, head) ||
      actual.compare(actual.size() - tail.size(), tail.size(), tail) != 0) {
    return false;
  }
  std::size_t at = head.size();
  const std::size_t limit = actual.size() - tail.size();
  for (std::size_t p = 1; p + 1 < parts.size(); ++p) {
    const std::size_t found = actual.find(parts[p], at);
    if (found == std::string::npos || found + parts[p].size() > limit) return false;
    at = found + parts[p].size();
  }
  return true;
}

}  // namespace

std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t end = text.find('\n', start);
    if (end == std::string::npos) {
      lines.push_back(text.substr(start));
      break;
    }
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

std::vector<Step> read_session(const std::string& markdown, std::string& error) {
  const std::vector<std::string> lines = split_lines(markdown);
  std::vector<Step> steps;
  std::string pending_file;
  std::size_t pending_file_line = 0;
  bool pending_append = false;
  int pending_exit = 0;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    std::string value;
    const bool append = marker_value(lines[i], "append", value);
    if (append || marker_value(lines[i], "file", value)) {
      if (!confined(value)) {
        error = "line " + std::to_string(i + 1) + ": file marker leaves the session: " + value;
        return {};
      }
      pending_file = value;
      pending_file_line = i + 1;
      pending_append = append;
      continue;
    }
    if (marker_value(lines[i], "exit", value)) {
      try {
        pending_exit = std::stoi(value);
      } catch (const std::exception&) {
        error = "line " + std::to_string(i + 1) + ": exit marker without a number";
        return {};
      }
      continue;
    }
    if (!is_fence(lines[i])) continue;
    std::size_t close = i + 1;
    while (close < lines.size() && !is_fence(lines[close])) ++close;
    if (close == lines.size()) {
      error = "line " + std::to_string(i + 1) + ": code block without a closing fence";
      return {};
    }
    if (!pending_file.empty()) {
      Step step;
      step.kind = pending_append ? Step::Kind::append_file : Step::Kind::write_file;
      step.line = pending_file_line;
      step.path = pending_file;
      for (std::size_t j = i + 1; j < close; ++j) step.text += lines[j] + "\n";
      steps.push_back(step);
    } else if (lines[i] == "```console") {
      if (i + 1 < close && !starts_with(lines[i + 1], "$ ")) {
        error = "line " + std::to_string(i + 2) + ": console block that does not start with \"$ \"";
        return {};
      }
      read_commands(lines, i + 1, close, pending_exit, steps);
    }
    pending_file.clear();
    pending_exit = 0;
    i = close;
  }
  if (!pending_file.empty()) {
    error = "line " + std::to_string(pending_file_line) + ": file marker without a code block";
    return {};
  }
  return steps;
}

bool output_matches(const std::vector<std::string>& expected,
                    const std::vector<std::string>& actual) {
  // matched[i][j]: expected[i..] matches actual[j..]; filled from the ends.
  const std::size_t rows = expected.size();
  const std::size_t cols = actual.size();
  std::vector<std::vector<char>> matched(rows + 1, std::vector<char>(cols + 1, 0));
  matched[rows][cols] = 1;
  for (std::size_t i = rows + 1; i-- > 0;) {
    for (std::size_t j = cols + 1; j-- > 0;) {
      if (i == rows) {
        matched[i][j] = j == cols;
      } else if (expected[i] == kElision) {
        matched[i][j] = matched[i + 1][j] || (j < cols && matched[i][j + 1]);
      } else {
        matched[i][j] = j < cols && line_matches(expected[i], actual[j]) && matched[i + 1][j + 1];
      }
    }
  }
  return matched[0][0] != 0;
}

std::vector<std::string> updated_output(const std::vector<std::string>& expected,
                                        const std::vector<std::string>& actual) {
  // Longest common subsequence of the lines that still match; a lone "[...]" is no anchor.
  const std::size_t rows = expected.size();
  const std::size_t cols = actual.size();
  std::vector<std::vector<std::size_t>> common(rows + 1, std::vector<std::size_t>(cols + 1, 0));
  for (std::size_t i = rows; i-- > 0;) {
    for (std::size_t j = cols; j-- > 0;) {
      const bool anchor = expected[i] != kElision && line_matches(expected[i], actual[j]);
      common[i][j] = anchor ? common[i + 1][j + 1] + 1
                            : std::max(common[i + 1][j], common[i][j + 1]);
    }
  }
  // Walk the alignment. Between two anchors the printed lines replace the document's, except
  // where the document elided part of that stretch: the lines it showed before the elision are
  // replaced by as many printed lines, those after it by as many from the end, and the
  // elision stays between them.
  std::vector<std::string> out;
  std::vector<std::string> shown;   // the document's lines in the current stretch
  std::vector<std::string> printed;  // the printed lines in the current stretch
  auto close_stretch = [&] {
    const auto first = std::find(shown.begin(), shown.end(), kElision);
    const auto last = std::find(shown.rbegin(), shown.rend(), kElision);
    const std::size_t before = static_cast<std::size_t>(first - shown.begin());
    const std::size_t after = static_cast<std::size_t>(last - shown.rbegin());
    if (first == shown.end() || before + after > printed.size()) {
      out.insert(out.end(), printed.begin(), printed.end());
    } else {
      out.insert(out.end(), printed.begin(), printed.begin() + static_cast<long>(before));
      out.push_back(kElision);
      out.insert(out.end(), printed.end() - static_cast<long>(after), printed.end());
    }
    shown.clear();
    printed.clear();
  };
  std::size_t i = 0;
  std::size_t j = 0;
  while (i < rows || j < cols) {
    const bool anchor = i < rows && j < cols && expected[i] != kElision &&
                        line_matches(expected[i], actual[j]) &&
                        common[i][j] == common[i + 1][j + 1] + 1;
    if (anchor) {
      close_stretch();
      out.push_back(expected[i]);  // keeps the in-line elisions it had
      ++i;
      ++j;
    } else if (j == cols || (i < rows && common[i + 1][j] >= common[i][j + 1])) {
      shown.push_back(expected[i]);
      ++i;
    } else {
      printed.push_back(actual[j]);
      ++j;
    }
  }
  close_stretch();
  return out;
}

std::string rewrite_outputs(const std::string& markdown, const std::vector<Step>& steps,
                            const std::vector<std::vector<std::string>>& actual,
                            const std::vector<bool>& replace) {
  const std::vector<std::string> lines = split_lines(markdown);
  std::vector<std::vector<std::string>> updated(steps.size());
  std::map<std::size_t, std::pair<std::size_t, const std::vector<std::string>*>> replacements;
  for (std::size_t s = 0; s < steps.size(); ++s) {
    if (steps[s].kind != Step::Kind::command || !replace[s]) continue;
    updated[s] = updated_output(steps[s].expected, actual[s]);
    replacements[steps[s].output_begin] = {steps[s].expected.size(), &updated[s]};
  }
  std::string out;
  for (std::size_t i = 0; i < lines.size();) {
    const auto found = replacements.find(i);
    if (found != replacements.end()) {
      for (const std::string& line : *found->second.second) out += line + "\n";
      i += found->second.first;
      if (found->second.first == 0 && i < lines.size()) {
        out += lines[i] + "\n";
        ++i;
      }
      continue;
    }
    out += lines[i] + "\n";
    ++i;
  }
  return out;
}

}  // namespace scarwise_doc_test
