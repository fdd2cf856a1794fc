#include "ingest/value_parse.h"

#include <gtest/gtest.h>

using ingest::Cell;
using ingest::CellType;

namespace {
Cell text(std::string s) {
  Cell c;
  c.type = CellType::string;
  c.text = std::move(s);
  return c;
}
Cell number(double v, bool percent = false) {
  Cell c;
  c.type = CellType::number;
  c.number = v;
  c.is_percent = percent;
  return c;
}
Cell boolean(bool b) {
  Cell c;
  c.type = CellType::boolean;
  c.number = b ? 1 : 0;
  return c;
}
}  // namespace

TEST(ParseDecimalTextTest, AcceptsCommaOrDotAndSpacedThousands) {
  EXPECT_EQ(ingest::parse_decimal_text("12,5"), 12.5);
  EXPECT_EQ(ingest::parse_decimal_text("12.5"), 12.5);
  EXPECT_EQ(ingest::parse_decimal_text(" 12 "), 12);
  EXPECT_EQ(ingest::parse_decimal_text("1 234"), 1234);
  EXPECT_EQ(ingest::parse_decimal_text("1\xC2\xA0" "234"), 1234);          // NBSP
  EXPECT_EQ(ingest::parse_decimal_text("1\xE2\x80\xAF" "234,5"), 1234.5);  // narrow NBSP
  EXPECT_EQ(ingest::parse_decimal_text("12 345 678"), 12345678);
  EXPECT_EQ(ingest::parse_decimal_text("-3"), -3);
  EXPECT_EQ(ingest::parse_decimal_text("+7"), 7);
}

TEST(ParseDecimalTextTest, RefusesWhatCannotBeReadSafely) {
  for (const char* bad : {"", " ", "n/a", "12а", "1,234.5", "1.2.3", "12 34", "1234 567", ",5",
                          "5,", "1 2", "12 ,5", "--1", "0x10", "1e3", "двенадцать"}) {
    EXPECT_FALSE(ingest::parse_decimal_text(bad)) << bad;
  }
}

TEST(ParseCountTest, NumbersAndNumbersStoredAsText) {
  EXPECT_EQ(ingest::parse_count(number(25)).value, 25);
  EXPECT_EQ(ingest::parse_count(text("25")).value, 25);
  EXPECT_EQ(ingest::parse_count(text("12,0")).value, 12);
  EXPECT_EQ(ingest::parse_count(text(" 1 234 ")).value, 1234);
  EXPECT_EQ(ingest::parse_count(number(0)).value, 0);
}

TEST(ParseCountTest, FractionIsAnError) {
  const auto r = ingest::parse_count(text("12,5"));
  EXPECT_FALSE(r.value);
  ASSERT_TRUE(r.problem);
  EXPECT_EQ(r.problem->message, "дробное число: ожидалось целое количество");
  EXPECT_FALSE(ingest::parse_count(number(3.5)).value);
}

TEST(ParseCountTest, TextNegativePercentAndErrorsAreErrors) {
  EXPECT_EQ(ingest::parse_count(text("нет данных")).problem->message,
            "ожидалось число, а в ячейке текст");
  EXPECT_EQ(ingest::parse_count(number(-2)).problem->message,
            "отрицательное число: количество не может быть меньше 0");
  EXPECT_EQ(ingest::parse_count(text("-2")).problem->message,
            "отрицательное число: количество не может быть меньше 0");
  EXPECT_EQ(ingest::parse_count(text("45%")).problem->message,
            "ожидалось количество, а в ячейке процент");
  EXPECT_EQ(ingest::parse_count(number(0.45, true)).problem->message,
            "ожидалось количество, а в ячейке процент");
  Cell err;
  err.type = CellType::error;
  err.text = "#DIV/0!";
  EXPECT_EQ(ingest::parse_count(err).problem->message, "в ячейке ошибка формулы вместо числа");
  EXPECT_TRUE(ingest::parse_count(boolean(true)).problem);
  EXPECT_EQ(ingest::parse_count(text("1,234.5")).problem->message,
            "неоднозначная запись числа (и запятая, и точка)");
}

TEST(ParseYesNoTest, AcceptsTheUsualSpellings) {
  for (const char* yes : {"Да", "да", "ДА", "дА", " Да ", "Да.", "+", "1", "yes", "TRUE", "Истина"}) {
    EXPECT_EQ(ingest::parse_yesno(text(yes)).value, true) << yes;
  }
  for (const char* no : {"Нет", "нет", "НЕТ", "-", "0", "no", "False", "ЛОЖЬ"}) {
    EXPECT_EQ(ingest::parse_yesno(text(no)).value, false) << no;
  }
  EXPECT_EQ(ingest::parse_yesno(boolean(true)).value, true);
  EXPECT_EQ(ingest::parse_yesno(number(0)).value, false);
}

TEST(ParseYesNoTest, RefusesAnythingElse) {
  for (const char* bad : {"Д", "Дап", "частично", "в разработке", "2", "да/нет", ""}) {
    const auto r = ingest::parse_yesno(text(bad));
    EXPECT_FALSE(r.value) << bad;
    ASSERT_TRUE(r.problem) << bad;
    EXPECT_EQ(r.problem->message, "ожидалось «Да» или «Нет»");
  }
  EXPECT_FALSE(ingest::parse_yesno(number(2)).value);
}

TEST(ParseTextTest, TrimsAndBoundsLength) {
  EXPECT_EQ(ingest::parse_text(text("  Иванова И.И. ")).value, "Иванова И.И.");
  EXPECT_EQ(ingest::parse_text(number(89991234567)).value, "89991234567");
  EXPECT_TRUE(ingest::parse_text(text(std::string(1001, 'x'))).problem);
}

TEST(DateTest, SerialsInThe1900System) {
  EXPECT_EQ(ingest::serial_to_iso_date(1), "1900-01-01");
  EXPECT_EQ(ingest::serial_to_iso_date(59), "1900-02-28");
  EXPECT_FALSE(ingest::serial_to_iso_date(60));  // Excel's 1900-02-29 never existed
  EXPECT_EQ(ingest::serial_to_iso_date(61), "1900-03-01");
  EXPECT_EQ(ingest::serial_to_iso_date(45962), "2025-11-01");
  EXPECT_EQ(ingest::serial_to_iso_date(45962.75), "2025-11-01");
  EXPECT_EQ(ingest::serial_to_iso_date(2958465), "9999-12-31");
  EXPECT_FALSE(ingest::serial_to_iso_date(0));
  EXPECT_FALSE(ingest::serial_to_iso_date(-5));
}

TEST(DateTest, TypedDates) {
  EXPECT_EQ(ingest::parse_date_text("05.11.2026"), "2026-11-05");
  EXPECT_EQ(ingest::parse_date_text("5.11.2026"), "2026-11-05");
  EXPECT_EQ(ingest::parse_date_text("2026-11-05"), "2026-11-05");
  EXPECT_EQ(ingest::parse_date_text("29.02.2024"), "2024-02-29");
  for (const char* bad : {"29.02.2026", "31.04.2026", "2026-13-01", "05/11/2026", "вчера", ""}) {
    EXPECT_FALSE(ingest::parse_date_text(bad)) << bad;
  }
}
