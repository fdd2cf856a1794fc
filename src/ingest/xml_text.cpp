#include "ingest/xml_text.h"

#include <charconv>
#include <cstdint>

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

bool is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

}  // namespace

void append_utf8(std::string& out, char32_t cp) {
  if ((cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) cp = 0xFFFD;
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

void decode_ooxml_escapes(std::string& text) {
  if (text.find("_x") == std::string::npos) return;
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    if (const auto cp = escape_at(text, i)) {
      append_utf8(out, *cp);
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
  static constexpr int k_days_before[] = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};
  // Days from 1900-01-01 (serial 1); Excel counts 1900 as a leap year, so
  // every date from 1900-03-01 on is one day further.
  long days = 0;
  for (int y = 1900; y < year; ++y) days += is_leap(y) ? 366 : 365;
  days += k_days_before[month - 1] + (month > 2 && is_leap(year) ? 1 : 0) + day;
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

std::string fold_case(std::string_view text) {
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

}  // namespace ingest
