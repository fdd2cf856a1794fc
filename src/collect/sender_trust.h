// Who may speak for a school in the mailbox. A form collected from the
// mailbox counts for a school only when it comes from an address the
// registry gives that school (its director's e-mail and the other addresses
// of its row, model::School::senders) or from one of the methodist's own
// addresses ([mail] methodist and from, [collect] methodist_addresses),
// which may send any school's form. Anything else is held apart
// (collector.h), and only a registered address is ever answered (replies.h).
// Addresses are compared without regard to the case of Latin letters.
//
// The sender is the letter's own From: whoever forwards a form is the one
// who vouches for it, whatever the forwarded letter inside says.
//
// Example:
//   collect::TrustedSenders senders;
//   senders.add_school("sch02", "school2@ensk.example.ru");
//   senders.add_methodist("metodist@ensk.example.ru");
//   senders.hold_reason("stranger@mail.example", "sch02")
//     -> "адреса stranger@mail.example нет в реестре школ"
//   senders.hold_reason("school3@ensk.example.ru", "sch02")  (school3 is sch03's)
//     -> "форма школы sch02 пришла с адреса школы sch03"
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace collect {

class TrustedSenders {
 public:
  void add_school(std::string_view school_id, std::string_view address);
  void add_methodist(std::string_view address);

  // Whether the address is a school's of the registry or the methodist's.
  bool registered(std::string_view address) const;
  bool methodist(std::string_view address) const;
  // The schools (ids, registry order) the address belongs to; usually one.
  std::vector<std::string> schools_of(std::string_view address) const;

  // Why a form naming `school_id` ("" when it names none: not a metodmon
  // form, unreadable) must not count when it comes from `address`, in
  // Russian; nullopt when it counts. A form naming no school counts when it
  // comes from any registered address (the run then judges the file).
  std::optional<std::string> hold_reason(std::string_view address, std::string_view school_id) const;

 private:
  std::map<std::string, std::vector<std::string>> m_schools;  // lower-cased address -> school ids
  std::set<std::string> m_methodist;                           // lower-cased
};

}  // namespace collect
