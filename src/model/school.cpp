#include "model/school.h"

#include <algorithm>

namespace model {

const School* Registry::find(std::string_view school_id) const {
  const auto it = std::find_if(schools.begin(), schools.end(),
                               [&](const School& s) { return s.id == school_id; });
  return it == schools.end() ? nullptr : &*it;
}

}  // namespace model
