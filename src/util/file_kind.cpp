#include "util/file_kind.h"

#include <sys/stat.h>

namespace util {

std::optional<std::string> not_a_regular_file(const std::filesystem::path& path) {
  struct stat st{};
  if (::stat(path.c_str(), &st) != 0) {
    struct stat link{};
    if (::lstat(path.c_str(), &link) == 0 && S_ISLNK(link.st_mode)) return "ссылка на несуществующий файл";
    return "файл не найден";
  }
  if (S_ISREG(st.st_mode)) return std::nullopt;
  if (S_ISFIFO(st.st_mode)) return "не обычный файл (именованный канал)";
  if (S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode)) return "не обычный файл (устройство)";
  if (S_ISSOCK(st.st_mode)) return "не обычный файл (сокет)";
  if (S_ISDIR(st.st_mode)) return "папка, а не файл";
  return "не обычный файл";
}

}  // namespace util
