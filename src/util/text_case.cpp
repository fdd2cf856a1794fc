#include "util/text_case.h"

namespace util {

namespace {

// Cyrillic letters are two bytes in UTF-8: А..П = D0 90..9F, Р..Я = D0 A0..AF,
// а..п = D0 B0..BF, р..я = D1 80..8F, Ё = D0 81, ё = D1 91.
std::string change_first(std::string_view text, bool upper) {
  std::string out(text);
  if (out.empty()) return out;
  auto byte = [&](std::size_t i) { return static_cast<unsigned char>(out[i]); };
  const auto c = byte(0);
  if (c < 0x80) {
    if (upper && c >= 'a' && c <= 'z') out[0] = static_cast<char>(c - 'a' + 'A');
    if (!upper && c >= 'A' && c <= 'Z') out[0] = static_cast<char>(c - 'A' + 'a');
    return out;
  }
  if (out.size() < 2) return out;
  const auto d = byte(1);
  if (upper) {
    if (c == 0xD0 && d >= 0xB0 && d <= 0xBF) {
      out[1] = static_cast<char>(d - 0x20);
    } else if (c == 0xD1 && d >= 0x80 && d <= 0x8F) {
      out[0] = static_cast<char>(0xD0);
      out[1] = static_cast<char>(d + 0x20);
    } else if (c == 0xD1 && d == 0x91) {
      out[0] = static_cast<char>(0xD0);
      out[1] = static_cast<char>(0x81);
    }
  } else {
    if (c == 0xD0 && d >= 0x90 && d <= 0x9F) {
      out[1] = static_cast<char>(d + 0x20);
    } else if (c == 0xD0 && d >= 0xA0 && d <= 0xAF) {
      out[0] = static_cast<char>(0xD1);
      out[1] = static_cast<char>(d - 0x20);
    } else if (c == 0xD0 && d == 0x81) {
      out[0] = static_cast<char>(0xD1);
      out[1] = static_cast<char>(0x91);
    }
  }
  return out;
}

}  // namespace

std::string upper_first(std::string_view text) { return change_first(text, true); }

std::string lower_first(std::string_view text) { return change_first(text, false); }

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
