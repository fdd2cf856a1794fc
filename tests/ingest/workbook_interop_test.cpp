// Workbooks saved by other producers read back with identical values: a form
// written by libxlsxwriter, converted by LibreOffice (headless) to .xlsx and
// to .xls (read through FreeXL), and re-saved by openpyxl. Skipped when
// soffice or /usr/bin/python3 with openpyxl is missing. LibreOffice runs
// twice with a private profile (a few seconds each).
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <memory>

#include "ingest/workbook.h"
#include "support/temp_dir.h"
#include "util/xlsx_file.h"

namespace ingest {
namespace {

namespace fs = std::filesystem;

bool run(const std::string& command) { return std::system((command + " >/dev/null 2>&1").c_str()) == 0; }

class WorkbookInteropTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    s_dir = std::make_unique<test::TempDir>();
    const auto source = *s_dir / "form.xlsx";
    auto file = util::XlsxFile::create(source);
    ASSERT_TRUE(file);
    lxw_workbook* wb = file->book();
    lxw_worksheet* form = workbook_add_worksheet(wb, "Форма");
    lxw_worksheet* meta = workbook_add_worksheet(wb, "_meta");
    worksheet_hide(meta);
    lxw_format* percent = workbook_add_format(wb);
    format_set_num_format(percent, "0.0%");
    lxw_format* date = workbook_add_format(wb);
    format_set_num_format(date, "dd.mm.yyyy");
    worksheet_write_string(form, 0, 0, "Показатель «учителя»", nullptr);
    worksheet_write_number(form, 6, 2, 37, nullptr);
    worksheet_write_number(form, 7, 2, 0.125, percent);
    lxw_datetime dt = {2024, 9, 1, 0, 0, 0};
    worksheet_write_datetime(form, 8, 2, &dt, date);
    worksheet_write_number(meta, 0, 1, 3, nullptr);
    workbook_define_name(wb, "in_teachers_total", "='Форма'!$C$7");
    ASSERT_TRUE(file->commit());

    s_have_soffice = run("command -v soffice");
    if (s_have_soffice) {
      const std::string convert = "cd " + s_dir->path().string() +
                                  " && timeout 120 soffice --headless -env:UserInstallation=file://" +
                                  (s_dir->path() / "lo-profile").string() + " --convert-to ";
      fs::create_directories(s_dir->path() / "lo");
      s_have_soffice = run(convert + "xls --outdir lo form.xlsx") &&
                       run(convert + "xlsx --outdir lo lo/form.xls");
    }
    s_have_openpyxl =
        run("/usr/bin/python3 -c \"import openpyxl; wb = openpyxl.load_workbook('" + source.string() +
            "'); wb.save('" + (*s_dir / "openpyxl.xlsx").string() + "')\"");
  }
  static void TearDownTestSuite() { s_dir.reset(); }

  // Values every producer must keep.
  static void expect_form_values(const Workbook& book, bool has_styles) {
    const Sheet* form = book.sheet("Форма");
    ASSERT_NE(form, nullptr);
    ASSERT_NE(form->find({0, 0}), nullptr);
    EXPECT_EQ(form->find({0, 0})->text, "Показатель «учителя»");
    ASSERT_NE(form->find({6, 2}), nullptr);
    EXPECT_EQ(form->find({6, 2})->number, 37);
    ASSERT_NE(form->find({7, 2}), nullptr);
    EXPECT_EQ(form->find({7, 2})->number, 0.125);
    if (has_styles) {
      EXPECT_TRUE(form->find({7, 2})->is_percent);
    }
    ASSERT_NE(form->find({8, 2}), nullptr);
    EXPECT_TRUE(form->find({8, 2})->is_date);
    EXPECT_EQ(form->find({8, 2})->number, 45536);
    const Sheet* meta = book.sheet("_meta");
    ASSERT_NE(meta, nullptr);
    ASSERT_NE(meta->find({0, 1}), nullptr);
    EXPECT_EQ(meta->find({0, 1})->number, 3);
  }

  static void expect_name(const Workbook& book) {
    const auto at = book.resolve_name("in_teachers_total");
    ASSERT_TRUE(at);
    EXPECT_EQ(at->first->name, "Форма");
    EXPECT_EQ(model::to_string(at->second), "C7");
    EXPECT_EQ(book.sheet("_meta")->state, SheetState::hidden);
  }

  static inline std::unique_ptr<test::TempDir> s_dir;
  static inline bool s_have_soffice = false;
  static inline bool s_have_openpyxl = false;
};

TEST_F(WorkbookInteropTest, LibreOfficeXlsx) {
  if (!s_have_soffice) GTEST_SKIP() << "soffice not available";
  const auto book = read_workbook(*s_dir / "lo" / "form.xlsx");
  ASSERT_TRUE(book) << model::to_string(book.error());
  expect_form_values(*book, true);
  expect_name(*book);  // LibreOffice writes the name as Форма!$C$7, unquoted
}

TEST_F(WorkbookInteropTest, LibreOfficeXlsThroughFreexl) {
  if (!s_have_soffice) GTEST_SKIP() << "soffice not available";
  const auto book = read_workbook(*s_dir / "lo" / "form.xls");
  ASSERT_TRUE(book) << model::to_string(book.error());
  EXPECT_EQ(book->format, "xls");
  expect_form_values(*book, false);  // FreeXL exposes no percent formats
  EXPECT_TRUE(book->names.empty());  // nor defined names: form readers use _meta
}

TEST_F(WorkbookInteropTest, OpenpyxlResave) {
  if (!s_have_openpyxl) GTEST_SKIP() << "/usr/bin/python3 with openpyxl not available";
  const auto book = read_workbook(*s_dir / "openpyxl.xlsx");
  ASSERT_TRUE(book) << model::to_string(book.error());
  expect_form_values(*book, true);
  expect_name(*book);
}

}  // namespace
}  // namespace ingest
