#include "collect/imap_session.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <sstream>

#include "collect/imap_url.h"
#include "mail/curl_support.h"
#include "util/ascii.h"

namespace collect {

namespace curl = mail::curl;

namespace {

// Which command the server refused and what it said, for error texts. Only
// the verb of each command is kept (never its arguments: AUTHENTICATE and
// LOGIN carry the password).
struct ProtocolWatch {
  std::map<std::string, std::string> verbs;  // tag -> "SELECT", "UID MOVE"
  std::string failed_command;  // verb of the last command answered NO or BAD
  std::string failed_reply;    // that answer: "A005 NO [NONEXISTENT] Mailbox doesn't exist: X"
};

int watch_protocol(CURL*, curl_infotype type, char* data, std::size_t size, void* user) {
  if (type != CURLINFO_HEADER_OUT && type != CURLINFO_HEADER_IN) return 0;
  auto* watch = static_cast<ProtocolWatch*>(user);
  std::istringstream lines(std::string(data, size));
  std::string line;
  while (std::getline(lines, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '*' || line[0] == '+') continue;
    std::istringstream words(line);
    std::string tag, verb, sub;
    words >> tag >> verb;
    if (type == CURLINFO_HEADER_OUT) {
      for (auto& ch : verb) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
      if (verb == "UID" && words >> sub) verb += " " + sub;  // "UID MOVE"
      watch->verbs[tag] = verb;
    } else if (verb == "NO" || verb == "BAD") {
      watch->failed_command = watch->verbs[tag];
      watch->failed_reply = line;
    }
  }
  return 0;
}

// The body of a transfer, cut off (and the transfer failed) past `max_bytes`:
// libcurl 7.88 does not apply CURLOPT_MAXFILESIZE to IMAP literals.
struct Sink {
  std::string body;
  std::uintmax_t max_bytes = 0;  // 0: no limit
  bool exceeded = false;
};

std::size_t append_body(char* data, std::size_t size, std::size_t count, void* user) {
  auto* sink = static_cast<Sink*>(user);
  if (sink->max_bytes != 0 && sink->body.size() + size * count > sink->max_bytes) {
    sink->exceeded = true;
    return 0;  // CURLE_WRITE_ERROR
  }
  sink->body.append(data, size * count);
  return size * count;
}

std::string imap_quoted(std::string_view mailbox) {
  std::string out = "\"";
  for (const char c : mailbox) {
    if (c == '"' || c == '\\') out.push_back('\\');
    out.push_back(c);
  }
  return out + "\"";
}

}  // namespace

struct ImapSession::State {
  ImapConfig config;
  std::string password;
  curl::EasyPtr handle;
  ProtocolWatch watch;
  std::set<std::string> folders_made;

  ImapResult<std::string> perform(const std::string& url, const std::string& custom,
                                  std::uintmax_t max_bytes = 0);
  ImapError classify(CURLcode code, const char* error_buffer) const;
  std::string server() const { return config.host + ":" + std::to_string(config.port); }
};

ImapResult<std::string> ImapSession::State::perform(const std::string& url, const std::string& custom,
                                                    std::uintmax_t max_bytes) {
  Sink sink;
  sink.max_bytes = max_bytes;
  char errbuf[CURL_ERROR_SIZE] = {};
  CURL* c = handle.get();
  watch.failed_command.clear();
  watch.failed_reply.clear();
  curl_easy_setopt(c, CURLOPT_URL, url.c_str());
  curl_easy_setopt(c, CURLOPT_CUSTOMREQUEST, custom.empty() ? nullptr : custom.c_str());
  curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, append_body);
  curl_easy_setopt(c, CURLOPT_WRITEDATA, &sink);
  curl_easy_setopt(c, CURLOPT_ERRORBUFFER, errbuf);
  const CURLcode code = curl_easy_perform(c);
  curl_easy_setopt(c, CURLOPT_ERRORBUFFER, nullptr);
  if (sink.exceeded) return std::unexpected(classify(CURLE_FILESIZE_EXCEEDED, errbuf));
  if (code != CURLE_OK) return std::unexpected(classify(code, errbuf));
  return std::move(sink.body);
}

