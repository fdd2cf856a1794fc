#include "support/openpyxl_check.h"

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <fstream>

namespace test {

namespace fs = std::filesystem;

std::string shell_quote(std::string_view text) {
  std::string out = "'";
  for (const char c : text) {
    if (c == '\'') {
      out += "'\\''";
    } else {
      out += c;
    }
  }
  return out + "'";
}

ProcessResult run_command(const std::string& command) {
  ProcessResult result;
  const std::string merged = command + " 2>&1";
  FILE* pipe = ::popen(merged.c_str(), "r");
  if (pipe == nullptr) return result;
  std::array<char, 4096> buf{};
  std::size_t n = 0;
  while ((n = std::fread(buf.data(), 1, buf.size(), pipe)) > 0) result.out.append(buf.data(), n);
  const int status = ::pclose(pipe);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

ProcessResult run_python(std::string_view script, const std::vector<std::string>& args) {
  static int counter = 0;
  const fs::path file = fs::temp_directory_path() /
                        ("metodmon-py-" + std::to_string(::getpid()) + "-" +
                         std::to_string(++counter) + ".py");
  {
    std::ofstream out(file, std::ios::binary);
    out << script;
  }
  std::string command = "/usr/bin/python3 " + shell_quote(file.string());
  for (const auto& a : args) command += " " + shell_quote(a);
  auto result = run_command(command);
  std::error_code ec;
  fs::remove(file, ec);
  return result;
}

std::string python_eval(std::string_view prelude, const fs::path& file, std::string_view body) {
  std::string script =
      "import sys, zipfile, warnings\n"
      "warnings.simplefilter('ignore')\n"
      "path = sys.argv[1]\n";
  script += prelude;
  script += "\n";
  script += body;
  script += "\n";
  const auto result = run_python(script, {file.string()});
  if (result.exit_code != 0) {
    ADD_FAILURE() << "python script failed (" << result.exit_code << "):\n" << result.out;
    return {};
  }
  return result.out;
}

std::string openpyxl_eval(const fs::path& xlsx, std::string_view body) {
  return python_eval("import openpyxl\nwb = openpyxl.load_workbook(path)", xlsx, body);
}

std::string docx_eval(const fs::path& docx_file, std::string_view body) {
  return python_eval("import docx\ndoc = docx.Document(path)", docx_file, body);
}

std::vector<std::string> split_lines(std::string_view text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start < text.size()) {
    const auto end = text.find('\n', start);
    if (end == std::string_view::npos) {
      out.emplace_back(text.substr(start));
      break;
    }
    out.emplace_back(text.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

}  // namespace test
