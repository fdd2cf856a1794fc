// When the collect phase answers a sender, and the rule for when a robot must
// not answer at all. The answers' texts are letters (letters/sender_replies.h);
// the collector is given them as a ReplyComposer.
//
// Kinds:
//   no_workbook — the letter has no form: says what was expected (the filled
//                 form, a .xlsx file, as an attachment, from the school's
//                 address in the registry) and names the files it did have;
//   tnef        — the form came wrapped in winmail.dat: how to turn off RTF
//                 in Outlook and send it again;
//   too_large   — the letter is over the size limit and was not read.
// Every reply answers the original (Re: subject, In-Reply-To, References),
// is marked Auto-Submitted: auto-replied and goes to the letter's From — an
// address of the registry — never to a Reply-To: a letter whose Reply-To
// names a third party cannot make the service mail that party.
//
// Example:
//   if (!collect::no_reply_reason(message, context))
//     replies.push_back(compose(collect::ReplyKind::tnef, message, context, {}));
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "collect/mime_message.h"
#include "mail/mail_message.h"

namespace collect {

enum class ReplyKind { no_workbook, tnef, too_large };

struct ReplyContext {
  mail::MailAddress from;   // our address (the [mail] sender)
  std::string methodist;       // named as the person to ask; may be empty
  std::uintmax_t max_message_mb = 50;
  // Whether an address is in the registry (a school's, or the methodist's):
  // only those are answered. Null: nobody is (TrustedSenders::registered).
  std::function<bool(std::string_view address)> registered = {};
};

// "no_workbook", "tnef", "too_large": the journal's names for the kinds.
std::string_view reply_kind_name(ReplyKind kind);

// Why this message must get no automatic answer (Russian, for the report),
// or nullopt when answering is fine: Auto-Submitted other than "no",
// Precedence bulk/junk/list, List-Id, X-Autoreply, a delivery report, a
// sender such as MAILER-DAEMON, postmaster or no-reply, our own address or
// the methodist's, no usable address at all (RFC 3834), or a From that the
// registry does not know (context.registered).
std::optional<std::string> no_reply_reason(const ParsedMessage& message, const ReplyContext& context);

// Writes the answer; `other_files` are the names of the attachments that were
// not forms (listed in a no_workbook reply). letters::compose_reply is the one.
using ReplyComposer = std::function<mail::MailMessage(ReplyKind kind, const ParsedMessage& message,
                                                      const ReplyContext& context,
                                                      const std::vector<std::string>& other_files)>;

}  // namespace collect
