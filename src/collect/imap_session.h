// A mailbox on an IMAP server, over TLS, through libcurl.
//
// Security: imaps (TLS from the first byte, usual port 993) or starttls
// (imap://, STARTTLS required before login, usual port 143). There is no
// clear-text mode: the password never travels unencrypted. The server's
// certificate is verified (system CA store, or `ca_file`).
//
// One session keeps one connection (libcurl reuses it between calls) and
// logs in on the first call. Every call returns a value, never throws:
//   - ImapError::fatal(): the server cannot be used at all (not reachable,
//     TLS or certificate problem, login refused, folder missing, connection
//     lost); the caller stops and leaves every message as it is;
//   - otherwise this one message could not be handled (it vanished, is
//     larger than max_message_bytes, a MOVE was refused); the caller goes on.
// Error texts are Russian, name the server and the [collect] key to check,
// and never contain the password.
//
// libcurl 7.88 drops the literal of a FETCH sent as a custom command, so a
// message is fetched through the URL form (…/INBOX;UID=5), which asks for
// BODY[] and sets \Seen; fetch() clears \Seen again when it was not set, so
// the methodist's mail client still shows unread answers as unread.
//
// Example:
//   collect::ImapConfig cfg{.host = "imap.ensk.example.ru",
//                           .credentials = {"imc", "METODMON_IMAP_PASSWORD", {}}};
//   auto session = collect::ImapSession::open(cfg);   // loads the password
//   auto uids = session->search("UNDELETED UNKEYWORD $MetodmonProcessed");
//   for (auto uid : *uids) { auto raw = session->fetch(uid); ... session->add_keyword(uid, k); }
#pragma once

#include <cstdint>
#include <utility>
#include <expected>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "mail/credentials.h"

namespace collect {

enum class ImapSecurity { imaps, starttls };

struct ImapConfig {
  std::string host;
  int port = 993;
  ImapSecurity security = ImapSecurity::imaps;
  mail::Credentials credentials;
  std::string folder = "INBOX";          // UTF-8; encoded as IMAP modified UTF-7
  std::filesystem::path ca_file;         // empty: the system CA store
  int connect_timeout_ms = 30'000;       // TCP, TLS and login
  int timeout_ms = 300'000;              // each command, a whole message fetch included
  std::uintmax_t max_message_bytes = std::uintmax_t{50} << 20;
};

struct ImapError {
  enum class Kind {
    mailbox,    // the server cannot be used at all: stop, touch nothing
    message,    // this one message could not be handled: go on with the others
    too_large,  // fetch(): the message exceeds max_message_bytes
    gone,       // fetch(): no message with this UID any more (expunged meanwhile)
  };
  Kind kind = Kind::mailbox;
  std::string message;  // Russian: what happened
  std::string hint;     // Russian: what to check

  bool fatal() const { return kind == Kind::mailbox; }
  static ImapError mailbox(std::string message, std::string hint) {
    return {Kind::mailbox, std::move(message), std::move(hint)};
  }
  static ImapError about_message(std::string message, std::string hint) {
    return {Kind::message, std::move(message), std::move(hint)};
  }
};

template <class T>
using ImapResult = std::expected<T, ImapError>;

class ImapSession {
 public:
  // Checks host/port and loads the password; does not connect yet.
  static ImapResult<ImapSession> open(ImapConfig config);
  ImapSession(ImapSession&&) noexcept;
  ImapSession& operator=(ImapSession&&) noexcept;
  ~ImapSession();

  // UID SEARCH <criteria> in the configured folder; UIDs in ascending order.
  ImapResult<std::vector<std::uint32_t>> search(std::string_view criteria);
  // The whole message (RFC 5322 bytes), \Seen left as it was when
  // `was_unseen` says it was not set. Not fatal: the message is gone, or
  // larger than max_message_bytes (Kind::too_large).
  ImapResult<std::string> fetch(std::uint32_t uid, bool was_unseen);
  // Only the header block of the message (for a message too large to fetch).
  ImapResult<std::string> fetch_header(std::uint32_t uid, bool was_unseen);
  // UID STORE +FLAGS (<keyword>), then checks the server kept it (some
  // servers silently drop keywords: then a non-fatal error says to use
  // processed = "move").
  ImapResult<void> add_keyword(std::uint32_t uid, std::string_view keyword);
  // UID MOVE to `folder` (UTF-8), creating the folder first if it is missing.
  ImapResult<void> move(std::uint32_t uid, std::string_view folder);

  const ImapConfig& config() const;

 private:
  struct State;
  explicit ImapSession(std::unique_ptr<State> state);
  std::unique_ptr<State> m_state;
};

}  // namespace collect
