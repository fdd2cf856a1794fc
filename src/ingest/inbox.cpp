#include "ingest/inbox.h"

#include <sys/stat.h>

#include <algorithm>
#include <chrono>
#include <map>
#include <thread>

#include "model/diagnostic.h"
#include "util/ascii.h"
#include "util/file_kind.h"
#include "util/parallel_for.h"
#include "util/sha256.h"

namespace ingest {

namespace fs = std::filesystem;

namespace {

struct Found {
  fs::path path;
  std::string rel;  // "x.xlsx" or "folder/x.xlsx", generic separators
  std::string name;
  std::uintmax_t size = 0;
  std::int64_t mtime = 0;
};

bool ends_with(const std::string& s, const std::string& tail) {
  return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

// lstat-free on purpose: a symlink to a regular file is read like the file.
std::optional<std::pair<std::uintmax_t, std::int64_t>> size_and_mtime(const fs::path& p) {
  struct stat st{};
  if (::stat(p.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return std::nullopt;
  return std::pair{static_cast<std::uintmax_t>(st.st_size), static_cast<std::int64_t>(st.st_mtime)};
}

model::FileOutcome set_aside(const Found& f, model::Outcome outcome, model::Severity severity,
                             std::string message, std::string hint = {}) {
  model::FileOutcome o;
  o.file = {f.path, f.name, {}, f.size, f.mtime};
  o.outcome = outcome;
  o.diagnostics.push_back(
      {severity, {f.name, {}, {}, {}, {}}, std::move(message), {}, std::move(hint)});
  return o;
}

// Top level plus one level of non-hidden subfolders; errors inside a
// subfolder are reported as a set-aside entry for that folder.
void list_files(const fs::path& dir, const std::string& prefix, int depth, std::vector<Found>& out,
                std::vector<model::FileOutcome>& problems) {
  std::error_code ec;
  fs::directory_iterator it(dir, ec);
  if (ec) {
    Found f{dir, prefix, dir.filename().string(), 0, 0};
    problems.push_back(set_aside(f, model::Outcome::rejected, model::Severity::error,
                                 "не удалось прочитать папку: " + ec.message(),
                                 "проверьте права доступа к папке"));
    return;
  }
  for (const auto& entry : it) {
    const auto name = entry.path().filename().string();
    const auto rel = prefix.empty() ? name : prefix + "/" + name;
    std::error_code sec;
    if (entry.is_directory(sec)) {
      if (depth == 0 && !name.starts_with(".")) list_files(entry.path(), rel, 1, out, problems);
      continue;
    }
    Found f{entry.path(), rel, name, 0, 0};
    if (const auto why = util::not_a_regular_file(f.path)) {
      // A FIFO would block the run on open(), a device never end: listed, never read.
      problems.push_back(set_aside(f, model::Outcome::skipped, model::Severity::warning, *why + " — пропущен",
                                   "положите в папку саму книгу Excel"));
      continue;
    }
    if (const auto sm = size_and_mtime(f.path)) std::tie(f.size, f.mtime) = *sm;
    out.push_back(std::move(f));
  }
}

std::int64_t now_seconds(const InboxOptions& options) {
  if (options.now) return *options.now;
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

}  // namespace

NameKind classify_name(const std::string& file_name) {
  const auto lower = util::lower_ascii(file_name);
  if (lower.starts_with("~$")) return NameKind::lock;                               // Excel
  if (lower.starts_with(".~lock.") && lower.ends_with("#")) return NameKind::lock;  // LibreOffice
  if (ends_with(lower, ".tmp") || ends_with(lower, ".crdownload") || ends_with(lower, ".part"))
    return NameKind::temp;
  if (lower.starts_with(".")) return NameKind::hidden;
  if (ends_with(lower, ".xlsx") || ends_with(lower, ".xlsm") || ends_with(lower, ".xls"))
    return NameKind::workbook;
  if (ends_with(lower, ".csv") || ends_with(lower, ".tsv") || ends_with(lower, ".txt")) return NameKind::text;
  return NameKind::other;
}

model::Expected<InboxScan> scan_inbox(const fs::path& inbox, const InboxOptions& options) {
  std::error_code ec;
  if (!fs::is_directory(inbox, ec)) {
    return std::unexpected(model::Diagnostic::error(
        {inbox.string(), {}, {}, {}, {}}, "папка входящих форм не найдена или недоступна",
        "проверьте параметр inbox в файле настроек и права доступа к папке"));
  }
  std::vector<Found> found;
  InboxScan scan;
  list_files(inbox, "", 0, found, scan.set_aside);
  std::sort(found.begin(), found.end(), [](const Found& a, const Found& b) { return a.rel < b.rel; });

  const auto now = now_seconds(options);
  std::vector<Found> candidates;
  for (auto& f : found) {
    switch (classify_name(f.name)) {
      case NameKind::lock:
        scan.set_aside.push_back(set_aside(f, model::Outcome::skipped, model::Severity::info,
                                           "файл блокировки открытой книги, пропущен"));
        continue;
      case NameKind::temp:
        scan.set_aside.push_back(set_aside(f, model::Outcome::skipped, model::Severity::info,
                                           "временный файл, пропущен"));
        continue;
      case NameKind::hidden:
        scan.set_aside.push_back(set_aside(f, model::Outcome::skipped, model::Severity::info,
                                           "скрытый файл, пропущен"));
        continue;
      case NameKind::text:
        if (options.questionnaires) break;
        [[fallthrough]];
      case NameKind::other:
        scan.set_aside.push_back(set_aside(
            f, model::Outcome::rejected, model::Severity::error,
            "файл «" + f.name + "» не является книгой Excel",
            !options.questionnaires ? "попросите школу прислать заполненную форму в формате .xlsx"
            : ends_with(util::lower_ascii(f.name), ".zip")
                ? "Google Формы отдают ответы архивом .zip: распакуйте его и положите в папку файл .csv"
                : "форму присылают книгой Excel (.xlsx), ответы анкеты — выгрузкой XLSX или CSV"));
        continue;
      case NameKind::workbook: break;
    }
    const auto age = now - f.mtime;
    if (age < options.settle_seconds && age > -options.settle_seconds) {
      scan.set_aside.push_back(set_aside(
          f, model::Outcome::skipped, model::Severity::warning,
          "файл изменён менее " + std::to_string(options.settle_seconds) +
              " с назад и, возможно, ещё записывается; будет обработан при следующем запуске"));
      continue;
    }
    candidates.push_back(std::move(f));
  }

  if (options.settle_check_ms > 0 && !candidates.empty()) {
    std::this_thread::sleep_for(std::chrono::milliseconds(options.settle_check_ms));
  }
  std::vector<Found> settled;
  for (auto& f : candidates) {
    // Refused by size before hashing: hashing a huge (sparse) file takes long.
    const bool text = classify_name(f.name) == NameKind::text;
    const auto limit = options.questionnaires ? std::max(*options.questionnaires, text ? 0 : options.max_file_bytes)
                                              : options.max_file_bytes;
    if (limit > 0 && f.size > limit) {
      scan.set_aside.push_back(text || options.max_file_bytes < limit
                                   ? set_aside(f, model::Outcome::rejected, model::Severity::error,
                                               model::export_too_large_message(limit, f.size), model::k_export_too_large_hint)
                                   : set_aside(f, model::Outcome::rejected, model::Severity::error,
                                               model::too_large_message(limit), model::k_too_large_hint));
      continue;
    }
    const auto again = size_and_mtime(f.path);
    if (!again || again->first != f.size || again->second != f.mtime) {
      scan.set_aside.push_back(
          set_aside(f, model::Outcome::skipped, model::Severity::warning,
                    "файл меняется прямо сейчас (размер или время изменения другие через " +
                        std::to_string(options.settle_check_ms) +
                        " мс); будет обработан при следующем запуске"));
      continue;
    }
    settled.push_back(std::move(f));
  }
  // Hashed `threads` at a time, each into its own slot; duplicates are then
  // judged in path order, so the answer does not depend on the thread count.
  std::vector<std::optional<std::string>> hashes(settled.size());
  util::parallel_for(settled.size(), util::worker_count(options.threads),
                     [&](std::size_t i) { hashes[i] = util::sha256_file(settled[i].path); });
  std::map<std::string, std::string> first_by_hash;  // sha256 -> relative path kept
  for (std::size_t i = 0; i < settled.size(); ++i) {
    const auto& f = settled[i];
    const auto& hash = hashes[i];
    if (!hash) {
      scan.set_aside.push_back(set_aside(f, model::Outcome::rejected, model::Severity::error,
                                         "не удалось прочитать файл",
                                         "проверьте права доступа к файлу"));
      continue;
    }
    const auto [kept, inserted] = first_by_hash.emplace(*hash, f.rel);
    if (!inserted) {
      auto o = set_aside(f, model::Outcome::duplicate, model::Severity::info,
                         "тот же файл, что и «" + kept->second + "» (совпадает SHA-256), повтор пропущен");
      o.file.sha256 = *hash;
      scan.set_aside.push_back(std::move(o));
      continue;
    }
    scan.workbooks.push_back({f.path, f.name, *hash, f.size, f.mtime});
  }
  std::stable_sort(scan.set_aside.begin(), scan.set_aside.end(),
                   [&](const model::FileOutcome& a, const model::FileOutcome& b) {
                     return a.file.path.lexically_relative(inbox).generic_string() <
                            b.file.path.lexically_relative(inbox).generic_string();
                   });
  return scan;
}

}  // namespace ingest
