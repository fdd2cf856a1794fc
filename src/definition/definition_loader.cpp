#include "definition/definition_loader.h"

#include "definition/rubric_loader.h"

#include <algorithm>
#include <charconv>
#include <fstream>
#include <sstream>

#include "definition/definition_checks.h"
#include "definition/definition_table.h"
#include "definition/form_revision.h"
#include "definition/method_book_reader.h"
#include "definition/naming.h"
#include "definition/schedule_loader.h"
#include "definition/source_loader.h"
#include "definition/survey_loader.h"
#include "definition/toml_fields.h"
#include "util/read_file.h"

namespace definition {

namespace {

using model::Diagnostic;

constexpr std::string_view k_top_keys[] = {"definition", "schedule", "source",   "direction",
                                           "input",      "survey",   "indicator"};
constexpr std::string_view k_definition_keys[] = {
    "id",     "version",     "title", "municipality", "organisation",
    "source", "periodicity", "notes", "basis",        "goal"};
constexpr std::string_view k_direction_keys[] = {"id", "name"};
constexpr std::string_view k_input_keys[] = {"id",       "label", "kind", "direction",     "required",
                                             "min",      "max",   "not_more_than", "hint"};
constexpr std::string_view k_indicator_keys[] = {
    "id",          "code",  "direction", "name",     "kind",         "numerator", "denominator",
    "input",       "better", "targets",  "position", "matches_goal", "bad",      "short"};
constexpr std::string_view k_periodicities[] = {"month", "half_year", "year", "school_year"};
constexpr std::string_view k_input_kinds[] = {"count", "yesno", "text"};
constexpr std::string_view k_indicator_kinds[] = {"share", "count", "yesno"};
constexpr std::string_view k_better[] = {"higher", "lower"};
constexpr int k_first_year = 2000;
constexpr int k_last_year = 2100;

// Everything one parse accumulates.
struct ReadState {
  const std::string& file_name;
  SourceMap lines;
  std::vector<Diagnostic> out;
  model::Definition def;
  std::vector<bool> input_kind_known;
  std::vector<bool> indicator_kind_known;
  bool periodicity_known = false;
};

model::Location root_location(const ReadState& st, std::string_view key, int line) {
  model::Location where;
  where.file = st.file_name;
  where.line = line > 0 ? line : 1;
  where.key = std::string(key);
  return where;
}

std::vector<const toml::table*> tables_of(ReadState& st, const toml::table& root,
                                          std::string_view name) {
  return array_of_tables(root, name, st.file_name, st.out);
}

void read_header(ReadState& st, const toml::table& root) {
  const auto* node = root.get("definition");
  const auto* table = node != nullptr ? node->as_table() : nullptr;
  if (table == nullptr) {
    st.out.push_back(Diagnostic::error(
        root_location(st, "definition", node != nullptr ? static_cast<int>(node->source().begin.line) : 1),
        "нет раздела [definition] с описанием методики",
        "добавьте в начало файла раздел [definition] с ключами id, version, title, periodicity"));
    return;
  }
  TableReader r(*table, "definition", "[definition]", st.file_name, st.lines, st.out);
  r.reject_unknown(k_definition_keys);
  auto& d = st.def;
  if (auto id = r.text("id", true)) {
    if (!is_valid_plain_id(*id)) {
      r.error("id", "недопустимый id методики",
              "используйте латинские буквы, цифры, «_» и «-» (не длиннее 64 символов)", *id);
    }
    d.id = *id;
  }
  d.version = r.text("version", true).value_or("");
  d.title = r.text("title", true).value_or("");
  d.municipality = r.text("municipality", false).value_or("");
  d.organisation = r.text("organisation", false).value_or("");
  d.source = r.text("source", false).value_or("");
  if (const auto p = r.choice("periodicity", k_periodicities, true)) {
    st.periodicity_known = true;
    d.periodicity = *p == "month"         ? model::Periodicity::month
                    : *p == "half_year"   ? model::Periodicity::half_year
                    : *p == "school_year" ? model::Periodicity::school_year
                                          : model::Periodicity::year;
  }
  d.notes = r.texts("notes");
  d.basis = r.texts("basis");
  d.goal = r.text("goal", false).value_or("");
}

void read_directions(ReadState& st, const toml::table& root) {
  const auto tables = tables_of(st, root, "direction");
  for (std::size_t i = 0; i < tables.size(); ++i) {
    TableReader r(*tables[i], item_path("direction", i), "[[direction]]", st.file_name, st.lines,
                  st.out);
    r.reject_unknown(k_direction_keys);
    model::DirectionDef dir;
    dir.id = r.text("id", true).value_or("");
    dir.name = r.text("name", true).value_or("");
    st.def.directions.push_back(std::move(dir));
  }
}

void read_inputs(ReadState& st, const toml::table& root) {
  const auto tables = tables_of(st, root, "input");
  for (std::size_t i = 0; i < tables.size(); ++i) {
    TableReader r(*tables[i], item_path("input", i), "[[input]]", st.file_name, st.lines, st.out);
    r.reject_unknown(k_input_keys);
    model::InputDef in;
    in.line = r.line();
    in.id = r.text("id", true).value_or("");
    in.label = r.text("label", true).value_or("");
    const auto kind = r.choice("kind", k_input_kinds, true);
    in.kind = !kind || *kind == "count" ? model::InputKind::count
              : *kind == "yesno"        ? model::InputKind::yesno
                                        : model::InputKind::text;
    in.direction = r.text("direction", false).value_or("");
    in.required = r.flag("required").value_or(in.kind != model::InputKind::text);
    in.hint = r.text("hint", false).value_or("");
    if (in.kind == model::InputKind::count) {
      in.min = r.number("min");
      if (!in.min) in.min = 0.0;
      in.max = r.number("max");
      in.not_more_than = r.text("not_more_than", false).value_or("");
    } else if (kind) {
      const std::string why = "поле вида " + *kind + " не числовое";
      r.reject_present("min", why);
      r.reject_present("max", why);
      r.reject_present("not_more_than", why);
    }
    st.input_kind_known.push_back(kind.has_value());
    st.def.inputs.push_back(std::move(in));
  }
}

// targets = { 2022 = 10, 2023 = 12.5 }: years 2000..2100; the value range
// depends on the indicator's kind (skipped when the kind is unknown).
void read_targets(ReadState& st, TableReader& r, model::IndicatorDef& ind, bool kind_known) {
  const auto* node = r.node("targets");
  if (node == nullptr) return;
  const auto* table = node->as_table();
  if (table == nullptr) {
    r.error("targets", "значение ключа «targets» должно быть таблицей «год = значение»",
            "запишите targets = { 2025 = 40, 2026 = 50 }", render_value(*node));
    return;
  }
  for (const auto& [key, value] : *table) {
    const std::string year_text(key.str());
    const std::string sub = "targets." + year_text;
    st.lines.add(r.path() + "." + sub, static_cast<int>(value.source().begin.line));
    int year = 0;
    const auto* end = year_text.data() + year_text.size();
    const auto [ptr, ec] = std::from_chars(year_text.data(), end, year);
    if (ec != std::errc{} || ptr != end || year < k_first_year || year > k_last_year) {
      r.error(sub, "показатель «" + ind.id + "»: в targets указан не год (ожидался год от 2000 до 2100)",
              "записывайте год целым числом: targets = { 2025 = 40 }", year_text);
      continue;
    }
    const auto* i = value.as_integer();
    const auto* f = value.as_floating_point();
    if (i == nullptr && f == nullptr) {
      r.error(sub, "показатель «" + ind.id + "»: целевое значение на " + year_text +
                       " год должно быть числом",
              "запишите число без кавычек", render_value(value));
      continue;
    }
    const double v = i != nullptr ? static_cast<double>(i->get()) : f->get();
    if (kind_known && ind.kind != model::IndicatorKind::count && (v < 0 || v > 100)) {
      r.error(sub, "показатель «" + ind.id + "»: целевое значение на " + year_text +
                       " год должно быть от 0 до 100 (процент)",
              "укажите процент без знака «%»", render_value(value));
      continue;
    }
    if (kind_known && ind.kind == model::IndicatorKind::count && v < 0) {
      r.error(sub, "показатель «" + ind.id + "»: целевое значение на " + year_text +
                       " год не может быть отрицательным",
              "укажите количество 0 или больше", render_value(value));
      continue;
    }
    ind.targets[year] = v;
  }
}

void read_indicators(ReadState& st, const toml::table& root) {
  const auto tables = tables_of(st, root, "indicator");
  for (std::size_t i = 0; i < tables.size(); ++i) {
    TableReader r(*tables[i], item_path("indicator", i), "[[indicator]]", st.file_name, st.lines,
                  st.out);
    r.reject_unknown(k_indicator_keys);
    model::IndicatorDef ind;
    ind.line = r.line();
    ind.id = r.text("id", true).value_or("");
    ind.code = r.text("code", false).value_or("");
    ind.direction = r.text("direction", false).value_or("");
    ind.name = r.text("name", true).value_or("");
    ind.short_name = r.text("short", false).value_or("");
    const auto kind = r.choice("kind", k_indicator_kinds, true);
    ind.kind = !kind || *kind == "share" ? model::IndicatorKind::share
               : *kind == "count"        ? model::IndicatorKind::count
                                         : model::IndicatorKind::yesno;
    if (kind && ind.kind == model::IndicatorKind::share) {
      ind.numerator = r.text("numerator", true).value_or("");
      ind.denominator = r.text("denominator", true).value_or("");
      r.reject_present("input", "у показателя вида share есть numerator и denominator");
    } else if (kind) {
      ind.input = r.text("input", true).value_or("");
      const std::string why = "показатель вида " + *kind + " берёт значение из одного поля input";
      r.reject_present("numerator", why);
      r.reject_present("denominator", why);
    }
    if (const auto b = r.choice("better", k_better, false)) {
      ind.better = *b == "lower" ? model::Better::lower : model::Better::higher;
    }
    read_targets(st, r, ind, kind.has_value());
    ind.position = r.text("position", false).value_or("");
    ind.matches_goal = r.flag("matches_goal").value_or(true);
    ind.bad = r.flag("bad").value_or(false);
    st.indicator_kind_known.push_back(kind.has_value());
    st.def.indicators.push_back(std::move(ind));
  }
}

void reject_unknown_sections(ReadState& st, const toml::table& root) {
  std::vector<std::string> names(std::begin(k_top_keys), std::end(k_top_keys));
  names.insert(names.end(), std::begin(k_rubric_top_keys), std::end(k_rubric_top_keys));
  for (const auto& [key, value] : root) {
    const std::string name(key.str());
    if (std::find(names.begin(), names.end(), name) != names.end()) continue;
    st.out.push_back(Diagnostic::error(
        root_location(st, name, static_cast<int>(value.source().begin.line)),
        "неизвестный раздел «" + name + "»", choose_hint(name, names, "допустимые разделы")));
  }
}

void require_nonempty(ReadState& st, const toml::table& root, std::string_view name,
                      std::string_view what) {
  const auto* node = root.get(name);
  if (node != nullptr && node->is_array_of_tables() && !node->as_array()->empty()) return;
  if (node != nullptr && !node->is_array_of_tables()) return;  // already reported as wrong type
  st.out.push_back(Diagnostic::error(root_location(st, name, 1),
                                     "в методике нет ни одного " + std::string(what),
                                     "добавьте хотя бы одну таблицу [[" + std::string(name) + "]]"));
}

// This file's problems by line; then those of the files [[source]] names, in
// the order they were found (each source's own are already sorted).
void sort_by_line(std::vector<Diagnostic>& ds, const std::string& file_name) {
  std::stable_sort(ds.begin(), ds.end(), [&](const Diagnostic& a, const Diagnostic& b) {
    const bool a_other = a.where.file != file_name;
    const bool b_other = b.where.file != file_name;
    if (a_other || b_other) return !a_other && b_other;
    return a.where.line.value_or(0) < b.where.line.value_or(0);
  });
}

}  // namespace

model::ExpectedAll<LoadedDefinition> parse_definition(std::string_view toml_text,
                                                      const std::string& file_name,
                                                      const SourceResolver& resolve_source) {
  toml::table root;
  try {
    root = toml::parse(toml_text, std::string_view{file_name});
  } catch (const toml::parse_error& e) {
    // The only exception this stage catches: toml++ reports syntax errors so.
    model::Location where;
    where.file = file_name;
    where.line = static_cast<int>(e.source().begin.line);
    return std::unexpected(std::vector<Diagnostic>{Diagnostic::error(
        where,
        "ошибка синтаксиса TOML в позиции " + std::to_string(e.source().begin.column) + ": " +
            std::string(e.description()),
        "проверьте кавычки, скобки и знак «=» в этой строке; один ключ нельзя задавать дважды")});
  }
  return read_definition_table(root, file_name, resolve_source);
}

model::ExpectedAll<LoadedDefinition> read_definition_table(const toml::table& root,
                                                           const std::string& file_name,
                                                           const SourceResolver& resolve_source) {
  ReadState st{file_name, {}, {}, {}, {}, {}};
  reject_unknown_sections(st, root);
  read_header(st, root);
  st.def.schedule = read_schedule(
      root, file_name, st.lines,
      st.periodicity_known ? std::optional(st.def.periodicity) : std::nullopt, st.out);
  read_directions(st, root);
  read_inputs(st, root);
  read_surveys(root, file_name, st.lines, st.def, st.out);
  st.input_kind_known.resize(st.def.inputs.size(), true);  // a survey's inputs are counts
  read_indicators(st, root);
  read_sources(root, file_name, st.lines, resolve_source, st.def, st.out);
  // A method may be collected by questionnaires only: then it has no form.
  if (!root.contains("survey")) require_nonempty(st, root, "input", "поля формы [[input]]");
  if (!root.contains("source")) require_nonempty(st, root, "indicator", "показателя [[indicator]]");
  check_definition({st.def, file_name, st.lines, st.input_kind_known, st.indicator_kind_known},
                   st.out);
  // The rubric, clustering and recommendation sections refer to inputs and
  // indicators, so they are read once those are known.
  if (auto rubric = parse_rubric(root, file_name, st.def)) {
    st.def.rubric = std::move(rubric->rubric);
    st.out.insert(st.out.end(), rubric->warnings.begin(), rubric->warnings.end());
  } else {
    st.out.insert(st.out.end(), rubric.error().begin(), rubric.error().end());
  }

  sort_by_line(st.out, file_name);
  std::vector<Diagnostic> errors;
  std::vector<Diagnostic> warnings;
  for (auto& d : st.out) {
    (d.severity == model::Severity::error ? errors : warnings).push_back(std::move(d));
  }
  if (!errors.empty()) return std::unexpected(std::move(errors));
  st.def.form_revision = form_revision(st.def);
  return LoadedDefinition{std::move(st.def), std::move(warnings)};
}

namespace {

model::ExpectedAll<LoadedDefinition> load_file(const std::filesystem::path& file,
                                               const SourceResolver& resolve_source) {
  const std::string name = file.filename().string();
  if (is_method_book(file)) return load_method_book(file, resolve_source);
  const auto text = util::read_file(file);
  if (!text) {
    model::Location where;
    where.file = name;
    return std::unexpected(std::vector<Diagnostic>{Diagnostic::error(
        where, "не удалось открыть файл методики", "проверьте путь: " + file.string())});
  }
  auto loaded = parse_definition(*text, name, resolve_source);
  if (loaded) loaded->definition.file = file;
  return loaded;
}

}  // namespace

model::ExpectedAll<LoadedDefinition> load_definition(const std::filesystem::path& file) {
  // Sources load relative to this file's folder, without sources of their own.
  const SourceResolver resolve = [folder = file.parent_path()](const std::string& source) {
    return load_file(folder / source, {});
  };
  return load_file(file, resolve);
}

}  // namespace definition
