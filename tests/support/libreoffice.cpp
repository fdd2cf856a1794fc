#include "support/libreoffice.h"

#include <gtest/gtest.h>

#include "support/openpyxl_check.h"

namespace test {

namespace fs = std::filesystem;

bool have_libreoffice() { return run_command("command -v soffice").exit_code == 0; }

std::string pdf_text(const fs::path& xlsx, const TempDir& dir) {
  const std::string profile = "file://" + (dir / "lo-profile").string();
  const auto convert = run_command("timeout 300 soffice --headless -env:UserInstallation=" + profile +
                                   " --convert-to pdf --outdir " + shell_quote(dir.path().string()) + " " +
                                   shell_quote(xlsx.string()));
  const auto pdf = dir / (xlsx.stem().string() + ".pdf");
  EXPECT_EQ(convert.exit_code, 0) << convert.out;
  EXPECT_TRUE(fs::exists(pdf)) << convert.out;
  if (!fs::exists(pdf)) return {};
  const auto text = run_command("pdftotext -layout " + shell_quote(pdf.string()) + " -");
  EXPECT_EQ(text.exit_code, 0) << text.out;
  return text.out;
}

}  // namespace test
