#include "cli/status_command.h"

#include <array>
#include <cstdio>

#include "calendar/calendar_words.h"
#include "cli/config/monitorings.h"
#include "cli/config/run_inputs.h"
#include "cli/phases/exit_codes.h"
#include "cli/phases/phase_read.h"
#include "cli/phases/submission_log.h"
#include "cli/text_table.h"
#include "report/returns_sheet.h"
#include "store/history_store.h"

namespace cli {

namespace {

std::string or_dash(const std::string& text) { return text.empty() ? "—" : text; }

// One monitoring's cycle; false when it could not be shown (printed).
bool show_monitoring(const CalendarMonitoring& m, store::HistoryStore& history, const StatusOptions& options,
                     calendar::Date today) {
  const auto label = monitoring_label(m.config, m.definition.definition);
  const auto cycle = options.period.empty() ? std::optional(calendar::cycle_at(m.timetable, today))
                                            : calendar::cycle_for_period(m.timetable, options.period, today);
  if (!cycle) {
    std::fprintf(stderr, "ошибка: %s: по календарю нет сбора данных за период «%s» (см. metodmon plan)\n",
                 label.c_str(), options.period.c_str());
    return false;
  }
  auto config = m.config;
  config.period = cycle->period.id;
  const auto inputs = load_run_inputs(config);
  if (!inputs) return false;
  history.set_monitoring(config.monitoring_id);
  const auto read = read_inbox(config, inputs->definition.definition, inputs->registry.registry, inputs->period);
  if (read.inbox_error) print_diagnostics({*read.inbox_error});
  if (auto r = record_read(history, cycle->period.id, read.files, today); !r) print_diagnostics({r.error()});
  const auto log = submission_log(history, inputs->registry.registry, *cycle);
  if (!log) {
    print_diagnostics({log.error()});
    return false;
  }
  std::array<int, 4> counts{};
  int corrected = 0;
  std::vector<std::vector<std::string>> rows;
  for (const auto& s : log->schools) {
    ++counts[static_cast<std::size_t>(s.state)];
    corrected += s.state == model::ReturnState::accepted && s.corrected_late != 0;
    rows.push_back({s.school_id + " " + s.school_name, or_dash(report::sent_letters_text(s.forms_out)),
                    report::received_files_text(s.files), or_dash(report::sent_letters_text(s.reminders)),
                    report::return_state_text(s)});
  }
  std::printf("\n%s — форма за %s\n", label.c_str(), model::display_name(cycle->period).c_str());
  std::printf("  формы %s; срок сдачи — %s; итоги — %s\n",
              log->opened.empty() ? "программой не рассылались"
                                  : ("разосланы " + calendar::date_text(*calendar::parse_date(log->opened))).c_str(),
              calendar::date_text(cycle->deadline).c_str(), calendar::date_text(cycle->results).c_str());
  const auto corrected_text =
      corrected > 0 ? " (из них исправлена после срока: " + std::to_string(corrected) + ")" : std::string();
  std::printf("  школ: %zu; принята в срок: %d%s; прислана после срока: %d; отклонена: %d; не прислана: %d\n\n",
              log->schools.size(), counts[0], corrected_text.c_str(), counts[1], counts[2], counts[3]);
  // Multi-line cells (several files, several reminders) become lines of their own.
  std::vector<std::vector<std::string>> lines;
  for (const auto& row : rows) {
    std::vector<std::vector<std::string>> parts(row.size());
    std::size_t height = 1;
    for (std::size_t c = 0; c < row.size(); ++c) {
      std::size_t from = 0;
      for (std::size_t at; (at = row[c].find('\n', from)) != std::string::npos; from = at + 1) {
        parts[c].push_back(row[c].substr(from, at - from));
      }
      parts[c].push_back(row[c].substr(from));
      height = std::max(height, parts[c].size());
    }
    for (std::size_t i = 0; i < height; ++i) {
      std::vector<std::string> line;
      for (const auto& p : parts) line.push_back(i < p.size() ? p[i] : "");
      lines.push_back(std::move(line));
    }
  }
  std::fputs(format_table({{"школа"}, {"форма разослана"}, {"получено: когда, файл, итог"}, {"напоминания и ответы"},
                           {"состояние"}},
                          lines)
                 .c_str(),
             stdout);
  return true;
}

}  // namespace

int status_command(const Config& config, const StatusOptions& options) {
  const auto today = calendar::resolve_today(options.today);
  if (!today) return k_exit_usage;
  bool all_loaded = true;
  const auto monitorings = load_calendar(config, options.monitoring, all_loaded);
  if (monitorings.empty()) return k_exit_failure;
  // No run lock: status only reads the calendar's state (and notes the files
  // it sees, as a run would), so the methodist gets an answer while the
  // morning's daily run is still going; SQLite serialises the two writers.
  auto history = store::HistoryStore::open(config.state / "history.sqlite");
  if (!history) {
    print_diagnostics(std::vector{history.error()});
    return k_exit_failure;
  }
  std::printf("Сдача форм на %s (%s)\n", calendar::date_text(*today).c_str(), config.file.filename().string().c_str());
  for (const auto& m : monitorings) all_loaded = show_monitoring(m, *history, options, *today) && all_loaded;
  return all_loaded ? k_exit_ok : k_exit_failure;
}

}  // namespace cli
