#include "definition/method_book_reader.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <deque>
#include <fstream>
#include <map>
#include <set>

#include "definition/definition_table.h"
#include "definition/method_book_cells.h"
#include "definition/method_book_places.h"
#include "definition/naming.h"
#include "ingest/file_sniff.h"
#include "ingest/workbook.h"
#include "model/form_fields.h"

namespace definition {

namespace {

using book::CellKind;
using book::ListOf;
using book::Place;
using book::SheetId;
using book::TableSheet;
using book::Value;
using model::Diagnostic;

std::string q(std::string_view s) { return "«" + std::string(s) + "»"; }

std::string item(std::string_view section, std::size_t i) {
  return std::string(section) + "[" + std::to_string(i + 1) + "]";
}

std::size_t col_index(const book::SheetSpec& spec, std::string_view key) {
  for (std::size_t c = 0; c < spec.columns.size(); ++c) {
    if (spec.columns[c].key == key) return c;
  }
  return 0;
}

void put(toml::table& t, std::string_view key, Value v) {
  std::visit([&](auto&& x) { t.insert_or_assign(key, std::move(x)); }, std::move(v));
}

// The year a «Цели» header names: 2025, "2025", "2025 г.", "2025 год".
std::optional<int> header_year(const ingest::Cell& cell) {
  std::string text = book::shown(&cell);
  for (const std::string_view tail : {"год", "г."}) {
    if (text.ends_with(tail)) text.resize(text.size() - tail.size());
  }
  while (!text.empty() && text.back() == ' ') text.pop_back();
  int year = 0;
  const auto* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, year);
  if (ec != std::errc{} || ptr != end || year < 2000 || year > 2100) return std::nullopt;
  return year;
}

// A list of codes other sheets may refer to, and where each was written.
struct IdList {
  std::string_view sheet;
  std::string_view missing;  // "поля", "показателя" …: «<missing> «x» нет на листе …»
  std::vector<std::string> ids;
  std::map<std::string, std::size_t> index;  // code -> its row's item in the TOML array (first one)
};

class BookReader {
 public:
  BookReader(const ingest::Workbook& wb, const std::string& file) : m_wb(wb), m_file(file) {
    m_lists[ListOf::fields] = {"Поля формы", "поля", {}, {}};
    m_lists[ListOf::indicators] = {"Показатели", "показателя", {}, {}};
    m_lists[ListOf::directions] = {"Направления", "направления", {}, {}};
    m_lists[ListOf::blocks] = {"Блоки рубрики", "блока", {}, {}};
    m_lists[ListOf::sources] = {"Источники", "мониторинга", {}, {}};
  }

  void read() {
    read_settings(SheetId::general);
    read_settings(SheetId::calendar);
    read_rows(SheetId::directions, "direction", ListOf::directions);
    read_rows(SheetId::fields, "input", ListOf::fields);
    read_rows(SheetId::indicators, "indicator", ListOf::indicators);
    read_rows(SheetId::sources, "source", ListOf::sources);
    read_targets();
    read_rubric();
    read_rows(SheetId::recommendations, "recommendation", ListOf::none);
    check_references();
  }

  toml::table& root() { return m_root; }
  const book::Places& places() const { return m_places; }
  std::vector<Diagnostic>& diagnostics() { return m_out; }

 private:
  const ingest::Sheet* sheet_of(SheetId id) const { return m_wb.sheet(book::sheet(id).name); }

  toml::table& table_at(const std::vector<std::string_view>& path) {
    toml::table* t = &m_root;
    for (const auto part : path) {
      if (!t->contains(part)) t->insert(part, toml::table{});
      t = t->get_as<toml::table>(part);
    }
    return *t;
  }

