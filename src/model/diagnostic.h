// Located problems. Code that reads input returns Expected<T>; row-level
// problems are collected as std::vector<Diagnostic> and reading goes on.
// Messages are in Russian: the methodist and the schools read them.
#pragma once

#include <cstdint>
#include <expected>
#include <optional>
#include <string>
#include <vector>

#include "model/cell_ref.h"

namespace model {

enum class Severity { error, warning, info };

struct Location {
  std::string file;                // file name as the user knows it (no folder)
  std::string sheet;               // empty when not about a sheet
  std::optional<CellRef> cell;     // cell on `sheet`
  std::optional<int> line;         // 1-based line in a text file (TOML, CSV)
  std::string key;                 // TOML key or CSV column, when it helps
  // Header of the column `cell` is in, on a table sheet whose rows a person
  // fills in (a method workbook): then the place reads
  // "Методика.xlsx, лист «Показатели», строка 7, «Числитель»".
  std::string column = {};  // (initialised: older brace-initialisations of Location leave it out)
};

struct Diagnostic {
  Severity severity = Severity::error;
  Location where;
  std::string message;  // what is wrong: "ожидалось целое число"
  std::string found;    // the value found, verbatim; empty when nothing was there
  std::string hint;     // how to fix it: "введите число без букв и пробелов"

  static Diagnostic error(Location where, std::string message, std::string hint = {},
                          std::string found = {});
  static Diagnostic warning(Location where, std::string message, std::string hint = {},
                            std::string found = {});
};

// "школа_03.xlsx:Форма!C7: ожидалось целое число, найдено «12,5». Как исправить: …"
// With a column header: "Методика.xlsx, лист «Показатели», строка 7, «Числитель»: …"
std::string to_string(const Location& where);
std::string to_string(const Diagnostic& d);

// Russian word for a severity: "ошибка", "предупреждение", "сведения".
std::string severity_name(Severity s);

template <class T>
using Expected = std::expected<T, Diagnostic>;

// Several problems at once (e.g. a definition file with many mistakes).
template <class T>
using ExpectedAll = std::expected<T, std::vector<Diagnostic>>;

bool has_errors(const std::vector<Diagnostic>& ds);

// The refusal of a file over the size limit, said the same by the inbox scan
// (which refuses it before hashing) and by the reader.
std::string too_large_message(std::uintmax_t max_bytes);
inline constexpr const char* k_too_large_hint =
    "Удалите из книги лишние листы, рисунки и данные, оставьте только форму и отправьте снова";

// The refusal of a questionnaire export over its limit ([limits]
// max_export_mb), said the same by the inbox scan and the export reader.
std::string export_too_large_message(std::uintmax_t max_bytes, std::uintmax_t size);
inline constexpr const char* k_export_too_large_hint =
    "если это действительно ответы анкеты, скачайте их частями (по периодам) или увеличьте [limits] "
    "max_export_mb в конфигурации";

}  // namespace model
