// Encodings for mail headers: RFC 2047 encoded words for non-ASCII header
// text (subject, display names), RFC 2231 parameters for non-ASCII file
// names, and address formatting. Pure functions; output uses CRLF folding.
#pragma once

#include <string>
#include <string_view>

namespace mail {

struct MailAddress {
  std::string name;     // display name, UTF-8, may be empty: "Иванова Мария Петровна"
  std::string address;  // "director@school3.example.ru"
};

// Replaces CR, LF, TAB and other control characters by spaces: header values
// come from the registry and a stray newline must never add a header.
std::string header_safe(std::string_view text);

// Plain printable ASCII without "=?" is returned as is; anything else becomes
// =?UTF-8?B?…?= words of at most 60 characters (RFC 2047 allows 75; shorter
// keeps "Subject: " + word under 78), split only between UTF-8 characters,
// joined by CRLF + space (folding; decoders drop it).
std::string encode_header_text(std::string_view utf8);

// "Иванова М.П." <a@b> -> =?UTF-8?B?…?=CRLF <a@b> (the name as ONE encoded
// word, however long: split names decode with extra spaces in Python's email
// and some webmail); ASCII names are quoted;
// an empty name gives the bare address.
std::string format_address(const MailAddress& a);

// Content-Disposition parameters for a file name:
//   ASCII (no quotes, backslashes): filename="report.xlsx"
//   otherwise RFC 2231:             filename*=UTF-8''%D0%9E%D1%82.xlsx
//   long ones split in sections:    filename*0*=UTF-8''%D0…;\r\n filename*1*=%D1…
std::string filename_parameter(std::string_view utf8_name);

}  // namespace mail
