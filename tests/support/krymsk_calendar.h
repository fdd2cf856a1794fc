// A small Krymsk calendar deployment for the calendar commands' tests
// (daily, open, status, plan): two of the eight monitorings of
// scripts/samples/krymsk_system.toml — m8 (August, deadline the 25th,
// results the 26th) and m1 (September) — with its [calendar] (forms the 1st,
// deadline the 20th, reminders 5 and 1 days before and 3 after, results the
// 21st), over four schools of the Krymsk registry: kr01, kr02, kr04 with
// e-mails and kr05 without one. Paths under the test's folder: inbox/<id>,
// out/<id>, state.
//
//   const auto config = test::write_krymsk_calendar(dir, test::k_krymsk_dry_run_mail);
//   test::metodmon("daily -q -c " + test::shell_quote(config.string()) + " --today 2026-09-01");
#pragma once

#include <filesystem>
#include <string>

#include "support/temp_dir.h"

namespace test {

inline constexpr const char* k_krymsk_methodist = "metodist@krymsk-edu.example";

// [mail] writing letters to the outbox only.
inline constexpr const char* k_krymsk_dry_run_mail =
    "[mail]\nenabled = true\ndry_run = true\nfrom = \"imc@krymsk-edu.example\"\n"
    "methodist = \"metodist@krymsk-edu.example\"\nsend_errors_to_schools = true\n";

// [mail] through a loopback SMTP server on `port`, no retries.
std::string krymsk_smtp_mail(int port);

// Writes <dir>/krymsk.toml with `mail` as its [mail] section (may be empty)
// and `m1_lines` added to m1's table (its own schedule keys); returns its path.
std::filesystem::path write_krymsk_calendar(const TempDir& dir, const std::string& mail,
                                            const std::string& m1_lines = "");

// templates/krymsk/<file>.
std::filesystem::path krymsk_definition(const std::string& file);

// The whole Krymsk system as scripts/samples/krymsk_system.toml configures it
// (nine monitorings: m7, m6, m5, m4, m8, m1, m2, m3 and the yearly rubric
// `year`), with the test's folders (inbox/<id>, out/<id>, state), forms
// settled at once, eleven schools (kr01..kr11; kr05 without an e-mail) and
// `mail` (with any [collect]) instead of the sample's [mail]. Returns
// <dir>/krymsk_system.toml.
std::filesystem::path write_krymsk_system(const TempDir& dir, const std::string& mail);

}  // namespace test
