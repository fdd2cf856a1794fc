#include "cli/init_command.h"

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <system_error>

#include "cli/phases/exit_codes.h"
#include "definition/definition_loader.h"
#include "definition/naming.h"
#include "util/atomic_file.h"
#include "util/console_text.h"
#include "util/read_file.h"

namespace cli {

namespace fs = std::filesystem;

namespace {

// A TOML basic string: quotes and backslashes escaped.
std::string toml_string(std::string_view text) {
  std::string out = "\"";
  for (const char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

// How the configuration in `dir` names `path`: relative when inside `dir`.
std::string config_path(const fs::path& dir, const fs::path& path) {
  const auto relative = path.lexically_relative(dir);
  if (!relative.empty() && *relative.begin() != "..") return relative.generic_string();
  return path.generic_string();
}

struct Plan {
  fs::path dir, data, method_source, method_copy;
  std::string municipality, method_title;
};

std::string configuration_text(const Plan& p) {
  const auto at = [&](const fs::path& path) { return toml_string(config_path(p.dir, path)); };
  std::string t;
  t += "# Конфигурация metodmon: " + p.municipality + ".\n";
  t += "# Написана командой metodmon init; полное описание ключей: man metodmon.toml.\n";
  t += "# Пути — в кавычках; относительный путь отсчитывается от папки этого файла.\n";
  t += "# Ключ, закомментированный знаком «#», не действует: значение по умолчанию указано в нём.\n";
  t += "# Проверить установку: metodmon check -c <этот файл>\n";
  t += R"(
[monitoring]
# Методика мониторинга: поля формы, показатели, направления, цели (копия «)" + p.method_title + R"(»).
definition = )" + at(p.method_copy) + R"(
# Реестр школ: id;short_name;full_name;director;email — по строке на школу, разделитель «;».
schools = )" + at(p.dir / "schools.csv") + R"(
# Отчётный период. Без него — прошлый месяц (полугодие, год — по периодичности методики),
# у методики с разделом [schedule] — период, итоги которого подводятся в этом месяце.
# period = "2026-11"       # месяц; полугодие — "2026-H1", год — "2026"
# Календарь для `metodmon daily` (ежедневный таймер); без этих ключей — по [schedule] методики.
# months = [9]             # месяцы сбора: 1 — январь … 12 — декабрь
# open_day = 1             # в этот день месяца формы уходят школам
# deadline_day = 20        # последний день сдачи (форма, присланная в этот день, — в срок)
# remind_before = [5, 1]   # напоминания не сдавшим: за 5 и за 1 день до срока
# remind_after = [3]       # после срока — ещё одно, с копией методисту
# results_day = 21         # итоги: расчёт, книги, письма директорам и методисту

[paths]
# Присланные формы: сюда их кладёт методист или `metodmon collect`; файлы не меняются.
inbox = )" + at(p.data / "inbox") + R"(
# Итоги: <output>/<период>/Итоги_….xlsx, книги директоров (directors/), справка и проект приказа.
output = )" + at(p.data / "out") + R"(
# Состояние: блокировка, история (history.sqlite), журнал (logs/), архив форм, письма (outbox/).
state = )" + at(p.data / "state") + R"(

[forms]
# Пароль защиты листов формы школы — из переменной окружения (задайте её: export METODMON_FORM_PASSWORD=…;
# для служб systemd — строкой в /etc/metodmon/passwords.env). Без него `template` формы не выпускает.
password_env = "METODMON_FORM_PASSWORD"
# password = "…"           # или пароль прямо здесь (тогда файл не должны читать посторонние)
# no_password = true       # или формы без пароля — только сознательно
# Что форма говорит школе о сдаче (срок — из календаря мониторинга):
# return_to = "imc@example.ru"     # куда отправить заполненную форму (по умолчанию — адрес методиста из [mail])
# contact = "методист И.О. Фамилия, телефон"  # к кому обращаться с вопросами (по умолчанию — из [mail])

[inbox]
# Файл моложе стольких секунд, возможно, ещё копируется: он будет прочитан в следующий раз.
settle_seconds = 60

[limits]
# Защита от огромных и враждебных файлов (значения по умолчанию).
# max_file_mb = 50              # файл формы больше — отказ
# max_uncompressed_mb = 200     # распакованная книга больше — отказ
# max_compression_ratio = 200   # сжатие сильнее — отказ (zip-бомба)
# max_cells = 2000000           # непустых ячеек больше — отказ
# max_seconds_per_file = 20     # чтение дольше — отказ
# max_export_mb = 100          # выгрузка ответов анкеты ([[survey]] методики) больше — отказ

[report]
# До скольких школ итоговая книга содержит отдельный лист каждой школы.
# max_school_sheets = 300

[archive]
# Копии принятых форм по периодам (по умолчанию <state>/archive).
# folder = "archive"

[mail]
# Рассылка итогов: директору — его книга, методисту — полная книга, справка, проект приказа
# и список отклонённых форм. Включите (true), заполнив ключи ниже.
enabled = false
# dry_run = true                  # письма только записывать файлами .eml в outbox, не отправлять
# host = "smtp.example.ru"        # почтовый сервер (SMTP)
# port = 587                      # 587 — starttls, 465 — smtps
# security = "starttls"           # starttls | smtps | none (без шифрования — только в доверенной сети)
# username = "imc@example.ru"     # вход на сервер
# password_env = "METODMON_SMTP_PASSWORD"   # пароль — из этой переменной окружения
# password_file = "smtp.password"  # или из файла (права 600, иначе отказ)
# from = "imc@example.ru"         # адрес отправителя
# from_name = "МКУ «ИМЦ»"         # имя отправителя
# methodist = "metodist@example.ru"  # адрес методиста
# send_errors_to_schools = true   # школе с отклонённой формой — письмо с её ошибками
# retries = 3                     # повторы с удвоением паузы
# backoff_ms = 1000               # первая пауза между повторами
# ca_file = "smtp-ca.pem"         # сертификат, если сервер использует собственный
# outbox = "outbox"               # папка писем (по умолчанию <state>/outbox)
# connect_timeout_ms = 30000      # соединение, приветствие, STARTTLS и вход
# command_timeout_ms = 60000      # ожидание любого ответа сервера
# letter_timeout_ms = 300000      # одна попытка отправить письмо целиком
# stop_after_failed_letters = 2   # столько писем подряд не ушло — остальные ждут `metodmon send`
# budget_seconds = 1800           # вся рассылка одного запуска

[collect]
# Сбор ответов школ из почтового ящика (`metodmon collect`, `metodmon daily`). Включите (true),
# заполнив ключи ниже.
enabled = false
# url = "imaps://imap.example.ru:993/INBOX"  # ящик (или host, port, security = "imaps" | "starttls", folder)
# username = "imc@example.ru"     # вход в ящик
# password_env = "METODMON_IMAP_PASSWORD"   # пароль — из этой переменной окружения
# password_file = "imap.password"  # или из файла (права 600)
# processed = "flag"              # flag — пометка на разобранном письме; move — перенос в папку
# processed_folder = "Обработано" # папка для processed = "move"
# ca_file = "imap-ca.pem"         # сертификат, если сервер использует собственный
# connect_timeout_seconds = 30    # соединение и вход
# timeout_seconds = 300           # любая команда, загрузка письма целиком
# max_message_mb = 50             # письмо больше — школе просьба прислать одну форму

[documents]
# Реквизиты аналитической справки и проекта приказа. Все ключи необязательны: пустое место
# в документе выделяется жёлтым для заполнения.
# letterhead = ["МКУ «Информационно-методический центр»"]  # шапка справки (её готовит методическая служба)
# issuer = ["УПРАВЛЕНИЕ ОБРАЗОВАНИЯ", "АДМИНИСТРАЦИИ МУНИЦИПАЛЬНОГО ОБРАЗОВАНИЯ"]  # шапка приказа: кто вправе приказывать школам
# place = "город …"               # строка под датой приказа
# basis = "приказ управления образования от … № … «О проведении мониторинга»"  # основание
# plan = "планом работы управления образования на 2026 год"  # «В соответствии с …»
# methodical_service = "МКУ ИМЦ"  # кто выполняет методические меры
# responsible = "И.О. Фамилия, директору МКУ ИМЦ,"  # кто отвечает за эти меры (дательный падеж)
# signatory = "Начальник управления образования"  # должность подписанта
# signatory_name = "И.О. Фамилия" # подписант
# control = "заместителя начальника управления образования И.О. Фамилия"  # контроль исполнения
# prepared_by = "методист И.О. Фамилия, телефон"  # исполнитель справки
# deadline = "01.10.2026"         # срок мер, которые программа формулирует (прошедший срок — поле для заполнения)
# font = "Times New Roman"        # шрифт документов
# font_size = 14                  # размер шрифта
# line_spacing = 1.5              # межстрочный интервал
#
# Свои меры приказа — сколько нужно таблиц:
# [[documents.measure]]
# who = "директору МКУ ИМЦ"       # кому
# what = "обеспечить информирование педагогов о результатах мониторинга"  # что сделать
# deadline = "01.10.2026"         # срок
)";
  return t;
}

// The registry's header and its one example row (k_example_school_email).
std::string registry_text() {
  return std::string("id;short_name;full_name;director;email\n") +
         "sch01;МБОУ СОШ № 1;Муниципальное бюджетное общеобразовательное учреждение «Средняя "
         "общеобразовательная школа № 1»;Иванова Мария Петровна;" +
         k_example_school_email + "\n";
}

// The method with the municipality's name in [definition]: the first line
// "municipality = …" is replaced, comments and the rest kept byte for byte.
std::string method_text(const std::string& original, const std::string& municipality) {
  std::size_t at = 0;
  while (at < original.size()) {
    const auto end = original.find('\n', at);
    const auto line = original.substr(at, end == std::string::npos ? std::string::npos : end - at);
    if (line.starts_with("municipality ") || line.starts_with("municipality=")) {
      return original.substr(0, at) + "municipality = " + toml_string(municipality) +
             (end == std::string::npos ? "" : original.substr(end));
    }
    if (end == std::string::npos) break;
    at = end + 1;
  }
  return original;
}

bool writable_folder(const fs::path& folder) { return ::access(folder.c_str(), W_OK | X_OK) == 0; }

void fail(const std::string& message, const std::string& hint = {}) {
  std::fprintf(stderr, "ошибка: %s\n", util::console_text(message).c_str());
  if (!hint.empty()) std::fprintf(stderr, "Как исправить: %s\n", util::console_text(hint).c_str());
}

}  // namespace

fs::path shipped_methods_folder() {
  std::error_code ec;
  const auto program = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    const auto installed = program.parent_path().parent_path() / "share" / "metodmon" / "templates";
    if (fs::is_directory(installed, ec)) return installed;
  }
  return METODMON_TEMPLATES_DIR;
}

std::vector<std::string> shipped_method_names() {
  std::vector<std::string> names;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(shipped_methods_folder(), ec)) {
    if (entry.path().extension() == ".toml") names.push_back(entry.path().stem().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

int init_command(const InitOptions& options) {
  const auto trim = [](std::string s) {
    const auto first = s.find_first_not_of(" \t");
    const auto last = s.find_last_not_of(" \t");
    return first == std::string::npos ? std::string{} : s.substr(first, last - first + 1);
  };
  Plan p;
  p.municipality = trim(options.municipality);
  if (p.municipality.empty()) {
    fail("не указано название муниципалитета", "добавьте --municipality \"Крымский район\"");
    return k_exit_usage;
  }
  if (p.municipality.find_first_of("\r\n") != std::string::npos) {
    fail("название муниципалитета — одна строка", "уберите перевод строки из --municipality");
    return k_exit_usage;
  }
  std::error_code ec;
  p.dir = fs::absolute(options.dir, ec).lexically_normal();
  p.data = options.data.empty() ? p.dir : fs::absolute(options.data, ec).lexically_normal();

  // The method: a shipped one by name, or a file.
  const auto names = shipped_method_names();
  if (std::find(names.begin(), names.end(), options.method) != names.end()) {
    p.method_source = shipped_methods_folder() / (options.method + ".toml");
  } else if (fs::is_regular_file(options.method, ec)) {
    p.method_source = fs::absolute(options.method, ec);
  } else {
    fail("методика «" + options.method + "» не найдена",
         definition::choose_hint(options.method, names, "поставляемые методики") +
             "; или укажите путь к файлу своей методики");
    return k_exit_usage;
  }
  const auto loaded = definition::load_definition(p.method_source);
  if (!loaded) {
    for (const auto& d : loaded.error()) fail(model::to_string(d));
    fail("методика " + p.method_source.string() + " не загружена: init ничего не записал");
    return k_exit_failure;
  }
  p.method_title = loaded->definition.title;
  p.method_copy = p.dir / p.method_source.filename();

  const auto config_file = p.dir / "metodmon.toml";
  const auto registry_file = p.dir / "schools.csv";
  std::vector<fs::path> present;
  for (const auto& f : {config_file, registry_file, p.method_copy}) {
    if (fs::exists(f, ec)) present.push_back(f);
  }
  if (!present.empty() && !options.force) {
    std::string list;
    for (const auto& f : present) list += (list.empty() ? "" : ", ") + f.string();
    fail("в " + p.dir.string() + " уже есть " + list + "; init ничего не записал",
         "укажите другую папку или добавьте --force, чтобы заменить эти файлы");
    return k_exit_failure;
  }

  const auto original = util::read_file(p.method_source);
  if (!original) {
    fail("файл методики " + p.method_source.string() + " не прочитать", "проверьте права на чтение");
    return k_exit_failure;
  }
  for (const auto& folder : {p.dir, p.data / "inbox", p.data / "out", p.data / "state"}) {
    fs::create_directories(folder, ec);
    if (ec || !writable_folder(folder)) {
      fail("папку " + folder.string() + " не создать или в неё нельзя писать" + (ec ? ": " + ec.message() : ""),
           "проверьте права (init в системную папку — через sudo) или укажите другую папку");
      return k_exit_failure;
    }
  }
  const std::string method = p.method_source.extension() == ".toml" ? method_text(*original, p.municipality)
                                                                    : *original;
  for (const auto& [file, text] : {std::pair{p.method_copy, method}, std::pair{registry_file, registry_text()},
                                   std::pair{config_file, configuration_text(p)}}) {
    if (auto r = util::write_file_atomic(file, text); !r) {
      fail(model::to_string(r.error()));
      return k_exit_failure;
    }
  }

  const std::string config = config_file.string();
  std::printf("Установка для муниципалитета «%s» записана в %s:\n", p.municipality.c_str(), p.dir.c_str());
  std::printf("  %s — конфигурация (каждый ключ объяснён)\n", config.c_str());
  std::printf("  %s — реестр школ (строка-пример)\n", registry_file.c_str());
  std::printf("  %s — методика «%s»\n", p.method_copy.c_str(), p.method_title.c_str());
  std::printf("  %s, %s, %s — присланные формы, итоги, состояние\n", (p.data / "inbox").c_str(),
              (p.data / "out").c_str(), (p.data / "state").c_str());
  std::printf("\nДальше:\n");
  std::printf("  1. Впишите свои школы в %s вместо строки-примера (директор и адрес почты — для писем).\n",
              registry_file.c_str());
  std::printf("  2. Проверьте установку: metodmon check -c %s\n", config.c_str());
  std::printf("  3. Задайте пароль форм (export METODMON_FORM_PASSWORD=…) и выпустите формы для школ:\n"
              "     metodmon template -c %s\n",
              config.c_str());
  return k_exit_ok;
}

}  // namespace cli
