// Worksheet names that Excel and LibreOffice accept, made from school names.
//
//   SheetNamer names;
//   names.reserve("Сводка");
//   const std::string s = names.unique_name("МБОУ СОШ № 1 им. А.С. Пушкина");
//
// Excel's rules: 1..31 characters, none of []:*?/\ , no apostrophe at either
// end, unique ignoring case ("Школа" and "ШКОЛА" clash), and not "History".
// libxlsxwriter's own check (workbook_validate_sheet_name) folds ASCII case
// only, so Cyrillic case is folded here.
#pragma once

#include <set>
#include <string>
#include <string_view>

namespace report {

inline constexpr std::size_t k_max_sheet_name = 31;

// `wanted` made valid (not yet unique): forbidden characters become '_',
// apostrophes become '’', control characters and surrounding blanks are
// dropped, the text is cut to 31 characters; empty input gives "Лист".
std::string valid_sheet_name(std::string_view wanted);

// Lower-case form used to compare names: ASCII, Latin-1 and Cyrillic letters.
std::string lower_text(std::string_view name);

class SheetNamer {
 public:
  // Marks `name` as taken (a fixed sheet such as "Сводка").
  void reserve(std::string_view name);
  // A valid name not taken yet, from `wanted`; a clash gets " (2)", " (3)",
  // ... with the base shortened so the whole fits in 31 characters.
  std::string unique_name(std::string_view wanted);
  bool taken(std::string_view name) const;

 private:
  std::set<std::string> m_taken;  // folded names
};

}  // namespace report
