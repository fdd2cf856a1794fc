// metodmon: the one main(). Everything else lives in the stage libraries.
#include <cstdlib>

#include "cli/app.h"

int main(int argc, char** argv) {
  // While TZ is unset glibc looks at /etc/localtime again on every
  // localtime()/mktime(), and libzip converts the date of every entry of
  // every form it opens: a dozen stat calls per form. Naming the same zone
  // file once (":" = a file, as when TZ is unset) keeps the time zone and
  // makes those calls free.
  ::setenv("TZ", ":/etc/localtime", 0);
  return cli::run_app(argc, argv);
}
