#include "cli/command_table.h"

#include <algorithm>

#include "definition/naming.h"

namespace cli {

namespace {

constexpr const char* k_monthly = "Ежемесячный запуск";
constexpr const char* k_calendar = "Календарь мониторингов";
constexpr const char* k_mail = "Почта";
constexpr const char* k_forms = "Формы";
constexpr const char* k_method = "Методика";
constexpr const char* k_setup = "Установка";

}  // namespace

const std::vector<std::string>& command_groups() {
  static const std::vector<std::string> groups = {k_monthly, k_calendar, k_mail, k_forms, k_method, k_setup};
  return groups;
}

const std::vector<CommandInfo>& command_table() {
  static const std::vector<CommandInfo> table = {
      {"run", k_monthly, "прочитать присланные формы, посчитать итоги, записать книги и документы, разослать письма",
       {"metodmon run -c /etc/metodmon/metodmon.toml",
        "metodmon run -c metodmon.toml --period 2026-11 --dry-run",
        "metodmon run -c krymsk_system.toml --monitoring m7 --period 2025"}},
      {"history", k_monthly, "периоды в истории и последние запуски с итогом",
       {"metodmon history -c /etc/metodmon/metodmon.toml", "metodmon history -c metodmon.toml --limit 5"}},
      {"documents", k_monthly, "пересобрать справку и проект приказа за период по истории, не читая входящую папку",
       {"metodmon documents -c /etc/metodmon/metodmon.toml --period 2026-11",
        "metodmon documents -c krymsk_system.toml --monitoring m7 --period 2025"}},
      {"daily", k_calendar, "день календаря (для таймера): рассылка форм, напоминания, итоги — что положено сегодня",
       {"metodmon daily -c /etc/metodmon/metodmon.toml",
        "metodmon daily -c krymsk_system.toml --monitoring m1 -v"}},
      {"plan", k_calendar, "что и в какой день сделает daily; ничего не меняет",
       {"metodmon plan -c /etc/metodmon/metodmon.toml",
        "metodmon plan -c krymsk_system.toml --from 2026-09-01 --to 2026-09-30 --monitoring m1"}},
      {"open", k_calendar, "разослать школам формы мониторинга вручную, как в день рассылки",
       {"metodmon open -c krymsk_system.toml --monitoring m1",
        "metodmon open -c metodmon.toml --period 2026-11"}},
      {"status", k_calendar, "сдача форм: кому разосланы, что и когда прислано, кто не сдал",
       {"metodmon status -c /etc/metodmon/metodmon.toml",
        "metodmon status -c krymsk_system.toml --monitoring m7 --period 2025"}},
      {"send", k_mail, "дослать письма, которые ждут в папке outbox",
       {"metodmon send -c /etc/metodmon/metodmon.toml",
        "metodmon send -c metodmon.toml --period 2026-11 --include-dry-run"}},
      {"collect", k_mail, "забрать ответы школ из почтового ящика во входящую папку",
       {"metodmon collect -c /etc/metodmon/metodmon.toml", "metodmon collect -c metodmon.toml -v"}},
      {"accept", k_mail, "принять форму из почты, отложенную: она пришла не с адреса своей школы из реестра",
       {"metodmon accept -c /etc/metodmon/metodmon.toml",
        "metodmon accept -c metodmon.toml /var/lib/metodmon/held/2026-11-06_09-00_zam2@mail.example_Форма.xlsx"}},
      {"template", k_forms, "выпустить защищённые формы для школ",
       {"metodmon template -c /etc/metodmon/metodmon.toml",
        "metodmon template -c metodmon.toml --period 2026-11 --school sch01 --school sch02",
        "metodmon template -c metodmon.toml --out ~/формы"}},
      {"check", k_forms, "проверить файлы форм и выгрузки анкет, ничего не записывая; без файлов — проверить саму установку",
       {"metodmon check -c /etc/metodmon/metodmon.toml",
        "metodmon check -c metodmon.toml sch03_2026-11.xlsx",
        "metodmon check -c metodmon.toml --period 2026-11 inbox/*.xlsx"}},
      {"method", k_method, "методика в книге Excel: новая книга, выгрузка методики в книгу, проверка (new, export, check)",
       {"metodmon method new --out Методика.xlsx",
        "metodmon method export /usr/share/metodmon/templates/demo.toml --out Методика.xlsx",
        "metodmon method check Методика.xlsx"}},
      {"init", k_setup, "создать установку: конфигурация, реестр школ, копия методики, папки",
       {"metodmon init ~/imc --municipality \"Энский муниципальный округ\" --method demo",
        "sudo metodmon init /etc/metodmon --data /var/lib/metodmon --municipality \"Крымский район\" "
        "--method krymsk --force",
        "metodmon init ~/imc --municipality \"Балахтинский район\" --method ~/моя_методика.toml"}},
  };
  return table;
}

const CommandInfo* find_command(std::string_view name) {
  const auto& table = command_table();
  const auto it = std::find_if(table.begin(), table.end(), [&](const CommandInfo& c) { return name == c.name; });
  return it == table.end() ? nullptr : &*it;
}

std::string closest_command(std::string_view typo) {
  std::vector<std::string> names;
  for (const auto& c : command_table()) names.emplace_back(c.name);
  return definition::closest_match(typo, names);
}

std::string examples_text(const CommandInfo& command) {
  std::string text = "Примеры:\n";
  for (const char* example : command.examples) text += std::string("  ") + example + "\n";
  return text;
}

std::string command_list_text() {
  std::size_t width = 0;
  for (const auto& c : command_table()) width = std::max(width, std::string_view(c.name).size());
  std::string text =
      "metodmon — мониторинг методической работы: формы школ → итоговые книги, справка, приказ и рассылка\n\n"
      "Использование: metodmon КОМАНДА [ПАРАМЕТРЫ]\n";
  for (const auto& group : command_groups()) {
    std::string lines;
    for (const auto& c : command_table()) {
      if (group != c.group) continue;
      lines += "  " + std::string(c.name) + std::string(width + 3 - std::string_view(c.name).size(), ' ') +
               c.summary + "\n";
    }
    if (!lines.empty()) text += "\n" + group + ":\n" + lines;
  }
  text +=
      "\nСправка по команде и примеры: metodmon КОМАНДА --help. Версия: metodmon --version.\n"
      "Руководство: man metodmon, конфигурация: man metodmon.toml.\n";
  return text;
}

}  // namespace cli
