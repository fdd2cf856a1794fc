#include "cli/phases/collect_routing.h"

#include <spdlog/spdlog.h>

#include <map>
#include <memory>
#include <set>

#include "definition/registry_loader.h"
#include "ingest/form_reader.h"
#include "ingest/workbook.h"
#include "model/form_layout.h"
#include "survey/export_file.h"
#include "survey/export_reader.h"
#include "util/atomic_file.h"

namespace cli {

namespace fs = std::filesystem;

fs::path held_folder(const Config& config) { return config.state / "held"; }

std::shared_ptr<const collect::TrustedSenders> trusted_senders(const Config& config) {
  auto senders = std::make_shared<collect::TrustedSenders>();
  std::set<fs::path> registries{config.schools};
  for (const auto& m : config.monitorings) registries.insert(m.schools);
  for (const auto& file : registries) {
    if (file.empty()) continue;
    const auto loaded = definition::load_registry(file);
    if (!loaded) {
      spdlog::warn("collect: registry {} not readable: no school's form from it counts until it is fixed",
                   file.string());
      continue;
    }
    for (const auto& school : loaded->registry.schools) {
      senders->add_school(school.id, school.email);
      for (const auto& address : school.senders) senders->add_school(school.id, address);
    }
  }
  senders->add_methodist(config.mail.methodist);
  senders->add_methodist(config.mail.from.address);
  for (const auto& address : config.collect.methodist_addresses) senders->add_methodist(address);
  return senders;
}

std::function<collect::Placement(const collect::MailPart&, const mail::MailAddress&)> collect_placement(
    const Config& config, const std::vector<CalendarMonitoring>& monitorings,
    std::shared_ptr<const collect::TrustedSenders> senders) {
  std::map<std::string, fs::path> inbox_of;  // definition id -> inbox
  // Questionnaire exports: whose header a monitoring's [[survey]] recognises.
  std::vector<std::pair<std::shared_ptr<const model::Definition>, fs::path>> surveys;
  for (const auto& m : monitorings) {
    if (config.monitorings.size() > 1) inbox_of.emplace(m.definition.definition.id, m.config.inbox);
    if (!m.definition.definition.surveys.empty()) {
      surveys.emplace_back(std::make_shared<const model::Definition>(m.definition.definition), m.config.inbox);
    }
  }
  const auto common = config.inbox;
  const auto held = held_folder(config);
  const auto scratch = config.state / "collect-routing.tmp";
  const auto limits = config.limits;
  const auto export_limits = config.export_limits;
  return [inbox_of, surveys, common, held, scratch, limits, export_limits, senders](
             const collect::MailPart& part, const mail::MailAddress& from) {
    collect::Placement place{common, common, {}, {}};
    // The reader takes a file: the attachment is put aside for a moment.
    std::error_code ec;
    fs::create_directories(scratch.parent_path(), ec);
    if (util::write_file_atomic(scratch, part.bytes)) {
      if (!surveys.empty() && survey::looks_like_export(scratch)) {
        const auto header = survey::export_header(scratch, export_limits);
        fs::remove(scratch, ec);
        if (header) {
          for (const auto& [definition, inbox] : surveys) {
            if (survey::recognise_survey(*header, *definition) != nullptr) {
              place.inbox = inbox;
              break;
            }
          }
        }
      } else {
        const auto book = ingest::read_workbook(scratch, limits);
        fs::remove(scratch, ec);
        if (book) {
          const auto meta = ingest::form_meta(*book);
          if (const auto school = meta.find(std::string(model::form::k_key_school_id)); school != meta.end()) {
            place.school = school->second;
          }
          if (const auto id = meta.find(std::string(model::form::k_key_definition_id)); id != meta.end()) {
            if (const auto inbox = inbox_of.find(id->second); inbox != inbox_of.end()) place.inbox = inbox->second;
          }
        }
      }
    }
    place.folder = place.inbox;
    if (auto why = senders->hold_reason(from.address, place.school)) {
      place.held = std::move(*why);
      place.folder = held;
    }
    return place;
  };
}

}  // namespace cli
