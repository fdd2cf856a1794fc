// Picking one form per school when a school sent several valid ones for the
// same period (a corrected form after the first). Pure function: no I/O.
//
// Rule, per school_id:
//   0. a form in a file named for another school (LatestCandidate::
//      foreign_file: "sch01_…" holding sch02's form) loses to any form the
//      school sent under its own name;
//   1. the newest effective date wins, where the effective date is the form's
//      own fill-in date (Submission::filled_on, "ДД.ММ.ГГГГ" or "YYYY-MM-DD")
//      when it lies within the DateWindow (from the day the period opened to
//      the day of the run), and otherwise (empty, unreadable, or implausible:
//      07.11.2062 typed by mistake) the local calendar date of the file's mtime;
//   2. on the same date, the newer mtime wins;
//   3. on the same mtime nothing tells the forms apart: they TIE (LatestPick::
//      tied), and the caller decides; the winner returned is then the greatest
//      file name only so that the answer never depends on the input order.
// Everything that did not win becomes model::Outcome::superseded (or, on a
// tie, whatever the caller decides).
//
// Example:
//   std::vector<ingest::LatestCandidate> c = {
//       {"sch01", "05.11.2026", mtime1, "школа1.xlsx"},
//       {"sch01", "12.11.2026", mtime2, "школа1 исправл.xlsx"}};
//   const auto picks = ingest::choose_latest(c, {20261101, 20261201});
//   // picks[0].latest == false, picks[0].winner == 1; picks[1].latest == true
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace ingest {

struct LatestCandidate {
  std::string school_id;
  std::string filled_on;  // as written in the form; may be empty
  std::int64_t mtime = 0;  // seconds since the epoch
  std::string name;        // file name: orders tied candidates, never decides between them
  bool foreign_file = false;  // the file is named for another school (rule 0)
};

// Fill-in dates that are believed, YYYYMMDD inclusive.
struct DateWindow {
  int earliest = 0;
  int latest = 99991231;
};

struct LatestPick {
  bool latest = false;     // this candidate is the one kept for its school
  std::size_t winner = 0;  // index (into the input) of the kept candidate
  bool tied = false;       // this candidate and the winner are equal by rules 0-2 (the winner too)
  bool date_ignored = false;  // its fill-in date is a real date outside the window: not used
};

// One pick per input candidate, same order. Callers pass the valid forms of
// one period; forms of different schools never affect each other.
std::vector<LatestPick> choose_latest(std::span<const LatestCandidate> candidates, DateWindow window = {});

// The local calendar date of a moment, YYYYMMDD.
int local_date_of(std::int64_t epoch);

// "05.11.2026" or "2026-11-05" (also "5.11.2026") -> 20261105; nullopt for
// anything else, including impossible dates like "31.02.2026".
std::optional<int> parse_fill_date(std::string_view text);

}  // namespace ingest
