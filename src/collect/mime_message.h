// One received e-mail taken apart with GMime 3: who sent it, when, what it
// answers, and every attached file, decoded.
//
// What counts as an attached file: every leaf part that has a file name
// (Content-Disposition filename or Content-Type name, RFC 2231 or RFC 2047
// encoded, in any charset: GMime gives UTF-8), or whose disposition is
// "attachment", or whose type is a spreadsheet or TNEF (winmail.dat) even
// without a name. Plain body text and inline images (a signature logo) are
// not. Nested multiparts of any depth are walked; an attached message
// (message/rfc822, a forwarded letter) is walked too, and its parts carry
// the sender and date of that inner message. Content is decoded from any
// transfer encoding (base64, quoted-printable, 7bit/8bit/binary).
//
// Parsing never fails on a damaged message: whatever GMime could recover is
// returned. Only bytes that are not a message at all give an error. A form
// inside thirty forwards of a forward is found; the walk keeps its own stack
// and stops at 512 levels of nesting or 10,000 parts (no mail client comes
// near either), and then says so in ParsedMessage::limit, so the sender is
// not told the letter held no form when it was not read to the end.
//
// Example:
//   auto m = collect::parse_message(raw);
//   for (const auto& a : m->attachments) save(a.file_name, a.bytes);
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "mail/mime_encode.h"
#include "model/diagnostic.h"

namespace collect {

struct MailPart {
  std::string file_name;     // UTF-8 as the sender named it; empty when unnamed
  std::string content_type;  // "application/vnd.ms-excel", lower case
  std::string bytes;         // decoded content
  mail::MailAddress sender;  // From of the message that holds the part
  std::int64_t date = 0;     // Date of that message, seconds since the epoch; 0: none
  bool forwarded = false;    // inside an attached (forwarded) message
  bool inline_image = false; // image/* shown inline (a logo), not an attachment proper
};

struct ParsedMessage {
  std::string message_id;       // without angle brackets; empty when missing
  mail::MailAddress from;
  mail::MailAddress reply_to;  // first Reply-To address, else `from`; shown, never answered
  std::string subject;          // decoded UTF-8
  std::int64_t date = 0;        // Date header; 0 when missing or unreadable
  // Headers that mark mail no robot should answer (RFC 3834, bounces, lists).
  std::string auto_submitted, precedence, list_id, x_autoreply;
  bool delivery_report = false;  // multipart/report (a bounce or a read receipt)
  std::vector<MailPart> attachments;  // in the order they appear
  std::string limit;  // Russian: the walk stopped at its bound (nesting, parts); empty when read whole
};

model::Expected<ParsedMessage> parse_message(std::string_view raw);

}  // namespace collect
