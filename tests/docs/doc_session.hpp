// A markdown document read as a terminal session that a test can replay, so that a tutorial's
// commands and outputs stay true.
//
// What the document says, and how this reads it:
//   <!-- file: PATH -->      on the line before a fenced block: the block's text is written to
//                            PATH (relative to the session's directory), replacing the file.
//   <!-- append: PATH -->    the same, added at the end of the file.
//   ```console               a block of commands: each line starting with "$ " is a command, and
//                            the lines after it, up to the next command or the fence, are what
//                            it prints (standard output and error together).
//   <!-- exit: N -->         on the line before a console block: its commands exit with N
//                            (0 when not given).
//   [...]                    in expected output: a line of its own matches any number of lines;
//                            inside a line, any run of characters on that line.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace scarwise_doc_test {

/// A step of the session, in document order.
struct Step {
  enum class Kind { write_file, append_file, command };
  Kind kind = Kind::command;
  std::size_t line = 0;               ///< 1-based line of the "$ " command or of the file marker
  std::string path;                   ///< files: where, relative to the session directory
  std::string text;                   ///< files: the content; command: the command line
  std::vector<std::string> expected;  ///< command: the output lines the document shows
  int exit_code = 0;                  ///< command: the exit status the document promises
  std::size_t output_begin = 0;  ///< command: 0-based index of the first output line in the doc
};

/// Reads the steps of a document; a malformed marker or an unclosed fence is reported in
/// `error` with its line, and no steps are returned.
std::vector<Step> read_session(const std::string& markdown, std::string& error);

/// True when `actual` (the lines printed) matches `expected` with its "[...]" elisions.
bool output_matches(const std::vector<std::string>& expected,
                    const std::vector<std::string>& actual);

/// The output to show instead of `expected` now that a command printed `actual`: the printed
/// lines, except that each stretch the document elided with a lone "[...]" stays elided, and
/// lines that still match keep their in-line elisions.
std::vector<std::string> updated_output(const std::vector<std::string>& expected,
                                        const std::vector<std::string>& actual);

/// The document with the expected output of the given commands replaced by what they printed
/// (through updated_output): `actual[i]` replaces the output of `steps[i]` where `replace[i]`.
std::string rewrite_outputs(const std::string& markdown, const std::vector<Step>& steps,
                            const std::vector<std::vector<std::string>>& actual,
                            const std::vector<bool>& replace);

/// Splits text into lines, without their line ends; a final line end adds no empty line.
std::vector<std::string> split_lines(const std::string& text);

}  // namespace scarwise_doc_test
