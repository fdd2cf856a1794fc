#include "definition/schedule_loader.h"

#include <algorithm>

namespace definition {

namespace {

constexpr std::string_view k_schedule_keys[] = {"months", "open_day", "deadline_day", "school_year"};
constexpr std::string_view k_school_years[] = {"current", "previous"};
constexpr int k_last_day = 31;  // 29..31: or the last day of a shorter month

// Whole number of a TOML value, if it is one.
std::optional<long long> whole(const toml::node& node) {
  if (const auto* i = node.as_integer()) return i->get();
  return std::nullopt;
}

std::vector<int> read_months(TableReader& r) {
  std::vector<int> months;
  const auto* node = r.node("months");
  if (node == nullptr) {
    r.error("months", "в [schedule] не указаны месяцы проведения мониторинга",
            "добавьте строку months = [9] (номера месяцев: 1 — январь … 12 — декабрь)");
    return months;
  }
  const auto* arr = node->as_array();
  if (arr == nullptr) {
    r.error("months", "значение ключа «months» должно быть списком номеров месяцев",
            "запишите в квадратных скобках: months = [9] или months = [5, 1]", render_value(*node));
    return months;
  }
  if (arr->empty()) {
    r.error("months", "в [schedule] список месяцев пуст",
            "укажите хотя бы один месяц: months = [9] (1 — январь … 12 — декабрь)", "[]");
    return months;
  }
  bool ok = true;
  for (const auto& item : *arr) {
    const auto m = whole(item);
    if (!m) {
      r.error("months", "месяц должен быть записан номером — целым числом от 1 до 12",
              "запишите номер без кавычек: 9 — сентябрь", render_value(item));
      ok = false;
    } else if (*m < 1 || *m > 12) {
      r.error("months", "нет месяца с номером " + std::to_string(*m) + ": номер месяца — от 1 до 12",
              "1 — январь, 12 — декабрь", std::to_string(*m));
      ok = false;
    } else if (std::find(months.begin(), months.end(), static_cast<int>(*m)) != months.end()) {
      r.error("months", "месяц " + std::to_string(*m) + " (" + model::month_name(static_cast<int>(*m)) +
                            ") указан дважды",
              "оставьте каждый месяц один раз", render_value(*node));
      ok = false;
    } else {
      months.push_back(static_cast<int>(*m));
    }
  }
  if (!ok) months.clear();
  return months;
}

std::string months_text(const std::vector<int>& months) {
  std::string s;
  for (const int m : months) s += (s.empty() ? "" : ", ") + model::month_name(m);
  return s;
}

void check_periodicity(TableReader& r, const std::vector<int>& months, model::Periodicity p) {
  if (months.empty()) return;
  if (p == model::Periodicity::year && months.size() > 1) {
    r.error("months",
            "годовой мониторинг (periodicity = \"year\") проводится один раз в год, а указано месяцев: " +
                std::to_string(months.size()) + " (" + months_text(months) + ")",
            "оставьте один месяц или задайте periodicity = \"half_year\" / \"month\"");
  }
  if (p == model::Periodicity::school_year && months.size() > 1) {
    r.error("months",
            "мониторинг учебного года (periodicity = \"school_year\") проводится один раз в учебный год, а "
            "указано месяцев: " + std::to_string(months.size()) + " (" + months_text(months) + ")",
            "оставьте один месяц");
  }
  if (p != model::Periodicity::half_year) return;
  if (months.size() > 2) {
    r.error("months",
            "полугодовой мониторинг проводится не более двух раз в год, а указано месяцев: " +
                std::to_string(months.size()) + " (" + months_text(months) + ")",
            "оставьте по одному месяцу на полугодие, например months = [5, 1]");
    return;
  }
  if (months.size() == 2 &&
      model::collection_period(p, 2000, months[0]).half == model::collection_period(p, 2000, months[1]).half) {
    const int half = model::collection_period(p, 2000, months[0]).half;
    r.error("months",
            "оба месяца (" + months_text(months) + ") подводят итоги одного и того же полугодия (" +
                std::to_string(half) + "-го): сбор в месяце относится к полугодию, в которое входит "
                                       "предыдущий месяц",
            "например, май — итоги 1-го полугодия, январь — итоги 2-го полугодия прошлого года: months = [5, 1]");
  }
}

std::optional<int> read_day(TableReader& r, std::string_view key, std::string_view what) {
  const auto* node = r.node(key);
  if (node == nullptr) return std::nullopt;
  const auto d = whole(*node);
  if (!d || *d < 1 || *d > k_last_day) {
    r.error(key,
            std::string(what) + " должен быть целым числом от 1 до " + std::to_string(k_last_day) +
                " (29, 30 и 31 в более коротком месяце означают его последний день)",
            node->is_string() ? "запишите число без кавычек: " + std::string(key) + " = 10"
                              : "укажите число месяца от 1 до 31, например " + std::string(key) + " = 10",
            render_value(*node));
    return std::nullopt;
  }
  return static_cast<int>(*d);
}

}  // namespace

std::optional<model::Schedule> read_schedule(const toml::table& root, const std::string& file_name,
                                             SourceMap& lines,
                                             std::optional<model::Periodicity> periodicity,
                                             std::vector<model::Diagnostic>& out) {
  const auto* node = root.get("schedule");
  if (node == nullptr) return std::nullopt;
  const auto* table = node->as_table();
  if (table == nullptr) {
    model::Location where;
    where.file = file_name;
    where.line = std::max(1, static_cast<int>(node->source().begin.line));
    where.key = "schedule";
    out.push_back(model::Diagnostic::error(where, "«schedule» должен быть разделом [schedule]",
                                           "запишите строку [schedule], под ней months = [9]"));
    return std::nullopt;
  }
  const auto errors_before = out.size();
  TableReader r(*table, "schedule", "[schedule]", file_name, lines, out);
  r.reject_unknown(k_schedule_keys);
  model::Schedule s;
  s.line = r.line();
  s.months = read_months(r);
  if (periodicity) check_periodicity(r, s.months, *periodicity);
  s.open_day = read_day(r, "open_day", "день рассылки форм (open_day)");
  s.deadline_day = read_day(r, "deadline_day", "срок сдачи форм (deadline_day)");
  if (const auto which = r.choice("school_year", k_school_years, false)) {
    if (periodicity && *periodicity != model::Periodicity::school_year) {
      r.error("school_year",
              "ключ school_year говорит, за какой учебный год собираются формы, а методика не по учебным годам",
              "удалите строку school_year или задайте periodicity = \"school_year\" в [definition]", *which);
    }
    s.previous_school_year = *which == "previous";
  }
  if (s.open_day && s.deadline_day && *s.deadline_day <= *s.open_day) {
    r.error("deadline_day",
            "срок сдачи форм (deadline_day = " + std::to_string(*s.deadline_day) +
                ") должен быть позже дня рассылки (open_day = " + std::to_string(*s.open_day) + ")",
            "укажите deadline_day больше open_day");
  }
  if (out.size() != errors_before) return std::nullopt;
  return s;
}

}  // namespace definition
