// The schools registry: one row per school (ОО) of the municipality.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace model {

struct School {
  std::string id;          // stable id used in forms and file names: "sch01"
  std::string short_name;  // "МБОУ СОШ № 1"
  std::string full_name;   // full legal name
  std::string director;    // "Иванова Мария Петровна"
  std::string email;       // director's address for results
};

struct Registry {
  std::vector<School> schools;  // in registry order

  const School* find(std::string_view school_id) const;
  // The school a file is named for: the one whose id starts the name
  // (ASCII letters in any case) and is followed by the end of the name or a
  // character other than a Latin letter or digit ("sch01_2026-11.xlsx",
  // "SCH01 (1).xlsx" -> sch01; "sch010.xlsx" -> not sch01). The longest such
  // id wins; nullptr when none.
  const School* named_in_file(std::string_view file_name) const;
};

}  // namespace model
