#include "analysis/number_text.h"

#include <cmath>
#include <cstdio>

#include "util/text_case.h"

namespace analysis {

namespace {

constexpr const char* k_minus = "\u2212";
constexpr const char* k_space = " ";  // a plain space: texts are grepped and pasted into Word

bool is_share_like(const model::IndicatorDef& ind) {
  return ind.kind != model::IndicatorKind::count;
}

// Digits of a non-negative number with `decimals` places, comma separated.
std::string unsigned_text(double v, int decimals) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  std::string s(buf);
  const auto dot = s.find('.');
  std::string whole = dot == std::string::npos ? s : s.substr(0, dot);
  const std::string frac = dot == std::string::npos ? "" : s.substr(dot + 1);
  if (whole.size() > 4) {  // 10 000 and more: group by three
    std::string grouped;
    const std::size_t lead = whole.size() % 3;
    for (std::size_t i = 0; i < whole.size(); ++i) {
      if (i != 0 && i >= lead && (i - lead) % 3 == 0) grouped += k_space;
      grouped += whole[i];
    }
    whole = grouped;
  }
  return frac.empty() ? whole : whole + "," + frac;
}

double round_to(double v, int decimals) {
  const double scale = std::pow(10.0, decimals);
  return std::round(v * scale) / scale;
}

}  // namespace

std::string format_number(double v, int decimals) {
  const double r = round_to(v, decimals);
  if (r == 0) return unsigned_text(0, decimals);
  return (r < 0 ? std::string(k_minus) : std::string()) + unsigned_text(std::abs(r), decimals);
}

std::string format_compact(double v, int max_decimals) {
  for (int d = 0; d < max_decimals; ++d) {
    if (std::abs(round_to(v, d) - v) < 1e-9) return format_number(v, d);
  }
  std::string s = format_number(v, max_decimals);
  if (s.find(',') != std::string::npos) {
    while (s.back() == '0') s.pop_back();
    if (s.back() == ',') s.pop_back();
  }
  return s;
}

std::string format_value(const model::IndicatorDef& ind, double v) {
  if (is_share_like(ind)) return format_number(v, 1) + k_space + "%";
  return format_compact(v, 1);
}

std::string format_target(const model::IndicatorDef& ind, double v) {
  if (is_share_like(ind)) return format_compact(v, 2) + k_space + "%";
  return format_compact(v, 2);
}

std::string format_gap(const model::IndicatorDef& ind, double v) {
  if (is_share_like(ind)) return format_number(std::abs(v), 1) + k_space + "п.п.";
  return format_compact(std::abs(v), 1);
}

std::string format_change(const model::IndicatorDef& ind, double v) {
  const bool share = is_share_like(ind);
  const double r = round_to(v, 1);
  std::string sign = r > 0 ? "+" : "";
  const std::string body = share ? format_number(v, 1) : format_compact(v, 1);
  return sign + body + (share ? std::string(k_space) + "п.п." : std::string());
}

std::string format_points(double v) { return format_compact(v, 2); }

std::string format_percent(double v) { return format_number(v, 1) + k_space + "%"; }

std::string indicator_label(const model::IndicatorDef& ind) {
  return (ind.code.empty() ? "" : ind.code + " ") + "«" + ind.name + "»";
}

std::string indicator_words(const model::IndicatorDef& ind) {
  return ind.short_name.empty() ? util::lower_first(ind.name) : ind.short_name;
}

std::string indicator_short_label(const model::IndicatorDef& ind) {
  if (ind.short_name.empty() || ind.code.empty()) return indicator_label(ind);
  return ind.code + " (" + ind.short_name + ")";
}

std::string count_of_schools(int n) { return std::to_string(n) + k_space + "ОО"; }

std::string yes_schools_text(int yes, int total) {
  return "у " + std::to_string(yes) + " из " + count_of_schools(total);
}

std::string municipal_value_text(const model::IndicatorDef& ind, const aggregate::IndicatorStats& stats) {
  if (!stats.municipal) return "нет данных";
  if (ind.kind == model::IndicatorKind::yesno) {
    return "есть " + yes_schools_text(static_cast<int>(std::lround(stats.numerator_sum.value_or(0))),
                                      stats.schools_with_value);
  }
  return format_value(ind, *stats.municipal);
}

std::string points_out_of(double points, double max) {
  // After «из N» the noun is genitive: singular when N ends in 1 (not 11) or
  // is a fraction («из 2,5 балла»), plural otherwise.
  const bool whole = std::abs(max - std::round(max)) < 1e-9;
  const long n = std::lround(std::abs(max));
  const bool singular = !whole || (n % 10 == 1 && n % 100 != 11);
  return format_points(points) + " из " + format_points(max) + (singular ? " балла" : " баллов");
}

}  // namespace analysis
