// The run configuration (metodmon.toml): where the definition, registry,
// inbox and outputs are, the form password, reader limits and mail settings.
// Relative paths are resolved against the configuration file's folder.
//
//   [monitoring]  definition = "../templates/demo.toml"  schools = "schools.csv"  period = "2026-11"
//   [paths]       inbox = "."  output = "../out"  state = "../state"
//   [forms]       password = "..."   (or password_env = "METODMON_FORM_PASSWORD";
//                 no_password = true: forms are protected by no password, on purpose)
//                 return_to = "imc@example.ru"  contact = "методист А.А. Иванова, 8 (86131) 0-00-00"
//   [inbox]       settle_seconds = 60
//   [limits]      max_file_mb = 50 ... max_export_mb = 100 (questionnaire exports)
//   [report]      max_school_sheets = 300
//   [archive]     folder = "../archive"            (default <state>/archive)
//   [mail]        enabled = true  dry_run = false  host = "smtp.example.ru"  port = 587
//                 security = "starttls"|"smtps"|"none"  username = "..."  password_env = "METODMON_SMTP_PASSWORD"
//                 password_file = "/etc/metodmon/smtp.pass" (mode 600)  from = "imc@example.ru"
//                 from_name = "МКУ ИМЦ"  methodist = "metodist@example.ru"  send_errors_to_schools = true
//                 retries = 3  backoff_ms = 1000  outbox = "../outbox" (default <state>/outbox)
//                 connect_timeout_ms = 30000  command_timeout_ms = 60000  letter_timeout_ms = 300000
//                 stop_after_failed_letters = 2  budget_seconds = 1800
//   [collect]     enabled = true  url = "imaps://imap.example.ru/INBOX" (or host, port, security =
//                 "imaps"|"starttls", folder)  username = "..."  password_env | password_file
//                 processed = "flag"|"move"  processed_folder = "Обработано"  ca_file = "..."
//                 connect_timeout_seconds = 30  timeout_seconds = 300  max_message_mb = 50
//                 methodist_addresses = ["metodist2@example.ru"] (besides [mail] methodist and
//                 from: addresses a form of any school counts from)
// Addresses ([mail] from, methodist) must pass model::is_valid_email.
//
// Derived paths follow the command line: state defaults to <output>/.metodmon,
// archive to <state>/archive and outbox to <state>/outbox, unless set in the
// file; derive_paths() recomputes them after --output/--state overrides.
// One monitoring of a list keeps them in a subfolder named by its id
// (<state>/outbox/m1); a list's state never follows a monitoring's output.
//   [documents]   font = "Times New Roman"  font_size = 14  line_spacing = 1.5
//                 letterhead = ["УПРАВЛЕНИЕ ОБРАЗОВАНИЯ", "..."]  place = "г. Крымск"
//                 basis = "приказ УО от 01.09.2025 № 100 «О проведении мониторинга …»"
//                 plan = "планом работы управления образования на 2025 год"
//                 methodical_service = "МКУ ИМЦ"  signatory = "Начальник управления образования"
//                 signatory_name = "Н.М. Василенко"  control = "заместителя начальника УО З.А. Резник"
//                 prepared_by = "методист МКУ ИМЦ А.А. Иванова"  deadline = "01.10.2025"
//                 issuer = ["УПРАВЛЕНИЕ ОБРАЗОВАНИЯ", "..."] (the приказ's letterhead; default letterhead)
//                 responsible = "Пацюк А.А., директору МКУ ИМЦ," (answers for the generated measures)
//   [[documents.measure]]  who = "Пацюк А.А., директору МКУ ИМЦ"  what = "обеспечить …"  deadline = "01.10.2025"
//   Every [documents] key is optional; empty persons and dates become highlighted placeholders.
//
// Several monitorings (a calendar deployment, cli/config/monitorings.h):
//   [paths]       inbox = "/srv/metodmon/inbox"  output = "/srv/metodmon/out"  state = "…"
//                 schools = "schools.csv"        (the registry every monitoring shares)
//   [calendar]    open_day = 1  deadline_day = 20  remind_before = [5, 1]  remind_after = [3]
//                 results_day = 21               (defaults of every monitoring)
//   [[monitoring]] id = "m1"  definition = "…/m1_deficits.toml"  (name = "профдефициты", schools, inbox = <inbox>/<id>,
//                 output = <output>/<id>, months and the days above: optional, its own)
// A single [monitoring] takes the schedule keys too; with none anywhere a
// monitoring follows its definition's [schedule], else the defaults of
// calendar/timetable.h.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "collect/collector.h"
#include "ingest/workbook_model.h"
#include "survey/export_file.h"
#include "mail/mailer.h"
#include "model/diagnostic.h"
#include "report/document_settings.h"

