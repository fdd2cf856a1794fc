// What the SMTP mailer (mailer.cpp) and the IMAP session (collect/) share
// about libcurl: one global initialisation, an owning handle, and the Russian
// explanation of a TLS failure.
#pragma once

#include <curl/curl.h>

#include <filesystem>
#include <memory>
#include <string>

namespace mail::curl {

// curl_global_init is not guaranteed thread-safe: call this before any
// curl_easy_init(); it runs curl_global_init once per process.
void init_once();

struct EasyCleanup {
  void operator()(CURL* c) const { curl_easy_cleanup(c); }
};
using EasyPtr = std::unique_ptr<CURL, EasyCleanup>;

// Where a TLS failure came from, for the explanation.
struct TlsContext {
  std::string host;                // as configured
  std::filesystem::path ca_file;   // empty: the system CA store
  std::string section;             // configuration section: "mail", "collect"
  std::string not_sent;            // what did not leave, e.g. "письмо и пароль не отправлены"
};

// The Russian reason for a certificate that does not verify
// (CURLE_PEER_FAILED_VERIFICATION) or an unreadable ca_file
// (CURLE_SSL_CACERT_BADFILE); empty for any other code (the caller adds its
// protocol's own cases, such as a server without STARTTLS).
std::string tls_failure_reason(CURLcode code, const TlsContext& context);

// curl_easy_strerror(code), plus the error buffer's detail in brackets when
// it says more: "Couldn't connect to server (Failed to connect to … port …)".
std::string describe(CURLcode code, const char* error_buffer);

}  // namespace mail::curl
