#include "analysis/period_text.h"

#include <array>

namespace analysis {

namespace {

using Months = std::array<const char*, 12>;
constexpr Months k_accusative = {"январь", "февраль", "март",     "апрель",  "май",    "июнь",
                                 "июль",   "август",  "сентябрь", "октябрь", "ноябрь", "декабрь"};
constexpr Months k_dative = {"январю", "февралю", "марту",     "апрелю",  "маю",    "июню",
                             "июлю",   "августу", "сентябрю", "октябрю", "ноябрю", "декабрю"};
constexpr Months k_prepositional = {"январе", "феврале", "марте",     "апреле",  "мае",    "июне",
                                    "июле",   "августе", "сентябре", "октябре", "ноябре", "декабре"};

// `year`: the noun after a calendar year (" год"); `school_year`: after a
// school year's "2025/26" (" учебный год").
std::string form(const model::Period& p, const Months& months, const char* half, const char* year,
                 const char* school_year) {
  const std::string y = std::to_string(p.year);
  if (p.month > 0) return std::string(months[static_cast<std::size_t>(p.month - 1)]) + " " + y + " г.";
  if (p.half > 0) return std::to_string(p.half) + half + y + " г.";
  if (p.school_year) return model::years_text(p) + school_year;
  return y + year;
}

}  // namespace

std::string period_accusative(const model::Period& p) {
  return form(p, k_accusative, "-е полугодие ", " год", " учебный год");
}

std::string period_dative(const model::Period& p) {
  return form(p, k_dative, "-му полугодию ", " году", " учебному году");
}

std::string period_prepositional(const model::Period& p) {
  return form(p, k_prepositional, "-м полугодии ", " году", " учебном году");
}

std::string period_accusative(const std::string& id) {
  const auto p = model::parse_period(id);
  return p ? period_accusative(*p) : id;
}

std::string period_dative(const std::string& id) {
  const auto p = model::parse_period(id);
  return p ? period_dative(*p) : id;
}

std::string period_prepositional(const std::string& id) {
  const auto p = model::parse_period(id);
  return p ? period_prepositional(*p) : id;
}

}  // namespace analysis
