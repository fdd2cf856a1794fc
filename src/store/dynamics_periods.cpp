#include "store/dynamics_periods.h"

#include <algorithm>
#include <cstdio>

namespace store {

namespace {

std::string id_of(int year, int month, int half) {
  char buf[32];
  if (month > 0) {
    std::snprintf(buf, sizeof buf, "%04d-%02d", year, month);
  } else if (half > 0) {
    std::snprintf(buf, sizeof buf, "%04d-H%d", year, half);
  } else {
    std::snprintf(buf, sizeof buf, "%04d", year);
  }
  return buf;
}

}  // namespace

std::vector<std::string> dynamics_periods(const model::Period& p, int years_back) {
  std::vector<std::string> out;
  auto add = [&](std::string id) {
    if (std::find(out.begin(), out.end(), id) == out.end()) out.push_back(std::move(id));
  };
  if (p.school_year) {
    // The previous school year is the same period a year earlier.
    for (int back = 1; back <= std::max(1, years_back); ++back) add(model::school_year_period(p.year - back).id);
    return out;
  }
  if (p.month > 0) {
    add(p.month == 1 ? id_of(p.year - 1, 12, 0) : id_of(p.year, p.month - 1, 0));
  } else if (p.half > 0) {
    add(p.half == 1 ? id_of(p.year - 1, 0, 2) : id_of(p.year, 0, 1));
  } else {
    add(id_of(p.year - 1, 0, 0));
  }
  for (int back = 1; back <= years_back; ++back) add(id_of(p.year - back, p.month, p.half));
  return out;
}

}  // namespace store