  void read_settings(SheetId id) {
    book::SettingsSheet sheet(book::sheet(id), sheet_of(id), m_file, m_out);
    for (const auto& s : book::settings(id)) {
      m_places.add(std::string(s.key), sheet.place_of(s.key));
      // A section's own place ("definition", "rubric.levels"): its first row.
      for (auto dot = s.key.find('.'); dot != std::string_view::npos; dot = s.key.find('.', dot + 1)) {
        std::string section(s.key.substr(0, dot));
        if (m_sections.insert(section).second) m_places.add(std::move(section), sheet.place_of(s.key));
      }
    }
    for (const auto& e : sheet.entries()) {
      std::vector<std::string_view> path;
      std::string_view key = e.setting->key;
      for (auto dot = key.find('.'); dot != std::string_view::npos; dot = key.find('.')) {
        path.push_back(key.substr(0, dot));
        key.remove_prefix(dot + 1);
      }
      toml::table& t = table_at(path);
      if (e.setting->repeated) {
        if (!t.contains(key)) t.insert(key, toml::array{});
        auto* arr = t.get_as<toml::array>(key);
        std::visit([&](auto x) { arr->push_back(std::move(x)); }, e.value);
        m_places.add(std::string(e.setting->key) + "[" + std::to_string(arr->size()) + "]", e.place);
      } else {
        put(t, key, e.value);
      }
    }
  }

  // A reference to another sheet's code, checked once every sheet is read.
  void refer(ListOf list, const std::string& id, const Place& at) { m_refs.push_back({list, id, at}); }

  // Reads the sheet's rows into [[section]] tables, one per row, with the
  // keys of its columns. `ids`: the list the rows' first column (the code)
  // adds to; codes must not repeat.
  void read_rows(SheetId id, std::string_view section, ListOf ids) {
    auto& sheet = m_tables.emplace_back(book::sheet(id), sheet_of(id), m_file, m_out);
    const auto& spec = sheet.spec();
    toml::array rows;
    std::map<std::string, std::uint32_t> first_row;
    for (const auto row : sheet.rows()) {
      const std::string path = item(section, rows.size());
      toml::table t;
      m_places.add(path, sheet.place(row, 0));
      for (std::size_t c = 0; c < spec.columns.size(); ++c) {
        const auto& col = spec.columns[c];
        if (col.key.empty()) continue;
        m_places.add(path + "." + std::string(col.key), sheet.place(row, c));
        auto v = sheet.value(row, c);
        if (!v) continue;
        if (const auto* s = std::get_if<std::string>(&*v)) {
          if (col.list != ListOf::none) refer(col.list, *s, sheet.place(row, c));
          if (c == 0 && ids != ListOf::none) {
            const auto [it, fresh] = first_row.emplace(*s, row);
            if (!fresh) {
              sheet.error(sheet.place(row, c),
                          "код " + q(*s) + " уже есть в строке " + std::to_string(it->second + 1),
                          "дайте каждой строке свой код", *s);
            }
            m_lists[ids].ids.push_back(*s);
            m_lists[ids].index.emplace(*s, rows.size());
          }
        }
        put(t, col.key, std::move(*v));
      }
      rows.push_back(std::move(t));
    }
    if (!rows.empty()) m_root.insert(section, std::move(rows));
    if (!sheet.rows().empty() || sheet.sheet() != nullptr) {
      const std::uint32_t first = sheet.rows().empty() ? 1 : sheet.rows().front();
      m_places.add(std::string(section), sheet.place(first, 0));
    }
  }

