#include "cli/plan_command.h"

#include <algorithm>
#include <cstdio>

#include "calendar/calendar_words.h"
#include "cli/config/monitorings.h"
#include "cli/phases/exit_codes.h"

namespace cli {

namespace {

struct PlanLine {
  calendar::Date day;
  std::size_t order;  // monitoring order, then step order
  std::string text;
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
  std::vector<PlanLine> lines;
  for (std::size_t i = 0; i < monitorings.size(); ++i) {
    const auto& m = monitorings[i];
    const auto label = monitoring_label(m.config, m.definition.definition);
    for (const auto& step : calendar::scheduled_steps(m.timetable, *from, *to)) {
      lines.push_back({step.due, i * 100 + static_cast<std::size_t>(step.step), label + ": " + calendar::step_text(step)});
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
