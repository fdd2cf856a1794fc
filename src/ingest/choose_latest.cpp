#include "ingest/choose_latest.h"

#include <chrono>
#include <ctime>
#include <map>
#include <tuple>

#include "util/whole_number.h"

namespace ingest {

namespace {

std::optional<int> make_date(std::optional<int> y, std::optional<int> m, std::optional<int> d) {
  if (!y || !m || !d || *y < 1900 || *y > 2200 || *m < 1 || *m > 12 || *d < 1 || *d > 31) return std::nullopt;
  const std::chrono::year_month_day date{std::chrono::year{*y}, std::chrono::month{static_cast<unsigned>(*m)},
                                         std::chrono::day{static_cast<unsigned>(*d)}};
  if (!date.ok()) return std::nullopt;
  return *y * 10000 + *m * 100 + *d;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// A fill-in date within the window, else nullopt.
std::optional<int> believed_date(const LatestCandidate& c, DateWindow window) {
  const auto date = parse_fill_date(c.filled_on);
  if (!date || *date < window.earliest || *date > window.latest) return std::nullopt;
  return date;
}

// Larger key = newer form (rules 0-2).
using Key = std::tuple<bool, int, std::int64_t>;

Key key_of(const LatestCandidate& c, DateWindow window) {
  return {!c.foreign_file, believed_date(c, window).value_or(local_date_of(c.mtime)), c.mtime};
}

}  // namespace

int local_date_of(std::int64_t epoch) {
  const std::time_t t = static_cast<std::time_t>(epoch);
  std::tm tm{};
  localtime_r(&t, &tm);
  return (tm.tm_year + 1900) * 10000 + (tm.tm_mon + 1) * 100 + tm.tm_mday;
}

std::optional<int> parse_fill_date(std::string_view text) {
  text = trim(text);
  if (const auto dot1 = text.find('.'); dot1 != std::string_view::npos) {
    const auto dot2 = text.find('.', dot1 + 1);
    if (dot2 == std::string_view::npos) return std::nullopt;
    const auto year = text.substr(dot2 + 1);
    if (year.size() != 4) return std::nullopt;
    return make_date(util::whole_number(year), util::whole_number(text.substr(dot1 + 1, dot2 - dot1 - 1)),
                     util::whole_number(text.substr(0, dot1)));
  }
  if (text.size() == 10 && text[4] == '-' && text[7] == '-') {
    return make_date(util::whole_number(text.substr(0, 4)), util::whole_number(text.substr(5, 2)),
                     util::whole_number(text.substr(8, 2)));
  }
  return std::nullopt;
}

std::vector<LatestPick> choose_latest(std::span<const LatestCandidate> candidates, DateWindow window) {
  std::vector<Key> keys;
  keys.reserve(candidates.size());
  for (const auto& c : candidates) keys.push_back(key_of(c, window));
  // school -> index of the newest so far; among equals, the greatest name.
  std::map<std::string_view, std::size_t> best;
  const auto newer = [&](std::size_t a, std::size_t b) {
    return keys[a] != keys[b] ? keys[b] < keys[a] : candidates[b].name < candidates[a].name;
  };
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    const auto [it, inserted] = best.emplace(candidates[i].school_id, i);
    if (!inserted && newer(i, it->second)) it->second = i;
  }
  // How many candidates share each winner's key: more than one is a tie.
  std::map<std::size_t, int> equal_to_winner;
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    const auto winner = best.at(candidates[i].school_id);
    if (keys[i] == keys[winner]) ++equal_to_winner[winner];
  }
  std::vector<LatestPick> picks(candidates.size());
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    const auto winner = best.at(candidates[i].school_id);
    auto& p = picks[i];
    p.latest = winner == i;
    p.winner = winner;
    p.tied = keys[i] == keys[winner] && equal_to_winner[winner] > 1;
    p.date_ignored = parse_fill_date(candidates[i].filled_on) && !believed_date(candidates[i], window);
  }
  return picks;
}

}  // namespace ingest
