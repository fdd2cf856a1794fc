#include "cli/phases/year_sources.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <cstdio>

#include "cli/phases/phase_compute.h"
#include "definition/definition_loader.h"

namespace cli {

namespace {

// Puts the history's monitoring scope back when it goes.
class ScopeRestore {
 public:
  explicit ScopeRestore(store::HistoryStore& history) : m_history(history), m_saved(history.monitoring()) {}
  ~ScopeRestore() { m_history.set_monitoring(m_saved); }
  ScopeRestore(const ScopeRestore&) = delete;
  ScopeRestore& operator=(const ScopeRestore&) = delete;

 private:
  store::HistoryStore& m_history;
  std::string m_saved;
};

// A configured monitoring other than the rubric: its id, its definition's id
// and the months it runs in.
struct Configured {
  std::string id;
  std::string name;
  std::string definition_id;
  std::vector<int> months;
};

model::Location config_location(const Config& config) {
  model::Location where;
  where.file = config.file.filename().string();
  return where;
}

std::vector<Configured> configured_monitorings(const Config& config, std::vector<model::Diagnostic>& notices) {
  std::vector<Configured> out;
  for (const auto& m : config.monitorings) {
    if (m.id == config.monitoring_id) continue;  // the rubric itself
    const auto loaded = definition::load_definition(m.definition);
    if (!loaded) {
      notices.push_back(model::Diagnostic::warning(
          config_location(config),
          "годовая рубрика: методика мониторинга " + m.id + " (" + m.definition.filename().string() +
              ") не загружается, его итоги в рубрике не учтены: " + model::to_string(loaded.error().front()),
          "исправьте методику; metodmon check -c " + config.file.filename().string() + " --monitoring " + m.id +
              " покажет все ошибки"));
      continue;
    }
    const auto& def = loaded->definition;
    std::vector<int> months = m.schedule.months ? *m.schedule.months
                              : def.schedule    ? def.schedule->months
                                                : std::vector<int>{};
    out.push_back({m.id, m.name, def.id, std::move(months)});
  }
  return out;
}

bool has_values(const analysis::PeriodValues& pv) { return !pv.values.empty() || !pv.municipal.empty(); }

// Schools of the registry with at least one value in `pv`, registry order.
std::vector<std::string> schools_with_values(const model::Registry& registry, const analysis::PeriodValues& pv) {
  std::vector<std::string> out;
  for (const auto& school : registry.schools) {
    const auto it = pv.values.find(school.id);
    if (it == pv.values.end()) continue;
    if (std::any_of(it->second.begin(), it->second.end(), [](const auto& kv) { return kv.second.has_value(); })) {
      out.push_back(school.id);
    }
  }
  return out;
}

model::Diagnostic missing_notice(const Config& config, const model::YearSource& s, const model::Period& year) {
  const std::string what = "годовая рубрика за " + model::display_name(year) + ": нет итогов мониторинга «" +
                           s.title + "» (" + s.definition_id + ")";
  if (s.monitoring_ids.empty()) {
    return model::Diagnostic::warning(
        config_location(config), what + " — в конфигурации нет мониторинга с этой методикой; его показатели в рубрике не учтены",
        "добавьте в конфигурацию раздел [[monitoring]] с методикой " + s.definition_id + " и подведите его итоги за " +
            model::display_name(year));
  }
  std::string ids;
  for (const auto& id : s.monitoring_ids) ids += (ids.empty() ? "" : ", ") + id;
  return model::Diagnostic::warning(
      config_location(config), what + " — мониторинг " + ids + " за этот год итогов не подводил; его показатели в рубрике не учтены",
      "подведите итоги мониторинга (metodmon run -c " + config.file.filename().string() + " --monitoring " +
          s.monitoring_ids.front() + " --period " + year.id + ") и запустите годовую рубрику снова");
}

}  // namespace

model::Expected<YearSources> read_year_sources(const Config& config, const model::Definition& rubric,
                                               const model::Registry& registry, const model::Period& year,
                                               store::HistoryStore& history) {
  YearSources out;
  if (rubric.sources.empty()) return out;  // not a rubric over monitorings
  const auto configured = configured_monitorings(config, out.notices);
  const ScopeRestore restore(history);
  for (const auto& src : rubric.sources) {
    model::YearSource s;
    s.definition_id = src.id;
    s.title = src.definition->title;
    if (src.definition->schedule) s.months = src.definition->schedule->months;
    for (const auto& c : configured) {
      if (c.definition_id != src.id) continue;
      if (s.monitoring_ids.empty()) {
        if (!c.months.empty()) s.months = c.months;
        s.monitoring_name = c.name;
      }
      s.monitoring_ids.push_back(c.id);
    }
    for (const auto& id : s.monitoring_ids) {
      history.set_monitoring(id);
      auto values = stored_values(history, year.id);
      if (!values) return std::unexpected(values.error());
      if (!has_values(*values)) continue;
      s.used_monitoring = id;
      s.school_ids = schools_with_values(registry, *values);
      auto& results = out.inputs.monitorings[src.id];
      results.values = std::move(*values);
      results.earlier = earlier_values(history, year);
      spdlog::info("годовая рубрика: итоги мониторинга {} ({}) за {}: ОО с данными — {}, прошлых лет — {}", id,
                   src.id, year.id, s.school_ids.size(), results.earlier.size());
      break;
    }
    if (!s.available()) out.notices.push_back(missing_notice(config, s, year));
    out.sources.push_back(std::move(s));
  }
  if (!rubric.sources.empty() && out.inputs.monitorings.empty()) {
    std::string ids;
    for (const auto& src : rubric.sources) ids += (ids.empty() ? "" : ", ") + src.id;
    return std::unexpected(model::Diagnostic::error(
        config_location(config),
        "годовая рубрика «" + rubric.title + "» за " + model::display_name(year) +
            ": нет итогов ни одного из её мониторингов (" + ids + ") — рубрику не из чего считать, итоги не построены",
        "годовая рубрика считается в конфигурации со списком мониторингов [[monitoring]], в котором есть её "
        "мониторинги с подведёнными за этот год итогами; подведите их (metodmon run --monitoring …) и запустите "
        "рубрику снова"));
  }
  return out;
}

void print_year_sources(const model::RunInfo& run, const aggregate::Summary& summary) {
  std::size_t available = 0;
  std::string missing;
  for (const auto& s : run.year_sources) {
    if (s.available()) {
      ++available;
      continue;
    }
    std::string ids;
    for (const auto& id : s.monitoring_ids) ids += (ids.empty() ? "" : ", ") + id;
    missing += "\n  " + s.definition_id + " «" + s.title + "» — " +
               (ids.empty() ? "нет в конфигурации" : "мониторинг " + ids + " итогов за год не подводил");
  }
  std::printf("Мониторинги года: итоги есть у %zu из %zu%s%s\n", available, run.year_sources.size(),
              missing.empty() ? "" : "; нет итогов (их показатели в рубрике не учтены):", missing.c_str());
  std::printf("В рубрике оценено ОО: %zu (по итогам мониторингов года и годовой форме; подробно — лист «%s»)\n",
              summary.school_ids.size(), "Мониторинги года");
}

}  // namespace cli
