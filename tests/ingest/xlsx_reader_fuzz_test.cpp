// Companion of src/ingest/xlsx_reader_fuzz.cpp: inputs the fuzzer once
// crashed on stay here as regression tests, and the seed corpus for
// scripts/fuzz.sh is written from the same builders the tests use.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "ingest/workbook.h"
#include "reader_test_util.h"
#include "support/temp_dir.h"
#include "support/zip_builder.h"

namespace ingest {
namespace {

namespace fs = std::filesystem;

TEST(XlsxReaderFuzzTest, RegressionInputsNeitherCrashNorHang) {
  const fs::path dir = test::source_dir() / "tests" / "data" / "ingest" / "fuzz_regressions";
  if (!fs::exists(dir)) GTEST_SKIP() << "no regression inputs yet";
  int files = 0;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (!entry.is_regular_file() || entry.path().filename() == "README.md") continue;
    ++files;
    const auto book = read_workbook(entry.path());
    if (!book) {
      EXPECT_EQ(book.error().where.file, entry.path().filename().string());
      EXPECT_FALSE(book.error().message.empty());
    }
  }
  if (files == 0) GTEST_SKIP() << "no regression inputs yet (the fuzzer has found no crash)";
}

// Writes seeds when METODMON_FUZZ_SEED_DIR is set (scripts/fuzz.sh does).
TEST(XlsxReaderFuzzTest, WritesSeedCorpus) {
  const char* out = std::getenv("METODMON_FUZZ_SEED_DIR");
  if (out == nullptr) GTEST_SKIP() << "METODMON_FUZZ_SEED_DIR not set";
  fs::create_directories(out);
  const std::string rows =
      "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" s=\"1\"><v>0.5</v></c>"
      "<c r=\"C1\" t=\"inlineStr\"><is><r><t>a_x000D_</t></r></is></c><c t=\"b\"><v>1</v></c>"
      "<c t=\"e\"><v>#N/A</v></c><c t=\"str\"><f>A1</f><v>x</v></c><c t=\"d\"><v>2024-01-01</v></c></row>"
      "<row><c><f t=\"shared\" si=\"0\" ref=\"A2:A3\">B1*2</f><v>1</v></c></row>";
  const auto full = [&] {
    return test::XlsxPackage()
        .shared_strings("<si><t>Форма</t></si><si><r><t>r</t></r><rPh><t>p</t></rPh></si>")
        .styles("<numFmt numFmtId=\"164\" formatCode=\"[h]:mm;0%\"/>", "<xf numFmtId=\"0\"/><xf numFmtId=\"164\"/>")
        .defined_names("<definedName name=\"n\">'Форма'!$A$1</definedName>"
                       "<definedName name=\"l\" localSheetId=\"1\">$B$1:$B$1</definedName>")
        .sheet("Форма", rows)
        .sheet("_meta", "<row><c><v>3</v></c></row>", "veryHidden");
  };
  const std::vector<std::pair<std::string, std::string>> seeds = {
      {"full.xlsx", full().zip(true).bytes()},
      {"strict.xlsx", full().strict().prefixed().date1904().zip(true).bytes()},
      {"absolute.xlsx", full().absolute_targets().zip(true).bytes()},
      {"deflated.xlsx", full().zip().bytes()},
      {"docx.xlsx", test::ZipBuilder().add("word/document.xml", "<w/>", true).bytes()},
  };
  for (const auto& [name, bytes] : seeds) {
    std::ofstream(fs::path(out) / name, std::ios::binary) << bytes;
    Workbook wb;
    (void)test::read_xlsx_bytes(bytes, wb);  // each seed must at least not crash here
  }
}

}  // namespace
}  // namespace ingest
