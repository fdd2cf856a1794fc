#include "report/book_context.h"

#include <algorithm>
#include <cmath>

#include "report/cell_text.h"

namespace report {

std::string subtitle(const ReportInput& in) {
  std::string out = in.definition.municipality;
  if (!out.empty()) out += " · ";
  out += "период: " + model::display_name(in.summary.period);
  if (!in.definition.organisation.empty()) out += " · " + in.definition.organisation;
  return out;
}

std::string school_name(const model::Registry& registry, const std::string& school_id) {
  const model::School* school = registry.find(school_id);
  if (school == nullptr || school->short_name.empty()) return school_id;
  return school->short_name;
}

std::string indicator_title(const model::IndicatorDef& indicator) {
  if (indicator.code.empty()) return indicator.name;
  return indicator.code + " " + indicator.name;
}

std::string direction_name(const model::Definition& definition, const std::string& direction_id) {
  const model::DirectionDef* d = definition.find_direction(direction_id);
  if (d == nullptr || d->name.empty()) return "Прочие показатели";
  return d->name;
}

std::string target_label(const ReportInput& in) {
  return "Целевое значение " + std::to_string(in.summary.period.year);
}

namespace {

// Lines one paragraph (no '\n') takes when wrapped at word boundaries into
// lines of `per_line` characters, as a spreadsheet wraps it: a word that
// does not fit starts a new line; a word longer than a line is broken.
int paragraph_lines(std::string_view text, double per_line) {
  int lines = 1;
  double used = 0;
  std::size_t start = 0;
  while (start <= text.size()) {
    const auto end = std::min(text.find(' ', start), text.size());
    const auto len = static_cast<double>(utf16_length(text.substr(start, end - start)));
    if (used > 0 && used + 1 + len <= per_line) {
      used += 1 + len;
    } else {
      if (used > 0) ++lines;
      const double extra = std::max(0.0, std::ceil(len / per_line) - 1);
      lines += static_cast<int>(extra);
      used = len - extra * per_line;
    }
    start = end + 1;
  }
  return lines;
}

}  // namespace

int wrapped_lines(std::string_view text, double width) {
  // Characters per line: a column of width w holds about w digits of the
  // default font; Cyrillic letters are a little wider, so take 90 %.
  const double per_line = std::max(4.0, width * 0.9);
  int lines = 0;
  std::size_t start = 0;
  while (start <= text.size()) {
    const auto end = std::min(text.find('\n', start), text.size());
    lines += paragraph_lines(text.substr(start, end - start), per_line);
    start = end + 1;
  }
  return std::max(1, lines);
}

}  // namespace report
