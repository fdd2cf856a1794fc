#include "model/email_address.h"

namespace model {

bool is_valid_email(std::string_view address) {
  if (address.empty() || address.size() > 254) return false;
  for (const unsigned char c : address) {
    if (c <= 0x20 || c == 0x7f) return false;  // spaces, CR, LF, TAB, other controls
  }
  if (address.find_first_of(",;<>\"()[]\\") != std::string_view::npos) return false;
  const auto at = address.find('@');
  if (at == std::string_view::npos || at == 0 || address.find('@', at + 1) != std::string_view::npos) {
    return false;
  }
  const auto local = address.substr(0, at);
  const auto domain = address.substr(at + 1);
  if (local.front() == '.' || local.back() == '.' || local.find("..") != std::string_view::npos) return false;
  const auto dot = domain.rfind('.');
  if (domain.empty() || dot == std::string_view::npos || dot == 0 || dot + 1 == domain.size()) return false;
  return domain.front() != '.' && domain.front() != '-' && domain.find("..") == std::string_view::npos;
}

}  // namespace model
