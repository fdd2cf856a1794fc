// Where a mailbox is: the URL libcurl is given, and the configuration's
// `url = "imaps://imap.example.ru:993/INBOX"` taken apart.
#pragma once

#include <string>
#include <string_view>

#include "collect/imap_session.h"
#include "model/diagnostic.h"

namespace collect {

struct ImapEndpoint {
  std::string host;
  int port = 993;
  ImapSecurity security = ImapSecurity::imaps;
  std::string folder;  // UTF-8; empty when the URL names none
};

// "imaps://host[:port][/folder]" (TLS, default port 993) or
// "imap://host[:port][/folder]" (STARTTLS required, default port 143).
// Errors (Russian): another scheme, no host, a bad port, user or password in
// the URL (they belong in username / password_env).
model::Expected<ImapEndpoint> parse_imap_url(std::string_view url);

// A folder name as IMAP wants it on the wire: RFC 3501 modified UTF-7
// ("Обработано" -> "&BB4EMQRABDAEMQQ+BEIEMAQ9BD4-", "A&B" -> "A&-B").
std::string encode_mailbox_name(std::string_view utf8);

// "imaps://host:port/<folder, encoded and %-escaped>" ("/" between levels of
// the folder kept); `folder` empty gives the server's root ("…:port/").
std::string mailbox_url(const ImapConfig& config, std::string_view folder);

}  // namespace collect
