// Where each key of the TOML document a method workbook is turned into came
// from, and the relocation of the definition checks' findings to those
// cells. The checks (definition_loader, rubric_loader …) speak of TOML keys
// ("indicator[3].numerator", "block[2].declared_max"); a methodist reads
// «Методика.xlsx, лист «Показатели», строка 7, «Числитель»». Internal to
// src/definition/ (method_book_reader.cpp).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "definition/method_book_cells.h"
#include "model/diagnostic.h"

namespace definition::book {

class Places {
 public:
  void add(std::string key, const Place& place) { m_places.insert_or_assign(std::move(key), place); }
  // The key's own cell, else its nearest enclosing key's ("a[1].b.c" ->
  // "a[1].b" -> "a[1]" -> "a"); nullptr when none is known. `exact` tells
  // which.
  const Place* find(std::string key, bool* exact = nullptr) const;

  // Moves `d` (found by the TOML checks in `file`) to its cell and words it
  // for the workbook: TOML keys and sections become the sheets' column
  // headers and names, kinds their shown names; a hint written in TOML
  // syntax is replaced by the note of the column the key is in (dropped when
  // only an enclosing key's cell is known). Diagnostics of other files
  // (a [[source]]'s) are left as they are.
  model::Diagnostic relocate(model::Diagnostic d, const std::string& file) const;

 private:
  std::map<std::string, Place> m_places;
};

// `text` (a message of the definition checks) in the workbook's words, as
// relocate() words it for a cell on `sheet` (empty: no sheet's columns).
std::string workbook_words(std::string text, std::string_view sheet);

// The note of a column (or of a what / value row) of the format; empty when unknown.
std::string_view note_of(const Place& place);

// Orders diagnostics of `file` by sheet (workbook order), row and column;
// those without a cell first, those of other files last, each group stable.
void sort_by_place(std::vector<model::Diagnostic>& ds, const std::string& file);

}  // namespace definition::book
