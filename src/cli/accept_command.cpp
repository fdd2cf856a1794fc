#include "cli/accept_command.h"

#include <cstdio>
#include <ctime>

#include "cli/config/run_inputs.h"
#include "cli/phases/collect_routing.h"
#include "cli/phases/exit_codes.h"
#include "cli/phases/run_session.h"
#include "collect/attachment_store.h"
#include "collect/collect_journal.h"
#include "letters/collect_notice.h"
#include "util/console_text.h"
#include "util/local_time.h"
#include "util/read_file.h"
#include "util/sha256.h"

namespace cli {

namespace fs = std::filesystem;

namespace {

// The held forms whose files are still where the collection put them.
std::vector<collect::SavedRecord> still_held(const collect::CollectJournal& journal) {
  std::vector<collect::SavedRecord> out;
  const auto held = journal.held_files();
  if (!held) {
    print_diagnostics({held.error()});
    return out;
  }
  for (const auto& r : *held) {
    std::error_code ec;
    if (fs::is_regular_file(r.file, ec)) out.push_back(r);
  }
  return out;
}

std::string school_text(const collect::SavedRecord& r) {
  return r.origin.school.empty() ? std::string("без указания школы") : "школы " + r.origin.school;
}

void list_held(const Config& config, const std::vector<collect::SavedRecord>& held) {
  if (held.empty()) {
    std::printf("Отложенных форм нет: все формы из почты пришли с адресов школ из реестра или уже приняты.\n");
    return;
  }
  std::printf("Отложенные формы (%zu) — не входят в итоги, пока вы их не примете (папка %s):\n", held.size(),
              held_folder(config).string().c_str());
  for (const auto& r : held) {
    std::string line = util::moment_text(r.origin.sent_at) + ", от " + r.origin.sender;
    if (!r.origin.subject.empty()) line += " «" + r.origin.subject + "»";
    line += ": форма " + school_text(r) + " — " + r.origin.held;
    std::printf("  %s\n    %s\n    принять: %s\n", util::console_text(line).c_str(),
                util::console_text(r.file.string()).c_str(),
                util::console_text(letters::accept_command(config.file.string(), r.file.string())).c_str());
  }
}

// The held record `file` is, by its path or else by its content.
const collect::SavedRecord* find_held(const std::vector<collect::SavedRecord>& held, const fs::path& file,
                                      const std::string& sha256) {
  std::error_code ec;
  const auto wanted = fs::weakly_canonical(file, ec);
  for (const auto& r : held) {
    if (fs::weakly_canonical(r.file, ec) == wanted) return &r;
  }
  for (const auto& r : held) {
    if (r.sha256 == sha256) return &r;
  }
  return nullptr;
}

bool accept_one(const Config& config, collect::CollectJournal& journal, const std::vector<collect::SavedRecord>& held,
                const fs::path& file, std::int64_t now) {
  const auto bytes = util::read_file(file);
  if (!bytes) {
    std::fprintf(stderr, "ошибка: %s: файл не прочитан. Как исправить: проверьте путь; список отложенных форм — "
                         "metodmon accept -c %s\n",
                 util::console_text(file.string()).c_str(), config.file.string().c_str());
    return false;
  }
  const auto* record = find_held(held, file, util::sha256_hex(*bytes));
  if (record == nullptr) {
    std::fprintf(stderr,
                 "ошибка: %s: это не отложенная форма из почты. Как исправить: список отложенных форм покажет "
                 "metodmon accept -c %s; файл, положенный во входящую папку вручную, учитывается и так\n",
                 util::console_text(file.string()).c_str(), config.file.string().c_str());
    return false;
  }
  const auto inbox = record->origin.inbox.empty() ? config.inbox : record->origin.inbox;
  const auto placed = collect::put_file(inbox, record->file.filename().string(), *bytes, now, record->origin.sent_at);
  if (!placed) {
    print_diagnostics({placed.error()});
    return false;
  }
  if (auto r = journal.record_accepted(record->message_key, record->sha256, placed->path, now); !r) {
    print_diagnostics({r.error()});
    return false;
  }
  std::error_code ec;
  fs::remove(record->file, ec);  // the held copy: ours, not an input
  std::printf("Принята форма %s от %s: %s\n", school_text(*record).c_str(),
              util::console_text(record->origin.sender).c_str(), util::console_text(placed->path.string()).c_str());
  return true;
}

}  // namespace

int accept_command(const Config& config, const AcceptOptions& options) {
  auto session = RunSession::open(config);  // no collection or run meanwhile
  if (!session) return session.error();
  const auto journal_file = config.state / "collect.sqlite";
  std::error_code ec;
  if (!fs::exists(journal_file, ec)) {
    if (options.files.empty()) {
      std::printf("Отложенных форм нет: сбор форм из почты ещё не запускался.\n");
      return k_exit_ok;
    }
    std::fprintf(stderr, "ошибка: сбор форм из почты ещё не запускался (нет журнала %s): принимать нечего\n",
                 journal_file.string().c_str());
    return k_exit_failure;
  }
  auto journal = collect::CollectJournal::open(journal_file);
  if (!journal) {
    print_diagnostics({journal.error()});
    return k_exit_failure;
  }
  const auto held = still_held(*journal);
  if (options.files.empty()) {
    list_held(config, held);
    return k_exit_ok;
  }
  const auto now = static_cast<std::int64_t>(std::time(nullptr));
  bool all = true;
  for (const auto& file : options.files) all = accept_one(config, *journal, held, file, now) && all;
  return all ? k_exit_ok : k_exit_failure;
}

}  // namespace cli
