// Running the real metodmon binary in end-to-end tests.
#pragma once

#include <string>

namespace test {

// Runs `metodmon <args>` (args as a shell would split them), stdout and
// stderr together into *output when given; returns the exit code (-1 when it
// did not exit normally).
int run_metodmon(const std::string& args, std::string* output = nullptr);

}  // namespace test
