// Picking one form per school when a school sent several valid ones for the
// same period (a corrected form after the first). Pure function: no I/O.
//
// Rule, per school_id:
//   1. the newest effective date wins, where the effective date is the form's
//      own fill-in date (Submission::filled_on, "ДД.ММ.ГГГГ" or "YYYY-MM-DD")
//      and, when that is empty or unreadable, the local calendar date of the
//      file's mtime;
//   2. on the same date, the newer mtime wins;
//   3. on the same mtime, the greater file name (byte order) wins, so the
//      answer never depends on the order of the input.
// Everything that did not win becomes model::Outcome::superseded.
//
// Example:
//   std::vector<deliver::LatestCandidate> c = {
//       {"sch01", "05.11.2026", mtime1, "школа1.xlsx"},
//       {"sch01", "12.11.2026", mtime2, "школа1 исправл.xlsx"}};
//   const auto picks = deliver::choose_latest(c);
//   // picks[0].latest == false, picks[0].winner == 1; picks[1].latest == true
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace deliver {

struct LatestCandidate {
  std::string school_id;
  std::string filled_on;  // as written in the form; may be empty
  std::int64_t mtime = 0;  // seconds since the epoch
  std::string name;        // file name, the final tie-break
};

struct LatestPick {
  bool latest = false;     // this candidate is the one kept for its school
  std::size_t winner = 0;  // index (into the input) of the kept candidate
};

// One pick per input candidate, same order. Callers pass the valid forms of
// one period; forms of different schools never affect each other.
std::vector<LatestPick> choose_latest(std::span<const LatestCandidate> candidates);

// "05.11.2026" or "2026-11-05" (also "5.11.2026") -> 20261105; nullopt for
// anything else, including impossible dates like "31.02.2026".
std::optional<int> parse_fill_date(std::string_view text);

}  // namespace deliver
