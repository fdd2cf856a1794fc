// Whether a path is a regular file a form can be read from. Only looks
// (lstat/stat), never opens: opening a FIFO blocks until someone writes to
// it, and /dev/zero never ends, so both must be refused before any read.
//
//   if (const auto why = util::not_a_regular_file(path)) refuse(*why);
#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace util {

// Russian reason, or nullopt for a regular file (or a link to one):
//   "не обычный файл (именованный канал)", "не обычный файл (устройство)",
//   "не обычный файл (сокет)", "ссылка на несуществующий файл",
//   "папка, а не файл", "файл не найден", "не обычный файл".
std::optional<std::string> not_a_regular_file(const std::filesystem::path& path);

}  // namespace util
