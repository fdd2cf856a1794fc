#include "ingest/xml_text.h"

#include <gtest/gtest.h>

namespace ingest {
namespace {

TEST(XmlTextTest, DecodesOoxmlEscapes) {
  std::string s = "a_x000D_b_x005F_x0041_";
  decode_ooxml_escapes(s);
  EXPECT_EQ(s, "a\rb_x0041_");
  std::string cyr = "_x0424_орма";  // Ф
  decode_ooxml_escapes(cyr);
  EXPECT_EQ(cyr, "Форма");
  std::string untouched = "_x12_ and _xZZZZ_";
  decode_ooxml_escapes(untouched);
  EXPECT_EQ(untouched, "_x12_ and _xZZZZ_");
}

TEST(XmlTextTest, ParsesNumbersStrictly) {
  EXPECT_EQ(parse_xml_number("12"), 12.0);
  EXPECT_EQ(parse_xml_number("-1.5E-3"), -0.0015);
  EXPECT_EQ(parse_xml_number(" 7 "), 7.0);
  EXPECT_FALSE(parse_xml_number("12,5"));
  EXPECT_FALSE(parse_xml_number(""));
  EXPECT_FALSE(parse_xml_number("1e"));
}

TEST(XmlTextTest, ParsesIndices) {
  EXPECT_EQ(parse_index("42"), 42u);
  EXPECT_FALSE(parse_index("-1"));
  EXPECT_FALSE(parse_index("99999999999"));
  EXPECT_FALSE(parse_index("4a"));
}

TEST(XmlTextTest, DateSerialsFollowExcel1900System) {
  EXPECT_EQ(date_serial(1900, 1, 1), 1.0);
  EXPECT_EQ(date_serial(1900, 2, 28), 59.0);
  EXPECT_EQ(date_serial(1900, 3, 1), 61.0);  // Excel's fictitious 1900-02-29 is 60
  EXPECT_EQ(date_serial(2024, 1, 1), 45292.0);
  EXPECT_EQ(date_serial(1904, 1, 1), 1462.0);
}

TEST(XmlTextTest, ParsesIsoDateTimes) {
  EXPECT_EQ(parse_iso_datetime("2024-01-01"), 45292.0);
  EXPECT_EQ(parse_iso_datetime("2024-01-01T12:00:00"), 45292.5);
  EXPECT_EQ(parse_iso_datetime("2024-01-01 06:00:00"), 45292.25);
  EXPECT_EQ(parse_iso_datetime("18:00:00"), 0.75);
  EXPECT_FALSE(parse_iso_datetime("2024-13-01"));
  EXPECT_FALSE(parse_iso_datetime("вчера"));
}

}  // namespace
}  // namespace ingest
