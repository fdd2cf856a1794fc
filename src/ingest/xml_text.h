// Small text conversions shared by the OOXML part readers.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace ingest {

// Decodes OOXML's "_xHHHH_" escapes in place ("_x000D_" -> "\r"); "_x005F_"
// escapes a literal underscore. Text without escapes is left untouched.
void decode_ooxml_escapes(std::string& text);

// A number as OOXML writes it ("12", "-1.5E-3"); nullopt for anything else.
std::optional<double> parse_xml_number(std::string_view text);

// An unsigned decimal integer ("42"); nullopt for anything else or > 2^32-1.
std::optional<std::uint32_t> parse_index(std::string_view text);

// "2024-05-17", "2024-05-17T10:30:00" or "10:30:00" -> 1900-system serial.
std::optional<double> parse_iso_datetime(std::string_view text);

// Serial day number of a calendar date in Excel's 1900 system.
double date_serial(int year, int month, int day);

}  // namespace ingest
