// The form of a Russian noun after a number: «1 день», «3 дня», «11 дней».
// Pure; shared by every stage that words a count (analysis texts, letters,
// the calendar's messages).
//
//   util::count_text(3, util::k_day_forms)   -> "3 дня"
#pragma once

#include <array>
#include <string>
#include <string_view>

namespace util {

// Forms of a noun after a number: one (1, 21), few (2–4, 22–24), many (0, 5–20, 25–30).
using NounForms = std::array<std::string_view, 3>;
inline constexpr NounForms k_day_forms = {"день", "дня", "дней"};

std::string_view plural(long n, const NounForms& forms);
// "32 рекомендации", "1 показатель", "5 показателей".
std::string count_text(long n, const NounForms& forms);

}  // namespace util
