#include "cli/config/config.h"

#include <cstdlib>
#include <map>
#include <set>

#include <toml++/toml.h>

#include "cli/config/config_monitorings.h"
#include "collect/imap_url.h"
#include "model/email_address.h"
#include "model/period.h"

namespace cli {

namespace fs = std::filesystem;

namespace {

class ConfigReader {
 public:
  ConfigReader(const toml::table& root, fs::path file) : m_root(root), m_file(std::move(file)) {}

  Config read() {
    Config c;
    c.file = m_file;
    check_tables();
    if (!m_root["monitoring"].is_array()) {  // a list [[monitoring]]: config_monitorings.cpp
      c.definition = path("monitoring", "definition", true);
      c.schools = path("monitoring", "schools", false);
      c.period = string("monitoring", "period");
    }
    c.inbox = path("paths", "inbox", true);
    c.output = path("paths", "output", true);
    c.state = path("paths", "state", false);
    c.state_set = !c.state.empty();
    c.form_password = string("forms", "password");
    c.form_password_env = string("forms", "password_env");
    if (!c.form_password_env.empty()) {
      if (const char* v = std::getenv(c.form_password_env.c_str()); v != nullptr && *v != '\0') c.form_password = v;
    }
    c.forms_without_password = boolean("forms", "no_password", false);
    c.form_return_to = string("forms", "return_to");
    c.form_contact = string("forms", "contact");
    if (c.forms_without_password && (!c.form_password.empty() || !c.form_password_env.empty())) {
      errors.push_back(model::Diagnostic::error(at(m_root["forms"]["no_password"].node(), "forms.no_password"),
                                                "для форм задан и пароль, и no_password = true",
                                                "оставьте одно: пароль (password или password_env) или no_password = true"));
    }
    c.settle_seconds = static_cast<int>(integer("inbox", "settle_seconds", c.settle_seconds, 0, 86400));
    auto& l = c.limits;
    l.max_file_bytes = static_cast<std::uintmax_t>(integer("limits", "max_file_mb", 50, 1, 4096)) << 20;
    l.max_uncompressed_bytes =
        static_cast<std::uintmax_t>(integer("limits", "max_uncompressed_mb", 200, 1, 16384)) << 20;
    l.max_compression_ratio = static_cast<double>(integer("limits", "max_compression_ratio", 200, 10, 10000));
    l.max_cells = static_cast<std::size_t>(integer("limits", "max_cells", 2'000'000, 1000, 100'000'000));
    l.max_seconds = static_cast<double>(integer("limits", "max_seconds_per_file", 20, 1, 3600));
    c.export_limits.max_file_bytes =
        static_cast<std::uintmax_t>(integer("limits", "max_export_mb", 100, 1, 4096)) << 20;
    c.max_school_sheets = static_cast<std::size_t>(integer("report", "max_school_sheets", 300, 0, 5000));
    c.archive = path("archive", "folder", false);
    c.archive_set = !c.archive.empty();
    read_mail(c);
    read_collect(c);
    read_documents(c.documents);
    derive_paths(c);
    read_monitorings(m_root, m_file, c, errors);
    return c;
  }

  std::vector<model::Diagnostic> errors;

 private:
  model::Location at(const toml::node* node, const std::string& key) const {
    model::Location loc{m_file.filename().string(), {}, {}, {}, key};
    if (node != nullptr) loc.line = static_cast<int>(node->source().begin.line);
    return loc;
  }

