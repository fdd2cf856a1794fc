#include "model/school.h"

#include <algorithm>

#include "util/ascii.h"

namespace model {

namespace {

bool ascii_alnum(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

bool starts_with_id(std::string_view name, std::string_view id) {
  if (id.empty() || name.size() < id.size()) return false;
  for (std::size_t i = 0; i < id.size(); ++i) {
    if (util::lower_ascii(name[i]) != util::lower_ascii(id[i])) return false;
  }
  return name.size() == id.size() || !ascii_alnum(name[id.size()]);
}

}  // namespace

bool Registry::indexed() const { return !m_by_id.empty() && m_by_id.size() == schools.size(); }

const School* Registry::find(std::string_view school_id) const {
  if (indexed()) {
    const auto it = m_by_id.find(school_id);
    if (it == m_by_id.end()) return nullptr;
    if (it->second < schools.size() && schools[it->second].id == school_id) return &schools[it->second];
  }
  const auto it = std::find_if(schools.begin(), schools.end(),
                               [&](const School& s) { return s.id == school_id; });
  return it == schools.end() ? nullptr : &*it;
}

const School* Registry::named_in_file(std::string_view file_name) const {
  if (indexed()) {
    // An id can only end where the name ends or a non-alphanumeric follows:
    // try those prefixes, longest first.
    const std::string name = util::lower_ascii(file_name);
    for (std::size_t end = name.size(); end > 0; --end) {
      if (end < name.size() && ascii_alnum(name[end])) continue;
      const auto it = m_by_lower.find(std::string_view(name).substr(0, end));
      if (it != m_by_lower.end() && it->second < schools.size() &&
          starts_with_id(file_name, schools[it->second].id)) {
        return &schools[it->second];
      }
    }
    return nullptr;
  }
  const School* best = nullptr;
  for (const auto& s : schools) {
    if (starts_with_id(file_name, s.id) && (best == nullptr || s.id.size() > best->id.size())) best = &s;
  }
  return best;
}

void Registry::index() {
  m_by_id.clear();
  m_by_lower.clear();
  for (std::size_t i = 0; i < schools.size(); ++i) {
    m_by_id.emplace(schools[i].id, i);
    m_by_lower.emplace(util::lower_ascii(schools[i].id), i);
  }
}

}  // namespace model
