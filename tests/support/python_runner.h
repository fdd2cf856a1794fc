// Runs Debian's /usr/bin/python3 (which has openpyxl and aiosmtpd) on a
// script given as text, with arguments; returns its exit code and stdout.
// Used to check our workbooks with an independent reader.
#pragma once

#include <string>
#include <vector>

namespace test {

struct PythonResult {
  int exit_code = -1;
  std::string out;  // stdout; stderr is passed through to the test log
};

PythonResult run_python(const std::string& script, const std::vector<std::string>& args = {});

// Lines "key=value" of `out` as a map (later keys win).
std::vector<std::pair<std::string, std::string>> key_values(const std::string& out);
std::string value_of(const std::string& out, const std::string& key);

}  // namespace test
