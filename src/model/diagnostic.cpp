#include "model/diagnostic.h"

#include <algorithm>

namespace model {

Diagnostic Diagnostic::error(Location where, std::string message, std::string hint,
                             std::string found) {
  return {Severity::error, std::move(where), std::move(message), std::move(found), std::move(hint)};
}

Diagnostic Diagnostic::warning(Location where, std::string message, std::string hint,
                               std::string found) {
  return {Severity::warning, std::move(where), std::move(message), std::move(found),
          std::move(hint)};
}

std::string to_string(const Location& where) {
  if (!where.column.empty() && !where.sheet.empty() && where.cell) {
    return where.file + ", лист «" + where.sheet + "», строка " + std::to_string(where.cell->row + 1) +
           ", «" + where.column + "»";
  }
  std::string out = where.file;
  if (where.line) out += ":" + std::to_string(*where.line);
  if (!where.sheet.empty() || where.cell) {
    out += ":";
    if (!where.sheet.empty()) out += where.sheet;
    if (where.cell) out += (where.sheet.empty() ? "" : "!") + to_string(*where.cell);  // a CSV's cell: "ответы.csv:C7"
  }
  if (!where.key.empty()) out += " [" + where.key + "]";
  return out;
}

std::string to_string(const Diagnostic& d) {
  std::string out = to_string(d.where);
  if (!out.empty()) out += ": ";
  out += d.message;
  if (!d.found.empty()) out += ", найдено «" + d.found + "»";
  if (!d.hint.empty()) out += ". Как исправить: " + d.hint;
  return out;
}

std::string severity_name(Severity s) {
  switch (s) {
    case Severity::error: return "ошибка";
    case Severity::warning: return "предупреждение";
    case Severity::info: return "сведения";
  }
  return "ошибка";
}

std::string export_too_large_message(std::uintmax_t max_bytes, std::uintmax_t size) {
  return "файл больше " + std::to_string(max_bytes >> 20) + " МБ (" + std::to_string(size >> 20) +
         " МБ) — выгрузка ответов не читается";
}

std::string too_large_message(std::uintmax_t max_bytes) {
  return "файл больше " + std::to_string(max_bytes >> 20) + " МБ — это не похоже на школьную форму";
}

bool has_errors(const std::vector<Diagnostic>& ds) {
  return std::any_of(ds.begin(), ds.end(),
                     [](const Diagnostic& d) { return d.severity == Severity::error; });
}

}  // namespace model
