// Finding a school's entry in a per-school vector (rubric scores,
// recommendations) without scanning it: every school sheet asks, so a scan
// per sheet would make the report quadratic in the number of schools.
// Internal to src/analysis.
#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <string>
#include <vector>

namespace analysis {

using SchoolIndex = std::map<std::string, std::size_t, std::less<>>;  // school id -> position

// school_id -> position of each element of `items` (T has a `school_id`).
template <class T>
SchoolIndex index_of(const std::vector<T>& items) {
  SchoolIndex out;
  for (std::size_t i = 0; i < items.size(); ++i) out.emplace(items[i].school_id, i);
  return out;
}

// The element for `id` through `index`, checked against `items`: an index
// that does not match the vector (built before it changed) is not trusted
// and the vector is scanned.
template <class T>
const T* find_indexed(const std::vector<T>& items, const SchoolIndex& index, const std::string& id) {
  const auto it = index.find(id);
  if (it != index.end() && it->second < items.size() && items[it->second].school_id == id) {
    return &items[it->second];
  }
  if (it == index.end() && index.size() == items.size()) return nullptr;  // a true miss
  for (const auto& item : items) {
    if (item.school_id == id) return &item;
  }
  return nullptr;
}

}  // namespace analysis
