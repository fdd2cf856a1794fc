// The method workbook's sheets and columns, shared by its writer
// (method_book_writer.h: headers, notes, widths, drop-downs) and its reader
// (method_book_reader.h: which column is which, how a cell is read, which
// TOML key of the definition format it becomes). Internal to src/definition/.
//
// A method workbook holds what a TOML definition holds (definition_loader.h,
// templates/demo.toml), in sheets a methodist recognises:
//   «Общее»          what / value rows: [definition], [rubric] header, [clusters], [recommendations]
//   «Направления»    [[direction]]
//   «Поля формы»     [[input]]
//   «Показатели»     [[indicator]] without its targets
//   «Цели»           indicator × year: the roadmap as a document prints it (targets)
//   «Блоки рубрики»  [[block]] without positions and parameters
//   «Рубрика»        block × position × parameter rows: positions, parameters, points, [[evidence]]
//   «Рекомендации»   [[recommendation]]
//   «Календарь»      what / value rows: [schedule]
//   «Источники»      [[source]] (only a yearly rubric over monitorings has it)
//   «Как заполнять»  instructions, not read
// Row 1 of a table sheet is its header; data starts on row 2. Columns are
// found by their header (a moved column is still found); a row whose read
// columns are all empty is skipped. A sheet added to the format is a new
// SheetSpec here, a writer and a reader function.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace definition::book {

// How a cell is read, and what the writer's drop-down offers.
enum class CellKind {
  text,      // any text; a number is read as it shows ("1.1", "2026")
  field_id,  // [a-z][a-z0-9_]*: fields, indicators, parameters (is_valid_field_id)
  plain_id,  // [A-Za-z0-9_-]+: directions, blocks, positions, the method (is_valid_plain_id)
  number,    // a decimal: 12.5, "12,5", a number stored as text; "70%" in a percent cell is 70
  whole,     // a whole number
  yesno,     // Да / Нет (also TRUE/FALSE, 1/0, +/-)
  choice,    // one of the column's choices, by its shown name or its TOML code
  month,     // январь … декабрь (month_choices()), or its number 1..12
};

// One value of a drop-down: its TOML code and the name a methodist sees.
struct Choice {
  std::string_view code;
  std::string_view shown;
};

// Lists a column's values must come from (the writer's drop-down shows them).
enum class ListOf { none, fields, indicators, directions, blocks, sources };

struct Column {
  std::string_view header;
  std::string_view key;  // TOML key it becomes; empty: shown only, never read
  CellKind kind = CellKind::text;
  double width = 16;
  bool required = false;
  ListOf list = ListOf::none;
  std::span<const Choice> choices = {};
  std::string_view note;  // the header cell's note: what to write here
};

enum class SheetId {
  general, directions, fields, indicators, targets, blocks, rubric, recommendations, calendar,
  sources, instructions,
};

struct SheetSpec {
  SheetId id;
  std::string_view name;
  // Table sheets: their columns. What / value sheets («Общее», «Календарь»)
  // have the two columns k_what and k_value and read `settings` by row.
  std::span<const Column> columns;
  bool optional = false;  // may be missing from a workbook («Источники»)
};

// A row of a what / value sheet: its label in the first column, the TOML key
// path its value becomes ("definition.id", "rubric.levels.high").
struct Setting {
  std::string_view label;
  std::string_view key;
  CellKind kind = CellKind::text;
  bool required = false;
  bool repeated = false;  // may stand in several rows: a list ("definition.basis")
  std::span<const Choice> choices = {};
  std::string_view note;  // shown in the third column
};

// Every sheet, in workbook order.
std::span<const SheetSpec> sheets();
const SheetSpec& sheet(SheetId id);
// The settings of a what / value sheet (general or calendar).
std::span<const Setting> settings(SheetId id);

// Column headers of what / value sheets.
inline constexpr std::string_view k_what = "Что";
inline constexpr std::string_view k_value = "Значение";
inline constexpr std::string_view k_explain = "Пояснение";

// The column of `sheet` whose TOML key is `key`; nullptr when none.
const Column* column_by_key(const SheetSpec& sheet, std::string_view key);

// Choices of the TOML format's enumerations, as the workbook shows them.
std::span<const Choice> yes_no();
std::span<const Choice> month_choices();  // codes "1".."12"
std::span<const Choice> periodicity_choices();  // codes as model::periodicity_code

// The code of `text` among `choices`: by shown name (case, «ё», spaces and a
// trailing period ignored) or by code; nullopt when it is none of them.
std::optional<std::string_view> choice_code(std::span<const Choice> choices, std::string_view text);
// Whether two labels are the same words (case, «ё», spaces at the ends and a
// trailing period ignored).
bool same_text(std::string_view a, std::string_view b);
// The shown name of `code`; the code itself when it is not among `choices`.
std::string_view choice_shown(std::span<const Choice> choices, std::string_view code);

}  // namespace definition::book
