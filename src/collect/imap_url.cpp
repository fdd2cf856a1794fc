#include "collect/imap_url.h"

#include <curl/curl.h>
#include <glib.h>

#include <memory>

namespace collect {

namespace {

struct UrlFree {
  void operator()(CURLU* u) const { curl_url_cleanup(u); }
};
struct GFreeChars {
  void operator()(char* p) const { g_free(p); }
};

model::Diagnostic url_error(std::string message) {
  auto d = model::Diagnostic::error({}, std::move(message),
                                    "пример: url = \"imaps://imap.example.ru:993/INBOX\" "
                                    "(imap:// — с обязательным STARTTLS)");
  d.where.key = "collect.url";
  return d;
}

// One part of a parsed URL; empty when the URL has none.
std::string part(CURLU* url, CURLUPart which, unsigned flags = 0) {
  char* text = nullptr;
  if (curl_url_get(url, which, &text, flags) != CURLUE_OK || text == nullptr) return {};
  std::string out(text);
  curl_free(text);
  return out;
}

// Modified BASE64 of a run of non-ASCII characters: UTF-16BE, '/' -> ',', no '='.
std::string encode_run(std::string_view utf8) {
  glong units = 0;
  std::unique_ptr<gunichar2, decltype(&g_free)> utf16(
      g_utf8_to_utf16(utf8.data(), static_cast<glong>(utf8.size()), nullptr, &units, nullptr), &g_free);
  if (!utf16) return {};
  std::string bytes;
  for (glong i = 0; i < units; ++i) {
    bytes.push_back(static_cast<char>(utf16.get()[i] >> 8));
    bytes.push_back(static_cast<char>(utf16.get()[i] & 0xff));
  }
  std::unique_ptr<char, GFreeChars> b64(
      g_base64_encode(reinterpret_cast<const guchar*>(bytes.data()), bytes.size()));
  std::string out(b64.get());
  while (!out.empty() && out.back() == '=') out.pop_back();
  for (auto& c : out) {
    if (c == '/') c = ',';
  }
  return out;
}

bool is_direct(unsigned char c) { return c >= 0x20 && c <= 0x7e; }

}  // namespace

model::Expected<ImapEndpoint> parse_imap_url(std::string_view text) {
  std::unique_ptr<CURLU, UrlFree> url(curl_url());
  const std::string copy(text);
  if (!url || curl_url_set(url.get(), CURLUPART_URL, copy.c_str(), 0) != CURLUE_OK) {
    return std::unexpected(url_error("не удалось разобрать адрес почтового ящика «" + copy + "»"));
  }
  ImapEndpoint out;
  const auto scheme = part(url.get(), CURLUPART_SCHEME);
  if (scheme == "imap") {
    out.security = ImapSecurity::starttls;
  } else if (scheme != "imaps") {
    return std::unexpected(url_error("адрес почтового ящика должен начинаться с imaps:// или imap://, "
                                     "а указан «" + copy + "»"));
  }
  if (!part(url.get(), CURLUPART_USER).empty() || !part(url.get(), CURLUPART_PASSWORD).empty()) {
    return std::unexpected(url_error("имя пользователя и пароль не пишутся в url; укажите их в username "
                                     "и password_env (или password_file) раздела [collect]"));
  }
  out.host = part(url.get(), CURLUPART_HOST);
  if (out.host.empty()) return std::unexpected(url_error("в адресе почтового ящика нет имени сервера"));
  out.port = std::atoi(part(url.get(), CURLUPART_PORT, CURLU_DEFAULT_PORT).c_str());
  if (out.port <= 0 || out.port > 65535) {
    return std::unexpected(url_error("неверный порт в адресе почтового ящика «" + copy + "»"));
  }
  out.folder = part(url.get(), CURLUPART_PATH, CURLU_URLDECODE);
  while (!out.folder.empty() && out.folder.front() == '/') out.folder.erase(0, 1);
  return out;
}

std::string encode_mailbox_name(std::string_view utf8) {
  std::string out;
  std::size_t i = 0;
  while (i < utf8.size()) {
    const auto c = static_cast<unsigned char>(utf8[i]);
    if (c == '&') {
      out += "&-";
      ++i;
    } else if (is_direct(c)) {
      out.push_back(static_cast<char>(c));
      ++i;
    } else {
      std::size_t end = i;
      while (end < utf8.size() && !is_direct(static_cast<unsigned char>(utf8[end]))) ++end;
      out += "&" + encode_run(utf8.substr(i, end - i)) + "-";
      i = end;
    }
  }
  return out;
}

std::string mailbox_url(const ImapConfig& config, std::string_view folder) {
  std::string url = std::string(config.security == ImapSecurity::imaps ? "imaps://" : "imap://") +
                    config.host + ":" + std::to_string(config.port) + "/";
  const auto encoded = encode_mailbox_name(folder);
  std::size_t start = 0;
  while (start <= encoded.size() && !encoded.empty()) {
    const auto slash = encoded.find('/', start);
    const auto segment = encoded.substr(start, slash == std::string::npos ? std::string::npos : slash - start);
    std::unique_ptr<char, decltype(&curl_free)> escaped(
        curl_easy_escape(nullptr, segment.c_str(), static_cast<int>(segment.size())), &curl_free);
    url += escaped ? escaped.get() : segment.c_str();
    if (slash == std::string::npos) break;
    url += "/";
    start = slash + 1;
  }
  return url;
}

}  // namespace collect
