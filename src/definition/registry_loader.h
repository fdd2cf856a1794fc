// Loads the schools registry (CSV) into model::Registry.
//
// Format: a header line, then one school per line:
//   id;short_name;full_name;director;email[;senders]
//   sch01;МБОУ СОШ № 1;"Муниципальное ... «Школа № 1»";Иванова Мария Петровна;sch01@edu.ru
// The optional column senders (адреса_отправителей, другие_адреса) lists
// the school's other addresses a form may come from, separated by spaces,
// commas or semicolons ("zam@sch01.ru, office@sch01.ru"; quoted when the
// separator is the file's delimiter); letters still go to email alone. A
// registry without it reads as before.
// - Delimiter ';', ',' or TAB, detected from the header line. UTF-8 with or
//   without BOM; Windows-1251 (Excel's "CSV (разделители — точка с
//   запятой)") is converted, with a warning; UTF-16 is refused. CRLF or LF.
//   RFC 4180 quotes: "" inside quotes, delimiters and line breaks allowed.
// - Columns by name, any order, case-insensitive; Russian aliases: код,
//   краткое_наименование, полное_наименование, директор, e-mail / почта /
//   электронная_почта (spaces and "-" count as "_"). id and short_name are
//   required; the others may be missing (empty values, a warning for email).
//   Unknown columns are ignored with a warning.
// - Optional columns for questionnaires (model/survey.h): teachers / педагогов
//   / число_педагогов (a whole number from 0, or empty: the denominator of a
//   teachers' survey) and aliases / псевдонимы / другие_названия (other names
//   of the school in answers, separated by '|' or line breaks).
// - Values are trimmed. Errors (each located by line and column name): missing
//   required column, duplicate column, wrong number of values in a row, empty
//   or malformed id ([A-Za-z0-9_-]+, <= 64 chars: it goes into file names),
//   duplicate id, empty short_name, an unclosed quote, no schools at all, a
//   number of teachers that is not a whole number from 0.
// - Warnings: empty or malformed e-mail (model::is_valid_email: a line break
//   in a quoted field is malformed too, so are two addresses "a@x.ru, b@x.ru";
//   the school keeps its place and its workbook, School::email is left empty
//   so no mail is attempted, and the warning says which letters the school
//   will not get), a malformed address in senders (left out), an address
//   given to two schools (letters to both go to it, and its forms count for
//   whichever school they name), ignored columns, Windows-1251 input.
// Never throws on bad input.
//
// Example:
//   auto reg = definition::load_registry("schools.csv");
//   if (!reg) { report(reg.error()); return 2; }
//   for (const auto& school : reg->registry.schools) ...
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "model/diagnostic.h"
#include "model/school.h"

namespace definition {

struct LoadedRegistry {
  model::Registry registry;
  std::vector<model::Diagnostic> warnings;
};

// Locations name the file by its file name without folder.
model::ExpectedAll<LoadedRegistry> load_registry(const std::filesystem::path& file);

// `bytes` is the file's content in any of the encodings above.
model::ExpectedAll<LoadedRegistry> parse_registry(std::string_view bytes,
                                                  const std::string& file_name);

}  // namespace definition
