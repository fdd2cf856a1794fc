// metodmon: the one main(). Everything else lives in the stage libraries.
#include "cli/app.h"

int main(int argc, char** argv) { return cli::run_app(argc, argv); }
