#include "collect/attachment_store.h"

#include <fcntl.h>
#include <sys/stat.h>

#include "collect/file_naming.h"
#include "util/atomic_file.h"
#include "util/sha256.h"

namespace collect {

namespace fs = std::filesystem;

namespace {

constexpr int k_max_suffix = 999;

bool same_content(const fs::path& file, std::uintmax_t size, const std::string& sha256) {
  std::error_code ec;
  if (fs::file_size(file, ec) != size || ec) return false;
  const auto hash = util::sha256_file(file);
  return hash && *hash == sha256;
}

}  // namespace

model::Expected<StoredFile> put_file(const fs::path& folder, std::string_view name, std::string_view bytes,
                                     std::int64_t now, std::int64_t sent_at) {
  const auto sha256 = util::sha256_hex(bytes);
  for (int n = 1; n <= k_max_suffix; ++n) {
    const auto candidate = folder / (n == 1 ? std::string(name) : with_suffix(name, n));
    StoredFile stored{candidate, false};
    std::error_code ec;
    if (fs::exists(candidate, ec)) {
      if (!same_content(candidate, bytes.size(), sha256)) continue;
      stored.already = true;  // written by a run that stopped before its journal row
    } else {
      const auto written = util::write_new_file_atomic(candidate, bytes);
      if (!written) return std::unexpected(written.error());
      if (!*written) continue;  // someone took the name a moment ago
      if (sent_at > 0 && sent_at <= now) {
        const timespec times[2] = {{static_cast<time_t>(sent_at), 0}, {static_cast<time_t>(sent_at), 0}};
        ::utimensat(AT_FDCWD, candidate.c_str(), times, 0);  // best effort: a fresh time only delays a run
      }
    }
    return stored;
  }
  return std::unexpected(model::Diagnostic::error(
      {std::string(name), {}, {}, {}, {}},
      "в папке " + folder.string() + " уже есть " + std::to_string(k_max_suffix) + " файлов с именем «" +
          std::string(name) + "»",
      "разберите входящую папку: перенесите обработанные файлы в архив"));
}

model::Expected<StoredFile> store_attachment(CollectJournal& journal, const fs::path& folder,
                                             std::string_view message_key, std::string_view name,
                                             std::string_view bytes, std::int64_t now, std::int64_t sent_at,
                                             const Provenance& origin) {
  const auto sha256 = util::sha256_hex(bytes);
  auto earlier = journal.saved_file(message_key, sha256);
  if (!earlier) return std::unexpected(earlier.error());
  if (*earlier) return StoredFile{**earlier, true};
  auto stored = put_file(folder, name, bytes, now, sent_at);
  if (!stored) return stored;
  if (auto r = journal.record_saved(message_key, sha256, stored->path, now, origin); !r) {
    return std::unexpected(r.error());
  }
  return stored;
}

}  // namespace collect
