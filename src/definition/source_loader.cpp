#include "definition/source_loader.h"

#include <algorithm>

namespace definition {

namespace {

constexpr std::string_view k_source_keys[] = {"id", "definition"};

std::string q(std::string_view s) { return "«" + std::string(s) + "»"; }

std::string periodicity_word(model::Periodicity p) {
  switch (p) {
    case model::Periodicity::month: return "ежемесячный (periodicity = \"month\")";
    case model::Periodicity::half_year: return "полугодовой (periodicity = \"half_year\")";
    case model::Periodicity::year: return "годовой (по календарным годам)";
    case model::Periodicity::school_year: return "годовой по учебным годам (periodicity = \"school_year\")";
  }
  return "";
}

model::Location at_line(const std::string& file_name, std::string key, const toml::node* node) {
  model::Location where;
  where.file = file_name;
  where.line = node != nullptr ? std::max(1, static_cast<int>(node->source().begin.line)) : 1;
  where.key = std::move(key);
  return where;
}

// Loads one source and checks what the rubric relies on. nullopt when the
// table has no id; a source whose file fails (error already reported) comes
// back without its definition, so that evidence naming it is not reported
// a second time as "no such monitoring".
bool yearly(model::Periodicity p) {
  return p == model::Periodicity::year || p == model::Periodicity::school_year;
}

std::optional<model::SourceDef> load_source(TableReader& r, const SourceResolver& resolve, model::Periodicity rubric,
                                            std::vector<model::Diagnostic>& out) {
  const auto id = r.text("id", true);
  const auto file = r.text("definition", true);
  if (!id) return std::nullopt;
  model::SourceDef s;
  s.id = *id;
  s.file = file.value_or("");
  s.line = r.line();
  if (!file) return s;
  if (!resolve) {
    r.error("definition",
            "мониторинг-источник " + q(*id) + " не загружен: источники читаются только у методики, "
            "открытой из файла, и не могут иметь своих источников",
            "ссылайтесь на годовые мониторинги без раздела [[source]]", *file);
    return s;
  }
  auto loaded = resolve(*file);
  if (!loaded) {
    r.error("definition", "не удалось загрузить мониторинг " + q(*id) + " из файла " + q(*file) +
                              " (ошибок: " + std::to_string(loaded.error().size()) + ", перечислены ниже)",
            "исправьте файл мониторинга или путь к нему (путь — от папки этой методики)", *file);
    out.insert(out.end(), loaded.error().begin(), loaded.error().end());
    return s;
  }
  const auto& def = loaded->definition;
  if (def.id != *id) {
    r.error("id", "в файле " + q(*file) + " методика " + q(def.id) + ", а не " + q(*id),
            "исправьте id = \"" + def.id + "\" или путь к файлу", *id);
    return s;
  }
  if (!yearly(def.periodicity) || (yearly(rubric) && def.periodicity != rubric)) {
    const bool school = rubric == model::Periodicity::school_year;
    r.error("definition",
            std::string(school ? "рубрика учебного года считается по мониторингам учебного года"
                               : "годовая рубрика считается по годовым мониторингам") +
                ", а " + q(*id) + " — " + periodicity_word(def.periodicity),
            school ? "укажите мониторинг учебного года (periodicity = \"school_year\")"
                   : "укажите годовой мониторинг (periodicity = \"year\")",
            *file);
    return s;
  }
  s.definition = std::make_shared<const model::Definition>(std::move(loaded->definition));
  return s;
}

}  // namespace

void read_sources(const toml::table& root, const std::string& file_name, SourceMap& lines,
                  const SourceResolver& resolve, model::Definition& def,
                  std::vector<model::Diagnostic>& out) {
  const auto tables = array_of_tables(root, "source", file_name, out);
  if (tables.empty()) return;
  for (std::size_t i = 0; i < tables.size(); ++i) {
    TableReader r(*tables[i], "source[" + std::to_string(i + 1) + "]", "[[source]]", file_name, lines, out);
    r.reject_unknown(k_source_keys);
    auto s = load_source(r, resolve, def.periodicity, out);
    if (!s) continue;
    if (def.find_source(s->id) != nullptr) {
      r.error("id", "мониторинг " + q(s->id) + " уже указан в [[source]] выше", "оставьте одну таблицу",
              s->id);
      continue;
    }
    def.sources.push_back(std::move(*s));
  }
  if (!yearly(def.periodicity)) {
    out.push_back(model::Diagnostic::error(
        at_line(file_name, "definition.periodicity", root.get("definition")),
        "рубрика по мониторингам года ([[source]]) должна быть годовой, а методика — " +
            periodicity_word(def.periodicity),
        "задайте periodicity = \"year\" (календарный год) или \"school_year\" (учебный год)"));
  }
  if (const auto* own = root.get("indicator")) {
    out.push_back(model::Diagnostic::error(
        at_line(file_name, "indicator", own),
        "у рубрики по мониторингам года ([[source]]) нет своих показателей: её показатели — "
        "показатели мониторингов-источников",
        "удалите таблицы [[indicator]] (или [[source]], если это обычный мониторинг)"));
  }
}

}  // namespace definition
