#include "model/school.h"

#include <algorithm>

namespace model {

namespace {

bool ascii_alnum(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool starts_with_id(std::string_view name, std::string_view id) {
  if (id.empty() || name.size() < id.size()) return false;
  for (std::size_t i = 0; i < id.size(); ++i) {
    if (lower(name[i]) != lower(id[i])) return false;
  }
  return name.size() == id.size() || !ascii_alnum(name[id.size()]);
}

}  // namespace

const School* Registry::find(std::string_view school_id) const {
  const auto it = std::find_if(schools.begin(), schools.end(),
                               [&](const School& s) { return s.id == school_id; });
  return it == schools.end() ? nullptr : &*it;
}

const School* Registry::named_in_file(std::string_view file_name) const {
  const School* best = nullptr;
  for (const auto& s : schools) {
    if (starts_with_id(file_name, s.id) && (best == nullptr || s.id.size() > best->id.size())) best = &s;
  }
  return best;
}

}  // namespace model
