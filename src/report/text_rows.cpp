#include "report/text_rows.h"

#include <algorithm>
#include <cmath>

#include "report/book_context.h"
#include "report/cell_text.h"
#include "util/utf8.h"

namespace report {

namespace {

// Characters a row of k_max_lines_per_row lines holds (the inverse of wrapped_lines).
std::size_t chars_per_row(double width) {
  const double per_line = std::max(4.0, width * 0.9);
  return static_cast<std::size_t>(per_line * k_max_lines_per_row * 0.9);
}

// Byte offset after which `text` may be cut, at most `max_units` UTF-16
// units in: the last sentence end, else the last space, else a character
// boundary.
std::size_t cut_point(std::string_view text, std::size_t max_units) {
  std::size_t units = 0;
  std::size_t i = 0;
  std::size_t last_sentence = 0;
  std::size_t last_space = 0;
  while (i < text.size() && units < max_units) {
    const std::size_t len = util::sequence_length(static_cast<unsigned char>(text[i]));
    units += len == 4 ? 2 : 1;
    if (text[i] == ' ') {
      last_space = i + 1;
      if (i > 0 && (text[i - 1] == '.' || text[i - 1] == ';')) last_sentence = i + 1;
    }
    i += len;
  }
  if (i >= text.size()) return text.size();
  if (last_sentence > 0) return last_sentence;
  if (last_space > 0) return last_space;
  return i;
}

}  // namespace

double text_height(std::string_view text, double width) {
  const int lines = wrapped_lines(text, width);
  const int spare = lines >= 6 ? 1 : 0;
  return std::min(k_max_row_pt, k_line_pt * (lines + spare));
}

double page_height_pt(double width) {
  constexpr double k_printable_width_pt = 784;   // 297 mm less 0.4" margins
  constexpr double k_printable_height_pt = 500;  // 210 mm less 0.6" margins and the footer
  const double scale = std::min(1.0, k_printable_width_pt / (std::max(1.0, width) * 7.7));
  return 0.9 * k_printable_height_pt / scale;
}

std::vector<std::string> split_for_rows(std::string_view text, double width) {
  std::vector<std::string> out;
  std::string rest = sanitize_utf8(text);
  const std::size_t limit = chars_per_row(width);
  while (wrapped_lines(rest, width) > k_max_lines_per_row) {
    const std::size_t cut = cut_point(rest, limit);
    if (cut == 0 || cut >= rest.size()) break;
    std::string piece = rest.substr(0, cut);
    while (!piece.empty() && piece.back() == ' ') piece.pop_back();
    if (!piece.empty()) out.push_back(std::move(piece));
    rest.erase(0, cut);
  }
  if (!rest.empty() || out.empty()) out.push_back(rest);
  return out;
}

lxw_row_t write_paragraph(SheetWriter& w, lxw_row_t row, lxw_col_t first, lxw_col_t last,
                          std::string_view text, double width, lxw_format* format) {
  for (const auto& piece : split_for_rows(text, width)) {
    w.merged(row, first, row, last, piece, format);
    w.row_height(row, std::max(k_line_pt, text_height(piece, width)));
    ++row;
  }
  return row;
}

}  // namespace report
