#include "ingest/file_sniff.h"

#include <algorithm>
#include <cstdint>
#include <string_view>

namespace ingest {

namespace {

bool starts_with(std::span<const unsigned char> bytes, std::string_view magic) {
  return bytes.size() >= magic.size() &&
         std::equal(magic.begin(), magic.end(), bytes.begin(),
                    [](char a, unsigned char b) { return static_cast<unsigned char>(a) == b; });
}

// True when `ascii` occurs in `bytes` as UTF-16LE, the way CFB directory
// entries store stream names. Scanning the whole file is cheap (it is at most
// max_file_bytes) and needs no CFB parser.
bool contains_utf16(std::span<const unsigned char> bytes, std::string_view ascii) {
  std::string pattern;
  for (char c : ascii) {
    pattern.push_back(c);
    pattern.push_back('\0');
  }
  const std::string_view haystack(reinterpret_cast<const char*>(bytes.data()), bytes.size());
  return haystack.find(pattern) != std::string_view::npos;
}

std::string lowered_head(std::span<const unsigned char> bytes, std::size_t n) {
  std::string out;
  for (std::size_t i = 0; i < std::min(n, bytes.size()); ++i) {
    char c = static_cast<char>(bytes[i]);
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    out.push_back(c);
  }
  return out;
}

bool looks_like_text(std::span<const unsigned char> bytes) {
  const std::size_t n = std::min<std::size_t>(bytes.size(), 4096);
  std::size_t control = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const auto b = bytes[i];
    if (b == 0) return false;
    if (b < 0x20 && b != '\n' && b != '\r' && b != '\t') ++control;
  }
  return control * 20 < n;
}

std::uint16_t u16(std::span<const unsigned char> b, std::size_t at) {
  return static_cast<std::uint16_t>(b[at] | (b[at + 1] << 8));
}

}  // namespace

bool biff_has_filepass(std::span<const unsigned char> bytes) {
  constexpr std::uint16_t k_filepass = 0x002F;
  constexpr std::size_t k_records_checked = 16;
  for (std::size_t p = 0; p + 4 <= bytes.size(); p += 64) {
    const auto type = u16(bytes, p);
    if (type != 0x0809 && type != 0x0409 && type != 0x0209 && type != 0x0009) continue;
    std::size_t at = p;
    for (std::size_t n = 0; n < k_records_checked && at + 4 <= bytes.size(); ++n) {
      const auto rec = u16(bytes, at);
      const auto len = u16(bytes, at + 2);
      if (n > 0 && rec == k_filepass) return true;
      if (len > 8224) break;
      at += 4 + len;
    }
  }
  return false;
}

FileKind sniff_file(std::span<const unsigned char> bytes) {
  if (bytes.empty()) return FileKind::empty;
  if (starts_with(bytes, "PK\x03\x04") || starts_with(bytes, "PK\x05\x06")) return FileKind::zip;
  if (starts_with(bytes, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")) {
    if (contains_utf16(bytes, "EncryptedPackage") || contains_utf16(bytes, "EncryptionInfo"))
      return FileKind::encrypted_ooxml;
    return FileKind::cfb;
  }
  // BOF record of BIFF2 (0x0009), BIFF3 (0x0209), BIFF4 (0x0409) with its
  // usual body length (4, 6 or 8 bytes).
  if (bytes.size() >= 8 && bytes[0] == 0x09 && (bytes[1] == 0x00 || bytes[1] == 0x02 || bytes[1] == 0x04) &&
      bytes[3] == 0x00 && (bytes[2] == 4 || bytes[2] == 6 || bytes[2] == 8))
    return FileKind::raw_biff;
  if (starts_with(bytes, "%PDF")) return FileKind::pdf;
  if (starts_with(bytes, "{\\rtf")) return FileKind::rtf;
  auto head = lowered_head(bytes, 2048);
  if (head.rfind("\xEF\xBB\xBF", 0) == 0) head.erase(0, 3);
  const auto first = head.find_first_not_of(" \t\r\n");
  const auto body = first == std::string::npos ? std::string() : head.substr(first);
  if (body.rfind("<?xml", 0) == 0 && head.find("urn:schemas-microsoft-com:office:spreadsheet") !=
                                         std::string::npos)
    return FileKind::spreadsheet_xml;
  if (body.rfind("<!doctype html", 0) == 0 || body.rfind("<html", 0) == 0 ||
      body.rfind("<table", 0) == 0 || head.find("<html") != std::string::npos)
    return FileKind::html;
  if (body.rfind("<?xml", 0) == 0 && head.find("<workbook") != std::string::npos)
    return FileKind::spreadsheet_xml;
  if (looks_like_text(bytes)) return FileKind::text;
  return FileKind::unknown;
}

ReadError refusal_for(FileKind kind) {
  switch (kind) {
    case FileKind::encrypted_ooxml:
      return make_error("файл защищён паролем на открытие", k_hint_password);
    case FileKind::empty:
      return make_error("файл пустой (0 байт)",
                        "Сохраните заполненную форму ещё раз и отправьте файл снова");
    case FileKind::pdf:
      return make_error("это документ PDF, а не книга Excel", k_hint_use_form);
    case FileKind::rtf:
      return make_error("это документ RTF (Word), а не книга Excel", k_hint_use_form);
    case FileKind::html:
      return make_error("это веб-страница (HTML), а не книга Excel, хотя у неё может быть "
                        "расширение .xls",
                        k_hint_resave);
    case FileKind::spreadsheet_xml:
      return make_error("это «Таблица XML 2003», а не книга Excel (*.xlsx)", k_hint_resave);
    case FileKind::text:
      return make_error("это текстовый файл (например, CSV), а не книга Excel", k_hint_use_form);
    case FileKind::unknown:
    case FileKind::zip:
    case FileKind::cfb:
    case FileKind::raw_biff:
      break;
  }
  return make_error("файл не является книгой Excel (формат не распознан)", k_hint_use_form);
}

}  // namespace ingest