  // «Цели»: one row per indicator, one column per year -> indicator[i].targets.
  void read_targets() {
    TableSheet sheet(book::sheet(SheetId::targets), sheet_of(SheetId::targets), m_file, m_out);
    std::vector<std::pair<std::uint32_t, int>> years;  // column, year
    for (const auto& [col, header] : sheet.other_columns()) {
      if (const auto year = header_year(*header)) {
        const bool twice = std::any_of(years.begin(), years.end(), [&](const auto& y) { return y.second == *year; });
        if (twice) {
          sheet.error({sheet.spec().name, 0, col, book::shown(header)},
                      "год " + std::to_string(*year) + " уже есть в заголовке левее",
                      "оставьте для года один столбец", book::shown(header));
          continue;
        }
        years.emplace_back(col, *year);
        continue;
      }
      const bool used = std::any_of(sheet.rows().begin(), sheet.rows().end(), [&](std::uint32_t r) {
        return sheet.sheet()->find({r, col}) != nullptr;
      });
      if (used) {
        sheet.error({sheet.spec().name, 0, col, book::shown(header)},
                    "заголовок столбца целей должен быть годом от 2000 до 2100",
                    "запишите в заголовке год, например 2026", book::shown(header));
      }
    }
    auto* indicators = m_root.get_as<toml::array>("indicator");
    std::map<std::string, std::uint32_t> first_row;
    for (const auto row : sheet.rows()) {
      const auto id = sheet.text(row, 0);
      if (!id) continue;
      const auto [it, fresh] = first_row.emplace(*id, row);
      if (!fresh) {
        sheet.error(sheet.place(row, 0),
                    "цели показателя " + q(*id) + " уже заданы в строке " + std::to_string(it->second + 1),
                    "оставьте одну строку на показатель", *id);
        continue;
      }
      const auto& known = m_lists[ListOf::indicators].index;
      const auto at = known.find(*id);
      if (at == known.end() || indicators == nullptr) {
        refer(ListOf::indicators, *id, sheet.place(row, 0));
        continue;
      }
      const auto index = at->second;
      auto* indicator = (*indicators)[index].as_table();
      const std::string path = item("indicator", index) + ".targets";
      m_places.add(path, sheet.place(row, 0));
      toml::table targets;
      for (const auto& [col, year] : years) {
        const auto* cell = sheet.sheet()->find({row, col});
        auto read = book::read_value(cell, CellKind::number, {});
        const Place shown_place{sheet.spec().name, row, col, header_text(year)};
        if (!read.problem.empty()) {
          sheet.error(shown_place, "цель на " + std::to_string(year) + " год: " + read.problem, read.hint,
                      book::shown(cell));
          continue;
        }
        if (!read.value) continue;
        m_places.add(path + "." + std::to_string(year), shown_place);
        targets.insert(std::to_string(year), std::get<double>(*read.value));
      }
      if (!targets.empty()) indicator->insert_or_assign("targets", std::move(targets));
    }
    // The checks speak of the roadmap as a whole under "definition" (no
    // indicator has targets): that is this sheet.
    if (sheet.sheet() != nullptr) {
      m_places.add("definition", sheet.place(sheet.rows().empty() ? 1 : sheet.rows().front(), 0));
    }
  }

  // Year headers are read from the workbook; the place keeps a view, so the
  // texts live here.
  std::string_view header_text(int year) {
    return *m_year_headers.insert(std::to_string(year)).first;
  }

