#include "definition/naming.h"

#include <algorithm>
#include <numeric>

namespace definition {

namespace {
bool is_lower_latin(char c) { return c >= 'a' && c <= 'z'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Byte-wise optimal-string-alignment distance (Levenshtein plus adjacent
// transpositions, the commonest typo: "emial"); ids are ASCII, so bytes are
// characters. Cyrillic names simply score as more distant.
std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> before(b.size() + 1);
  std::vector<std::size_t> prev(b.size() + 1);
  std::vector<std::size_t> row(b.size() + 1);
  std::iota(prev.begin(), prev.end(), std::size_t{0});
  for (std::size_t i = 1; i <= a.size(); ++i) {
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      row[j] = std::min({prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        row[j] = std::min(row[j], before[j - 2] + 1);
      }
    }
    before.swap(prev);
    prev.swap(row);
  }
  return prev[b.size()];
}
}  // namespace

bool is_valid_field_id(std::string_view id) {
  if (id.empty() || id.size() > k_max_field_id_length || !is_lower_latin(id.front())) return false;
  return std::all_of(id.begin(), id.end(),
                     [](char c) { return is_lower_latin(c) || is_digit(c) || c == '_'; });
}

bool is_valid_plain_id(std::string_view id) {
  if (id.empty() || id.size() > k_max_plain_id_length) return false;
  return std::all_of(id.begin(), id.end(), [](char c) {
    return is_lower_latin(c) || (c >= 'A' && c <= 'Z') || is_digit(c) || c == '_' || c == '-';
  });
}

std::string closest_match(std::string_view typo, const std::vector<std::string>& candidates) {
  const std::size_t allowed = std::max<std::size_t>(1, typo.size() / 3);
  std::string best;
  std::size_t best_distance = allowed + 1;
  for (const auto& c : candidates) {
    const std::size_t d = edit_distance(typo, c);
    if (d < best_distance) {
      best_distance = d;
      best = c;
    }
  }
  return best;
}

std::string join_list(const std::vector<std::string>& items, std::size_t limit) {
  std::string out;
  const std::size_t shown = std::min(items.size(), limit);
  for (std::size_t i = 0; i < shown; ++i) {
    if (i > 0) out += ", ";
    out += items[i];
  }
  if (shown < items.size()) out += ", … (всего " + std::to_string(items.size()) + ")";
  return out;
}

std::string choose_hint(std::string_view found, const std::vector<std::string>& candidates,
                        std::string_view lead) {
  std::string out;
  const auto near = closest_match(found, candidates);
  if (!near.empty() && near != found) out = "возможно, имелось в виду «" + near + "»; ";
  out += lead;
  out += candidates.empty() ? std::string(": (нет ни одного)") : ": " + join_list(candidates);
  return out;
}

std::string id_without_years(std::string_view id) {
  const auto is_year = [](std::string_view t) {
    return t.size() == 4 && (t.starts_with("19") || t.starts_with("20")) &&
           t.find_first_not_of("0123456789") == std::string_view::npos;
  };
  std::string out;
  std::size_t start = 0;
  while (start <= id.size()) {
    const auto end = std::min(id.find_first_of("-_", start), id.size());
    const auto token = id.substr(start, end - start);
    if (!is_year(token)) {
      if (!out.empty()) out += id[start - 1];  // the separator before the token
      out += token;
    }
    start = end + 1;
  }
  return out.empty() ? std::string(id) : out;
}

}  // namespace definition
