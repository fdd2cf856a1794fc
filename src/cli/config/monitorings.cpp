#include "cli/config/monitorings.h"

#include <cstdio>

#include "cli/config/run_inputs.h"

namespace cli {

Config monitoring_config(const Config& base, const MonitoringSettings& m) {
  if (m.id.empty()) return base;
  Config c = base;
  c.monitoring_id = m.id;
  c.monitoring_name = m.name;
  c.definition = m.definition;
  c.schools = m.schools;
  c.inbox = m.inbox;
  c.inbox_derived = m.inbox_derived;
  c.definition_where = m.definition_where;
  c.output = m.output;
  c.period = m.period;
  c.schedule = m.schedule;
  if (c.archive_set) c.archive = base.archive / m.id;
  if (c.outbox_set) c.outbox = base.outbox / m.id;
  derive_paths(c);  // the derived ones: <state>/archive/<id>, <state>/outbox/<id>
  return c;
}

std::optional<Config> select_monitoring(const Config& base, const std::string& id) {
  if (base.monitorings.size() == 1 && (id.empty() || id == base.monitorings[0].id)) {
    return monitoring_config(base, base.monitorings[0]);
  }
  std::string ids;
  for (const auto& m : base.monitorings) {
    if (!id.empty() && m.id == id) return monitoring_config(base, m);
    ids += (ids.empty() ? "" : ", ") + (m.id.empty() ? std::string("(без кода)") : m.id);
  }
  if (id.empty()) {
    std::fprintf(stderr, "ошибка: в конфигурации %s несколько мониторингов (%s): укажите один параметром --monitoring\n",
                 base.file.string().c_str(), ids.c_str());
  } else {
    std::fprintf(stderr, "ошибка: в конфигурации %s нет мониторинга «%s»; есть: %s\n", base.file.string().c_str(),
                 id.c_str(), ids.c_str());
  }
  return std::nullopt;
}

model::ExpectedAll<calendar::Timetable> timetable_for(const Config& config, const model::Definition& definition) {
  const auto& s = config.schedule;
  const auto& d = definition.schedule;
  if (!s.problems.empty()) {
    std::vector<model::Diagnostic> problems;
    for (const auto& [key, problem] : s.problems) problems.push_back(problem);
    return std::unexpected(problems);
  }
  calendar::Timetable t;
  t.periodicity = definition.periodicity;
  t.months = s.months ? *s.months : d ? d->months : calendar::default_months(definition.periodicity);
  t.open_day = s.open_day.value_or(d && d->open_day ? *d->open_day : calendar::k_default_open_day);
  t.deadline_day = s.deadline_day.value_or(d && d->deadline_day ? *d->deadline_day : calendar::k_default_deadline_day);
  t.results_day = s.results_day.value_or(0);  // 0: the day after the deadline
  t.previous_school_year = d && d->previous_school_year;
  if (s.remind_before) t.remind_before = *s.remind_before;
  if (s.remind_after) t.remind_after = *s.remind_after;
  // A default reminder that does not fit a short window is left out, not refused.
  if (!s.remind_before && t.deadline_day - t.open_day <= calendar::k_default_remind_before) t.remind_before.clear();
  std::vector<model::Diagnostic> problems;
  for (auto& text : calendar::timetable_problems(t)) {
    auto where = s.where;
    if (where.file.empty()) where.file = config.file.filename().string();
    problems.push_back(model::Diagnostic::error(
        where, "календарь мониторинга «" + definition.title + "»: " + text,
        "исправьте ключи months, open_day, deadline_day, remind_before, remind_after, results_day "
        "(в разделе мониторинга или в [calendar]) или [schedule] методики " + definition.file.filename().string()));
  }
  if (!problems.empty()) return std::unexpected(problems);
  return t;
}

std::vector<CalendarMonitoring> load_calendar(const Config& base, const std::string& only_id, bool& all_loaded) {
  all_loaded = true;
  std::vector<CalendarMonitoring> out;
  if (!only_id.empty()) {
    if (!select_monitoring(base, only_id)) {
      all_loaded = false;
      return out;
    }
  }
  for (const auto& m : base.monitorings) {
    if (!only_id.empty() && m.id != only_id) continue;
    auto config = monitoring_config(base, m);
    // One monitoring's problem keeps that monitoring out, not the others.
    const auto skipped = [&](const std::string& label) {
      all_loaded = false;
      if (base.monitorings.size() > 1) {
        std::fprintf(stderr, "мониторинг %s пропущен до исправления ошибки выше; остальные мониторинги работают\n",
                     label.c_str());
      }
    };
    auto loaded = load_configured_definition(config);
    if (!loaded) {
      print_diagnostics(loaded.error());
      skipped(m.id);
      continue;
    }
    auto timetable = timetable_for(config, loaded->definition);
    if (!timetable) {
      print_diagnostics(timetable.error());
      skipped(monitoring_label(config, loaded->definition));
      continue;
    }
    out.push_back({std::move(config), std::move(*loaded), std::move(*timetable)});
  }
  return out;
}

std::string monitoring_label(const Config& config, const model::Definition& definition) {
  const auto& name = config.monitoring_name.empty() ? definition.title : config.monitoring_name;
  if (config.monitoring_id.empty()) return "«" + name + "»";
  return config.monitoring_id + " «" + name + "»";
}

}  // namespace cli