  // «Блоки рубрики» and «Рубрика»: [[block]] with positions and params, and [[evidence]].
  void read_rubric() {
    read_rows(SheetId::blocks, "block", ListOf::blocks);
    auto* blocks = m_root.get_as<toml::array>("block");
    auto& sheet = m_tables.emplace_back(book::sheet(SheetId::rubric), sheet_of(SheetId::rubric), m_file, m_out);
    const auto& spec = sheet.spec();
    const auto c_block = col_index(spec, "block"), c_pos = col_index(spec, "position"),
               c_name = col_index(spec, "name"), c_param = col_index(spec, "param"),
               c_title = col_index(spec, "title"), c_points = col_index(spec, "points");
    struct Position {
      std::string id;
      std::optional<std::string> name;
      std::uint32_t row;
    };
    struct Param {
      std::string id;
      std::optional<std::string> title;
      std::optional<double> points;
      std::uint32_t row;
    };
    struct BlockRows {
      std::vector<Position> positions;
      std::vector<Param> params;
      std::set<std::pair<std::string, std::string>> cells;  // (position, param) seen
      std::optional<std::uint32_t> first_row;
    };
    const auto& block_index = m_lists[ListOf::blocks].index;
    std::vector<BlockRows> rows_of(blocks != nullptr ? blocks->size() : 0);
    toml::array evidence;
    std::map<std::pair<std::string, std::string>, std::size_t> evidence_of;  // (block, position) -> index
    for (const auto row : sheet.rows()) {
      const auto block = sheet.text(row, c_block);
      const auto position = sheet.text(row, c_pos);
      const auto name = sheet.text(row, c_name);
      auto param = sheet.text(row, c_param);
      const auto title = sheet.text(row, c_title);
      std::optional<double> points;
      if (auto v = sheet.value(row, c_points)) points = std::get<double>(*v);
      std::map<std::string, Value> proof;  // input, indicator, monitoring, test
      for (const auto* key : {"input", "indicator", "monitoring", "test"}) {
        const auto c = col_index(spec, key);
        if (auto v = sheet.value(row, c)) {
          if (spec.columns[c].list != ListOf::none) refer(spec.columns[c].list, std::get<std::string>(*v), sheet.place(row, c));
          proof.emplace(key, std::move(*v));
        }
      }
      if (block) refer(ListOf::blocks, *block, sheet.place(row, c_block));
      if (!block || !position) continue;
      const auto at = block_index.find(*block);
      if (at == block_index.end()) continue;  // referred to above: «блока … нет»
      const auto bi = at->second;
      auto& rows = rows_of[bi];
      if (!rows.first_row) rows.first_row = row;
      const auto* block_table = (*blocks)[bi].as_table();
      const auto kind = block_table->get_as<std::string>("kind");
      const std::string kind_code = kind != nullptr ? kind->get() : std::string();
      const std::string bpath = item("block", bi);
      // Positions, in the order they first appear.
      auto pos = std::find_if(rows.positions.begin(), rows.positions.end(),
                              [&](const Position& p) { return p.id == *position; });
      if (pos == rows.positions.end()) {
        rows.positions.push_back({*position, name, row});
        pos = rows.positions.end() - 1;
        const std::string ppath = bpath + ".positions[" + std::to_string(rows.positions.size()) + "]";
        m_places.add(ppath, sheet.place(row, c_pos));
        m_places.add(ppath + ".id", sheet.place(row, c_pos));
        m_places.add(ppath + ".name", sheet.place(row, c_name));
      } else if (name && pos->name && *name != *pos->name) {
        sheet.error(sheet.place(row, c_name),
                    "у позиции " + q(*position) + " в строке " + std::to_string(pos->row + 1) +
                        " другое название: " + q(*pos->name),
                    "у позиции одно название во всех её строках; достаточно написать его в первой", *name);
      } else if (name && !pos->name) {
        pos->name = name;
        const std::string ppath = bpath + ".positions[" +
                                  std::to_string(static_cast<std::size_t>(pos - rows.positions.begin()) + 1) + "]";
        m_places.add(ppath + ".name", sheet.place(row, c_name));
      }
      // Parameters: none for a block scored by its indicators; "met" when a
      // one-condition block leaves it empty.
      if (kind_code == "indicator_set") {
        if (param) {
          sheet.error(sheet.place(row, c_param),
                      "у блока " + q(*block) + " вида «по показателям» параметров нет: баллы задаются на "
                      "листе «Блоки рубрики»",
                      "оставьте «Параметр», «Название параметра» и «Баллы» пустыми", *param);
        }
        if (!proof.empty()) {
          sheet.error(sheet.place(row, col_index(spec, "input")),
                      "блок " + q(*block) + " считает баллы по показателям позиции; подтверждения ему не нужны",
                      "оставьте столбцы подтверждения пустыми");
        }
        continue;
      }
      if (!param && kind_code == "binary") param = "met";
      if (!param) {
        if (!kind_code.empty()) sheet.error(sheet.place(row, c_param), "не заполнено", std::string(spec.columns[c_param].note));
        continue;
      }
      if (!rows.cells.insert({*position, *param}).second) {
        sheet.error(sheet.place(row, c_param),
                    "параметр " + q(*param) + " позиции " + q(*position) + " уже есть выше",
                    "у позиции каждый параметр — одной строкой", *param);
        continue;
      }
      auto par = std::find_if(rows.params.begin(), rows.params.end(),
                              [&](const Param& p) { return p.id == *param; });
      if (par == rows.params.end()) {
        rows.params.push_back({*param, title, points, row});
        const std::string ppath = bpath + ".params[" + std::to_string(rows.params.size()) + "]";
        m_places.add(ppath, sheet.place(row, c_param));
        m_places.add(ppath + ".id", sheet.place(row, c_param));
        m_places.add(ppath + ".title", sheet.place(row, c_title));
        m_places.add(ppath + ".points", sheet.place(row, c_points));
      } else {
        const auto where = " в строке " + std::to_string(par->row + 1);
        if (title && par->title && *title != *par->title) {
          sheet.error(sheet.place(row, c_title),
                      "у параметра " + q(*param) + where + " другое название: " + q(*par->title),
                      "параметры блока одни и те же у всех его позиций: исправьте название", *title);
        } else if (title && !par->title) {
          par->title = title;
        }
        if (points && par->points && *points != *par->points) {
          sheet.error(sheet.place(row, c_points),
                      "у параметра " + q(*param) + where + " другие баллы: " + model::form::plain_number(*par->points),
                      "параметры блока одни и те же у всех его позиций: исправьте баллы",
                      model::form::plain_number(*points));
        } else if (points && !par->points) {
          par->points = points;
        }
      }
      if (proof.empty()) continue;
      const auto key = std::pair(*block, *position);
      auto [eit, fresh] = evidence_of.emplace(key, evidence.size());
      if (fresh) {
        toml::table t;
        t.insert("block", *block);
        t.insert("position", *position);
        evidence.push_back(std::move(t));
        const std::string epath = item("evidence", eit->second);
        m_places.add(epath, sheet.place(row, c_block));
        m_places.add(epath + ".block", sheet.place(row, c_block));
        m_places.add(epath + ".position", sheet.place(row, c_pos));
      }
      const std::string epath = item("evidence", eit->second) + "." + *param;
      toml::table ev;
      const auto first_proof = proof.contains("input") ? "input" : proof.contains("indicator") ? "indicator"
                               : proof.contains("monitoring") ? "monitoring" : "test";
      m_places.add(epath, sheet.place(row, col_index(spec, first_proof)));
      for (auto& [key2, v] : proof) {
        m_places.add(epath + "." + key2, sheet.place(row, col_index(spec, key2)));
        put(ev, key2, std::move(v));
      }
      evidence[eit->second].as_table()->insert(*param, std::move(ev));
    }
    for (std::size_t bi = 0; blocks != nullptr && bi < rows_of.size() && bi < blocks->size(); ++bi) {
      auto& rows = rows_of[bi];
      auto* t = (*blocks)[bi].as_table();
      const std::string bpath = item("block", bi);
      if (rows.first_row) m_places.add(bpath + ".positions", sheet.place(*rows.first_row, c_pos));
      toml::array positions;
      for (const auto& p : rows.positions) {
        toml::table pt;
        pt.insert("id", p.id);
        if (p.name) pt.insert("name", *p.name);
        positions.push_back(std::move(pt));
      }
      t->insert_or_assign("positions", std::move(positions));
      if (rows.params.empty()) continue;
      m_places.add(bpath + ".params", sheet.place(rows.params.front().row, c_param));
      toml::array params;
      for (const auto& p : rows.params) {
        toml::table pt;
        pt.insert("id", p.id);
        if (p.title) pt.insert("title", *p.title);
        pt.insert("points", p.points.value_or(1.0));
        params.push_back(std::move(pt));
      }
      t->insert_or_assign("params", std::move(params));
    }
    if (!evidence.empty()) m_root.insert("evidence", std::move(evidence));
    if (sheet.sheet() != nullptr) {
      const std::uint32_t first = sheet.rows().empty() ? 1 : sheet.rows().front();
      m_places.add("evidence", sheet.place(first, 0));
      m_places.add("positions", sheet.place(first, c_pos));
    }
  }

