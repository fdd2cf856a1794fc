#include "support/russian_text.h"

#include <array>
#include <regex>

namespace test {

namespace {

std::string around(std::string_view text, std::size_t pos, std::size_t len) {
  const std::size_t from = pos > 60 ? pos - 60 : 0;
  std::size_t to = std::min(text.size(), pos + len + 60);
  // Do not cut a UTF-8 character in two.
  std::size_t start = from;
  while (start > 0 && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) --start;
  while (to < text.size() && (static_cast<unsigned char>(text[to]) & 0xC0) == 0x80) ++to;
  return "…" + std::string(text.substr(start, to - start)) + "…";
}

bool small_letter_at(std::string_view text, std::size_t pos) {
  if (pos >= text.size()) return false;
  const auto c = static_cast<unsigned char>(text[pos]);
  if (c >= 'a' && c <= 'z') return true;
  if (pos + 1 >= text.size()) return false;
  const auto d = static_cast<unsigned char>(text[pos + 1]);
  return (c == 0xD0 && d >= 0xB0 && d <= 0xBF) || (c == 0xD1 && d >= 0x80 && d <= 0x8F) ||
         (c == 0xD1 && d == 0x91);
}

// Abbreviations that end with a full stop inside a sentence.
constexpr std::array<std::string_view, 14> k_abbreviations = {
    " г.", "п.п.", " т. ч.", " т.ч.", " чел.", " шт.", " др.", " т. д.", " т. п.", " им.", " ул.",
    " пос.", " ст.", " х."};

bool ends_with_abbreviation(std::string_view before) {
  for (const auto a : k_abbreviations) {
    if (before.ends_with(a)) return true;
  }
  // Initials: «А.А. Пацюк», «З.А. Резник».
  if (before.size() >= 3) {
    const auto prev = before.substr(0, before.size() - 1);
    const std::size_t space = prev.rfind(' ');
    const auto word = prev.substr(space == std::string_view::npos ? 0 : space + 1);
    if (word.size() <= 6 && word.find('.') != std::string_view::npos) return true;
  }
  return false;
}

}  // namespace

std::vector<std::string> text_faults(std::string_view text) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i + 2 < text.size(); ++i) {
    const char c = text[i];
    if ((c != '.' && c != '!' && c != '?') || text[i + 1] != ' ') continue;
    if (!small_letter_at(text, i + 2)) continue;
    if (c == '.' && ends_with_abbreviation(text.substr(0, i + 1))) continue;
    out.push_back("small letter after the end of a sentence: " + around(text, i, 3));
  }
  const std::string s(text);
  static const std::regex k_code(R"((^|[^0-9.])(20[0-9]{2}-(0[1-9]|1[0-2]|H[12]))([^0-9]|$))");
  for (auto it = std::sregex_iterator(s.begin(), s.end(), k_code); it != std::sregex_iterator(); ++it) {
    out.push_back("machine period code «" + (*it)[2].str() + "»: " +
                  around(text, static_cast<std::size_t>(it->position(2)), 7));
  }
  const std::array<std::pair<std::string_view, std::string_view>, 6> k_phrases = {{
      {"онитор", "ониторинг «Мониторинг"},
      {"онитор", "ониторинга «Мониторинг"},
      {"группы (", "распределены на группы ("},
      {"ОО со значением", "(из ОО со значением"},
      {"Нет", "— «Нет»:"},
      {"Уважаем", "Уважаемый(ая)"},
  }};
  for (const auto& [cheap, phrase] : k_phrases) {
    if (text.find(cheap) == std::string_view::npos) continue;
    for (std::size_t pos = text.find(phrase); pos != std::string_view::npos;
         pos = text.find(phrase, pos + 1)) {
      out.push_back("«" + std::string(phrase) + "»: " + around(text, pos, phrase.size()));
    }
  }
  return out;
}

std::string describe_faults(std::string_view text) {
  std::string out;
  for (const auto& f : text_faults(text)) out += f + "\n";
  return out;
}

}  // namespace test
