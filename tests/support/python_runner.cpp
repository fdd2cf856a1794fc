#include "support/python_runner.h"

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <fstream>
#include <sstream>

#include "support/temp_dir.h"

namespace test {

namespace {
std::string quote(const std::string& s) {
  std::string out = "'";
  for (const char c : s) {
    if (c == '\'') {
      out += "'\\''";
    } else {
      out += c;
    }
  }
  return out + "'";
}
}  // namespace

PythonResult run_python(const std::string& script, const std::vector<std::string>& args) {
  TempDir dir;
  const auto path = dir.write("check.py", script);
  std::string cmd = "/usr/bin/python3 " + quote(path.string());
  for (const auto& a : args) cmd += " " + quote(a);
  PythonResult result;
  FILE* pipe = ::popen(cmd.c_str(), "r");
  if (pipe == nullptr) return result;
  std::array<char, 4096> buf{};
  std::size_t n = 0;
  while ((n = std::fread(buf.data(), 1, buf.size(), pipe)) > 0) result.out.append(buf.data(), n);
  const int status = ::pclose(pipe);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

std::vector<std::pair<std::string, std::string>> key_values(const std::string& out) {
  std::vector<std::pair<std::string, std::string>> kv;
  std::istringstream in(out);
  std::string line;
  while (std::getline(in, line)) {
    const auto eq = line.find('=');
    if (eq != std::string::npos) kv.emplace_back(line.substr(0, eq), line.substr(eq + 1));
  }
  return kv;
}

std::string value_of(const std::string& out, const std::string& key) {
  std::string found;
  for (const auto& [k, v] : key_values(out)) {
    if (k == key) found = v;
  }
  return found;
}

}  // namespace test