  void check_references() {
    for (const auto& ref : m_refs) {
      const auto& list = m_lists[ref.list];
      if (std::find(list.ids.begin(), list.ids.end(), ref.id) != list.ids.end()) continue;
      m_out.push_back(Diagnostic::error(
          book::location_of(m_file, ref.place),
          std::string(list.missing) + " " + q(ref.id) + " нет на листе " + q(list.sheet),
          list.ids.empty() ? "лист " + q(list.sheet) + " пуст: сначала заполните его"
                           : choose_hint(ref.id, list.ids, "коды на листе " + q(list.sheet))));
    }
  }

  struct Ref {
    ListOf list;
    std::string id;
    Place place;
  };

  const ingest::Workbook& m_wb;
  const std::string& m_file;
  toml::table m_root;
  book::Places m_places;
  std::vector<Diagnostic> m_out;
  std::map<ListOf, IdList> m_lists;
  std::vector<Ref> m_refs;
  std::deque<TableSheet> m_tables;  // kept: places refer to their specs
  std::set<std::string> m_year_headers;
  std::set<std::string> m_sections;
};

// The TOML checks' findings, moved to the cells they came from; one per cell
// (what the reading of the workbook already said about a cell is not said
// again in the checks' words).
std::vector<Diagnostic> relocated(std::vector<Diagnostic> found, const book::Places& places,
                                  const std::string& file, const std::vector<Diagnostic>& already) {
  std::vector<Diagnostic> out;
  for (auto& d : found) {
    auto moved = places.relocate(std::move(d), file);
    const auto same_cell = [&](const Diagnostic& other) {
      return moved.where.file == file && other.where.sheet == moved.where.sheet && other.where.cell &&
             moved.where.cell && *other.where.cell == *moved.where.cell;
    };
    if (std::any_of(already.begin(), already.end(), same_cell)) continue;
    out.push_back(std::move(moved));
  }
  return out;
}

}  // namespace

