// The schools registry: one row per school (ОО) of the municipality.
#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <optional>
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
  // Other addresses the school may send its forms from (a deputy, the
  // school's office): a form collected from any of them or from `email`
  // counts for this school (collect/sender_trust.h). Letters go to `email` only.
  std::vector<std::string> senders = {};
  // Teachers (педагогические работники) of the school, when the registry has
  // the column: the denominator of a teachers' survey that asks for it
  // (model/survey.h). nullopt when not given.
  std::optional<int> teachers = std::nullopt;
  // Other names the school is known by in questionnaire answers («Школа
  // Кедровка», «КСОШ»): matched exactly, before any rule (survey/school_matcher.h).
  std::vector<std::string> aliases = {};
};

struct Registry {
  std::vector<School> schools;  // in registry order

  // The school with this id, or null.
  const School* find(std::string_view school_id) const;
  // The school a file is named for: the one whose id starts the name
  // (ASCII letters in any case) and is followed by the end of the name or a
  // character other than a Latin letter or digit ("sch01_2026-11.xlsx",
  // "SCH01 (1).xlsx" -> sch01; "sch010.xlsx" -> not sch01). The longest such
  // id wins; nullptr when none.
  const School* named_in_file(std::string_view file_name) const;

  // Both look-ups are logarithmic once index() has been called (the registry
  // loader does): a registry of thousands of schools is asked about every
  // school and every file. Without an index, or when `schools` has changed
  // size since, they scan, so a registry filled by hand still answers right.
  // After changing ids in place, call index() again.
  void index();

 private:
  bool indexed() const;
  std::map<std::string, std::size_t, std::less<>> m_by_id;     // id -> position in `schools`
  std::map<std::string, std::size_t, std::less<>> m_by_lower;  // ASCII-lowercased id -> first position
};

}  // namespace model
