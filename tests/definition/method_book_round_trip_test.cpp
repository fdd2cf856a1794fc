// A method written as a workbook loads back to the same definition: every
// shipped template, as written by metodmon, after LibreOffice has opened and
// saved it again, and after a producer that writes inline strings and
// numbers as text has. Compared as loaded models (model/definition_compare.h),
// not as text.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "definition/definition_loader.h"
#include "definition/method_book_writer.h"
#include "model/definition_compare.h"
#include "support/libreoffice.h"
#include "support/openpyxl_check.h"
#include "support/temp_dir.h"

namespace {

namespace fs = std::filesystem;

// Every definition shipped in templates/ and templates/krymsk/.
std::vector<fs::path> shipped_definitions() {
  std::vector<fs::path> out;
  for (const auto* folder : {"templates", "templates/krymsk"}) {
    for (const auto& entry : fs::directory_iterator(test::source_dir() / folder)) {
      if (entry.path().extension() == ".toml") out.push_back(entry.path());
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

definition::LoadedDefinition load(const fs::path& file) {
  auto loaded = definition::load_definition(file);
  EXPECT_TRUE(loaded.has_value()) << file << ": "
                                  << (loaded ? "" : model::to_string(loaded.error().front()));
  return loaded ? std::move(*loaded) : definition::LoadedDefinition{};
}

std::string joined(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& l : lines) out += l + "\n";
  return out;
}

// The message part of each warning (its place differs between a TOML line
// and a workbook cell by design).
std::vector<std::string> warning_count_by_kind(const std::vector<model::Diagnostic>& ds) {
  std::vector<std::string> out;
  for (const auto& d : ds) out.push_back(model::severity_name(d.severity));
  return out;
}

// Exports every shipped definition into `dir` (same file names, .xlsx).
std::vector<std::pair<fs::path, fs::path>> export_all(const test::TempDir& dir) {
  std::vector<std::pair<fs::path, fs::path>> out;
  for (const auto& toml : shipped_definitions()) {
    const auto loaded = load(toml);
    // A questionnaire has no sheets in the workbook: such a method is refused
    // (MethodBookWriterTest.RefusesAMethodWithAQuestionnaire) and stays in TOML.
    if (!loaded.definition.surveys.empty()) continue;
    const auto sub = toml.parent_path().filename().string();
    fs::create_directories(dir / sub);
    const auto xlsx = dir.path() / sub / (toml.stem().string() + ".xlsx");
    const auto written = definition::write_method_book(loaded.definition, xlsx);
    EXPECT_TRUE(written.has_value()) << toml << ": " << (written ? "" : model::to_string(written.error()));
    out.emplace_back(toml, xlsx);
  }
  return out;
}

void expect_same(const fs::path& toml, const fs::path& xlsx) {
  const auto from_toml = load(toml);
  const auto from_book = definition::load_definition(xlsx);
  ASSERT_TRUE(from_book.has_value()) << xlsx.filename() << ":\n"
                                     << [&] {
                                          std::string all;
                                          for (const auto& d : from_book.error()) all += model::to_string(d) + "\n";
                                          return all;
                                        }();
  const auto diff = model::definition_differences(from_toml.definition, from_book->definition);
  EXPECT_TRUE(diff.empty()) << toml.filename() << " vs " << xlsx.filename() << ":\n" << joined(diff);
  EXPECT_EQ(warning_count_by_kind(from_book->warnings), warning_count_by_kind(from_toml.warnings))
      << toml.filename();
  EXPECT_EQ(from_book->definition.file, xlsx);
  EXPECT_FALSE(from_book->definition.form_revision.empty());
}

TEST(MethodBookRoundTripTest, EveryShippedDefinitionLoadsBackEqual) {
  test::TempDir dir;
  const auto files = export_all(dir);
  ASSERT_GE(files.size(), 12u);  // every shipped definition but Balakhta's (a questionnaire)
  for (const auto& [toml, xlsx] : files) expect_same(toml, xlsx);
}

TEST(MethodBookRoundTripTest, EqualAfterLibreOfficeSavesItAgain) {
  if (!test::have_libreoffice()) GTEST_SKIP() << "LibreOffice (soffice) is not installed";
  test::TempDir dir;
  const auto files = export_all(dir);
  const std::string profile = "file://" + (dir / "lo-profile").string();
  for (const auto* sub : {"templates", "krymsk"}) {
    std::string list;
    for (const auto& [toml, xlsx] : files) {
      if (xlsx.parent_path().filename() == sub) list += " " + test::shell_quote(xlsx.string());
    }
    const auto out = dir / (std::string(sub) + "-resaved");
    fs::create_directories(out);
    const auto r = test::run_command("timeout 600 soffice --headless -env:UserInstallation=" + profile +
                                     " --convert-to xlsx --outdir " + test::shell_quote(out.string()) + list);
    ASSERT_EQ(r.exit_code, 0) << r.out;
  }
  for (const auto& [toml, xlsx] : files) {
    const auto sub = xlsx.parent_path().filename().string();
    const auto resaved = dir / (sub + "-resaved") / xlsx.filename();
    ASSERT_TRUE(fs::exists(resaved)) << resaved;
    // LibreOffice writes its own package: shared strings of its own order,
    // its own styles; the method must read the same.
    EXPECT_NE(test::read_file(resaved), test::read_file(xlsx));
    if (toml.filename() == "year_rubric.toml") {
      // Its sources are written relative to the exported copy's folder.
      fs::copy_file(resaved, xlsx, fs::copy_options::overwrite_existing);
      expect_same(toml, xlsx);
    } else {
      expect_same(toml, resaved);
    }
  }
}

TEST(MethodBookRoundTripTest, EqualWhenSavedAsAnExcel97Workbook) {
  if (!test::have_libreoffice()) GTEST_SKIP() << "LibreOffice (soffice) is not installed";
  test::TempDir dir;
  const auto toml = test::source_dir() / "templates/demo.toml";
  const auto xlsx = dir / "demo.xlsx";
  ASSERT_TRUE(definition::write_method_book(load(toml).definition, xlsx).has_value());
  const std::string profile = "file://" + (dir / "lo-profile").string();
  const auto r = test::run_command("timeout 300 soffice --headless -env:UserInstallation=" + profile +
                                   " --convert-to xls --outdir " + test::shell_quote((dir / "xls").string()) + " " +
                                   test::shell_quote(xlsx.string()));
  ASSERT_EQ(r.exit_code, 0) << r.out;
  expect_same(toml, dir / "xls/demo.xls");
}

// What another producer may write: every text as an inline string (no
// shared strings table), every number as text, decimals with a comma.
constexpr std::string_view k_inline_strings = R"(
import re, sys, zipfile
src, dst = sys.argv[1], sys.argv[2]
zin = zipfile.ZipFile(src)
shared = []
if 'xl/sharedStrings.xml' in zin.namelist():
    xml = zin.read('xl/sharedStrings.xml').decode('utf-8')
    for si in re.findall(r'<si>(.*?)</si>', xml, re.S):
        shared.append(''.join(re.findall(r'<t[^>]*>(.*?)</t>', si, re.S)))
def inline(text):
    return '<is><t xml:space="preserve">' + text + '</t></is>'
def cell(m):
    attrs, body = m.group(1), m.group(2)
    v = re.search(r'<v>(.*?)</v>', body)
    if 't="s"' in attrs and v:
        attrs = attrs.replace('t="s"', 't="inlineStr"')
        return '<c' + attrs + '>' + inline(shared[int(v.group(1))]) + '</c>'
    if 't=' not in attrs and '<f>' not in body and v:
        return '<c' + attrs + ' t="inlineStr">' + inline(v.group(1).replace('.', ',')) + '</c>'
    return m.group(0)
zout = zipfile.ZipFile(dst, 'w', zipfile.ZIP_DEFLATED)
for item in zin.infolist():
    data = zin.read(item.filename)
    if item.filename.startswith('xl/worksheets/sheet'):
        data = re.sub(r'<c(\s[^>]*?)(?<!/)>(.*?)</c>', cell, data.decode('utf-8'), flags=re.S).encode('utf-8')
    zout.writestr(item, data)
zout.close()
)";

TEST(MethodBookRoundTripTest, InlineStringsAndNumbersStoredAsTextReadTheSame) {
  test::TempDir dir;
  for (const auto* name : {"demo.toml", "lk_roadmap.toml", "krymsk.toml"}) {
    const auto toml = test::source_dir() / "templates" / name;
    const auto xlsx = dir / (std::string(name) + ".xlsx");
    const auto other = dir / (std::string(name) + ".inline.xlsx");
    ASSERT_TRUE(definition::write_method_book(load(toml).definition, xlsx).has_value());
    const auto r = test::run_python(k_inline_strings, {xlsx.string(), other.string()});
    ASSERT_EQ(r.exit_code, 0) << r.out;
    // The rewrite did what it says: no cell refers to shared strings any more.
    const auto check = test::run_python(
        "import zipfile,sys\nz=zipfile.ZipFile(sys.argv[1])\n"
        "print(sum(z.read(n).count(b't=\"s\"') for n in z.namelist() if n.startswith('xl/worksheets/')),"
        " sum(z.read(n).count(b'inlineStr') > 0 for n in z.namelist() if n.startswith('xl/worksheets/')))\n",
        {other.string()});
    EXPECT_EQ(check.out.substr(0, 2), "0 ") << check.out;
    expect_same(toml, other);
  }
}

}  // namespace
