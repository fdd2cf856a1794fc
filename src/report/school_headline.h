// The lines at the top of a school's page that a director reads first, in
// thirty seconds: whether the form was accepted, how many of the year's
// targets the school reached, where it stands among the schools (its place
// by the rubric's points, and how many indicators are in the best quarter,
// better or worse than the median, in the bottom quarter), and the two or
// three main recommendations. Internal to src/report.
#pragma once

#include <string>
#include <vector>

#include "report/book_context.h"

namespace report {

// How many main recommendations the headline names.
inline constexpr std::size_t k_headline_recommendations = 3;

// One sentence a line, in the order they print; the first says whether the
// form was accepted. Uses only what the run computed once (summary, ranks,
// recommendations): nothing per school that is the same for every school.
std::vector<std::string> school_headline(const BookContext& ctx, const std::string& school_id);

}  // namespace report
