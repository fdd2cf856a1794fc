// Scanning the inbox folder where the schools' filled forms are dropped.
//
// The scan only reads: inputs are NEVER modified, moved or deleted (they are
// the methodist's originals; the archive keeps copies, see archive.h).
//
// Which files are looked at: the inbox folder itself plus ONE level of
// subfolders (methodists often keep one folder per school or per mail). Deeper
// folders and hidden folders (".git", ".Trash-1000") are not entered.
//
// Every file found ends up in exactly one of two lists:
//   - InboxScan::workbooks — candidate forms (.xlsx .xlsm .xls, any letter
//     case) and, when InboxOptions::questionnaires is set, questionnaire
//     exports (.csv .tsv .txt; a workbook may be one too), settled, first of
//     their bytes; hashed and ready to read;
//   - InboxScan::set_aside — everything else, as model::FileOutcome with one
//     Diagnostic saying why (the caller logs them and puts them on the report):
//       * lock files of Excel "~$x.xlsx" and LibreOffice ".~lock.x.xlsx#",
//         temporary files "*.tmp" / "~*.tmp", hidden dot files
//           -> Outcome::skipped, Severity::info (noise, not the school's fault);
//       * a file still being written (mtime within settle_seconds of now, or
//         its size changed between two looks settle_check_ms apart)
//           -> Outcome::skipped, Severity::warning, "будет обработан при
//              следующем запуске";
//       * any other extension (.docx, .pdf, .zip, .ods …)
//           -> Outcome::rejected, Severity::error, «файл «x.docx» не является
//              книгой Excel» with a hint, so the methodist can ask the school;
//       * a file that cannot be read -> Outcome::rejected, Severity::error;
//       * a workbook over InboxOptions::max_file_bytes -> Outcome::rejected,
//         Severity::error, refused by its size before it is hashed;
//       * anything that is not a regular file (a FIFO, a device, a socket, a
//         link to nothing) -> Outcome::skipped, Severity::warning, with the
//         reason; it is never opened;
//       * a workbook with the same SHA-256 as one already kept (the school
//         re-sent the identical file) -> Outcome::duplicate, Severity::info,
//         naming the kept file. "First" means first by relative path
//         ("a/x.xlsx" < "b/x.xlsx" < "x.xlsx"; byte order of UTF-8 names).
// Both lists are sorted by relative path, so two scans of the same folder
// give the same answer.
//
// Example:
//   const auto scan = ingest::scan_inbox("/srv/metodmon/inbox", {});
//   if (!scan) return scan.error();              // inbox missing or unreadable
//   for (const auto& f : scan->workbooks) read_form(f.path);
//   for (const auto& o : scan->set_aside) log(o.diagnostics.front());
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "model/diagnostic.h"
#include "model/run.h"
#include "model/submission.h"

namespace ingest {

struct InboxOptions {
  // A file modified less than this many seconds ago may still be copied in
  // (a mail client saving an attachment, a network share): left for next run.
  int settle_seconds = 60;
  // Sizes are taken twice, this far apart, for all candidates at once (one
  // wait per scan, not per file). 0 disables the second look.
  int settle_check_ms = 1000;
  // "Now" in seconds since the epoch; unset means the system clock. Tests set it.
  std::optional<std::int64_t> now;
  // A workbook larger than this is refused before it is hashed (0: no limit).
  std::uintmax_t max_file_bytes = 50ull << 20;
  // Set when the method reads questionnaire exports (model/survey.h): text
  // exports are candidates too, and any candidate may be this large (a
  // workbook export may be larger than a form; the form reader still refuses
  // a form over max_file_bytes).
  std::optional<std::uintmax_t> questionnaires;
  // Files hashed at once (util::worker_count: 0 = one per core). The result
  // is the same whatever the count.
  int threads = 1;
};

struct InboxScan {
  std::vector<model::SourceFile> workbooks;    // to read and validate
  std::vector<model::FileOutcome> set_aside;   // skipped, not-a-form, duplicates
};

// Fails only when `inbox` itself is missing or cannot be listed; problems of
// single files go to set_aside and the scan goes on.
model::Expected<InboxScan> scan_inbox(const std::filesystem::path& inbox,
                                      const InboxOptions& options);

// What the scan would do with a file of this name, before looking at it:
// "lock", "temp", "hidden", "workbook", "text" (a questionnaire export's
// .csv/.tsv/.txt) or "other". Exposed for tests and logs.
enum class NameKind { workbook, text, lock, temp, hidden, other };
NameKind classify_name(const std::string& file_name);

}  // namespace ingest
