// The one check of an e-mail address, applied wherever an address enters
// metodmon: the schools registry, the [mail] settings, a message being built,
// the outbox when `send` replays it, and the mailer before it talks to the
// server. An address that passes can be written into an SMTP command and a
// mail header as is: it holds no line break, control character, space,
// quote, angle bracket, comma or semicolon, so it can never smuggle a second
// command (`dir@sch1.example\r\nRSET`) or a second recipient.
//
//   model::is_valid_email("director@school3.ensk.ru")   -> true
//   model::is_valid_email("директор@школа.рф")          -> true (UTF-8 is allowed)
//   model::is_valid_email("dir@sch1.example\r\nRSET")   -> false
#pragma once

#include <string_view>

namespace model {

// One address "local@domain": exactly one '@'; a non-empty local part that
// neither starts nor ends with '.' and has no ".."; a domain with at least one
// inner '.', not starting with '.' or '-', without ".."; no byte below 0x21,
// no DEL, none of " , ; < > ( ) [ ] \ ; at most 254 bytes (RFC 5321).
bool is_valid_email(std::string_view address);

}  // namespace model
