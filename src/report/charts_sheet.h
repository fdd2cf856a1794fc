// «Диаграммы»: the municipality at a glance. Plan and fact (municipal value
// against the year's target for every percentage indicator with a target),
// then, for each share indicator, the schools' values sorted best first,
// with bars coloured by status. Each chart's data sits beside it as a table.
// Past k_max_listed_schools schools with a value, an indicator's block shows
// how many schools fall into each 5-point band instead (a bar per school is
// narrower than a pixel there, and its table of ten thousand rows repeats
// «Сводка», which lists every school's value). Internal to src/report.
#pragma once

#include <cstddef>

#include "model/diagnostic.h"
#include "report/book_context.h"

namespace report {

inline constexpr std::size_t k_max_listed_schools = 1000;

model::Expected<void> write_charts_sheet(const BookContext& ctx);

}  // namespace report
