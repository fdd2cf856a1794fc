// `metodmon documents`: rebuilds a period's аналитическая справка and draft
// приказ (report/documents.h) from the history, without reading the inbox —
// after the configuration's [documents] section was filled in, or a
// signatory changed. It composes the run's phases: the files of the period's
// last finished run as the history recorded them, the accepted forms read
// again from the archive (phase_read), the results rebuilt from the stored
// values (phase_compute), the documents published (phase_publish). Returns an
// exit code: 0 written, 1 no run of the period in the history or a failure,
// 75 another run holds the lock.
#pragma once

#include "cli/config/config.h"

namespace cli {

int documents_command(const Config& config, bool quiet);

}  // namespace cli
