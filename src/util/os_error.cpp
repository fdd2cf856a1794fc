#include "util/os_error.h"

#include <cerrno>
#include <cstring>

namespace util {

std::string os_error_text(int err) {
  switch (err) {
    case ENOSPC: return "нет места на диске";
    case EDQUOT: return "превышена дисковая квота";
    case EACCES:
    case EPERM: return "нет прав доступа";
    case EROFS: return "диск доступен только для чтения";
    case ENOTDIR: return "часть пути — файл, а не папка";
    case EISDIR: return "на этом месте папка, а не файл";
    case ENOENT: return "нет такого файла или папки";
    case ENAMETOOLONG: return "слишком длинное имя файла";
    case EEXIST: return "файл уже существует";
    case EIO: return "ошибка ввода-вывода";
    case EFBIG: return "файл слишком большой";
    default: return std::strerror(err);
  }
}

std::string os_error_text(const std::error_code& ec) {
  if (ec.category() == std::generic_category() || ec.category() == std::system_category()) {
    return os_error_text(ec.value());
  }
  return ec.message();
}

}  // namespace util