ImapError ImapSession::State::classify(CURLcode code, const char* error_buffer) const {
  const auto what = curl::describe(code, error_buffer);
  const auto& failed_command = watch.failed_command;
  const auto reply = watch.failed_reply.empty() ? what : "ответ сервера: «" + watch.failed_reply + "»";
  switch (code) {
    case CURLE_FILESIZE_EXCEEDED:
      return {ImapError::Kind::too_large,
              "письмо больше " + std::to_string(config.max_message_bytes >> 20) + " МБ, оно не загружено",
              "увеличьте max_message_mb в разделе [collect] или сохраните вложение вручную"};
    case CURLE_REMOTE_FILE_NOT_FOUND:
      return {ImapError::Kind::gone, "письма больше нет на сервере " + server(),
              "его удалили или переместили в другую папку, пока шла работа"};
    case CURLE_QUOTE_ERROR:
      return ImapError::about_message(
              "сервер " + server() + " не выполнил команду " + failed_command + " (" + reply + ")",
              "письмо, возможно, удалено или перемещено другим почтовым клиентом");
    case CURLE_LOGIN_DENIED:
      if (failed_command == "SELECT" || failed_command == "EXAMINE") {
        return ImapError::mailbox(
                "на почтовом сервере " + server() + " нет папки «" + config.folder + "» (" + reply + ")",
                "проверьте folder в разделе [collect]: имя папки, как его показывает почтовая программа");
      }
      return ImapError::mailbox(
              "почтовый сервер " + server() + " не принял имя пользователя «" + config.credentials.username +
                  "» или пароль (" + reply + ")",
              "проверьте username и пароль (password_env или password_file) в разделе [collect]");
    case CURLE_USE_SSL_FAILED:
      return ImapError::mailbox(
              "сервер " + server() + " не предлагает STARTTLS, а без шифрования пароль и письма "
              "передавать нельзя; соединение прервано (" + what + ")",
              "проверьте host и port в разделе [collect] (993 — imaps, 143 — imap с STARTTLS)");
    case CURLE_SSL_CONNECT_ERROR:
      return ImapError::mailbox("не удалось установить TLS-соединение с сервером " + server() + " (" + what + ")",
              "проверьте, что адрес соответствует порту (993 — imaps://, 143 — imap://)");
    default:
      break;
  }
  const auto tls = curl::tls_failure_reason(
      code, {config.host, config.ca_file, "collect", "пароль не передан, письма не забраны"});
  if (!tls.empty()) return ImapError::mailbox(tls + " (" + what + ")", {});
  return ImapError::mailbox("не удалось связаться с почтовым сервером " + server() + ": " + what,
          "проверьте host и port в разделе [collect] и что сервер доступен с этой машины");
}

ImapResult<ImapSession> ImapSession::open(ImapConfig config) {
  if (config.host.empty()) {
    return std::unexpected(
        ImapError::mailbox("не указан почтовый сервер для сбора ответов", "укажите url или host в разделе [collect]"));
  }
  auto password = mail::load_password(config.credentials, "collect");
  if (!password) return std::unexpected(ImapError::mailbox(password.error().message, password.error().hint));
  curl::init_once();
  auto state = std::make_unique<State>();
  state->config = std::move(config);
  state->password = std::move(*password);
  state->handle.reset(curl_easy_init());
  if (!state->handle) return std::unexpected(ImapError::mailbox("не удалось инициализировать libcurl", {}));
  CURL* c = state->handle.get();
  const auto& cfg = state->config;
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(c, CURLOPT_USE_SSL, static_cast<long>(CURLUSESSL_ALL));
  if (!cfg.ca_file.empty()) curl_easy_setopt(c, CURLOPT_CAINFO, cfg.ca_file.c_str());
  if (!cfg.credentials.username.empty()) {
    curl_easy_setopt(c, CURLOPT_USERNAME, cfg.credentials.username.c_str());
    curl_easy_setopt(c, CURLOPT_PASSWORD, state->password.c_str());
  }
  curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(cfg.connect_timeout_ms));
  curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, static_cast<long>(cfg.timeout_ms));
  curl_easy_setopt(c, CURLOPT_DEBUGFUNCTION, watch_protocol);
  curl_easy_setopt(c, CURLOPT_DEBUGDATA, &state->watch);
  curl_easy_setopt(c, CURLOPT_VERBOSE, 1L);  // feeds watch_protocol; nothing is printed
  return ImapSession(std::move(state));
}

