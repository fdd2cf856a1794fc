// One mailbox for several monitorings: which monitoring's inbox a collected
// attachment goes to. A metodmon form says its method in the hidden sheet
// _meta (definition_id); the form goes to the inbox of the monitoring with
// that definition. Anything else — another workbook, a questionnaire export,
// a form of a method no monitoring uses — goes to the common inbox ([paths]
// inbox) for the methodist to look at.
#pragma once

#include <filesystem>
#include <functional>
#include <vector>

#include "cli/config/config.h"
#include "cli/config/monitorings.h"
#include "collect/mime_message.h"

namespace cli {

// Null for a configuration of one monitoring (everything goes to its inbox).
std::function<std::filesystem::path(const collect::MailPart&)> monitoring_router(
    const Config& config, const std::vector<CalendarMonitoring>& monitorings);

}  // namespace cli
