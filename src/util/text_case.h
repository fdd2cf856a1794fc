// The case of Russian (or Latin) text: generated sentences start with a
// capital letter, words put inside a sentence start with a small one, and
// names are compared as Excel compares them (sheet names, defined names,
// yes/no words, registry headers). Cyrillic А–Я, Ё and ASCII letters are
// known, anything else is left as it is. UTF-8 in and out.
//
//   util::upper_first("целое число от 0")       -> "Целое число от 0"
//   util::lower_first("Мониторинг методической") -> "мониторинг методической"
//   util::sentence("целое число от 0")           -> "Целое число от 0."
//   util::lower_text("Форма ЁЖ Sheet")           -> "форма ёж sheet"
#pragma once

#include <string>
#include <string_view>

namespace util {

std::string upper_first(std::string_view text);
std::string lower_first(std::string_view text);

// Every known letter in lower case; other bytes are copied as they are.
std::string lower_text(std::string_view text);

// `text` as a sentence: first letter capital, ending with '.', '!' or '?'
// ('.' is added when it ends otherwise; trailing spaces are dropped).
std::string sentence(std::string_view text);

// Two sentences joined by one space: "A." + "b" -> "A. B.". Either may be empty.
std::string join_sentences(std::string_view first, std::string_view second);

}  // namespace util
