#include "definition/method_book_places.h"

#include <algorithm>
#include <array>

namespace definition::book {

namespace {

// The TOML format's words in the checks' messages, and what a methodist
// reads instead on the workbook. Replaced in this order; an item that is
// not found is skipped. (A substitution table, not a second set of
// messages: the checks stay written once, for both spellings.)
constexpr std::array<std::pair<std::string_view, std::string_view>, 36> k_words = {{
    {"среди полей формы (input)", "на листе «Поля формы»"},
    {" в [[direction]]", " на листе «Направления»"},
    {"(targets)", "(лист «Цели»)"},
    {"([[evidence]])", "(столбцы «Подтверждение» листа «Рубрика»)"},
    {"(ключ position в [[indicator]])", "(столбец «Позиция рубрики» листа «Показатели»)"},
    {"через not_more_than", "через «Не больше поля»"},
    {"ограничения not_more_than", "ограничения «Не больше поля»"},
    {"not_more_than ссылается", "«Не больше поля» ссылается"},
    {": min (", ": «Не меньше» ("},
    {") больше max (", ") больше «Не больше» ("},
    {"вида count", "вида «количество»"},
    {"вида yesno", "вида «да/нет»"},
    {"вида text", "вида «текст»"},
    {"вида share", "вида «доля»"},
    {"вида indicator_set", "вида «по показателям»"},
    {"вида checklist", "вида «по параметрам»"},
    {"вида binary", "вида «одно условие»"},
    {"(periodicity = \"year\")", "(«раз в год»)"},
    {"(periodicity = \"half_year\")", "(«раз в полугодие»)"},
    {"(periodicity = \"month\")", "(«ежемесячно»)"},
    {"(periodicity = \"school_year\")", "(«раз в учебный год (сентябрь — август)»)"},
    {"periodicity = \"school_year\"", "периодичность «раз в учебный год (сентябрь — август)»"},
    {"[[source]]", "листе «Источники»"},
    {"[[indicator]]", "листе «Показатели»"},
    {"[[input]]", "листе «Поля формы»"},
    {"[[direction]]", "листе «Направления»"},
    {"[[block]]", "листе «Блоки рубрики»"},
    {"[[evidence]]", "листе «Рубрика»"},
    {"[[recommendation]]", "листе «Рекомендации»"},
    {"[schedule]", "листе «Календарь»"},
    {"[definition]", "листе «Общее»"},
    {"[rubric]", "листе «Общее»"},
    {"[positions]", "листе «Рубрика»"},
    {"[clusters]", "листе «Общее»"},
    {"declared_max", "«Заявленный максимум»"},
    {"declared_total", "«Рубрика: заявленный итог баллов»"},
}};

void replace_all(std::string& text, std::string_view from, std::string_view to) {
  for (std::size_t at = 0; (at = text.find(from, at)) != std::string::npos; at += to.size()) {
    text.replace(at, from.size(), to);
  }
}

// TOML key -> the header (or row label) that holds it on `sheet`.
std::vector<std::pair<std::string, std::string>> headers_of(std::string_view sheet_name) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& s : sheets()) {
    if (s.name != sheet_name) continue;
    for (const auto& c : s.columns) {
      if (!c.key.empty()) out.emplace_back(std::string(c.key), std::string(c.header));
    }
    for (const auto& setting : settings(s.id)) {
      const auto dot = setting.key.rfind('.');
      out.emplace_back(std::string(setting.key.substr(dot + 1)), std::string(setting.label));
    }
  }
  return out;
}

// A hint that shows TOML to write ("добавьте строку min = …") means nothing
// on a workbook.
bool is_toml_syntax(std::string_view hint) {
  return hint.find('=') != std::string_view::npos || hint.find("[[") != std::string_view::npos ||
         hint.find('{') != std::string_view::npos || hint.find('"') != std::string_view::npos;
}

std::size_t sheet_order(std::string_view name) {
  const auto all = sheets();
  for (std::size_t i = 0; i < all.size(); ++i) {
    if (all[i].name == name) return i;
  }
  return all.size();
}

}  // namespace

std::string workbook_words(std::string text, std::string_view sheet) {
  for (const auto& [key, header] : headers_of(sheet)) {
    replace_all(text, "ключ «" + key + "»", "столбец «" + header + "»");
    replace_all(text, "ключа «" + key + "»", "столбца «" + header + "»");
  }
  for (const auto& [from, to] : k_words) replace_all(text, from, to);
  return text;
}

const Place* Places::find(std::string key, bool* exact) const {
  for (bool first = true;; first = false) {
    if (exact != nullptr) *exact = first;
    if (const auto it = m_places.find(key); it != m_places.end()) return &it->second;
    const auto cut = key.find_last_of(".[");
    if (cut == std::string::npos || cut == 0) return nullptr;
    key.resize(cut);
  }
}

model::Diagnostic Places::relocate(model::Diagnostic d, const std::string& file) const {
  if (d.where.file != file) return d;
  bool exact = false;
  const Place* place = d.where.key.empty() ? nullptr : find(d.where.key, &exact);
  model::Location where;
  where.file = file;
  std::string_view sheet_name;
  if (place != nullptr) {
    where = location_of(file, *place);
    sheet_name = place->sheet;
  }
  d.where = std::move(where);
  d.message = workbook_words(std::move(d.message), sheet_name);
  if (is_toml_syntax(d.hint)) {
    d.hint = place != nullptr && exact ? std::string(note_of(*place)) : std::string();
  } else {
    d.hint = workbook_words(std::move(d.hint), sheet_name);
  }
  return d;
}

std::string_view note_of(const Place& place) {
  for (const auto& s : sheets()) {
    if (s.name != place.sheet) continue;
    for (const auto& c : s.columns) {
      if (c.header == place.column) return c.note;
    }
    for (const auto& setting : settings(s.id)) {
      if (setting.label == place.column) return setting.note;
    }
  }
  return {};
}

void sort_by_place(std::vector<model::Diagnostic>& ds, const std::string& file) {
  const auto rank = [&](const model::Diagnostic& d) {
    const bool other = d.where.file != file;
    const bool placed = d.where.cell.has_value();
    return std::tuple(other ? 2 : placed ? 1 : 0, sheet_order(d.where.sheet),
                      placed ? d.where.cell->row : 0u, placed ? d.where.cell->col : 0u);
  };
  std::stable_sort(ds.begin(), ds.end(),
                   [&](const model::Diagnostic& a, const model::Diagnostic& b) { return rank(a) < rank(b); });
}

}  // namespace definition::book
