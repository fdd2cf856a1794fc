// The answers to senders whose letter in the mailbox held no form (collect
// phase, collect/replies.h says when one is written), in Russian:
//   no_workbook — says what was expected (the filled form, a .xlsx file, as an
//                 attachment, from the school's address in the registry) and
//                 names the files the letter did have;
//   tnef        — the form came wrapped in winmail.dat: how to turn off RTF
//                 in Outlook and send it again;
//   too_large   — the letter is over the size limit and was not read.
// Every reply answers the original (Re: subject, In-Reply-To, References), is
// marked Auto-Submitted: auto-replied and goes to the message's From (a
// registered address: collect/replies.h), never to its Reply-To.
//
// Example:
//   collect::CollectOptions o;
//   o.compose = letters::compose_reply;
#pragma once

#include <string>
#include <vector>

#include "collect/mime_message.h"
#include "collect/replies.h"
#include "mail/mail_message.h"

namespace letters {

mail::MailMessage compose_reply(collect::ReplyKind kind, const collect::ParsedMessage& message,
                                const collect::ReplyContext& context, const std::vector<std::string>& other_files);

}  // namespace letters
