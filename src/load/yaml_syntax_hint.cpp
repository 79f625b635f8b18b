#include "load/yaml_syntax_hint.hpp"

#include "load/line_index.hpp"

#include <array>

namespace scarwise::internal {

namespace {

constexpr std::string_view kTabHint =
    "a tab is used for indentation; YAML indents with spaces only: replace the tab with spaces";
constexpr std::string_view kColonInFlowHint =
    "inside '{...}' or '[...]' a value cannot hold ': ' (a colon and a space); put the value in "
    "quotes, e.g. {note: \"see: below\"}";

/// Line `line` (0-based) of `text`, without its line break; empty past the end.
std::string_view line_of(std::string_view text, std::size_t line) {
  std::size_t start = bom_length(text);
  for (std::size_t i = 0; i < line; ++i) {
    const std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) return {};
    start = end + 1;
  }
  const std::size_t end = text.find('\n', start);
  return text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
}

bool indented_with_tab(std::string_view line) {
  const std::size_t content = line.find_first_not_of(" \t");
  return line.substr(0, content).find('\t') != std::string_view::npos;
}

/// yaml-cpp reports a tab in the indentation where the line after it fails to parse, which may
/// be this line or the next one.
bool tab_indentation_near(std::string_view text, std::size_t line) {
  return indented_with_tab(line_of(text, line)) ||
         (line > 0 && indented_with_tab(line_of(text, line - 1)));
}

bool starts_with(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

struct Hint {
  std::string_view message;  ///< a yaml-cpp ErrorMsg string, or its fixed prefix
  std::string_view hint;
};

/// Hints for messages that have one likely cause, whatever the text around them.
constexpr std::array<Hint, 14> kHints{{
    {"illegal map value",
     "a plain value cannot hold ': ' (a colon and a space), and a nested map starts on its own "
     "line; put the value in quotes, e.g. note: \"see: below\""},
    {"illegal EOF in scalar",
     "a quoted string is not closed: add the closing quote (inside '...' write '' for a quote, "
     "inside \"...\" write \\\")"},
    {"illegal flow end",
     "a ']' or '}' here closes nothing; remove it, or put the value that holds it in quotes"},
    {"unknown escape character",
     "inside double quotes '\\' starts an escape such as \\n; write \\\\ for a backslash, or use "
     "single quotes, which have no escapes"},
    {"invalid unicode",
     "a \\u or \\U escape must name a valid character, e.g. \\u00e9"},
    {"bad character found while scanning hex number",
     "\\x, \\u and \\U escapes take 2, 4 and 8 hexadecimal digits"},
    {"unknown token",
     "'@' and '`' are reserved in YAML and cannot start a plain value; put the value in quotes"},
    {"end of map not found",
     "the indentation does not line up: the keys of one map start in the same column, and a "
     "value that holds ': ' needs quotes"},
    {"end of sequence not found",
     "the indentation does not line up: the '- ' items of one list start in the same column"},
    {"illegal block entry",
     "a '- ' list item stands where a key was expected: indent the list under its key, or quote "
     "a value that starts with '- '"},
    {"illegal map key",
     "a key stands where none can start: check this line's indentation against the lines above"},
    {"illegal document indicator in scalar",
     "'---' or '...' at the start of a line ends the document; indent the text or quote it"},
    {"unexpected character in block scalar",
     "after '|' or '>' only an indentation number, '+' or '-' may follow on the same line; the "
     "text starts on the next line, indented"},
    {"illegal character in scalar",
     "this value holds a character YAML does not allow there; put the value in quotes"},
}};

/// True when `row` opens more '{' and '[' than it closes before `column`: a ':' there is inside a
/// flow collection begun on the same line, not on a line after an unclosed one.
bool inside_flow_on_line(std::string_view row, std::size_t column) {
  int depth = 0;
  for (std::size_t i = 0; i < column && i < row.size(); ++i) {
    if (row[i] == '{' || row[i] == '[') ++depth;
    if ((row[i] == '}' || row[i] == ']') && depth > 0) --depth;
  }
  return depth > 0;
}

std::string flow_not_closed(std::string_view row, std::size_t column, char open, char close) {
  if (column < row.size() && row[column] == ':' && inside_flow_on_line(row, column)) {
    return std::string(kColonInFlowHint);
  }
  return std::string("a '") + open + "' is not closed: add the matching '" + close +
         "', and quote any value that holds ',', ':' or '" + close + "'";
}

}  // namespace

std::string yaml_syntax_hint(std::string_view message, std::string_view text, std::size_t line,
                             std::size_t column) {
  if (starts_with(message, "illegal tab when looking for indentation") ||
      tab_indentation_near(text, line)) {
    return std::string(kTabHint);
  }
  const std::string_view row = line_of(text, line);
  if (starts_with(message, "end of map flow not found")) {
    return flow_not_closed(row, column, '{', '}');
  }
  if (starts_with(message, "end of sequence flow not found")) {
    return flow_not_closed(row, column, '[', ']');
  }
  for (const Hint& known : kHints) {
    if (starts_with(message, known.message)) return std::string(known.hint);
  }
  return "check the YAML at this position: indent with spaces, line up the keys of one map, and "
         "quote a value that holds ': ' or ' #' or starts with a character such as '[', '{', "
         "'&', '*', '!', '|', '>', '%' or '@'";
}

}  // namespace scarwise::internal
