#include "support/metodmon_binary.h"

#include <sys/wait.h>

#include <cstdio>

namespace test {

int run_metodmon(const std::string& args, std::string* output) {
  const std::string cmd = std::string(METODMON_BINARY) + " " + args + " 2>&1";
  FILE* pipe = ::popen(cmd.c_str(), "r");
  if (pipe == nullptr) return -1;
  char buf[4096];
  std::string text;
  for (std::size_t n; (n = std::fread(buf, 1, sizeof buf, pipe)) > 0;) text.append(buf, n);
  const int status = ::pclose(pipe);
  if (output != nullptr) *output = text;
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

}  // namespace test
