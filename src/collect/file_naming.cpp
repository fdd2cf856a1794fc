#include "collect/file_naming.h"

#include <glib.h>

#include <memory>

#include "util/ascii.h"
#include "util/local_time.h"

namespace collect {

namespace {

// The extension with its dot (".xlsx"), or empty: a dot in the last 10 bytes
// with no space after it; a leading dot alone (".xlsx") is a stem, not an
// extension.
std::size_t extension_start(std::string_view name) {
  const auto dot = name.rfind('.');
  if (dot == std::string_view::npos || dot == 0 || name.size() - dot > 10) return name.size();
  if (name.substr(dot).find(' ') != std::string_view::npos) return name.size();
  return dot;
}

bool forbidden(unsigned char c) {
  return c < 0x20 || c == 0x7f || c == '/' || c == '\\' || c == '<' || c == '>' || c == ':' ||
         c == '"' || c == '|' || c == '?' || c == '*';
}

// Cuts `text` to at most `bytes` bytes without splitting a UTF-8 character.
std::string cut_utf8(std::string text, std::size_t bytes) {
  if (text.size() <= bytes) return text;
  std::size_t end = bytes;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  text.resize(end);
  return text;
}

std::string trim_dots_and_spaces(std::string s) {
  const auto junk = [](char c) { return c == '.' || c == ' '; };
  while (!s.empty() && junk(s.front())) s.erase(0, 1);
  while (!s.empty() && junk(s.back())) s.pop_back();
  return s;
}

// Stem and extension, joined within `max_bytes`, the stem giving way.
std::string join_bounded(std::string stem, const std::string& extension, std::size_t max_bytes) {
  const auto room = max_bytes > extension.size() ? max_bytes - extension.size() : 0;
  stem = trim_dots_and_spaces(cut_utf8(std::move(stem), room));
  if (stem.empty()) stem = "_";
  return stem + extension;
}

}  // namespace

PartKind classify_part(const MailPart& part) {
  const auto name = util::lower_ascii(part.file_name);
  const auto ext = name.substr(extension_start(name));
  if (ext == ".xlsx" || ext == ".xlsm" || ext == ".xls") return PartKind::workbook;
  if (ext == ".csv") return PartKind::questionnaire;
  if (name == "winmail.dat" || part.content_type == "application/ms-tnef" ||
      part.content_type == "application/vnd.ms-tnef") {
    return PartKind::tnef;
  }
  if (!ext.empty() && ext != name) return PartKind::other;  // named, and not a form
  const auto& type = part.content_type;
  if (type == "application/vnd.ms-excel" || type == "application/vnd.ms-excel.sheet.macroenabled.12" ||
      type == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet") {
    return PartKind::workbook;
  }
  if (type == "text/csv") return PartKind::questionnaire;
  return PartKind::other;
}

std::string attachment_name(const MailPart& part) {
  const auto name = part.file_name.empty() ? std::string("form") : part.file_name;
  const auto lowered = util::lower_ascii(name);
  const auto ext = lowered.substr(extension_start(lowered));
  if (ext == ".xlsx" || ext == ".xlsm" || ext == ".xls" || ext == ".csv") return name;
  const auto& type = part.content_type;
  if (type == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet") return name + ".xlsx";
  if (type == "application/vnd.ms-excel.sheet.macroenabled.12") return name + ".xlsm";
  if (type == "application/vnd.ms-excel") return name + ".xls";
  if (type == "text/csv") return name + ".csv";
  return name;
}

std::string extension_of(std::string_view name) { return std::string(name.substr(extension_start(name))); }

std::string safe_file_name(std::string_view name, std::size_t max_bytes) {
  std::unique_ptr<char, decltype(&g_free)> valid(
      g_utf8_make_valid(name.data(), static_cast<gssize>(name.size())), &g_free);
  std::string clean(valid.get());
  for (auto& c : clean) {
    if (forbidden(static_cast<unsigned char>(c))) c = '_';
  }
  clean = trim_dots_and_spaces(clean);
  if (clean.empty()) clean = "вложение";
  const auto ext_at = extension_start(clean);
  auto extension = clean.substr(ext_at);
  if (extension.size() >= max_bytes) extension.clear();
  return join_bounded(clean.substr(0, ext_at), extension, max_bytes);
}

std::string saved_file_name(std::string_view sender, std::int64_t date, std::string_view original) {
  const auto stamp = util::format_local_time(date, "%Y-%m-%d_%H-%M");
  const auto who = sender.empty() ? std::string("без отправителя") : std::string(sender);
  return safe_file_name(stamp + "_" + who + "_" + std::string(original));
}

std::string with_suffix(std::string_view name, int number) {
  const std::string text(name);
  const auto ext_at = extension_start(text);
  const auto extension = " (" + std::to_string(number) + ")" + text.substr(ext_at);
  return join_bounded(text.substr(0, ext_at), extension, k_max_name_bytes);
}

}  // namespace collect
