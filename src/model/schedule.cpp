#include "model/schedule.h"

#include "model/periodicity_code.h"

#include <algorithm>

namespace model {

bool Schedule::collects_in(int month) const {
  return std::find(months.begin(), months.end(), month) != months.end();
}

Period collection_period(Periodicity periodicity, int year, int month, bool previous_school_year) {
  if (periodicity == Periodicity::school_year) {
    const int first = (month >= 9 ? year : year - 1) - (previous_school_year ? 1 : 0);
    return school_year_period(first);
  }
  // The month before the collection month, and the period containing it.
  const int y = month == 1 ? year - 1 : year;
  const int m = month == 1 ? 12 : month - 1;
  const auto ys = std::to_string(y);
  switch (periodicity) {
    case Periodicity::year: return Period{ys, y, 0, 0};
    case Periodicity::half_year: {
      const int half = m <= 6 ? 1 : 2;
      return Period{ys + "-H" + std::to_string(half), y, 0, half};
    }
    case Periodicity::month:
    case Periodicity::school_year: break;
  }
  return Period{ys + (m < 10 ? "-0" : "-") + std::to_string(m), y, m, 0};
}

std::string_view periodicity_code(Periodicity p) {
  switch (p) {
    case Periodicity::month: return "month";
    case Periodicity::half_year: return "half_year";
    case Periodicity::year: return "year";
    case Periodicity::school_year: return "school_year";
  }
  return "year";
}

PeriodKind period_kind(Periodicity periodicity) {
  switch (periodicity) {
    case Periodicity::month: return PeriodKind::month;
    case Periodicity::half_year: return PeriodKind::half_year;
    case Periodicity::year: return PeriodKind::year;
    case Periodicity::school_year: return PeriodKind::school_year;
  }
  return PeriodKind::year;
}

}  // namespace model
