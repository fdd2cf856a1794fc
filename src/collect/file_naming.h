// What an attached file is, and the name it gets in the inbox.
//
// Saved name: "<YYYY-MM-DD>_<HH-MM>_<sender>_<file name as sent>", e.g.
// "2026-11-05_14-32_school3@ensk.example.ru_Форма СОШ 3.xlsx", with the
// message's date in local time, so a listing sorted by name is in order of
// arrival and says who sent what. Every name is made safe before it touches
// the disk:
//   - no path separators ('/', '\'), no control characters, none of
//     Windows' forbidden <>:"|?* (the inbox is often a Samba share): each
//     becomes '_'; invalid UTF-8 becomes U+FFFD;
//   - no leading or trailing dots and spaces (hidden files, Windows);
//   - at most 255 bytes (the Linux and Windows limit), cut at a character
//     boundary inside the stem, so the extension always survives.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "collect/mime_message.h"

namespace collect {

enum class PartKind {
  workbook,       // .xlsx .xlsm .xls, or a spreadsheet type without a name
  questionnaire,  // .csv (questionnaire exports, issue 13)
  tnef,           // winmail.dat, application/ms-tnef: Outlook's RTF wrapping
  other,          // anything else (.pdf, .docx, .zip, images)
};

inline constexpr std::size_t k_max_name_bytes = 255;

// By the name's extension first, then by the content type.
PartKind classify_part(const MailPart& part);

// The part's file name, with an extension added when a spreadsheet arrived
// unnamed or without one ("form.xlsx" for an unnamed xlsx part).
std::string attachment_name(const MailPart& part);

// The extension of `name` with its dot (".xlsx"), as written; "" when none.
std::string extension_of(std::string_view name);

// `name` made safe as described above (`max_bytes` at most).
std::string safe_file_name(std::string_view name, std::size_t max_bytes = k_max_name_bytes);

// The inbox name for an attachment: date (local time), sender, original name.
std::string saved_file_name(std::string_view sender, std::int64_t date, std::string_view original);

// "a.xlsx", 2 -> "a (2).xlsx"; the stem is shortened if the result would
// pass k_max_name_bytes.
std::string with_suffix(std::string_view name, int number);

}  // namespace collect
