#include "deliver/archive.h"

#include <fcntl.h>
#include <sys/stat.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <vector>

#include "util/atomic_file.h"
#include "util/sha256.h"

namespace deliver {

namespace fs = std::filesystem;

namespace {

std::string safe_component(std::string_view s) {
  std::string out(s);
  for (auto& c : out) {
    if (c == '/' || c == '\0' || c == '\\') c = '_';
  }
  while (!out.empty() && out.front() == '.') out.front() = '_';
  if (out.empty()) out = "_";
  return out;
}

model::Diagnostic archive_error(const model::SourceFile& file, std::string message,
                                std::string hint) {
  return model::Diagnostic::error({file.name, {}, {}, {}, {}}, std::move(message), std::move(hint));
}

// Copies `from` to `to` while hashing; returns the hex hash or an error text.
std::expected<std::string, std::string> copy_hashing(const fs::path& from, const fs::path& to) {
  std::ifstream in(from, std::ios::binary);
  if (!in) return std::unexpected(std::string("не удалось открыть: ") + std::strerror(errno));
  std::ofstream out(to, std::ios::binary | std::ios::trunc);
  if (!out) return std::unexpected(std::string("не удалось создать копию: ") + std::strerror(errno));
  util::Sha256 h;
  std::vector<char> buf(1 << 16);
  while (in) {
    in.read(buf.data(), static_cast<std::streamsize>(buf.size()));
    const auto got = in.gcount();
    if (got <= 0) break;
    h.update(std::string_view(buf.data(), static_cast<std::size_t>(got)));
    out.write(buf.data(), got);
  }
  if (in.bad()) return std::unexpected(std::string("ошибка чтения исходного файла"));
  out.close();
  if (!out) return std::unexpected(std::string("ошибка записи копии (нет места на диске?)"));
  return util::to_hex(h.finish());
}

}  // namespace

std::string archive_name(std::string_view school_id, const model::SourceFile& file) {
  return safe_component(school_id) + "__" + file.sha256.substr(0, 12) + "__" +
         safe_component(file.name);
}

model::Expected<ArchivedFile> archive_file(const fs::path& archive_root, std::string_view period,
                                           std::string_view school_id,
                                           const model::SourceFile& file) {
  if (file.sha256.size() != 64) {
    return std::unexpected(archive_error(file, "у файла нет контрольной суммы SHA-256",
                                         "ошибка программы: файл нужно получить через scan_inbox"));
  }
  const auto folder = archive_root / safe_component(period);
  const auto target = folder / archive_name(school_id, file);
  std::error_code ec;
  if (fs::exists(target, ec)) {
    if (util::sha256_file(target) == file.sha256) return ArchivedFile{target, false};
    // A damaged or foreign copy under our name: fall through and replace it.
  }
  fs::create_directories(folder, ec);
  if (ec) {
    return std::unexpected(archive_error(file, "не удалось создать папку архива " + folder.string() +
                                                   ": " + ec.message(),
                                         "проверьте права на запись в папку архива"));
  }
  const auto temp = util::temp_path_for(target);
  const auto hash = copy_hashing(file.path, temp);
  if (!hash || *hash != file.sha256) {
    fs::remove(temp, ec);
    if (!hash) {
      return std::unexpected(archive_error(file, "не удалось скопировать файл в архив: " + hash.error(),
                                           "проверьте место на диске и права доступа"));
    }
    return std::unexpected(archive_error(
        file, "файл изменился после проверки, копия в архив не сделана",
        "файл, видимо, перезаписали во время запуска; он будет обработан при следующем запуске"));
  }
  // Keep the original's mtime: the archive then shows when the school saved it.
  const struct timespec times[2] = {{0, UTIME_NOW}, {static_cast<time_t>(file.mtime), 0}};
  ::utimensat(AT_FDCWD, temp.c_str(), times, 0);  // cosmetic: failure is not an error
  if (auto published = util::publish(temp, target); !published) {
    auto d = published.error();
    d.where.file = file.name;
    return std::unexpected(d);
  }
  return ArchivedFile{target, true};
}

}  // namespace deliver
