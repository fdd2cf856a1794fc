// Where a form collected from the mailbox goes (collect::CollectOptions::place).
//
// A metodmon form says in its hidden sheet _meta which method it belongs to
// (definition_id) and which school filled it (school_id). The form goes to
// the inbox of the monitoring with that definition (one mailbox serving
// several monitorings). A questionnaire export goes to the monitoring whose
// [[survey]] its header row answers (survey::recognise_survey). Anything else
// — another workbook, an export no monitoring's survey recognises, a form of
// a method no monitoring uses — goes to the common inbox ([paths] inbox) for
// the methodist to look at.
//
// It counts only when the letter's From may speak for the school the form
// names (collect/sender_trust.h: an address the registry gives that school,
// or the methodist's own); an export names no one school, so it counts from
// a registered school's address or the methodist's. Otherwise it is held
// apart in <state>/held/, the inbox it would go to kept with it for
// `metodmon accept`.
//
//   const auto senders = cli::trusted_senders(config);
//   options.place = cli::collect_placement(config, monitorings, senders);
#pragma once

#include <filesystem>
#include <functional>
#include <memory>
#include <vector>

#include "cli/config/config.h"
#include "cli/config/monitorings.h"
#include "collect/collector.h"
#include "collect/sender_trust.h"

namespace cli {

// The folder of held forms: <state>/held.
std::filesystem::path held_folder(const Config& config);

// The addresses that may speak for each school: every monitoring's registry
// (School::email and School::senders), and the methodist's own ([mail]
// methodist and from, [collect] methodist_addresses). A registry that cannot
// be read adds no school (its forms are then held: said in the log).
std::shared_ptr<const collect::TrustedSenders> trusted_senders(const Config& config);

// The placement of one attachment: its inbox (by its method when several
// monitorings share the mailbox; `monitorings` may be empty for a single
// one) and whether it is held apart.
std::function<collect::Placement(const collect::MailPart&, const mail::MailAddress&)> collect_placement(
    const Config& config, const std::vector<CalendarMonitoring>& monitorings,
    std::shared_ptr<const collect::TrustedSenders> senders);

}  // namespace cli
