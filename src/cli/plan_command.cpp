#include "cli/plan_command.h"

#include <algorithm>
#include <cstdio>
#include <map>

#include "calendar/calendar_words.h"
#include "cli/config/monitorings.h"
#include "cli/phases/exit_codes.h"
#include "cli/phases/phase_calendar.h"
#include "cli/config/run_inputs.h"
#include "store/history_store.h"

namespace cli {

namespace {

struct PlanLine {
  calendar::Date day;
  std::size_t order;  // monitoring order, then step order
  std::string text;
};

// What the calendar knows of a monitoring's cycles: the steps done or said,
// from the history when there is one (read only), then as the plan lives
// its days.
class KnownState {
 public:
  KnownState(store::HistoryStore* history, const std::string& monitoring) : m_history(history) {
    if (m_history != nullptr) m_history->set_monitoring(monitoring);
  }

  // The first day the calendar ran for the monitoring; nullopt when it never did.
  std::optional<calendar::Date> start() const {
    if (m_history == nullptr) return std::nullopt;
    const auto first = m_history->first_calendar_day();
    return first && *first ? calendar::parse_date(**first) : std::nullopt;
  }

  calendar::CycleState& of(const calendar::Cycle& c) {
    const auto it = m_cycles.find(c.period.id);
    if (it != m_cycles.end()) return it->second;
    calendar::CycleState s;
    if (m_history != nullptr) {
      if (const auto steps = m_history->steps_of(c.period.id)) {
        for (const auto& step : *steps) {
          s.done.insert(step.step);
          if (step.step == "open" && step.status == "done") s.opened_on = calendar::parse_date(step.done);
        }
      }
    }
    return m_cycles.emplace(c.period.id, std::move(s)).first->second;
  }

 private:
  store::HistoryStore* m_history;
  std::map<std::string, calendar::CycleState> m_cycles;
};

}  // namespace

int plan_command(const Config& config, const PlanOptions& options) {
  const auto today = calendar::resolve_today(options.today);
  if (!today) return k_exit_usage;
  const auto from = options.from.empty() ? today : calendar::parse_date(options.from);
  const auto to = options.to.empty() && from ? std::optional(*from + std::chrono::days{365}) : calendar::parse_date(options.to);
  if (!from || !to) {
    std::fprintf(stderr, "ошибка: неверная дата «%s»: ожидается ГГГГ-ММ-ДД, например 2026-09-01\n",
                 (!from ? options.from : options.to).c_str());
    return k_exit_usage;
  }
  if (*to < *from) {
    std::fprintf(stderr, "ошибка: дата --to (%s) раньше даты --from (%s)\n", calendar::date_text(*to).c_str(),
                 calendar::date_text(*from).c_str());
    return k_exit_usage;
  }
  bool all_loaded = true;
  const auto monitorings = load_calendar(config, options.monitoring, all_loaded);
  if (monitorings.empty() && !all_loaded) return k_exit_failure;
  // The history, if the calendar ever ran: what is done already is not planned again.
  std::optional<store::HistoryStore> history;
  std::error_code ec;
  if (const auto file = config.state / "history.sqlite"; std::filesystem::exists(file, ec)) {
    auto opened = store::HistoryStore::open(file);
    if (!opened) {
      print_diagnostics({opened.error()});
      return k_exit_failure;
    }
    history.emplace(std::move(*opened));
  }
  std::vector<PlanLine> lines;
  for (std::size_t i = 0; i < monitorings.size(); ++i) {
    const auto& m = monitorings[i];
    const auto label = monitoring_label(m.config, m.definition.definition);
    // Days before today: the calendar as set. From today on: what `daily`
    // will do, day by day, given what it has done (a fresh deployment sends
    // the forms on its first day, not the reminder the calendar set for it).
    for (const auto& step : calendar::scheduled_steps(m.timetable, *from, *to)) {
      if (step.step != calendar::Step::deadline && step.due >= *today) continue;
      lines.push_back({step.due, i * 100 + static_cast<std::size_t>(step.step), label + ": " + calendar::step_text(step)});
    }
    if (*to < *today) continue;
    KnownState known(history ? &*history : nullptr, m.config.monitoring_id);
    const auto start = known.start();
    for (auto d = *today; d <= *to; d += std::chrono::days{1}) {
      auto a = calendar::agenda(m.timetable, d, start.value_or(*today), [&](const calendar::Cycle& c) {
        return known.of(c);
      });
      drop_unheld_periods(a, m.definition.definition, start.value_or(*today));
      for (const auto& missed : a.missed) {
        known.of(missed.cycle).done.insert(missed.key);
        if (d >= *from) {
          lines.push_back({d, i * 100 + static_cast<std::size_t>(missed.step),
                           label + ": " + calendar::missed_text(missed)});
        }
      }
      for (const auto& task : a.tasks) {
        if (task.step == calendar::Step::revise) continue;  // offered every such day: the footer says so
        auto& s = known.of(task.cycle);
        s.done.insert(task.key);
        if (task.step == calendar::Step::open) s.opened_on = d;
        if (d >= *from) {
          lines.push_back({d, i * 100 + static_cast<std::size_t>(task.step),
                           label + ": " + calendar::step_text(task) + calendar::late_text(task, d)});
        }
      }
    }
  }
  std::stable_sort(lines.begin(), lines.end(), [](const PlanLine& a, const PlanLine& b) {
    return a.day != b.day ? a.day < b.day : a.order < b.order;
  });
  std::printf("Календарь мониторингов (%s) с %s по %s:\n", config.file.filename().string().c_str(),
              calendar::date_text(*from).c_str(), calendar::date_text(*to).c_str());
  // Days a short month does not have: what they mean, before the days that show it.
  for (const auto& m : monitorings) {
    for (const auto& note : calendar::clamped_day_notes(m.timetable)) {
      std::printf("  %s: %s\n", monitoring_label(m.config, m.definition.definition).c_str(), note.c_str());
    }
  }
  std::optional<calendar::Date> shown;
  for (const auto& line : lines) {
    if (line.day != shown) {
      std::printf("\n%s, %s\n", calendar::date_text(line.day).c_str(), calendar::weekday_text(line.day).c_str());
      shown = line.day;
    }
    std::printf("  %s\n", line.text.c_str());
  }
  if (lines.empty()) std::printf("\nВ эти дни по календарю ничего не запланировано.\n");
  std::printf("\nВ остальные дни ежедневный запуск (metodmon daily) только проверяет, не пришли ли поздние или "
              "исправленные формы после подведения итогов.\n");
  return all_loaded ? k_exit_ok : k_exit_failure;
}

}  // namespace cli
