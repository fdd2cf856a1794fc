#include "cli/deployment_check.h"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <set>
#include <system_error>

#include "cli/phases/exit_codes.h"
#include "cli/init_command.h"
#include "collect/imap_session.h"
#include "definition/definition_loader.h"
#include "definition/registry_loader.h"
#include "mail/mailer.h"
#include "util/console_text.h"

namespace cli {

namespace fs = std::filesystem;

namespace {

bool can(const fs::path& path, int mode) { return ::access(path.c_str(), mode) == 0; }

// The nearest folder that exists on the way up to `path`.
fs::path existing_ancestor(fs::path path) {
  std::error_code ec;
  while (!path.empty() && !fs::exists(path, ec)) {
    if (path == path.parent_path()) break;
    path = path.parent_path();
  }
  return path;
}

class Checker {
 public:
  explicit Checker(const Config& config) : m_config(config) {}

  std::vector<std::string> run() {
    for (const auto& m : m_config.monitorings) monitoring(m);
    folder_to_write(m_config.state, "папка состояния", "[paths] state");
    form_password();
    if (m_config.mail_enabled && !m_config.mail_dry_run) mail();
    if (m_config.collect.enabled) mailbox();
    return m_problems;
  }

 private:
  void fix(std::string line) { m_problems.push_back(std::move(line)); }

  void monitoring(const MonitoringSettings& m) {
    const std::string who = m.id.empty() ? "" : "мониторинг " + m.id + ": ";
    if (m_seen_definitions.insert(m.definition).second) {
      if (const auto def = definition::load_definition(m.definition); !def) {
        for (const auto& d : def.error()) fix(who + "методика: " + model::to_string(d));
      }
    }
    if (m_seen_registries.insert(m.schools).second) registry(m.schools, who);
    folder_to_read(m.inbox, who + "папка присланных форм", "[paths] inbox");
    folder_to_write(m.output, who + "папка итогов", "[paths] output");
  }

  void registry(const fs::path& file, const std::string& who) {
    if (file.empty()) {
      fix(who + "реестр школ не указан: добавьте в [monitoring] строку schools = \"schools.csv\"");
      return;
    }
    const auto loaded = definition::load_registry(file);
    if (!loaded) {
      for (const auto& d : loaded.error()) fix(who + "реестр школ: " + model::to_string(d));
      return;
    }
    for (const auto& d : loaded->warnings) fix(who + "реестр школ: " + model::to_string(d));
    for (const auto& school : loaded->registry.schools) {
      if (school.email == k_example_school_email) {
        fix(who + "реестр школ " + file.string() + ": осталась строка-пример «" + school.id + ";" +
            school.short_name + "» — впишите свои школы вместо неё");
      }
    }
  }

  void folder_to_read(const fs::path& folder, const std::string& what, const std::string& key) {
    std::error_code ec;
    if (!fs::is_directory(folder, ec)) {
      fix(what + " " + folder.string() + " не найдена: создайте её (mkdir -p " + folder.string() +
          ") или исправьте " + key);
    } else if (!can(folder, R_OK | X_OK)) {
      fix(what + " " + folder.string() + " недоступна для чтения: дайте права пользователю, от имени которого "
                                         "идёт запуск (для служб — metodmon)");
    }
  }

  void folder_to_write(const fs::path& folder, const std::string& what, const std::string& key) {
    if (folder.empty()) return;
    const auto existing = existing_ancestor(folder);
    std::error_code ec;
    if (!fs::is_directory(existing, ec)) {
      fix(what + " " + folder.string() + ": " + existing.string() + " — файл, а не папка; исправьте " + key +
          " или уберите этот файл");
    } else if (!can(existing, W_OK | X_OK)) {
      fix(what + " " + folder.string() + ": в " + existing.string() +
          " нельзя писать — дайте права пользователю, от имени которого идёт запуск (для служб — metodmon), "
          "или исправьте " + key);
    }
  }

  static bool variable_set(const std::string& name) {
    const char* value = std::getenv(name.c_str());
    return value != nullptr && *value != '\0';
  }

  void form_password() {
    const auto& c = m_config;
    if (!c.form_password_env.empty() && !variable_set(c.form_password_env)) {
      fix("пароль форм: переменная окружения " + c.form_password_env +
          " не задана — export " + c.form_password_env + "=… (для служб — строка " + c.form_password_env +
          "=… в /etc/metodmon/passwords.env); без неё template не выпустит формы");
    } else if (c.form_password.empty() && c.form_password_env.empty() && !c.forms_without_password) {
      fix("пароль форм не задан: укажите в [forms] password_env = \"METODMON_FORM_PASSWORD\" "
          "(или no_password = true, если формы должны быть без пароля)");
    }
  }

  void mail() {
    const auto mailer = mail::Mailer::create(m_config.mail);
    if (!mailer) {
      fix("почта: " + model::to_string(mailer.error()));
      return;
    }
    if (const auto probe = mailer->probe(); !probe) fix("почта: " + probe.error());
  }

  void mailbox() {
    auto session = collect::ImapSession::open(m_config.collect.imap);
    if (!session) {
      fix("почтовый ящик: " + session.error().message + " — " + session.error().hint);
      return;
    }
    if (const auto r = session->search("UID 1"); !r) fix("почтовый ящик: " + r.error().message + " — " + r.error().hint);
  }

  const Config& m_config;
  std::vector<std::string> m_problems;
  std::set<fs::path> m_seen_definitions, m_seen_registries;
};

}  // namespace

std::vector<std::string> deployment_problems(const Config& config) { return Checker(config).run(); }

int check_deployment(const Config& config) {
  const auto problems = deployment_problems(config);
  const auto name = config.file.string();
  if (problems.empty()) {
    std::printf("Установка %s в порядке: методика и реестр загружаются, папки доступны%s%s.\n", name.c_str(),
                config.mail_enabled ? ", почтовый сервер отвечает" : "",
                config.collect.enabled ? ", почтовый ящик открывается" : "");
    return k_exit_ok;
  }
  std::printf("Установка %s: исправьте (%zu)\n", name.c_str(), problems.size());
  for (const auto& line : problems) std::printf("  - %s\n", util::console_text(line).c_str());
  return k_exit_forms_rejected;
}

}  // namespace cli
