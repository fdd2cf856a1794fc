#include "collect/sender_trust.h"

#include <algorithm>

#include "util/ascii.h"

namespace collect {

void TrustedSenders::add_school(std::string_view school_id, std::string_view address) {
  if (address.empty()) return;
  auto& ids = m_schools[util::lower_ascii(address)];
  if (std::find(ids.begin(), ids.end(), school_id) == ids.end()) ids.emplace_back(school_id);
}

void TrustedSenders::add_methodist(std::string_view address) {
  if (!address.empty()) m_methodist.insert(util::lower_ascii(address));
}

bool TrustedSenders::registered(std::string_view address) const {
  return methodist(address) || m_schools.contains(util::lower_ascii(address));
}

bool TrustedSenders::methodist(std::string_view address) const {
  return m_methodist.contains(util::lower_ascii(address));
}

std::vector<std::string> TrustedSenders::schools_of(std::string_view address) const {
  const auto it = m_schools.find(util::lower_ascii(address));
  return it == m_schools.end() ? std::vector<std::string>{} : it->second;
}

std::optional<std::string> TrustedSenders::hold_reason(std::string_view address, std::string_view school_id) const {
  if (address.empty()) return "у письма нет адреса отправителя";
  if (methodist(address)) return std::nullopt;
  const auto schools = schools_of(address);
  if (schools.empty()) return "адреса " + std::string(address) + " нет в реестре школ";
  if (school_id.empty() || std::find(schools.begin(), schools.end(), school_id) != schools.end()) {
    return std::nullopt;
  }
  std::string owners;
  for (const auto& id : schools) owners += (owners.empty() ? "" : ", ") + id;
  return "форма школы " + std::string(school_id) + " пришла с адреса " + (schools.size() == 1 ? "школы " : "школ ") +
         owners + " (" + std::string(address) + ")";
}

}  // namespace collect
