#include "survey/answer_time.h"

#include <array>
#include <charconv>
#include <string>

namespace survey {

namespace {

using namespace std::chrono;

// Reads up to `max_digits` digits at `pos`, advancing it; nullopt when none.
std::optional<int> digits(std::string_view text, std::size_t& pos, std::size_t max_digits) {
  const std::size_t start = pos;
  while (pos < text.size() && pos - start < max_digits && text[pos] >= '0' && text[pos] <= '9') ++pos;
  if (pos == start) return std::nullopt;
  int v = 0;
  std::from_chars(text.data() + start, text.data() + pos, v);
  return v;
}

bool take(std::string_view text, std::size_t& pos, char c) {
  if (pos >= text.size() || text[pos] != c) return false;
  ++pos;
  return true;
}

}  // namespace

std::optional<sys_seconds> parse_answer_time(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r')) text.remove_suffix(1);
  std::size_t pos = 0;
  const auto a = digits(text, pos, 4);
  if (!a) return std::nullopt;
  int y = 0, m = 0, d = 0;
  if (pos == 4 && take(text, pos, '-')) {  // 2025-05-14
    const auto mm = digits(text, pos, 2);
    if (!mm || !take(text, pos, '-')) return std::nullopt;
    const auto dd = digits(text, pos, 2);
    if (!dd) return std::nullopt;
    y = *a, m = *mm, d = *dd;
  } else if (pos <= 2 && (take(text, pos, '.') || take(text, pos, '/'))) {
    const char sep = text[pos - 1];
    const auto b = digits(text, pos, 2);
    if (!b || !take(text, pos, sep)) return std::nullopt;
    const auto yy = digits(text, pos, 4);
    if (!yy || *yy < 1000) return std::nullopt;
    y = *yy;
    d = sep == '.' ? *a : *b;  // 14.05.2025 is day first; 5/14/2025 month first
    m = sep == '.' ? *b : *a;
  } else {
    return std::nullopt;
  }
  const year_month_day date{year{y}, month{static_cast<unsigned>(m)}, day{static_cast<unsigned>(d)}};
  if (!date.ok()) return std::nullopt;
  int h = 0, mi = 0, s = 0;
  take(text, pos, ',');
  if (pos < text.size() && (text[pos] == ' ' || text[pos] == 'T')) {
    while (pos < text.size() && (text[pos] == ' ' || text[pos] == 'T')) ++pos;
    const auto hh = digits(text, pos, 2);
    if (!hh || !take(text, pos, ':')) return std::nullopt;
    const auto mm = digits(text, pos, 2);
    if (!mm) return std::nullopt;
    h = *hh, mi = *mm;
    if (take(text, pos, ':')) {
      const auto ss = digits(text, pos, 2);
      if (!ss) return std::nullopt;
      s = *ss;
      if (take(text, pos, '.')) digits(text, pos, 9);  // fractions of a second
    }
    if (h > 23 || mi > 59 || s > 60) return std::nullopt;
  }
  if (pos != text.size()) return std::nullopt;
  return sys_days{date} + hours{h} + minutes{mi} + seconds{s};
}

model::Period answer_period(model::Periodicity periodicity, sys_seconds t) {
  const year_month_day date{floor<days>(t)};
  return model::collection_period(periodicity, static_cast<int>(date.year()), static_cast<int>(static_cast<unsigned>(date.month())));
}

}  // namespace survey
