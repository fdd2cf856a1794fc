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
};

}  // namespace model
