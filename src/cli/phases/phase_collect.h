// The collect phase as commands use it: [collect] mailbox -> forms in the
// inbox, answers through the outbox, a Russian account of what happened.
//
// `metodmon collect -c CONFIG` is collect_command(); `daily` composes
// phase_collect() inside its own run lock, before reading the inbox:
//
//   auto session = RunSession::open(config);                  // the caller's lock
//   const auto collected = cli::phase_collect(config, {.now = today});
//   if (!options.quiet) cli::print_collect_summary(config, collected);
//   ... read the inbox (phase_read) ...
//
// Who is trusted (cli/phases/collect_routing.h): a form counts for a school
// only when its letter came from an address the registry gives that school
// or from the methodist's own; anything else is held apart in
// <state>/held/ and listed — with sender, the school the form names and the
// date — on the console and in a letter to the methodist, with the
// `metodmon accept` command that takes it in. Letters from addresses in no
// registry are listed there too and never answered.
// Answers (letters without a form, winmail.dat, too large) go to registered
// senders only, into the outbox under the period "collect"
// (<outbox>/collect/), and are sent at once when [mail] is enabled and not a
// dry run; unsent ones stay there for `metodmon send --period collect`. With
// [mail] off nobody is answered. Saved files are named after the school (id
// and short name from the registry, matched by its addresses) when the
// sender is in the registry, else after the sender's address. What comes
// from a letter (From, Subject) is printed with its control characters
// escaped (util::console_text).
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>

#include "cli/config/config.h"
#include "cli/config/monitorings.h"
#include "collect/collector.h"

namespace cli {

inline constexpr const char* k_collect_outbox_period = "collect";

struct CollectPhaseOptions {
  std::int64_t now = 0;  // 0: the clock
  // One mailbox for several monitorings: the loaded monitorings, whose
  // inboxes the forms go to by their method (null or empty: config.inbox).
  const std::vector<CalendarMonitoring>* monitorings = nullptr;
};

struct CollectPhaseResult {
  collect::CollectResult mailbox;  // what was fetched, saved, answered, marked
  int files_saved = 0;             // new files in the inbox
  int files_known = 0;             // found saved by an earlier run
  int letters_failed = 0;          // left unmarked for the next run
  int replies_sent = 0;
  int replies_unsent = 0;          // in the outbox, not sent: the mail server failed
  int replies_dry_run = 0;         // in the outbox only: [mail] dry_run = true
  int files_held = 0;              // new forms held apart (not in any inbox)
  // The methodist's letter about held forms and strangers' letters
  // (letters/collect_notice.h); its failure counts in replies_unsent.
  enum class Notice { none, sent, written, unsent } notice = Notice::none;
  // 0 all done; 3 some answers unsent; 1 the mailbox could not be read or
  // some letter could not be saved (exit_codes.h).
  int exit_code = 0;
};

// Does nothing (exit_code 0, empty result) when [collect] is not enabled.
// The caller holds the run lock (RunSession).
CollectPhaseResult phase_collect(const Config& config, const CollectPhaseOptions& options = {});

// Prints, in Russian, each letter with its verdict and files, then totals.
void print_collect_summary(const Config& config, const CollectPhaseResult& result);

// `metodmon collect`: session (lock), phase, summary; returns the exit code.
int collect_command(const Config& config, bool quiet);

}  // namespace cli
