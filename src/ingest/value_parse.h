// Values as people type them, normalised by explicit, tested rules. What
// cannot be read safely is an error, never a guess:
//   counts: 12, "12", " 12 ", "1 234" (space or non-breaking space between
//           thousands), "12,0" / "12.0" -> 12;  "12,5" -> error (not whole),
//           "1,234.5" -> error (ambiguous separators), "12%" -> error (a count
//           is not a percentage), "-3" -> error (negative), "n/a" -> error.
//   yes/no: "Да" "да" "ДА" "+" "1" "yes" "true" TRUE 1 -> yes;
//           "Нет" "нет" "-" "0" "no" "false" FALSE 0 -> no; anything else -> error.
//   text:   any string or number, trimmed; longer than 1000 chars -> error.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "ingest/workbook_model.h"

namespace ingest {

// A rule broken by one cell: Russian text for Diagnostic.message and .hint.
struct ValueProblem {
  std::string message;
  std::string hint;
};

template <class T>
struct Parsed {
  std::optional<T> value;                // set when the cell was read
  std::optional<ValueProblem> problem;   // set when it could not be
};

// Trims ASCII spaces, tabs, CR/LF, NBSP (U+00A0), narrow NBSP (U+202F), thin
// space (U+2009) and zero-width space (U+200B) at both ends.
std::string_view trim_spaces(std::string_view s);

// Reads a decimal written with ',' or '.' as the decimal mark and spaces
// (including NBSP) between groups of three digits. nullopt for anything else.
std::optional<double> parse_decimal_text(std::string_view text);

// A whole, non-negative number of people (or events, products...).
Parsed<double> parse_count(const Cell& cell);
Parsed<bool> parse_yesno(const Cell& cell);
Parsed<std::string> parse_text(const Cell& cell);

// What a cell shows, for "найдено «…»" in messages.
std::string cell_display(const Cell& cell);

// Excel serial day (1900 system) -> "YYYY-MM-DD"; nullopt outside 1900..9999.
std::optional<std::string> serial_to_iso_date(double serial);
// "05.11.2026", "5.11.2026", "2026-11-05" -> "2026-11-05"; nullopt if not a real date.
std::optional<std::string> parse_date_text(std::string_view text);

}  // namespace ingest
