#include "cli/app.h"

#include <cstdio>

namespace cli {

int run_app(int, char**) {
  std::puts("metodmon " METODMON_VERSION);
  return 0;
}

}  // namespace cli
