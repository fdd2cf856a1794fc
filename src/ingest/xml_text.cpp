#include "ingest/xml_text.h"

#include <charconv>
#include <chrono>
#include <cstdint>

#include "util/utf8.h"

namespace ingest {

namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// "_xHHHH_" at text[i..i+7), or nullopt.
std::optional<char32_t> escape_at(std::string_view text, std::size_t i) {
  if (i + 7 > text.size() || text[i] != '_' || text[i + 1] != 'x' || text[i + 6] != '_')
    return std::nullopt;
  char32_t v = 0;
  for (std::size_t k = i + 2; k < i + 6; ++k) {
    const int h = hex_value(text[k]);
    if (h < 0) return std::nullopt;
    v = v * 16 + static_cast<char32_t>(h);
  }
  return v;
}

}  // namespace

void decode_ooxml_escapes(std::string& text) {
  if (text.find("_x") == std::string::npos) return;
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    if (const auto cp = escape_at(text, i)) {
      // An escape naming a surrogate or a value past U+10FFFF is no character.
      const bool valid = !(*cp >= 0xD800 && *cp <= 0xDFFF) && *cp <= 0x10FFFF;
      util::append_utf8(out, valid ? *cp : 0xFFFD);
      i += 7;
    } else {
      out.push_back(text[i++]);
    }
  }
  text = std::move(out);
}

std::optional<double> parse_xml_number(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\n' || text.front() == '\t' || text.front() == '\r'))
    text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\n' || text.back() == '\t' || text.back() == '\r'))
    text.remove_suffix(1);
  if (!text.empty() && text.front() == '+') text.remove_prefix(1);
  if (text.empty()) return std::nullopt;
  double value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

std::optional<std::uint32_t> parse_index(std::string_view text) {
  std::uint32_t value = 0;
  if (text.empty()) return std::nullopt;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

double date_serial(int year, int month, int day) {
  using namespace std::chrono;
  // Days from 1899-12-31 (1900-01-01 is serial 1); Excel counts 1900 as a
  // leap year, so every date from 1900-03-01 on is one day further.
  const sys_days date{std::chrono::year{year} / static_cast<unsigned>(month) / static_cast<unsigned>(day)};
  auto days = (date - sys_days{1899y / December / 31d}).count();
  if (year > 1900 || month > 2) ++days;
  return static_cast<double>(days);
}

std::optional<double> parse_iso_datetime(std::string_view text) {
  auto number = [&](std::size_t pos, std::size_t len) -> std::optional<int> {
    if (pos + len > text.size()) return std::nullopt;
    int v = 0;
    const auto [end, ec] = std::from_chars(text.data() + pos, text.data() + pos + len, v);
    if (ec != std::errc() || end != text.data() + pos + len) return std::nullopt;
    return v;
  };
  double serial = 0;
  std::size_t time_at = 0;
  if (text.size() >= 10 && text[4] == '-' && text[7] == '-') {
    const auto y = number(0, 4), m = number(5, 2), d = number(8, 2);
    if (!y || !m || !d || *y < 1900 || *y > 9999 || *m < 1 || *m > 12 || *d < 1 || *d > 31)
      return std::nullopt;
    serial = date_serial(*y, *m, *d);
    if (text.size() == 10) return serial;
    if (text[10] != 'T' && text[10] != ' ') return std::nullopt;
    time_at = 11;
  }
  if (text.size() < time_at + 8 || text[time_at + 2] != ':' || text[time_at + 5] != ':')
    return std::nullopt;
  const auto h = number(time_at, 2), mi = number(time_at + 3, 2), s = number(time_at + 6, 2);
  if (!h || !mi || !s || *h > 23 || *mi > 59 || *s > 60) return std::nullopt;
  return serial + (*h * 3600.0 + *mi * 60.0 + *s) / 86400.0;
}

}  // namespace ingest