ImapSession::ImapSession(std::unique_ptr<State> state) : m_state(std::move(state)) {}
ImapSession::ImapSession(ImapSession&&) noexcept = default;
ImapSession& ImapSession::operator=(ImapSession&&) noexcept = default;
ImapSession::~ImapSession() = default;

const ImapConfig& ImapSession::config() const { return m_state->config; }

ImapResult<std::vector<std::uint32_t>> ImapSession::search(std::string_view criteria) {
  const auto& cfg = m_state->config;
  auto text = m_state->perform(mailbox_url(cfg, cfg.folder), "UID SEARCH " + std::string(criteria));
  if (!text) return std::unexpected(text.error());
  std::vector<std::uint32_t> uids;
  std::istringstream lines(*text);
  std::string line;
  while (std::getline(lines, line)) {
    std::istringstream words(line);
    std::string star, verb;
    words >> star >> verb;
    if (star != "*" || verb != "SEARCH") continue;
    unsigned long uid = 0;
    while (words >> uid) uids.push_back(static_cast<std::uint32_t>(uid));
  }
  std::sort(uids.begin(), uids.end());
  return uids;
}

ImapResult<std::string> ImapSession::fetch(std::uint32_t uid, bool was_unseen) {
  const auto& cfg = m_state->config;
  const auto folder = mailbox_url(cfg, cfg.folder);
  auto raw = m_state->perform(folder + ";UID=" + std::to_string(uid), {}, cfg.max_message_bytes);
  // BODY[] set \Seen (even for a fetch cut short): put it back as it was.
  if (was_unseen && (raw || !raw.error().fatal())) {
    (void)m_state->perform(folder, "UID STORE " + std::to_string(uid) + " -FLAGS.SILENT (\\Seen)");
  }
  return raw;
}

ImapResult<std::string> ImapSession::fetch_header(std::uint32_t uid, bool was_unseen) {
  const auto& cfg = m_state->config;
  const auto folder = mailbox_url(cfg, cfg.folder);
  auto raw = m_state->perform(folder + ";UID=" + std::to_string(uid) + ";SECTION=HEADER", {});
  if (was_unseen && (raw || !raw.error().fatal())) {
    (void)m_state->perform(folder, "UID STORE " + std::to_string(uid) + " -FLAGS.SILENT (\\Seen)");
  }
  return raw;
}

ImapResult<void> ImapSession::add_keyword(std::uint32_t uid, std::string_view keyword) {
  const auto& cfg = m_state->config;
  auto reply = m_state->perform(mailbox_url(cfg, cfg.folder),
                                "UID STORE " + std::to_string(uid) + " +FLAGS (" + std::string(keyword) + ")");
  if (!reply) return std::unexpected(reply.error());
  if (util::lower_ascii(*reply).find(util::lower_ascii(keyword)) == std::string::npos) {
    return std::unexpected(ImapError::about_message(
        "почтовый сервер не сохранил пометку " + std::string(keyword) +
            " на письме; при следующем запуске оно будет прочитано снова",
        "если сервер не поддерживает свои пометки, укажите processed = \"move\" и processed_folder в разделе "
        "[collect]"));
  }
  return {};
}

ImapResult<void> ImapSession::move(std::uint32_t uid, std::string_view folder) {
  const auto& cfg = m_state->config;
  const auto target = encode_mailbox_name(folder);
  if (!m_state->folders_made.contains(target)) {
    // CREATE answers NO when the folder exists; only a fatal error matters here.
    auto made = m_state->perform(mailbox_url(cfg, ""), "CREATE " + imap_quoted(target));
    if (!made && made.error().fatal()) return std::unexpected(made.error());
    m_state->folders_made.insert(target);
  }
  auto moved = m_state->perform(mailbox_url(cfg, cfg.folder),
                                "UID MOVE " + std::to_string(uid) + " " + imap_quoted(target));
  if (!moved) {
    auto error = moved.error();
    if (!error.fatal()) {
      error.message = "не удалось переместить письмо в папку «" + std::string(folder) + "»: " + error.message;
      error.hint = "проверьте processed_folder в разделе [collect]; сервер должен поддерживать MOVE (RFC 6851)";
    }
    return std::unexpected(error);
  }
  return {};
}

}  // namespace collect