namespace cli {

// A monitoring's schedule keys as configured; unset ones come from
// [calendar], then the definition's [schedule], then the calendar defaults.
struct ScheduleSettings {
  std::optional<std::vector<int>> months;
  std::optional<int> open_day, deadline_day, results_day;
  std::optional<std::vector<int>> remind_before, remind_after;
  model::Location where;  // the monitoring's table, for a problem of the timetable as a whole
  // A key whose value is no day (results_day = 40, deadline_day = "20"), by
  // key: located errors that keep this monitoring — only this one — out of
  // the calendar (cli/config/monitorings.h). A [calendar] key's problem
  // belongs to every monitoring that takes the key from there.
  std::map<std::string, model::Diagnostic> problems = {};
};

// One monitoring of the deployment, its paths resolved.
struct MonitoringSettings {
  std::string id;  // "m1"; "" for the single [monitoring] of a configuration
  std::string name;  // a short name for messages ("ИОМ"); empty: the definition's title
  std::filesystem::path definition, schools, inbox, output;
  std::string period;  // only a single [monitoring] may fix one
  ScheduleSettings schedule;
  bool inbox_derived = false;      // inbox not configured: <[paths] inbox>/<id>
  model::Location definition_where;  // the line of `definition = …`, for a file that is not there
};

struct Config {
  std::filesystem::path file;        // the configuration file itself (may be empty)
  std::filesystem::path definition;  // monitoring definition (TOML)
  std::filesystem::path schools;     // registry CSV
  std::filesystem::path inbox;       // returned forms
  bool inbox_derived = false;        // a monitoring's <inbox>/<id>, not configured (made by its first form)
  model::Location definition_where;  // where the configuration names the definition
  std::filesystem::path output;      // <output>/<period>/...
  std::filesystem::path state;       // lock, history, logs, archive, outbox
  std::string period;                // "2026-11"; empty: the previous period by the calendar
  std::string form_password;         // protection password of generated forms
  std::string form_password_env;     // [forms] password_env: the variable named, set or not
  bool forms_without_password = false;  // [forms] no_password = true
  // What a blank form tells the school about returning it: [forms] return_to
  // (an address, or how to hand it in) and contact (whom to ask); empty:
  // from [mail] (the methodist's address, the sender's name).
  std::string form_return_to;
  std::string form_contact;
  int settle_seconds = 60;           // a file younger than this is left for the next run
  ingest::ReadLimits limits;
  survey::ExportLimits export_limits;  // questionnaire exports: [limits] max_export_mb
  std::size_t max_school_sheets = 300;
  std::filesystem::path archive;     // copies of accepted forms, <archive>/<period>/...
  // Mail: off unless [mail] enabled = true. dry_run writes .eml files only.
  bool mail_enabled = false;
  bool mail_dry_run = false;
  bool send_errors_to_schools = false;
  std::filesystem::path outbox;
  mail::MailConfig mail;
  // Answers from the mailbox: off unless [collect] enabled = true.
  ::collect::CollectSettings collect;  // "::": the member shares the namespace's name
  int mail_stop_after_failed_letters = 2;  // 0: never stop trying within a round
  int mail_budget_seconds = 1800;          // the whole mail phase; TimeoutStartSec of the unit is 2 h
  // The moment letters and the outbox journal are dated with (a calendar
  // command run for a given day: that day at 07:00); 0: the machine's clock.
  std::int64_t mail_clock = 0;
  // Which paths were set in the file or on the command line (not derived).
  bool state_set = false, archive_set = false, outbox_set = false;
  // The аналитическая справка and the draft приказ written beside the results workbook.
  report::DocumentSettings documents;
  // The monitoring the fields above describe ("" for a single [monitoring];
  // set by cli::select_monitoring for a list) and its schedule keys.
  std::string monitoring_id;
  std::string monitoring_name;
  ScheduleSettings schedule;
  // Every monitoring of the deployment (one, id "", for a single [monitoring]).
  std::vector<MonitoringSettings> monitorings;
  // A calendar deployment: [[monitoring]], [calendar] or schedule keys were
  // written (its results workbooks get the sheet «Сдача форм»).
  bool calendar = false;
};

// Fills the paths not set explicitly from the ones they derive from (above).
void derive_paths(Config& config);

// Loads and resolves a configuration file. Errors are located (file, line, key).
model::ExpectedAll<Config> load_config(const std::filesystem::path& file);

// The period a run covers when none is configured: the previous month (or
// half-year, or year, or school year) before `today` ("2026-11-23" -> "2026-10";
// a school year: the last one that ended, "2026-11-23" -> "2025-2026").
std::string default_period(const std::string& periodicity, int year, int month);

}  // namespace cli