bool is_method_book(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::array<unsigned char, 8> head{};
  in.read(reinterpret_cast<char*>(head.data()), head.size());
  const auto n = static_cast<std::size_t>(in.gcount());
  switch (ingest::sniff_file(std::span(head.data(), n))) {
    case ingest::FileKind::zip:
    case ingest::FileKind::cfb:
    case ingest::FileKind::encrypted_ooxml:
      return true;
    default:
      return false;
  }
}

model::ExpectedAll<LoadedDefinition> read_method_book(const ingest::Workbook& wb, const std::string& file_name,
                                                      const SourceResolver& resolve_source) {
  BookReader reader(wb, file_name);
  reader.read();
  auto& own = reader.diagnostics();
  const bool own_errors = model::has_errors(own);
  auto loaded = read_definition_table(reader.root(), file_name, resolve_source);
  std::vector<Diagnostic> errors;
  std::vector<Diagnostic> warnings;
  for (auto& d : own) (d.severity == model::Severity::error ? errors : warnings).push_back(std::move(d));
  if (!loaded) {
    auto more = relocated(std::move(loaded.error()), reader.places(), file_name, errors);
    errors.insert(errors.end(), more.begin(), more.end());
  } else if (!own_errors) {
    auto more = relocated(std::move(loaded->warnings), reader.places(), file_name, errors);
    warnings.insert(warnings.end(), more.begin(), more.end());
  }
  if (!errors.empty()) {
    book::sort_by_place(errors, file_name);
    return std::unexpected(std::move(errors));
  }
  book::sort_by_place(warnings, file_name);
  loaded->warnings = std::move(warnings);
  return std::move(*loaded);
}

model::ExpectedAll<LoadedDefinition> load_method_book(const std::filesystem::path& file,
                                                      const SourceResolver& resolve_source) {
  const std::string name = file.filename().string();
  auto wb = ingest::read_workbook(file);
  if (!wb) return std::unexpected(std::vector<Diagnostic>{wb.error()});
  auto loaded = read_method_book(*wb, name, resolve_source);
  if (loaded) loaded->definition.file = file;
  return loaded;
}

}  // namespace definition
