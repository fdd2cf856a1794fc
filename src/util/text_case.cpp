#include "util/text_case.h"

#include <algorithm>

#include "util/utf8.h"

namespace util {

std::string lower_text(std::string_view text) {
  std::string out(text);
  for (std::size_t i = 0; i < out.size(); ++i) {
    auto& c = out[i];
    if (c >= 'A' && c <= 'Z') {
      c = static_cast<char>(c - 'A' + 'a');
    } else if (i + 1 < out.size()) {
      const auto b0 = static_cast<unsigned char>(out[i]);
      const auto b1 = static_cast<unsigned char>(out[i + 1]);
      if (b0 == 0xD0 && b1 >= 0x90 && b1 <= 0x9F) {  // А-П -> а-п
        out[i + 1] = static_cast<char>(b1 + 0x20);
      } else if (b0 == 0xD0 && b1 >= 0xA0 && b1 <= 0xAF) {  // Р-Я -> р-я
        out[i] = static_cast<char>(0xD1);
        out[i + 1] = static_cast<char>(b1 - 0x20);
      } else if (b0 == 0xD0 && b1 == 0x81) {  // Ё -> ё
        out[i] = static_cast<char>(0xD1);
        out[i + 1] = static_cast<char>(0x91);
      }
      if (b0 >= 0xC0) ++i;
    }
  }
  return out;
}

std::string upper_first(std::string_view text) {
  // Cyrillic letters are two bytes in UTF-8: а..п = D0 B0..BF, р..я = D1 80..8F,
  // ё = D1 91 become А..П = D0 90..9F, Р..Я = D0 A0..AF, Ё = D0 81.
  std::string out(text);
  if (out.empty()) return out;
  const auto c = static_cast<unsigned char>(out[0]);
  if (c >= 'a' && c <= 'z') {
    out[0] = static_cast<char>(c - 'a' + 'A');
  } else if (out.size() >= 2) {
    const auto d = static_cast<unsigned char>(out[1]);
    if (c == 0xD0 && d >= 0xB0 && d <= 0xBF) {
      out[1] = static_cast<char>(d - 0x20);
    } else if (c == 0xD1 && d >= 0x80 && d <= 0x8F) {
      out[0] = static_cast<char>(0xD0);
      out[1] = static_cast<char>(d + 0x20);
    } else if (c == 0xD1 && d == 0x91) {
      out[0] = static_cast<char>(0xD0);
      out[1] = static_cast<char>(0x81);
    }
  }
  return out;
}

std::string lower_first(std::string_view text) {
  if (text.empty()) return {};
  const auto first = std::min(text.size(), sequence_length(static_cast<unsigned char>(text[0])));
  return lower_text(text.substr(0, first)).append(text.substr(first));
}

std::string sentence(std::string_view text) {
  while (!text.empty() && (text.back() == ' ' || text.back() == '\n')) text.remove_suffix(1);
  std::string out = upper_first(text);
  if (out.empty()) return out;
  const char last = out.back();
  if (last != '.' && last != '!' && last != '?') out += '.';
  return out;
}

std::string join_sentences(std::string_view first, std::string_view second) {
  const std::string a = sentence(first);
  const std::string b = sentence(second);
  if (a.empty()) return b;
  if (b.empty()) return a;
  return a + " " + b;
}

}  // namespace util
