#include "letters/salutation.h"

#include <algorithm>
#include <sstream>
#include <vector>

#include "util/text_case.h"
#include "util/utf8.h"

namespace letters {

namespace {

enum class Gender { female, male, unknown };

// Names are Cyrillic or Latin; only those letters change case, everything
// else (hyphens, other scripts) passes through as is.
std::u32string decode(std::string_view s) {
  std::u32string out;
  for (std::size_t i = 0; i < s.size();) out += static_cast<char32_t>(util::next_code_point(s, i));
  return out;
}

bool is_lower(char32_t c) { return (c >= U'а' && c <= U'я') || c == U'ё' || (c >= U'a' && c <= U'z'); }

// «ЛЮДМИЛА» -> «Людмила»; a word with any lower-case letter stays as written.
std::string ordinary_case(std::string_view word) {
  for (const auto c : decode(word)) {
    if (is_lower(c)) return std::string(word);
  }
  if (word.empty()) return {};
  const auto first = std::min(word.size(), util::sequence_length(static_cast<unsigned char>(word[0])));
  return std::string(word.substr(0, first)) + util::lower_text(word.substr(first));
}

// Turkic patronymics are a separate word after the father's name: «Ахмед оглы».
Gender turkic_word(std::string_view word) {
  const auto w = util::lower_text(word);
  if (w == "кызы" || w == "гызы") return Gender::female;
  if (w == "оглы" || w == "улы" || w == "уулу") return Gender::male;
  return Gender::unknown;
}

Gender patronymic(std::string_view word) {
  const auto w = decode(util::lower_text(word));
  if (w.size() < 5) return Gender::unknown;  // «Ич» is no patronymic; «Ильич» is
  for (const std::u32string_view tail : {U"вна", U"чна", U"шна"}) {
    if (w.ends_with(tail)) return Gender::female;
  }
  return w.ends_with(U"ич") ? Gender::male : Gender::unknown;
}

bool is_initial(std::string_view word) {
  return word.find('.') != std::string_view::npos || decode(word).size() <= 1;
}

std::string greeting(Gender g, const std::vector<std::string>& words, std::size_t first, std::size_t last) {
  std::string name;
  for (std::size_t i = first; i <= last; ++i) name += (name.empty() ? "" : " ") + ordinary_case(words[i]);
  return std::string(g == Gender::female ? "Уважаемая " : "Уважаемый ") + name + "!";
}

}  // namespace

std::string salutation(std::string_view director) {
  std::vector<std::string> words;
  std::istringstream in{std::string(director)};
  for (std::string w; in >> w;) words.push_back(w);
  for (std::size_t p = 1; p < words.size(); ++p) {
    if (is_initial(words[p - 1])) continue;
    if (const auto g = turkic_word(words[p]); g != Gender::unknown && p >= 2 && !is_initial(words[p - 2])) {
      return greeting(g, words, p - 2, p);  // Рашид Ахмед оглы
    }
    if (const auto g = patronymic(words[p]); g != Gender::unknown) return greeting(g, words, p - 1, p);
  }
  // A name and a second name the rules above do not know: no guess at the gender.
  if (words.size() == 3 && !is_initial(words[1]) && !is_initial(words[2])) {
    return "Здравствуйте, " + ordinary_case(words[1]) + " " + ordinary_case(words[2]) + "!";
  }
  return "Здравствуйте!";
}

}  // namespace letters
