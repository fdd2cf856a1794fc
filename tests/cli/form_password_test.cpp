// The forms' password from the configuration: a password_env naming a
// variable that is not set is refused by `template` (forms open to any school
// are never written by accident); no_password = true says it on purpose.
// openpyxl, an independent reader, looks at what was written.
#include <gtest/gtest.h>

#include "support/key_values.h"
#include "support/metodmon_cli.h"

namespace fs = std::filesystem;

namespace {

constexpr const char* k_variable = "METODMON_TEST_FORM_PASSWORD";

// `metodmon template` for sch01 with `forms` as the [forms] section and `env` set.
test::ProcessResult make_form(const test::TempDir& dir, const std::string& forms, const std::string& env = {}) {
  test::DemoConfig demo;
  demo.extra = "[forms]\n" + forms;
  const auto config = test::write_demo_config(dir, demo);
  return test::metodmon("template --config " + test::shell_quote(config.string()) + " --out " +
                            test::shell_quote((dir / "forms").string()) + " --school sch01",
                        "-u " + std::string(k_variable) + (env.empty() ? "" : " " + env));
}

// Protection of the written form as openpyxl sees it.
std::string protection_of(const fs::path& form) {
  const auto r = test::run_python(R"(
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
print("meta_state=%s" % wb["_meta"].sheet_state)
print("sheet_protected=%s" % wb["Форма"].protection.sheet)
print("sheet_password=%s" % (wb["Форма"].protection.password or ""))
print("structure_locked=%s" % wb.security.lockStructure)
print("structure_password=%s" % (wb.security.workbookPassword or ""))
)", {form.string()});
  EXPECT_EQ(r.exit_code, 0) << r.out;
  return r.out;
}

bool has(const std::string& text, std::string_view part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST(FormPasswordTest, AnUnsetPasswordVariableIsRefusedAndNamed) {
  test::TempDir dir;
  const auto r = make_form(dir, "password_env = \"" + std::string(k_variable) + "\"\n");
  EXPECT_EQ(r.exit_code, 1) << r.out;
  EXPECT_TRUE(has(r.out, k_variable)) << r.out;
  EXPECT_TRUE(has(r.out, "no_password = true")) << r.out;  // how to say it on purpose
  EXPECT_FALSE(fs::exists(dir / "forms"));
}

TEST(FormPasswordTest, ASetVariableProtectsSheetsAndStructureWithIt) {
  test::TempDir dir;
  const auto r = make_form(dir, "password_env = \"" + std::string(k_variable) + "\"\n",
                           std::string(k_variable) + "=ensk-2026");
  ASSERT_EQ(r.exit_code, 0) << r.out;
  const auto seen = protection_of(dir / "forms/sch01_2026-11.xlsx");
  EXPECT_EQ(test::value_of(seen, "meta_state"), "veryHidden") << seen;
  EXPECT_EQ(test::value_of(seen, "sheet_protected"), "True") << seen;
  EXPECT_EQ(test::value_of(seen, "structure_locked"), "True") << seen;
  EXPECT_FALSE(test::value_of(seen, "structure_password").empty()) << seen;
  EXPECT_EQ(test::value_of(seen, "structure_password"), test::value_of(seen, "sheet_password")) << seen;
}

TEST(FormPasswordTest, NoPasswordSaidOnPurposeWritesProtectedFormsWithoutOne) {
  test::TempDir dir;
  const auto r = make_form(dir, "no_password = true\n");
  ASSERT_EQ(r.exit_code, 0) << r.out;
  const auto seen = protection_of(dir / "forms/sch01_2026-11.xlsx");
  EXPECT_EQ(test::value_of(seen, "meta_state"), "veryHidden") << seen;
  EXPECT_EQ(test::value_of(seen, "sheet_protected"), "True") << seen;
  EXPECT_EQ(test::value_of(seen, "sheet_password"), "") << seen;
  EXPECT_EQ(test::value_of(seen, "structure_locked"), "True") << seen;
  EXPECT_EQ(test::value_of(seen, "structure_password"), "") << seen;
}

TEST(FormPasswordTest, APasswordAndNoPasswordTogetherAreAConfigurationError) {
  test::TempDir dir;
  const auto r = make_form(dir, "password = \"x\"\nno_password = true\n");
  EXPECT_NE(r.exit_code, 0) << r.out;
  EXPECT_TRUE(has(r.out, "no_password")) << r.out;
  EXPECT_FALSE(fs::exists(dir / "forms"));
}
