// Reading workbooks back with openpyxl (Debian's python3-openpyxl, always via
// /usr/bin/python3), so report tests check what a user's spreadsheet program
// sees rather than what we meant to write.
//
//   const auto out = test::openpyxl_eval(path, "ws = wb['Сводка']\nprint(ws['B7'].value)");
//   EXPECT_EQ(out, "0.8\n");
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace test {

struct ProcessResult {
  int exit_code = -1;
  std::string out;  // stdout and stderr, merged
};

// Runs `command` through the shell (popen) and collects its output.
ProcessResult run_command(const std::string& command);

// Quotes `text` for a POSIX shell: 'text' with embedded ' escaped.
std::string shell_quote(std::string_view text);

// Runs /usr/bin/python3 on `script` (written to a temporary file) with
// `args` as sys.argv[1:].
ProcessResult run_python(std::string_view script, const std::vector<std::string>& args = {});

// Loads `xlsx` with openpyxl as `wb` (path also in `path`, and `zipfile`
// imported), runs `body` and returns its stdout. A Python failure is a
// test failure (ADD_FAILURE with the traceback) and returns "".
std::string openpyxl_eval(const std::filesystem::path& xlsx, std::string_view body);

// Loads `docx_file` with python-docx (Debian's python3-docx) as `doc` (path
// also in `path`, `zipfile` imported), runs `body` and returns its stdout; a
// Python failure is a test failure and returns "".
std::string docx_eval(const std::filesystem::path& docx_file, std::string_view body);

// The same for any file: `prelude` (Python) runs after `path` is set, then `body`.
std::string python_eval(std::string_view prelude, const std::filesystem::path& file, std::string_view body);

// Splits text into lines (no trailing empty line).
std::vector<std::string> split_lines(std::string_view text);

}  // namespace test