  void check_tables() {
    static const std::map<std::string, std::set<std::string>> k_known = {
        {"monitoring", {"definition", "schools", "period", "months", "open_day", "deadline_day", "remind_before",
                        "remind_after", "results_day"}},
        {"paths", {"inbox", "output", "state", "schools"}},
        {"calendar", {}},  // its keys: config_monitorings.cpp
        {"forms", {"password", "password_env", "no_password", "return_to", "contact"}},
        {"inbox", {"settle_seconds"}},
        {"limits", {"max_file_mb", "max_uncompressed_mb", "max_compression_ratio", "max_cells",
                    "max_seconds_per_file", "max_export_mb"}},
        {"report", {"max_school_sheets"}},
        {"archive", {"folder"}},
        {"mail", {"enabled", "dry_run", "host", "port", "security", "username", "password_env",
                  "password_file", "from", "from_name", "methodist", "send_errors_to_schools",
                  "retries", "backoff_ms", "outbox", "ca_file", "connect_timeout_ms", "command_timeout_ms",
                  "letter_timeout_ms", "stop_after_failed_letters", "budget_seconds"}},
        {"collect", {"enabled", "url", "host", "port", "security", "username", "password_env", "password_file",
                     "folder", "processed", "processed_folder", "ca_file", "connect_timeout_seconds",
                     "timeout_seconds", "max_message_mb", "methodist_addresses"}},
        {"documents", {"font", "font_size", "line_spacing", "letterhead", "place", "basis", "plan",
                       "methodical_service", "signatory", "signatory_name", "control", "prepared_by",
                       "deadline", "measure", "issuer", "responsible"}},
    };
    for (const auto& [key, node] : m_root) {
      const std::string table(key.str());
      const auto known = k_known.find(table);
      if (known == k_known.end()) {
        errors.push_back(model::Diagnostic::error(at(&node, table), "неизвестный раздел [" + table + "]",
                                                  "допустимые разделы: monitoring, paths, calendar, forms, inbox, limits, report, archive, "
                                                  "mail, collect, documents"));
        continue;
      }
      if (!node.is_table() || table == "calendar") continue;
      for (const auto& [sub, subnode] : *node.as_table()) {
        if (!known->second.contains(std::string(sub.str()))) {
          errors.push_back(model::Diagnostic::error(at(&subnode, table + "." + std::string(sub.str())),
                                                    "неизвестный параметр", "проверьте написание"));
        }
      }
    }
  }

  std::string string(const char* table, const char* key) {
    const auto node = m_root[table][key];
    if (!node) return {};
    if (const auto v = node.value<std::string>()) return *v;
    errors.push_back(model::Diagnostic::error(at(node.node(), std::string(table) + "." + key),
                                              "ожидалась строка в кавычках"));
    return {};
  }

  fs::path path(const char* table, const char* key, bool required) {
    const auto text = string(table, key);
    if (text.empty()) {
      if (required) {
        errors.push_back(model::Diagnostic::error(at(nullptr, std::string(table) + "." + key),
                                                  "не указан обязательный параметр",
                                                  std::string("добавьте в раздел [") + table + "] строку " + key + " = \"...\""));
      }
      return {};
    }
    fs::path p(text);
    if (p.is_relative()) p = m_file.parent_path() / p;
    return p.lexically_normal();
  }

  bool boolean(const char* table, const char* key, bool fallback) {
    const auto node = m_root[table][key];
    if (!node) return fallback;
    if (const auto v = node.value<bool>()) return *v;
    errors.push_back(model::Diagnostic::error(at(node.node(), std::string(table) + "." + key),
                                              "ожидалось true или false"));
    return fallback;
  }

