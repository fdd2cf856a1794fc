#include "cli/config/config_monitorings.h"

#include <algorithm>
#include <set>

#include "definition/toml_fields.h"

namespace cli {

namespace fs = std::filesystem;

namespace {

bool valid_id(const std::string& id) {
  if (id.empty() || id.size() > 40) return false;
  return std::all_of(id.begin(), id.end(), [](char ch) {
    return (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '-' || ch == '_';
  });
}

class MonitoringReader {
 public:
  MonitoringReader(const fs::path& file, std::vector<model::Diagnostic>& errors)
      : m_file(file), m_name(file.filename().string()), m_errors(errors) {}

  ScheduleSettings schedule(definition::TableReader& r) {
    ScheduleSettings s;
    s.where = r.at("");
    s.months = days_list(r, s, "months", 1, 12, "номера месяцев: 1 — январь … 12 — декабрь", "months = [9]");
    s.open_day = day(r, s, "open_day", "open_day = 1");
    s.deadline_day = day(r, s, "deadline_day", "deadline_day = 20");
    s.results_day = day(r, s, "results_day", "results_day = 21");
    s.remind_before = days_list(r, s, "remind_before", 1, 365, "за сколько дней до срока напомнить", "remind_before = [5, 1]");
    s.remind_after = days_list(r, s, "remind_after", 1, 365, "через сколько дней после срока напомнить", "remind_after = [3]");
    return s;
  }

  fs::path path(definition::TableReader& r, std::string_view key, bool required) {
    const auto text = r.text(key, required);
    if (!text || text->empty()) return {};
    fs::path p(*text);
    if (p.is_relative()) p = m_file.parent_path() / p;
    return p.lexically_normal();
  }

  // The key's own line (TableReader knows only the keys it has read).
  static model::Location key_at(const definition::TableReader& r, std::string_view key) {
    auto where = r.at(key);
    if (const auto* node = r.node(key)) where.line = static_cast<int>(node->source().begin.line);
    return where;
  }

  definition::SourceMap lines;
  const fs::path& m_file;
  const std::string m_name;

 private:
  // A schedule key's problem stays with the schedule: it keeps its
  // monitoring out of the calendar, not the whole configuration.
  static void problem(const definition::TableReader& r, ScheduleSettings& s, std::string_view key,
                      std::string message, std::string hint, std::string found) {
    s.problems.emplace(std::string(key), model::Diagnostic{model::Severity::error, key_at(r, key), std::move(message),
                                                           std::move(found), std::move(hint)});
  }

  // What to write instead of a value that is no whole number in range: a
  // quoted number loses its quotes, a fraction or a number out of range is
  // named as such.
  static std::string fix_hint(const toml::node& node, std::string_view key, const std::string& range,
                              const std::string& example) {
    if (node.is_string()) return "запишите число без кавычек: " + example;
    if (node.is_floating_point()) return "укажите целое число: " + example;
    if (node.is_integer()) return std::string(key) + " — " + range + "; например: " + example;
    return "например: " + example;
  }

  std::optional<int> day(definition::TableReader& r, ScheduleSettings& s, std::string_view key,
                         const std::string& example) {
    const auto* node = r.node(key);
    if (node == nullptr) return std::nullopt;
    const auto* v = node->as_integer();
    if (v == nullptr || v->get() < 1 || v->get() > 31) {
      problem(r, s, key, "ожидалось целое число от 1 до 31 (число месяца)",
              fix_hint(*node, key,
                       "число месяца от 1 до 31 (29, 30 и 31 в более коротком месяце означают его последний день)",
                       example),
              definition::render_value(*node));
      return std::nullopt;
    }
    return static_cast<int>(v->get());
  }

  std::optional<std::vector<int>> days_list(definition::TableReader& r, ScheduleSettings& s, std::string_view key,
                                            int lo, int hi, const std::string& what, const std::string& example) {
    const auto* node = r.node(key);
    if (node == nullptr) return std::nullopt;
    const auto* arr = node->as_array();
    std::vector<int> out;
    bool ok = arr != nullptr && !arr->empty();
    if (ok) {
      for (const auto& item : *arr) {
        const auto* v = item.as_integer();
        if (v == nullptr || v->get() < lo || v->get() > hi ||
            std::find(out.begin(), out.end(), static_cast<int>(v->get())) != out.end()) {
          ok = false;
          break;
        }
        out.push_back(static_cast<int>(v->get()));
      }
    }
    if (!ok) {
      problem(r, s, key,
              "«" + std::string(key) + "» — список разных целых чисел от " + std::to_string(lo) + " до " +
                  std::to_string(hi) + " (" + what + ")",
              "например: " + example, definition::render_value(*node));
      return std::nullopt;
    }
    return out;
  }

  std::vector<model::Diagnostic>& m_errors;
};

// [calendar] values fill what the monitoring left unset; so do their problems.
void inherit(ScheduleSettings& s, const ScheduleSettings& defaults) {
  const auto take = [&](auto& mine, const auto& theirs, const char* key) {
    if (mine || s.problems.contains(key)) return;
    mine = theirs;
    if (const auto p = defaults.problems.find(key); p != defaults.problems.end()) s.problems.insert(*p);
  };
  take(s.open_day, defaults.open_day, "open_day");
  take(s.deadline_day, defaults.deadline_day, "deadline_day");
  take(s.results_day, defaults.results_day, "results_day");
  take(s.remind_before, defaults.remind_before, "remind_before");
  take(s.remind_after, defaults.remind_after, "remind_after");
}

bool any_set(const ScheduleSettings& s) {
  return s.months || s.open_day || s.deadline_day || s.results_day || s.remind_before || s.remind_after ||
         !s.problems.empty();
}

}  // namespace

void read_monitorings(const toml::table& root, const fs::path& file, Config& c,
                      std::vector<model::Diagnostic>& errors) {
  MonitoringReader reader(file, errors);
  ScheduleSettings defaults;
  if (const auto* cal = root.get_as<toml::table>("calendar")) {
    definition::TableReader r(*cal, "calendar", "[calendar]", reader.m_name, reader.lines, errors);
    static constexpr std::string_view k_keys[] = {"open_day", "deadline_day", "remind_before", "remind_after",
                                                  "results_day"};
    r.reject_unknown(k_keys);
    defaults = reader.schedule(r);
    c.calendar = true;
  }
  fs::path shared_schools;
  if (const auto* paths = root.get_as<toml::table>("paths")) {
    definition::TableReader r(*paths, "paths", "[paths]", reader.m_name, reader.lines, errors);
    shared_schools = reader.path(r, "schools", false);
  }

  if (const auto* single = root.get_as<toml::table>("monitoring")) {
    definition::TableReader r(*single, "monitoring", "[monitoring]", reader.m_name, reader.lines, errors);
    c.schedule = reader.schedule(r);
    c.calendar = c.calendar || any_set(c.schedule);
    inherit(c.schedule, defaults);
    if (c.schools.empty()) c.schools = shared_schools;
    if (c.schools.empty()) r.error("schools", "не указан реестр школ", "добавьте в раздел [monitoring] строку schools = \"…\"");
    c.definition_where = MonitoringReader::key_at(r, "definition");
    c.monitorings = {MonitoringSettings{"", "", c.definition, c.schools, c.inbox, c.output, c.period, c.schedule,
                                        false, c.definition_where}};
    return;
  }

  const auto tables = definition::array_of_tables(root, "monitoring", reader.m_name, errors);
  if (tables.empty()) {
    model::Location where{reader.m_name, {}, {}, 1, "monitoring"};
    errors.push_back(model::Diagnostic::error(where, "не указан ни один мониторинг",
                                              "добавьте раздел [monitoring] (definition = \"…\", schools = \"…\") "
                                              "или несколько разделов [[monitoring]] с id и definition"));
    return;
  }
  c.calendar = true;
  // The state is the deployment's, not under one monitoring's output.
  c.state_set = true;
  std::set<std::string> ids;
  for (std::size_t i = 0; i < tables.size(); ++i) {
    definition::TableReader r(*tables[i], "monitoring[" + std::to_string(i + 1) + "]", "[[monitoring]]",
                              reader.m_name, reader.lines, errors);
    static constexpr std::string_view k_keys[] = {"id",           "name",          "definition",   "schools",      "inbox",
                                                  "output",       "months",        "open_day",     "deadline_day",
                                                  "remind_before", "remind_after", "results_day"};
    r.reject_unknown(k_keys);
    MonitoringSettings m;
    m.id = r.text("id", true).value_or("");
    if (!m.id.empty() && !valid_id(m.id)) {
      r.error("id", "код мониторинга — латинские строчные буквы, цифры, «-» и «_» (до 40 знаков)",
              "например: id = \"m1\" или id = \"deficits\"", m.id);
    } else if (!m.id.empty() && !ids.insert(m.id).second) {
      r.error("id", "мониторинг с кодом «" + m.id + "» уже есть", "дайте каждому мониторингу свой код", m.id);
    }
    m.name = r.text("name", false).value_or("");
    m.definition = reader.path(r, "definition", true);
    m.definition_where = MonitoringReader::key_at(r, "definition");
    m.schools = reader.path(r, "schools", false);
    if (m.schools.empty()) m.schools = shared_schools;
    if (m.schools.empty()) {
      r.error("schools", "не указан реестр школ",
              "укажите общий реестр в [paths] (schools = \"…\") или свой в этом [[monitoring]]");
    }
    m.inbox = reader.path(r, "inbox", false);
    if (m.inbox.empty()) {
      m.inbox = c.inbox / m.id;
      m.inbox_derived = true;
    }
    m.output = reader.path(r, "output", false);
    if (m.output.empty()) m.output = c.output / m.id;
    m.schedule = reader.schedule(r);
    inherit(m.schedule, defaults);
    c.monitorings.push_back(std::move(m));
  }
}

}  // namespace cli
