#include "mail/curl_support.h"

#include <mutex>

namespace mail::curl {

void init_once() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

std::string tls_failure_reason(CURLcode code, const TlsContext& context) {
  switch (code) {
    case CURLE_PEER_FAILED_VERIFICATION:
      return "сертификат почтового сервера не прошёл проверку, " + context.not_sent +
             "; проверьте, что host «" + context.host + "» совпадает с именем в сертификате сервера, "
             "а если сервер использует свой (самоподписанный) сертификат, укажите его или "
             "сертификат выпустившего центра в ca_file раздела [" + context.section + "]";
    case CURLE_SSL_CACERT_BADFILE:
      return "не удалось прочитать файл сертификатов ca_file " + context.ca_file.string() +
             "; проверьте путь и права доступа";
    default:
      return {};
  }
}

std::string describe(CURLcode code, const char* error_buffer) {
  std::string what = curl_easy_strerror(code);
  if (error_buffer != nullptr && error_buffer[0] != '\0' && what != error_buffer) {
    what += " (" + std::string(error_buffer) + ")";
  }
  return what;
}

}  // namespace mail::curl