  void read_mail(Config& c) {
    c.mail_enabled = boolean("mail", "enabled", false);
    c.mail_dry_run = boolean("mail", "dry_run", false);
    c.send_errors_to_schools = boolean("mail", "send_errors_to_schools", false);
    c.outbox = path("mail", "outbox", false);
    c.outbox_set = !c.outbox.empty();
    auto& m = c.mail;
    m.host = string("mail", "host");
    m.port = static_cast<int>(integer("mail", "port", m.port, 1, 65535));
    const auto security = string("mail", "security");
    if (security == "smtps") {
      m.security = mail::SmtpSecurity::smtps;
    } else if (security == "none") {
      m.security = mail::SmtpSecurity::none;
    } else if (security.empty() || security == "starttls") {
      m.security = mail::SmtpSecurity::starttls;
    } else {
      errors.push_back(model::Diagnostic::error(at(m_root["mail"]["security"].node(), "mail.security"),
                                                "неизвестный способ защиты «" + security + "»",
                                                "укажите starttls, smtps или none"));
    }
    m.username = string("mail", "username");
    m.password_env = string("mail", "password_env");
    m.password_file = path("mail", "password_file", false);
    m.ca_file = path("mail", "ca_file", false);
    m.from = {string("mail", "from_name"), string("mail", "from")};
    m.methodist = string("mail", "methodist");
    m.retries = static_cast<int>(integer("mail", "retries", m.retries, 0, 20));
    m.backoff_ms = static_cast<int>(integer("mail", "backoff_ms", m.backoff_ms, 0, 600'000));
    m.connect_timeout_ms =
        static_cast<int>(integer("mail", "connect_timeout_ms", m.connect_timeout_ms, 100, 600'000));
    m.command_timeout_ms =
        static_cast<int>(integer("mail", "command_timeout_ms", m.command_timeout_ms, 1000, 600'000));
    m.letter_timeout_ms =
        static_cast<int>(integer("mail", "letter_timeout_ms", m.letter_timeout_ms, 100, 3'600'000));
    c.mail_stop_after_failed_letters =
        static_cast<int>(integer("mail", "stop_after_failed_letters", c.mail_stop_after_failed_letters, 0, 1000));
    c.mail_budget_seconds = static_cast<int>(integer("mail", "budget_seconds", c.mail_budget_seconds, 1, 86'400));
    for (const auto& [key, address] : {std::pair{"from", m.from.address}, std::pair{"methodist", m.methodist}}) {
      if (!address.empty() && !model::is_valid_email(address)) {
        errors.push_back(model::Diagnostic::error(at(m_root["mail"][key].node(), std::string("mail.") + key),
                                                  "неверный адрес электронной почты",
                                                  "укажите один адрес вида имя@домен.ru", address));
      }
    }
    if (c.mail_enabled && (m.from.address.empty() || (m.host.empty() && !c.mail_dry_run))) {
      errors.push_back(model::Diagnostic::error(at(m_root["mail"].node(), "mail"),
                                                "для рассылки нужны адрес отправителя (from) и сервер (host)",
                                                "заполните раздел [mail] или выключите рассылку: enabled = false"));
    }
  }

  // [collect]: the mailbox schools answer to (collect/collector.h).
  void read_collect(Config& c) {
    auto& s = c.collect;
    auto& imap = s.imap;
    s.enabled = boolean("collect", "enabled", false);
    const auto url = string("collect", "url");
    imap.host = string("collect", "host");
    const auto security = string("collect", "security");
    if (security == "starttls") {
      imap.security = collect::ImapSecurity::starttls;
    } else if (!security.empty() && security != "imaps") {
      errors.push_back(model::Diagnostic::error(at(m_root["collect"]["security"].node(), "collect.security"),
                                                "неизвестный способ защиты «" + security + "»",
                                                "укажите imaps (порт 993) или starttls (порт 143); "
                                                "без шифрования письма не забираются"));
    }
    imap.port = static_cast<int>(integer("collect", "port", imap.security == collect::ImapSecurity::imaps ? 993 : 143,
                                         1, 65535));
    imap.folder = string("collect", "folder");
    if (!url.empty()) {
      const auto endpoint = collect::parse_imap_url(url);
      if (!endpoint) {
        auto d = endpoint.error();
        d.where = at(m_root["collect"]["url"].node(), "collect.url");
        errors.push_back(std::move(d));
      } else if (!imap.host.empty()) {
        errors.push_back(model::Diagnostic::error(at(m_root["collect"]["host"].node(), "collect.host"),
                                                  "указаны и url, и host", "оставьте что-то одно"));
      } else {
        imap.host = endpoint->host;
        imap.port = endpoint->port;
        imap.security = endpoint->security;
        if (imap.folder.empty()) imap.folder = endpoint->folder;
      }
    }
    if (imap.folder.empty()) imap.folder = "INBOX";
    imap.credentials = {string("collect", "username"), string("collect", "password_env"),
                        path("collect", "password_file", false)};
    imap.ca_file = path("collect", "ca_file", false);
    imap.connect_timeout_ms = static_cast<int>(integer("collect", "connect_timeout_seconds", 30, 1, 600)) * 1000;
    imap.timeout_ms = static_cast<int>(integer("collect", "timeout_seconds", 300, 1, 3600)) * 1000;
    imap.max_message_bytes = static_cast<std::uintmax_t>(integer("collect", "max_message_mb", 50, 1, 2048)) << 20;
    const auto processed = string("collect", "processed");
    s.processed_folder = string("collect", "processed_folder");
    if (processed == "move") {
      s.processed = collect::ProcessedMark::move;
      if (s.processed_folder.empty()) s.processed_folder = "Обработано";
    } else if (!processed.empty() && processed != "flag") {
      errors.push_back(model::Diagnostic::error(at(m_root["collect"]["processed"].node(), "collect.processed"),
                                                "неизвестный способ пометки «" + processed + "»",
                                                "укажите flag (пометка на письме) или move (перенос в папку "
                                                "processed_folder)"));
    }
    s.methodist_addresses = strings("collect", "methodist_addresses");
    for (const auto& address : s.methodist_addresses) {
      if (!model::is_valid_email(address)) {
        errors.push_back(model::Diagnostic::error(at(m_root["collect"]["methodist_addresses"].node(),
                                                     "collect.methodist_addresses"),
                                                  "неверный адрес электронной почты",
                                                  "укажите список адресов: methodist_addresses = [\"metodist2@example.ru\"]",
                                                  address));
      }
    }
    if (s.enabled && (imap.host.empty() || imap.credentials.username.empty())) {
      errors.push_back(model::Diagnostic::error(at(m_root["collect"].node(), "collect"),
                                                "для сбора ответов нужны адрес почтового ящика (url или host) "
                                                "и имя пользователя (username)",
                                                "заполните раздел [collect] или выключите сбор: enabled = false"));
    }
  }

  void read_documents(report::DocumentSettings& d) {
    if (const auto font = string("documents", "font"); !font.empty()) d.page.font = font;
    d.page.font_size_pt = static_cast<double>(integer("documents", "font_size", 14, 8, 28));
    if (const auto node = m_root["documents"]["line_spacing"]) {
      const auto v = node.value<double>();
      if (!v || *v < 1 || *v > 3) {
        errors.push_back(model::Diagnostic::error(at(node.node(), "documents.line_spacing"),
                                                  "ожидалось число от 1 до 3", "например line_spacing = 1.5"));
      } else {
        d.page.line_spacing = *v;
      }
    }
    d.letterhead = strings("documents", "letterhead");
    d.issuer = strings("documents", "issuer");
    d.responsible = string("documents", "responsible");
    d.place = string("documents", "place");
    d.basis = string("documents", "basis");
    d.plan = string("documents", "plan");
    d.methodical_service = string("documents", "methodical_service");
    d.signatory = string("documents", "signatory");
    d.signatory_name = string("documents", "signatory_name");
    d.control = string("documents", "control");
    d.prepared_by = string("documents", "prepared_by");
    d.deadline = string("documents", "deadline");
    const auto node = m_root["documents"]["measure"];
    if (!node) return;
    const auto* list = node.as_array();
    if (list == nullptr || !list->is_array_of_tables()) {
      errors.push_back(model::Diagnostic::error(at(node.node(), "documents.measure"),
                                                "ожидался список мер [[documents.measure]]",
                                                "каждая мера — раздел [[documents.measure]] с ключами who, what, deadline"));
      return;
    }
    for (std::size_t i = 0; i < list->size(); ++i) {
      const auto& t = *list->get(i)->as_table();
      const std::string where = "documents.measure[" + std::to_string(i + 1) + "]";
      report::OrderMeasure m;
      for (const auto& [key, value] : t) {
        const std::string k(key.str());
        const auto text = value.value<std::string>();
        if (k != "who" && k != "what" && k != "deadline") {
          errors.push_back(model::Diagnostic::error(at(&value, where + "." + k), "неизвестный параметр",
                                                    "допустимы who, what, deadline"));
        } else if (!text) {
          errors.push_back(model::Diagnostic::error(at(&value, where + "." + k), "ожидалась строка в кавычках"));
        } else {
          (k == "who" ? m.who : k == "what" ? m.what : m.deadline) = *text;
        }
      }
      if (m.what.empty()) {
        errors.push_back(model::Diagnostic::error(at(&t, where), "у меры не указано, что сделать (what)",
                                                  "например what = \"обеспечить информирование педагогов\""));
        continue;
      }
      d.measures.push_back(std::move(m));
    }
  }

  std::vector<std::string> strings(const char* table, const char* key) {
    const auto node = m_root[table][key];
    if (!node) return {};
    std::vector<std::string> out;
    const auto* list = node.as_array();
    bool ok = list != nullptr;
    if (ok) {
      for (const auto& item : *list) {
        const auto v = item.value<std::string>();
        ok = ok && v.has_value();
        if (v) out.push_back(*v);
      }
    } else if (const auto v = node.value<std::string>()) {
      return {*v};  // one line given as a plain string
    }
    if (!ok) {
      errors.push_back(model::Diagnostic::error(at(node.node(), std::string(table) + "." + key),
                                                "ожидался список строк", "например [\"строка 1\", \"строка 2\"]"));
    }
    return out;
  }

  std::int64_t integer(const char* table, const char* key, std::int64_t fallback, std::int64_t lo,
                       std::int64_t hi) {
    const auto node = m_root[table][key];
    if (!node) return fallback;
    const auto v = node.value<std::int64_t>();
    if (!v || *v < lo || *v > hi) {
      errors.push_back(model::Diagnostic::error(
          at(node.node(), std::string(table) + "." + key),
          "ожидалось целое число от " + std::to_string(lo) + " до " + std::to_string(hi)));
      return fallback;
    }
    return *v;
  }

  const toml::table& m_root;
  fs::path m_file;
};

}  // namespace

model::ExpectedAll<Config> load_config(const fs::path& file) {
  std::error_code ec;
  if (fs::is_directory(file, ec)) {
    const auto inside = file / "metodmon.toml";
    return std::unexpected(std::vector{model::Diagnostic::error(
        {file.string(), {}, {}, {}, {}}, "это папка, а не файл конфигурации",
        fs::is_regular_file(inside, ec) ? "укажите сам файл: --config " + inside.string()
                                        : "укажите в параметре --config путь к файлу metodmon.toml")});
  }
  toml::table root;
  try {
    root = toml::parse_file(file.string());
  } catch (const toml::parse_error& e) {
    model::Location loc{file.filename().string(), {}, {}, static_cast<int>(e.source().begin.line), {}};
    if (!fs::exists(file)) {
      return std::unexpected(std::vector{model::Diagnostic::error(
          {file.string(), {}, {}, {}, {}}, "файл конфигурации не найден",
          "укажите путь к metodmon.toml в параметре --config")});
    }
    return std::unexpected(std::vector{model::Diagnostic::error(
        loc, "ошибка синтаксиса TOML: " + std::string(e.description()))});
  }
  ConfigReader reader(root, fs::absolute(file));
  auto config = reader.read();
  if (!reader.errors.empty()) return std::unexpected(reader.errors);
  return config;
}

void derive_paths(Config& c) {
  if (!c.state_set) c.state = c.output / ".metodmon";
  // One monitoring of several keeps its archive and outbox in its own subfolder.
  const auto own = [&](fs::path p) { return c.monitoring_id.empty() ? p : p / c.monitoring_id; };
  if (!c.archive_set) c.archive = own(c.state / "archive");
  if (!c.outbox_set) c.outbox = own(c.state / "outbox");
}

std::string default_period(const std::string& periodicity, int year, int month) {
  if (periodicity == "year") return std::to_string(year - 1);
  if (periodicity == "school_year") return model::school_year_period(month >= 9 ? year - 1 : year - 2).id;
  if (periodicity == "half_year") {
    return month <= 6 ? std::to_string(year - 1) + "-H2" : std::to_string(year) + "-H1";
  }
  const int prev_month = month == 1 ? 12 : month - 1;
  const int prev_year = month == 1 ? year - 1 : year;
  return std::to_string(prev_year) + "-" + (prev_month < 10 ? "0" : "") + std::to_string(prev_month);
}

}  // namespace cli
