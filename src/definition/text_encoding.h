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

// Windows-1251 bytes -> UTF-8. The one unassigned byte (0x98) becomes U+FFFD.
std::string windows_1251_to_utf8(std::string_view bytes);

// `bytes` as UTF-8 without BOM; UTF-16 input is returned unchanged (the
// caller reports it, see detect_encoding).
std::string to_utf8(std::string_view bytes);

}  // namespace definition
