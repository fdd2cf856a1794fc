// Text encodings a registry CSV arrives in. Excel on Russian Windows saves
// "CSV (разделители — точка с запятой)" in Windows-1251, "CSV UTF-8" with a
// BOM, and "Текст Юникод" in UTF-16; we read the first two and name the third.
#pragma once

#include <string>
#include <string_view>

namespace definition {

enum class TextEncoding { utf8, utf8_bom, windows_1251, utf16 };

// UTF-16 by its BOM; UTF-8 with or without BOM when the bytes are valid
// UTF-8; otherwise Windows-1251 (every byte sequence decodes as 1251).
TextEncoding detect_encoding(std::string_view bytes);

bool is_valid_utf8(std::string_view bytes);

// is_valid_utf8 over a text given in chunks (a file read in pieces): a
// character may be split between two chunks.
//
//   Utf8Validator v;
//   while (read(chunk)) v.feed(chunk);
//   const bool utf8 = v.valid();
class Utf8Validator {
 public:
  void feed(std::string_view chunk);
  // Valid so far and, once the last chunk is in, no character cut short.
  bool valid() const { return m_ok && m_carry.empty(); }
  bool failed() const { return !m_ok; }

 private:
  std::string m_carry;  // the start of a character the next chunk completes
  bool m_ok = true;
};

// Windows-1251 bytes -> UTF-8. The one unassigned byte (0x98) becomes U+FFFD.
std::string windows_1251_to_utf8(std::string_view bytes);

// `bytes` as UTF-8 without BOM; UTF-16 input is returned unchanged (the
// caller reports it, see detect_encoding).
std::string to_utf8(std::string_view bytes);

}  // namespace definition
