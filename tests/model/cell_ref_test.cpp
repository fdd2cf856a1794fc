#include "model/cell_ref.h"

#include <gtest/gtest.h>

using model::CellRef;
using model::parse_cell_ref;

TEST(CellRefTest, ParsesPlainAndAbsolute) {
  EXPECT_EQ(parse_cell_ref("B7"), (CellRef{6, 1}));
  EXPECT_EQ(parse_cell_ref("$B$7"), (CellRef{6, 1}));
  EXPECT_EQ(parse_cell_ref("a1"), (CellRef{0, 0}));
  EXPECT_EQ(parse_cell_ref("AA10"), (CellRef{9, 26}));
  EXPECT_EQ(parse_cell_ref("XFD1048576"), (CellRef{1048575, 16383}));
}

TEST(CellRefTest, RejectsMalformedAndOutOfRange) {
  for (const char* bad : {"", "7", "B", "B0", "B-1", "1B", "B7 ", "XFE1", "A1048577", "ABCD1",
                          "B$$7", "Б7"}) {
    EXPECT_FALSE(parse_cell_ref(bad).has_value()) << bad;
  }
}

TEST(CellRefTest, PrintsRoundTrip) {
  for (const char* s : {"A1", "Z9", "AA10", "AZ3", "BA1", "ZZ99", "AAA1", "XFD1048576"}) {
    const auto ref = parse_cell_ref(s);
    ASSERT_TRUE(ref) << s;
    EXPECT_EQ(model::to_string(*ref), s);
  }
  EXPECT_EQ(model::column_name(0), "A");
  EXPECT_EQ(model::column_name(25), "Z");
  EXPECT_EQ(model::column_name(26), "AA");
}
