// Checks that generated Russian text reads like a methodist's, used by every
// test of a text we write (analysis summary, recommendations, documents,
// letters, form hints). Each fault is returned with a piece of the text
// around it, so a failing test shows where.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace test {

// Faults of wording that are never right, whatever the municipality:
//  - a small letter after the end of a sentence («…заполнения. целое число»;
//    abbreviations such as «г.», «п.п.», «т. ч.», «чел.» do not end a sentence);
//  - a machine period code («2026-12», «2025-H1»);
//  - «мониторинг «Мониторинг», «распределены на группы (», «(из ОО со значением»;
//  - a raw answer quoted as a sentence («— «Нет»:»);
//  - «Уважаемый(ая)».
std::vector<std::string> text_faults(std::string_view text);

// `text` with its faults for a gtest message ("" when there are none).
std::string describe_faults(std::string_view text);

}  // namespace test
