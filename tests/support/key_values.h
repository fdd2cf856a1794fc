// Reading "key=value" lines that check scripts (run with test::run_python
// from support/openpyxl_check.h) print, one fact per line.
#pragma once

#include <sstream>
#include <string>
#include <utility>
#include <vector>

namespace test {

inline std::vector<std::pair<std::string, std::string>> key_values(const std::string& out) {
  std::vector<std::pair<std::string, std::string>> kv;
  std::istringstream in(out);
  std::string line;
  while (std::getline(in, line)) {
    const auto eq = line.find('=');
    if (eq != std::string::npos) kv.emplace_back(line.substr(0, eq), line.substr(eq + 1));
  }
  return kv;
}

// The value of the last line "key=...", empty when there is none.
inline std::string value_of(const std::string& out, const std::string& key) {
  std::string found;
  for (const auto& [k, v] : key_values(out)) {
    if (k == key) found = v;
  }
  return found;
}

}  // namespace test
