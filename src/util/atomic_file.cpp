#include "util/atomic_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>

#include "util/os_error.h"

namespace util {

namespace fs = std::filesystem;

model::Diagnostic file_write_error(const fs::path& p, const std::string& what) {
  return model::Diagnostic::error({p.filename().string(), {}, {}, {}, {}},
                                  "не удалось записать файл " + p.string() + ": " + what,
                                  "проверьте, что папка существует, доступна для записи и на диске есть место");
}

namespace {

bool fsync_path(const fs::path& p, bool directory) {
  const int fd = ::open(p.c_str(), directory ? O_RDONLY | O_DIRECTORY : O_RDONLY);
  if (fd < 0) return false;
  const bool ok = ::fsync(fd) == 0;
  ::close(fd);
  return ok;
}

// The folder of `final_path` made if missing; its failure names the real
// cause (a file where a folder should be, no permission), not the ENOENT the
// write would meet next.
model::Expected<void> make_parent(const fs::path& final_path) {
  if (final_path.parent_path().empty()) return {};
  std::error_code ec;
  fs::create_directories(final_path.parent_path(), ec);
  if (ec) {
    return std::unexpected(file_write_error(
        final_path, "не удалось создать папку " + final_path.parent_path().string() + ": " + os_error_text(ec)));
  }
  return {};
}

// Writes `bytes` to a new temporary file beside `final_path` (parents created).
model::Expected<fs::path> write_temp(const fs::path& final_path, std::string_view bytes) {
  std::error_code ec;
  if (auto made = make_parent(final_path); !made) return std::unexpected(made.error());
  const auto temp = temp_path_for(final_path);
  std::ofstream out(temp, std::ios::binary | std::ios::trunc);
  if (!out) return std::unexpected(file_write_error(final_path, os_error_text(errno)));
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.close();
  if (!out) {
    fs::remove(temp, ec);
    return std::unexpected(file_write_error(final_path, "ошибка записи"));
  }
  return temp;
}

// rename() that fails with EEXIST instead of replacing; link()+unlink() on
// file systems without RENAME_NOREPLACE (both are atomic for the reader).
int rename_no_replace(const fs::path& from, const fs::path& to) {
  if (::renameat2(AT_FDCWD, from.c_str(), AT_FDCWD, to.c_str(), RENAME_NOREPLACE) == 0) return 0;
  if (errno != EINVAL && errno != ENOSYS) return -1;
  if (::link(from.c_str(), to.c_str()) != 0) return -1;
  ::unlink(from.c_str());
  return 0;
}
}  // namespace

fs::path temp_path_for(const fs::path& final_path) {
  static std::atomic<unsigned> counter{0};
  const auto suffix = ".tmp-" + std::to_string(::getpid()) + "-" + std::to_string(counter++);
  // A name near the 255-byte limit (a long Cyrillic attachment name) would
  // overflow it with the dot and the suffix: the temporary name keeps only
  // as much of it as fits, cut at a character boundary.
  auto stem = final_path.filename().string();
  const auto room = k_max_file_name_bytes - 1 - suffix.size();
  if (stem.size() > room) {
    std::size_t end = room;
    while (end > 0 && (static_cast<unsigned char>(stem[end]) & 0xC0) == 0x80) --end;
    stem.resize(end);
  }
  return final_path.parent_path() / ("." + stem + suffix);
}

model::Expected<void> publish(const fs::path& temp, const fs::path& final_path) {
  std::error_code ec;
  if (auto made = make_parent(final_path); !made) {
    fs::remove(temp, ec);
    return std::unexpected(made.error());
  }
  if (!fsync_path(temp, false)) {
    const std::string why = os_error_text(errno);
    fs::remove(temp, ec);
    return std::unexpected(file_write_error(final_path, why));
  }
  if (::rename(temp.c_str(), final_path.c_str()) != 0) {
    const std::string why = os_error_text(errno);
    fs::remove(temp, ec);
    return std::unexpected(file_write_error(final_path, why));
  }
  // Make the rename itself durable; failure here does not undo the publish.
  const auto dir = final_path.parent_path().empty() ? fs::path(".") : final_path.parent_path();
  fsync_path(dir, true);
  return {};
}

model::Expected<void> write_file_atomic(const fs::path& final_path, std::string_view bytes) {
  const auto temp = write_temp(final_path, bytes);
  if (!temp) return std::unexpected(temp.error());
  return publish(*temp, final_path);
}

model::Expected<bool> write_new_file_atomic(const fs::path& final_path, std::string_view bytes) {
  const auto temp = write_temp(final_path, bytes);
  if (!temp) return std::unexpected(temp.error());
  std::error_code ec;
  if (!fsync_path(*temp, false) || rename_no_replace(*temp, final_path) != 0) {
    const int err = errno;
    fs::remove(*temp, ec);
    if (err == EEXIST) return false;
    return std::unexpected(file_write_error(final_path, os_error_text(err)));
  }
  fsync_path(final_path.parent_path().empty() ? fs::path(".") : final_path.parent_path(), true);
  return true;
}

}  // namespace util

namespace util {

int remove_stale_temp_files(const std::filesystem::path& dir) {
  int removed = 0;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return 0;
  for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::recursive_directory_iterator();
       it.increment(ec)) {
    const auto name = it->path().filename().string();
    if (name.starts_with(".") && name.find(".tmp-") != std::string::npos && it->is_regular_file(ec)) {
      std::error_code rm;
      if (fs::remove(it->path(), rm)) ++removed;
    }
  }
  return removed;
}

}  // namespace util
