// Odd and hostile input reaching the run and `check`: files that are not
// regular files, a count of 1e19, control characters in names and cells, a
// formula whose value was never saved. Each gets a located Russian message,
// nothing hangs, and the terminal never receives raw control characters.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <fstream>

#include "support/key_values.h"
#include "support/metodmon_cli.h"

namespace fs = std::filesystem;

namespace {

std::string demo_config() { return test::shell_quote((test::source_dir() / "scripts/demo.toml").string()); }

// `metodmon check` on `files`, stopped after 60 s if it hangs (exit 124).
test::ProcessResult check(const test::TempDir& dir, const std::vector<fs::path>& files) {
  std::string args = "60 " + std::string(METODMON_BINARY) + " check --config " + demo_config() + " --state " +
                     test::shell_quote((dir / "state").string());
  for (const auto& f : files) args += " " + test::shell_quote(f.string());
  return test::run_command("timeout " + args);
}

// A copy of a sample form with its XML edited: in `part`, `from` becomes `to`.
fs::path edited_form(const test::TempDir& dir, const std::string& sample, const std::string& name,
                     const std::string& part, const std::string& from, const std::string& to) {
  const auto out = dir / name;
  const auto r = test::run_python(R"(
import sys, zipfile, re
src, dst, part, old, new = sys.argv[1:]
with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
    for item in zin.infolist():
        data = zin.read(item.filename)
        if item.filename == part:
            text = data.decode("utf-8")
            changed = re.sub(old, new, text, count=1)
            assert changed != text, "nothing to change in " + part
            data = changed.encode("utf-8")
        zout.writestr(item, data)
print("ok=1")
)", {(test::source_dir() / "sample_workbooks/demo" / sample).string(), out.string(), part, from, to});
  EXPECT_EQ(test::value_of(r.out, "ok"), "1") << r.out;
  return out;
}

// `check` of sch01's form whose teachers_total (Форма!C10, at most 2000)
// holds `content` (the XML inside <c>) instead of its number.
test::ProcessResult check_teachers_total(const test::TempDir& dir, const std::string& content) {
  const auto form = edited_form(dir, "sch01_2026-11.xlsx", "sch01_2026-11.xlsx", "xl/worksheets/sheet1.xml",
                                R"((<c r="C10"[^>]*>)<v>[0-9]+</v>)", R"(\1)" + content);
  return check(dir, {form});
}

bool has(const std::string& text, std::string_view part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST(HostileInputTest, CheckRefusesAFifoAndADeviceInsteadOfHanging) {
  test::TempDir dir;
  ASSERT_EQ(::mkfifo((dir / "pipe.xlsx").c_str(), 0644), 0);
  const auto r = check(dir, {dir / "pipe.xlsx", "/dev/zero"});
  EXPECT_EQ(r.exit_code, 2) << r.out;  // 124 would be a hang stopped by timeout
  EXPECT_TRUE(has(r.out, "pipe.xlsx: не обычный файл (именованный канал)")) << r.out;
  EXPECT_TRUE(has(r.out, "zero: не обычный файл (устройство)")) << r.out;
}

TEST(HostileInputTest, CheckRefusesAnOversizedFileByItsSize) {
  test::TempDir dir;
  { std::ofstream touch(dir / "big.xlsx"); }
  fs::resize_file(dir / "big.xlsx", 2ull << 30);  // sparse
  const auto r = check(dir, {dir / "big.xlsx"});
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_TRUE(has(r.out, "big.xlsx: файл больше 50 МБ")) << r.out;
}

TEST(HostileInputTest, AHugeCountIsShownAsTyped) {
  test::TempDir dir;
  const auto r = check_teachers_total(dir, "<v>10000000000000000000</v>");
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_TRUE(has(r.out, "найдено «10000000000000000000»")) << r.out;
  EXPECT_FALSE(has(r.out, "-9223372036854775808")) << r.out;
}

TEST(HostileInputTest, AFormulaWithNoSavedValueSaysSoAndHowToFixIt) {
  test::TempDir dir;
  const auto r = check_teachers_total(dir, "<f>SUM(40,44)</f>");
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_TRUE(has(r.out, "Форма!C10")) << r.out;
  EXPECT_TRUE(has(r.out, "формула, значение которой не сохранено")) << r.out;
  EXPECT_TRUE(has(r.out, "LibreOffice")) << r.out;
  EXPECT_FALSE(has(r.out, "не заполнено обязательное поле")) << r.out;
}

TEST(HostileInputTest, ControlCharactersNeverReachTheTerminalRaw) {
  test::TempDir dir;
  fs::create_directories(dir / "inbox");
  // A file name with an escape sequence and a bell; a cell (Excel's _xHHHH_
  // escapes) that would recolour the terminal.
  edited_form(dir, "sch04_2026-11.xlsx", "inbox/sch04\x1b]0;pwned\x07_2026-11.xlsx", "xl/worksheets/sheet1.xml",
              R"((<c r="C29"[^>]*><is><t>)([^<]*)(</t>))", R"(\1_x001B_[31m\2_x0007_\3)");
  const auto config = test::write_demo_config(dir, {dir / "inbox", "2026-11", {}});
  const auto r = test::metodmon("run -v --config " + test::shell_quote(config.string()));
  EXPECT_EQ(r.exit_code, 4) << r.out;
  EXPECT_EQ(r.out.find('\x1b'), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find('\x07'), std::string::npos) << r.out;
  EXPECT_TRUE(has(r.out, "sch04\\x1B]0;pwned\\x07_2026-11.xlsx")) << r.out;
  EXPECT_TRUE(has(r.out, "«\\x1B[31mоколо 30\\x07»")) << r.out;
}
