#include "store/archive.h"

#include <fcntl.h>
#include <sys/stat.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <vector>

#include "util/atomic_file.h"
#include "util/os_error.h"
#include "util/sha256.h"

namespace store {

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

// The longest prefix of `s` of at most `max` bytes that does not cut a UTF-8 letter.
std::string_view utf8_prefix(std::string_view s, std::size_t max) {
  if (s.size() <= max) return s;
  std::size_t end = max;
  while (end > 0 && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) --end;
  return s.substr(0, end);
}

// `name` within `max` bytes: the stem is cut, the extension (".xlsx") kept.
std::string shortened(const std::string& name, std::size_t max) {
  if (name.size() <= max) return name;
  const auto dot = name.rfind('.');
  const std::string ext = dot != std::string::npos && name.size() - dot <= 8 ? name.substr(dot) : "";
  const auto stem = std::string_view(name).substr(0, name.size() - ext.size());
  if (max <= ext.size()) return std::string(utf8_prefix(name, max));
  return std::string(utf8_prefix(stem, max - ext.size())) + ext;
}

model::Diagnostic archive_error(const model::SourceFile& file, std::string message,
                                std::string hint) {
  return model::Diagnostic::error({file.name, {}, {}, {}, {}}, std::move(message), std::move(hint));
}

// Copies `from` to `to` while hashing; returns the hex hash or an error text.
std::expected<std::string, std::string> copy_hashing(const fs::path& from, const fs::path& to) {
  std::ifstream in(from, std::ios::binary);
  if (!in) return std::unexpected("не удалось открыть: " + util::os_error_text(errno));
  std::ofstream out(to, std::ios::binary | std::ios::trunc);
  if (!out) return std::unexpected("не удалось создать копию: " + util::os_error_text(errno));
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
  const auto prefix = shortened(safe_component(school_id), 64) + "__" + file.sha256.substr(0, 12) + "__";
  return prefix + shortened(safe_component(file.name), k_max_archive_name_bytes - prefix.size());
}

model::Expected<ArchivedFile> archive_file(const fs::path& archive_root, std::string_view period,
                                           std::string_view school_id,
                                           const model::SourceFile& file,
                                           util::PublishBatch* batch) {
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
                                                   ": " + util::os_error_text(ec),
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
  if (batch != nullptr) {
    batch->add(temp, target);
    return ArchivedFile{target, true};
  }
  if (auto published = util::publish(temp, target); !published) {
    auto d = published.error();
    d.where.file = file.name;
    return std::unexpected(d);
  }
  return ArchivedFile{target, true};
}

}  // namespace store
