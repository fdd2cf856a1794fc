#include "cli/history_command.h"

#include <cstdio>

#include "cli/phases/exit_codes.h"
#include "cli/text_table.h"
#include "store/history_store.h"

namespace cli {

namespace {
std::string exit_text(const std::optional<int>& code) {
  if (!code) return "не завершён (прерван или идёт сейчас)";
  switch (*code) {
    case k_exit_ok: return "успешно";
    case k_exit_forms_rejected: return "часть форм отклонена";
    case k_exit_mail_failed: return "часть писем не отправлена";
    case k_exit_nothing_accepted: return "ни одна форма не принята, итоги не обновлены";
    case k_exit_not_saved: return "часть форм не сохранена в архив или письма не записаны";
    default: return "ошибка (код " + std::to_string(*code) + ")";
  }
}
}  // namespace

int history_command(const Config& config, int limit) {
  const auto path = config.state / "history.sqlite";
  auto store = store::HistoryStore::open(path);
  if (!store) {
    std::fprintf(stderr, "ошибка: %s\n", model::to_string(store.error()).c_str());
    return k_exit_failure;
  }
  const auto periods = store->list_periods();
  const auto runs = store->list_runs(limit);
  if (!periods || !runs) {
    std::fprintf(stderr, "ошибка: %s\n", model::to_string(!periods ? periods.error() : runs.error()).c_str());
    return k_exit_failure;
  }
  std::printf("История: %s\n", path.string().c_str());
  std::printf("Периоды с данными (%zu):", periods->size());
  for (const auto& p : *periods) std::printf(" %s", p.c_str());
  std::printf("\n\nПоследние запуски:\n");
  std::vector<std::vector<std::string>> rows;
  for (const auto& r : *runs) {
    rows.push_back({std::to_string(r.id), r.period, r.started, r.finished.value_or("—"), std::to_string(r.counts.files),
                    std::to_string(r.counts.accepted), std::to_string(r.counts.rejected),
                    std::to_string(r.counts.mails_sent), exit_text(r.exit_code)});
  }
  std::fputs(format_table({{"№", true}, {"период"}, {"начат"}, {"завершён"}, {"файлов", true}, {"принято", true},
                           {"откл.", true}, {"писем", true}, {"итог"}},
                          rows)
                 .c_str(),
             stdout);
  return k_exit_ok;
}

}  // namespace cli
