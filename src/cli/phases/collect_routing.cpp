#include "cli/phases/collect_routing.h"

#include <map>

#include "ingest/form_reader.h"
#include "ingest/workbook.h"
#include "model/form_layout.h"
#include "util/atomic_file.h"

namespace cli {

namespace fs = std::filesystem;

std::function<fs::path(const collect::MailPart&)> monitoring_router(const Config& config,
                                                                    const std::vector<CalendarMonitoring>& monitorings) {
  if (config.monitorings.size() <= 1) return nullptr;
  std::map<std::string, fs::path> inbox_of;  // definition id -> inbox
  for (const auto& m : monitorings) inbox_of.emplace(m.definition.definition.id, m.config.inbox);
  const auto common = config.inbox;
  const auto scratch = config.state / "collect-routing.tmp";
  const auto limits = config.limits;
  return [inbox_of, common, scratch, limits](const collect::MailPart& part) {
    // The reader takes a file: the attachment is put aside for a moment.
    std::error_code ec;
    fs::create_directories(scratch.parent_path(), ec);
    if (!util::write_file_atomic(scratch, part.bytes)) return common;
    const auto book = ingest::read_workbook(scratch, limits);
    fs::remove(scratch, ec);
    if (!book) return common;
    const auto meta = ingest::form_meta(*book);
    const auto id = meta.find(std::string(model::form::k_key_definition_id));
    if (id == meta.end()) return common;
    const auto inbox = inbox_of.find(id->second);
    return inbox == inbox_of.end() ? common : inbox->second;
  };
}

}  // namespace cli
