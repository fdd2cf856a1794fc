// Keeping a copy of every accepted form, so the report can always be traced
// back to the exact bytes it was made from, even after the inbox is cleaned.
//
// Layout: <archive_root>/<period>/<school_id>__<first 12 hex of sha256>__<original name>
//   e.g.  archive/2026-11/sch03__9f86d081884c__Школа 3.xlsx
// Characters that cannot be in a file name ('/', NUL) and leading dots are
// replaced by '_' in the school id and the name. A name longer than
// k_max_archive_name_bytes (a long Cyrillic name: 2 bytes a letter, 255 bytes
// a file name) is shortened at a letter boundary before its extension; the
// school and the hash stay whole, so the copy is still found by both.
//
// Contract:
//   - the source file is only read, never changed, moved or deleted;
//   - the copy appears atomically (temp file in the same folder, fsync, rename),
//     so a killed run leaves either no copy or a whole one (plus perhaps a
//     hidden ".*.tmp-*" file, which the next run ignores);
//   - idempotent: when the target already exists and its SHA-256 equals
//     `file.sha256`, nothing is written (ArchivedFile::copied == false); an
//     existing target with other bytes (damaged copy) is replaced;
//   - the copy's bytes are hashed while copying and must equal `file.sha256`;
//     otherwise the file changed after the scan and an error is returned
//     (nothing is published);
//   - the copy gets the original's mtime.
//
// Example:
//   const auto a = store::archive_file("/srv/metodmon/archive", "2026-11", "sch03", src);
//   if (!a) diagnostics.push_back(a.error());
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "model/diagnostic.h"
#include "model/submission.h"
#include "util/publish_batch.h"

namespace store {

// Leaves room, under the usual 255-byte limit of a file name, for the
// temporary name the copy has while it is written (".<name>.tmp-<pid>-<n>").
inline constexpr std::size_t k_max_archive_name_bytes = 220;

struct ArchivedFile {
  std::filesystem::path path;  // final location of the copy
  bool copied = false;         // false: an identical copy was already there
};

// "<school_id>__<sha12>__<name>" with unsafe characters replaced, at most
// k_max_archive_name_bytes long.
std::string archive_name(std::string_view school_id, const model::SourceFile& file);

// With a `batch`, the copy is written and handed to it: it appears at
// batch->commit() (one sync for all the run's copies, see util/publish_batch.h).
model::Expected<ArchivedFile> archive_file(const std::filesystem::path& archive_root,
                                           std::string_view period, std::string_view school_id,
                                           const model::SourceFile& file,
                                           util::PublishBatch* batch = nullptr);

}  // namespace store
