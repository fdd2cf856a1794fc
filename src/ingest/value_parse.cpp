#include "ingest/value_parse.h"

#include <array>
#include <charconv>
#include <chrono>
#include <cmath>
#include <cstdio>

#include "util/text_case.h"

namespace ingest {

namespace {

constexpr std::size_t k_max_text = 1000;

// Length of a space-like character at the start of `s`, 0 if none.
std::size_t space_len(std::string_view s) {
  if (s.empty()) return 0;
  const auto c = static_cast<unsigned char>(s[0]);
  if (c == ' ' || c == '\t' || c == '\r' || c == '\n') return 1;
  if (s.starts_with("\xC2\xA0")) return 2;                                    // U+00A0
  if (s.starts_with("\xE2\x80\xAF") || s.starts_with("\xE2\x80\x89") ||      // U+202F, U+2009
      s.starts_with("\xE2\x80\x8B")) {                                       // U+200B
    return 3;
  }
  return 0;
}

std::size_t trailing_space_len(std::string_view s) {
  for (const std::size_t n : {std::size_t{1}, std::size_t{2}, std::size_t{3}}) {
    if (s.size() >= n && space_len(s.substr(s.size() - n)) == n) return n;
  }
  return 0;
}

std::string format_number(double v) {
  std::array<char, 64> buf{};
  std::snprintf(buf.data(), buf.size(), "%.15g", v);
  std::string s(buf.data());
  for (auto& ch : s) {
    if (ch == '.') ch = ',';  // as a Russian user writes it
  }
  return s;
}

ValueProblem whole_number_problem() {
  return {"ожидалось целое неотрицательное число (количество)",
          "введите целое число без букв, пробелов и дробной части, например 25"};
}

// A date of the Gregorian calendar (month 1..12 and day 1..31 checked first).
bool is_date(int y, int m, int d) {
  return m >= 1 && m <= 12 && d >= 1 && d <= 31 &&
         std::chrono::year_month_day{std::chrono::year{y}, std::chrono::month{static_cast<unsigned>(m)},
                                     std::chrono::day{static_cast<unsigned>(d)}}
             .ok();
}

std::string iso(int y, int m, int d) {
  std::array<char, 48> buf{};
  std::snprintf(buf.data(), buf.size(), "%04d-%02d-%02d", y, m, d);
  return buf.data();
}

}  // namespace

std::string_view trim_spaces(std::string_view s) {
  while (const auto n = space_len(s)) s.remove_prefix(n);
  while (const auto n = trailing_space_len(s)) s.remove_suffix(n);
  return s;
}

std::optional<double> parse_decimal_text(std::string_view text) {
  text = trim_spaces(text);
  if (text.empty()) return std::nullopt;
  std::string plain;
  bool negative = false;
  if (text[0] == '-' || text[0] == '+') {
    negative = text[0] == '-';
    text.remove_prefix(1);
  }
  int separators = 0;
  std::size_t digits_since_space = 0;
  bool seen_space = false, seen_decimal = false;
  std::size_t int_digits = 0;
  while (!text.empty()) {
    if (const auto n = space_len(text)) {
      // A space may only separate groups of three digits in the integer part.
      if (seen_decimal || int_digits == 0 || (seen_space && digits_since_space != 3)) return std::nullopt;
      if (!seen_space && int_digits > 3) return std::nullopt;
      seen_space = true;
      digits_since_space = 0;
      text.remove_prefix(n);
      continue;
    }
    const char c = text[0];
    if (c >= '0' && c <= '9') {
      plain.push_back(c);
      if (!seen_decimal) {
        ++int_digits;
        ++digits_since_space;
      }
    } else if (c == ',' || c == '.') {
      if (++separators > 1 || int_digits == 0) return std::nullopt;
      if (seen_space && digits_since_space != 3) return std::nullopt;
      seen_decimal = true;
      plain.push_back('.');
    } else {
      return std::nullopt;
    }
    text.remove_prefix(1);
  }
  if (seen_space && !seen_decimal && digits_since_space != 3) return std::nullopt;
  if (plain.empty() || plain.back() == '.') return std::nullopt;
  double v = 0;
  const auto [p, ec] = std::from_chars(plain.data(), plain.data() + plain.size(), v);
  if (ec != std::errc{} || p != plain.data() + plain.size()) return std::nullopt;
  return negative ? -v : v;
}

std::string cell_display(const Cell& cell) {
  switch (cell.type) {
    case CellType::number:
      if (cell.is_percent) return format_number(cell.number * 100) + "%";
      if (cell.is_date) return serial_to_iso_date(cell.number).value_or(format_number(cell.number));
      return format_number(cell.number);
    case CellType::boolean: return cell.number != 0 ? "ИСТИНА" : "ЛОЖЬ";
    case CellType::string:
    case CellType::error: return cell.text;
  }
  return cell.text;
}

Parsed<double> parse_count(const Cell& cell) {
  double v = 0;
  switch (cell.type) {
    case CellType::error:
      return {std::nullopt, ValueProblem{"в ячейке ошибка формулы вместо числа",
                                         "введите число вручную, без формулы"}};
    case CellType::boolean:
      return {std::nullopt, whole_number_problem()};
    case CellType::number:
      if (cell.is_percent) {
        return {std::nullopt, ValueProblem{"ожидалось количество, а в ячейке процент",
                                           "введите число человек, а не долю: долю вычислит методист"}};
      }
      v = cell.number;
      break;
    case CellType::string: {
      const auto t = trim_spaces(cell.text);
      if (t.ends_with("%")) {
        return {std::nullopt, ValueProblem{"ожидалось количество, а в ячейке процент",
                                           "введите число человек, а не долю: долю вычислит методист"}};
      }
      const auto parsed = parse_decimal_text(t);
      if (!parsed) {
        if (t.find(',') != std::string_view::npos && t.find('.') != std::string_view::npos) {
          return {std::nullopt, ValueProblem{"неоднозначная запись числа (и запятая, и точка)",
                                             "введите целое число без разделителей, например 1234"}};
        }
        return {std::nullopt, ValueProblem{"ожидалось число, а в ячейке текст",
                                           "введите целое число без букв и пояснений, например 25"}};
      }
      v = *parsed;
      break;
    }
  }
  if (!std::isfinite(v)) return {std::nullopt, whole_number_problem()};
  if (v < 0) {
    return {std::nullopt, ValueProblem{"отрицательное число: количество не может быть меньше 0",
                                       "введите 0 или положительное целое число"}};
  }
  if (std::fabs(v - std::round(v)) > 1e-9) {
    return {std::nullopt, ValueProblem{"дробное число: ожидалось целое количество",
                                       "введите целое число; если «1,234» означает 1234, "
                                       "введите его без запятой"}};
  }
  return {std::round(v), std::nullopt};
}

Parsed<bool> parse_yesno(const Cell& cell) {
  const ValueProblem problem{"ожидалось «Да» или «Нет»", "выберите «Да» или «Нет» из списка в ячейке"};
  switch (cell.type) {
    case CellType::boolean: return {cell.number != 0, std::nullopt};
    case CellType::number:
      if (cell.number == 1) return {true, std::nullopt};
      if (cell.number == 0) return {false, std::nullopt};
      return {std::nullopt, problem};
    case CellType::error: return {std::nullopt, problem};
    case CellType::string: break;
  }
  auto t = trim_spaces(cell.text);
  if (t.ends_with(".")) t = trim_spaces(t.substr(0, t.size() - 1));
  const auto w = util::lower_text(t);
  for (const char* yes : {"да", "+", "1", "yes", "true", "истина", "y"}) {
    if (w == yes) return {true, std::nullopt};
  }
  for (const char* no : {"нет", "-", "0", "no", "false", "ложь", "n"}) {
    if (w == no) return {false, std::nullopt};
  }
  return {std::nullopt, problem};
}

Parsed<std::string> parse_text(const Cell& cell) {
  if (cell.type == CellType::error) {
    return {std::nullopt, ValueProblem{"в ячейке ошибка формулы", "введите текст вручную"}};
  }
  auto text = std::string(trim_spaces(cell_display(cell)));
  if (text.size() > k_max_text) {
    return {std::nullopt, ValueProblem{"слишком длинный текст (больше 1000 символов)",
                                       "сократите текст"}};
  }
  return {std::move(text), std::nullopt};
}

std::optional<std::string> serial_to_iso_date(double serial) {
  if (!std::isfinite(serial) || serial < 1 || serial >= 2958466) return std::nullopt;
  auto days = static_cast<long long>(std::floor(serial));
  if (days == 60) return std::nullopt;  // Excel's fictitious 1900-02-29
  if (days < 60) ++days;  // before it, Excel's serials are one day short
  // Now days - 25569 counts from 1970-01-01.
  const std::chrono::year_month_day date{std::chrono::sys_days{std::chrono::days{days - 25569}}};
  return iso(static_cast<int>(date.year()), static_cast<int>(static_cast<unsigned>(date.month())),
             static_cast<int>(static_cast<unsigned>(date.day())));
}

std::optional<std::string> parse_date_text(std::string_view text) {
  text = trim_spaces(text);
  int y = 0, m = 0, d = 0;
  char tail = 0;
  const std::string s(text);
  if (std::sscanf(s.c_str(), "%4d-%2d-%2d%c", &y, &m, &d, &tail) == 3 ||
      std::sscanf(s.c_str(), "%2d.%2d.%4d%c", &d, &m, &y, &tail) == 3) {
    if (y < 1900 || y > 9999 || !is_date(y, m, d)) return std::nullopt;
    return iso(y, m, d);
  }
  return std::nullopt;
}

}  // namespace ingest
