// metodmon: the one main(). Everything else lives in the stage libraries.
#include <malloc.h>

#include <algorithm>
#include <cstdlib>
#include <thread>

#include "cli/app.h"

int main(int argc, char** argv) {
  // While TZ is unset glibc looks at /etc/localtime again on every
  // localtime()/mktime(), and libzip converts the date of every entry of
  // every form it opens: a dozen stat calls per form. Naming the same zone
  // file once (":" = a file, as when TZ is unset) keeps the time zone and
  // makes those calls free.
  ::setenv("TZ", ":/etc/localtime", 0);
  // Each part of every workbook gets a fresh deflate state, freed when the
  // part is zipped; with glibc's default trim threshold that memory went
  // back to the kernel at once and the next part faulted it in again, zeroed
  // (a large share of a run's system time). Freed memory up to 64 MB stays
  // with the process instead; the peak is what it was.
  ::mallopt(M_TRIM_THRESHOLD, 64 << 20);
  // glibc gives threads up to eight allocator arenas per core; memory freed
  // in one arena serves only the threads that use it. The forms are read by
  // a pool of threads and the directors' workbooks written by another while
  // the main thread writes the results workbook: with an arena per core (at
  // least two: the main thread's and one shared) the writing thread reuses
  // what the readers freed instead of growing an arena of its own. 10,000
  // forms on 2 cores: 199 → 193 MB peak, the same time. MALLOC_ARENA_MAX, when
  // set, is left to decide.
  if (std::getenv("MALLOC_ARENA_MAX") == nullptr) {
    ::mallopt(M_ARENA_MAX, static_cast<int>(std::max(2u, std::thread::hardware_concurrency())));
  }
  return cli::run_app(argc, argv);
}
