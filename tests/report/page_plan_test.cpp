#include "report/page_plan.h"

#include <gtest/gtest.h>

#include "support/temp_dir.h"

namespace {

// A worksheet to set row heights on; the workbook is never written.
class Sheet {
public:
  Sheet()
      : m_book(workbook_new((m_dir / "plan.xlsx").c_str())),
        m_writer(workbook_add_worksheet(m_book, "Лист"), "Лист") {}
  ~Sheet() { lxw_workbook_free(m_book); }
  report::SheetWriter &w() { return m_writer; }

private:
  test::TempDir m_dir;
  lxw_workbook *m_book;
  report::SheetWriter m_writer;
};

} // namespace

TEST(PagePlanTest, BreaksWhereThePageIsFull) {
  Sheet s; // 15 pt rows, 100 pt a page: 6 rows a page
  const report::PagePlan plan(100);
  EXPECT_EQ(plan.breaks(s.w(), 20), (std::vector<lxw_row_t>{6, 12, 18}));
}

TEST(PagePlanTest, ABlockThatDoesNotFitMovesWholeToTheNextPage) {
  Sheet s;
  report::PagePlan plan(100);
  plan.keep_together(4,
                     7); // 60 pt: rows 4..7 do not fit after rows 0..3 (60 pt)
  EXPECT_EQ(plan.breaks(s.w(), 10), (std::vector<lxw_row_t>{4}));
}

TEST(PagePlanTest, ABlockTallerThanAPageStartsWhereItIs) {
  Sheet s;
  report::PagePlan plan(100);
  plan.keep_together(2, 12); // 165 pt: cannot be kept on one page anyway
  EXPECT_EQ(plan.breaks(s.w(), 13), (std::vector<lxw_row_t>{6, 12}));
}

TEST(PagePlanTest, ATallPartStillKeepsItsTitleWithItsFirstRows) {
  Sheet s;
  report::PagePlan plan(100);
  plan.keep_together(4, 14); // the whole part, 165 pt: taller than a page
  plan.keep_together(4, 6);  // its title, header and first row, 45 pt
  // Rows 4..6 do not fit after rows 0..3 (60 pt): the title moves along.
  EXPECT_EQ(plan.breaks(s.w(), 15), (std::vector<lxw_row_t>{4, 10}));
}

TEST(PagePlanTest, RepeatedRowsTakeRoomOnEveryLaterPage) {
  Sheet s;
  s.w().row_height(0, 40);
  const report::PagePlan plan(100,
                              40); // row 0 repeats: 4 rows of 15 pt after it
  EXPECT_EQ(plan.breaks(s.w(), 12), (std::vector<lxw_row_t>{5, 9}));
}

TEST(PagePlanTest, ForcedBreakAndNoEmptyPage) {
  Sheet s;
  report::PagePlan plan(100);
  plan.start_page(0); // nothing above: no break
  plan.start_page(3);
  plan.keep_together(3, 5);
  EXPECT_EQ(plan.breaks(s.w(), 8), (std::vector<lxw_row_t>{3}));
}

TEST(PagePlanTest, RowsCoveringFollowsRowHeights) {
  Sheet s;
  s.w().row_height(3, 100);
  EXPECT_EQ(report::rows_covering(s.w(), 0, 40), 2u); // 15 + 15 + 15 >= 40
  EXPECT_EQ(report::rows_covering(s.w(), 2, 120),
            4u); // 15 + 100 < 120: row 4 as well
}
