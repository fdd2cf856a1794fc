// Publishing output atomically: write to a temporary file in the target's
// folder, then rename over the target. A reader (or a killed run) sees either
// the old file or the new one, never half of one.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string_view>

#include "model/diagnostic.h"

namespace util {

// The longest file name Linux (and Windows, so a Samba share) allows, in bytes.
inline constexpr std::size_t k_max_file_name_bytes = 255;

// "<dir>/.<name>.tmp-<pid>-<n>": same folder, so rename() is atomic. The
// name is never longer than k_max_file_name_bytes: of a long `final_path`
// name only the start is kept.
std::filesystem::path temp_path_for(const std::filesystem::path& final_path);

// Flushes `temp` to disk and renames it to `final_path` (creating parent
// folders first). On failure `temp` is removed and a Diagnostic names `final_path`.
model::Expected<void> publish(const std::filesystem::path& temp,
                              const std::filesystem::path& final_path);

// «не удалось записать файл <path>: <what>», located at the file's name,
// with the usual hint (folder exists, writable, room on the disk).
model::Diagnostic file_write_error(const std::filesystem::path& p, const std::string& what);

// Writes `bytes` to `final_path` atomically.
model::Expected<void> write_file_atomic(const std::filesystem::path& final_path,
                                        std::string_view bytes);

// Writes `bytes` to `final_path` atomically but never replaces a file that is
// already there, even one created a moment ago by another process: returns
// false (nothing written, no temp file left) when `final_path` exists, true
// when the new file is in place.
model::Expected<bool> write_new_file_atomic(const std::filesystem::path& final_path,
                                            std::string_view bytes);

}  // namespace util

namespace util {

// Removes temporary files ".<name>.tmp-<pid>-<n>" left in `dir` by a run that
// was killed before it could publish. Call only while holding the run lock
// (no other writer can be using them). Returns how many were removed.
int remove_stale_temp_files(const std::filesystem::path& dir);

}  // namespace util
