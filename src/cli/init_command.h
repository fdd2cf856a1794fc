// `metodmon init DIR --municipality "…" --method demo|krymsk|balakhta|lk_roadmap|FILE`:
// a new deployment that works as written. In DIR: metodmon.toml (every key
// explained in Russian), schools.csv (the header and one example row), a
// copy of the method with the municipality's name; in DIR (or --data): the
// folders inbox/, out/ and state/. Prints the next three steps. Refuses to
// replace an existing file unless --force; writes nothing when it refuses.
//
//   metodmon init /etc/metodmon --data /var/lib/metodmon --municipality "Крымский район" --method krymsk
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace cli {

struct InitOptions {
  std::filesystem::path dir;           // configuration, registry and method
  std::filesystem::path data;          // inbox/, out/, state/; empty: dir
  std::string municipality;
  std::string method;                  // a shipped method's name or a file
  bool force = false;                  // replace files that are there
};

int init_command(const InitOptions& options);

// Where the shipped methods are: <program>/../share/metodmon/templates when
// installed, else the source tree's templates/ (a build folder's program).
std::filesystem::path shipped_methods_folder();

// Names of the shipped methods ("balakhta", "demo", "krymsk", "lk_roadmap"):
// the *.toml files of shipped_methods_folder(), sorted.
std::vector<std::string> shipped_method_names();

// The registry row init writes as an example; `check -c` says it is still there.
inline constexpr const char* k_example_school_email = "director@school1.example";

}  // namespace cli
