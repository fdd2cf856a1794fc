// `metodmon init` writes a deployment that works: for each shipped method,
// init, then `check -c` (what is missing, then nothing once it is filled),
// `template` and `run` on the result. And `check -c` without files says
// what to fix in a deployment, one line each: registry, method, folders,
// password variables, the mail server and the mailbox (real SMTP and IMAP
// servers on loopback).
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "support/imap_server.h"
#include "support/metodmon_cli.h"
#include "support/smtp_server.h"
#include "support/temp_dir.h"
#include "support/test_cert.h"

namespace {

namespace fs = std::filesystem;
using test::shell_quote;

std::string q(const fs::path& p) { return shell_quote(p.string()); }

int count_files(const fs::path& dir, std::string_view extension) {
  int n = 0;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec)) n += e.path().extension() == extension;
  return n;
}

int count_lines(const std::string& text) { return static_cast<int>(std::count(text.begin(), text.end(), '\n')); }

struct ShippedMethod {
  const char* method;      // templates/<method>.toml, templates/<method>_schools.csv, sample_workbooks/<method>/
  const char* method_id;   // the results workbook's name: Итоги_<id>_<period>.xlsx
  const char* period;      // the period of the sample forms
  int exit_code;           // the samples' run (MethodsRunTest): 0 all accepted, 2 some rejected
  int accepted;            // directors' workbooks (MethodsRunTest)
};

class InitMethodTest : public ::testing::TestWithParam<ShippedMethod> {};

// init for a shipped method, then what a newcomer does next: check (the
// example row and the password are missing), the registry filled and the
// password set, check again (nothing to fix), template, then run on the
// municipality's filled forms.
TEST_P(InitMethodTest, InitThenCheckTemplateAndRunWork) {
  const auto& m = GetParam();
  test::TempDir dir;
  const auto deployment = dir / "imc";
  const auto init = test::metodmon("init " + q(deployment) + " --municipality \"Тестовый муниципальный район\" --method " +
                                   m.method);
  ASSERT_EQ(init.exit_code, 0) << init.out;
  const auto config = deployment / "metodmon.toml";
  for (const auto* name : {"metodmon.toml", "schools.csv"}) EXPECT_TRUE(fs::exists(deployment / name)) << name;
  const auto method_copy = deployment / (std::string(m.method) + ".toml");
  ASSERT_TRUE(fs::exists(method_copy));
  EXPECT_NE(test::read_file(method_copy).find("municipality = \"Тестовый муниципальный район\""), std::string::npos);
  for (const auto* folder : {"inbox", "out", "state"}) EXPECT_TRUE(fs::is_directory(deployment / folder)) << folder;
  // The next three steps.
  EXPECT_NE(init.out.find("1. Впишите свои школы в " + (deployment / "schools.csv").string()), std::string::npos)
      << init.out;
  EXPECT_NE(init.out.find("2. Проверьте установку: metodmon check -c " + config.string()), std::string::npos);
  EXPECT_NE(init.out.find("metodmon template -c " + config.string()), std::string::npos);

  // Fresh: the example row and the form password are what is missing.
  const auto fresh = test::metodmon("check -c " + q(config), "METODMON_FORM_PASSWORD=");
  EXPECT_EQ(fresh.exit_code, 2) << fresh.out;
  EXPECT_NE(fresh.out.find("осталась строка-пример «sch01;МБОУ СОШ № 1»"), std::string::npos) << fresh.out;
  EXPECT_NE(fresh.out.find("переменная окружения METODMON_FORM_PASSWORD не задана"), std::string::npos) << fresh.out;
  EXPECT_NE(fresh.out.find("исправьте (2)"), std::string::npos) << fresh.out;

  // Filled: the municipality's registry, the password set.
  fs::copy_file(test::source_dir() / "templates" / (std::string(m.method) + "_schools.csv"), deployment / "schools.csv",
                fs::copy_options::overwrite_existing);
  const std::string password = "METODMON_FORM_PASSWORD=секрет";
  const auto filled = test::metodmon("check -c " + q(config), password);
  EXPECT_EQ(filled.exit_code, 0) << filled.out;
  EXPECT_NE(filled.out.find("в порядке"), std::string::npos) << filled.out;

  const auto forms = test::metodmon("template -q -c " + q(config) + " --period " + m.period, password);
  ASSERT_EQ(forms.exit_code, 0) << forms.out;
  const int schools = count_lines(test::read_file(deployment / "schools.csv")) - 1;  // minus the header
  EXPECT_EQ(count_files(deployment / "out" / m.period / "forms", ".xlsx"), schools);

  fs::copy(test::source_dir() / "sample_workbooks" / m.method, deployment / "inbox",
           fs::copy_options::recursive | fs::copy_options::overwrite_existing);
  // The sample files were just copied: do not wait for them to settle.
  {
    auto text = test::read_file(config);
    text.replace(text.find("settle_seconds = 60"), 19, "settle_seconds = 0");
    std::ofstream(config, std::ios::binary) << text;
  }
  const auto run = test::metodmon("run -q -c " + q(config) + " --period " + m.period);
  EXPECT_EQ(run.exit_code, m.exit_code) << run.out;
  const auto results = deployment / "out" / m.period / (std::string("Итоги_") + m.method_id + "_" + m.period + ".xlsx");
  EXPECT_TRUE(fs::exists(results)) << results;
  EXPECT_EQ(count_files(deployment / "out" / m.period / "directors", ".xlsx"), m.accepted);
}

INSTANTIATE_TEST_SUITE_P(ShippedMethods, InitMethodTest,
                         ::testing::Values(ShippedMethod{"demo", "demo-ensk", "2026-11", 2, 12},
                                           ShippedMethod{"krymsk", "krymsk", "2025", 2, 11},
                                           // bl04 and bl08: forms rejected, in the results through their teachers' answers.
                                           ShippedMethod{"balakhta", "balakhta", "2025-H1", 2, 10},
                                           ShippedMethod{"lk_roadmap", "lk-roadmap", "2022", 0, 12}),
                         [](const auto& p) { return std::string(p.param.method); });

TEST(InitCommandTest, RefusesToReplaceFilesUnlessForced) {
  test::TempDir dir;
  const auto first = test::metodmon("init " + q(dir / "imc") + " --municipality Энск --method demo");
  ASSERT_EQ(first.exit_code, 0) << first.out;
  const auto registry = dir / "imc" / "schools.csv";
  std::ofstream(registry, std::ios::app) << "sch02;Школа 2;Школа № 2;Петров Пётр;s2@ensk.example\n";
  const auto before = test::tree_hashes(dir / "imc");
  const auto again = test::metodmon("init " + q(dir / "imc") + " --municipality Энск --method krymsk");
  EXPECT_EQ(again.exit_code, 1) << again.out;
  EXPECT_NE(again.out.find("уже есть"), std::string::npos) << again.out;
  EXPECT_NE(again.out.find("--force"), std::string::npos) << again.out;
  EXPECT_EQ(test::tree_hashes(dir / "imc"), before) << "a refused init writes nothing";
  const auto forced = test::metodmon("init " + q(dir / "imc") + " --municipality Энск --method krymsk --force");
  EXPECT_EQ(forced.exit_code, 0) << forced.out;
  EXPECT_EQ(test::read_file(registry).find("sch02"), std::string::npos) << "replaced by the example";
  EXPECT_TRUE(fs::exists(dir / "imc" / "krymsk.toml"));
}

TEST(InitCommandTest, UnknownMethodSuggestsTheNearestAndWritesNothing) {
  test::TempDir dir;
  const auto r = test::metodmon("init " + q(dir / "imc") + " --municipality Энск --method krimsk");
  EXPECT_EQ(r.exit_code, 64) << r.out;
  EXPECT_NE(r.out.find("методика «krimsk» не найдена"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("«krymsk»"), std::string::npos) << r.out;
  EXPECT_FALSE(fs::exists(dir / "imc"));
  const auto empty = test::metodmon("init " + q(dir / "imc") + " --municipality \"  \" --method demo");
  EXPECT_EQ(empty.exit_code, 64) << empty.out;
  EXPECT_NE(empty.out.find("не указано название муниципалитета"), std::string::npos) << empty.out;
}

// A method of one's own (a file), and the data folders elsewhere (--data),
// as for the package: configuration in /etc/metodmon, data in /var/lib/metodmon.
TEST(InitCommandTest, OwnMethodFileAndDataFolderElsewhere) {
  test::TempDir dir;
  const auto own = dir / "моя методика.toml";
  fs::copy_file(test::source_dir() / "templates" / "balakhta.toml", own);
  const auto r = test::metodmon("init " + q(dir / "etc") + " --data " + q(dir / "var") +
                                " --municipality \"Свой район\" --method " + q(own));
  ASSERT_EQ(r.exit_code, 0) << r.out;
  EXPECT_TRUE(fs::exists(dir / "etc" / "моя методика.toml"));
  for (const auto* folder : {"inbox", "out", "state"}) EXPECT_TRUE(fs::is_directory(dir / "var" / folder)) << folder;
  EXPECT_FALSE(fs::exists(dir / "etc" / "inbox"));
  const auto text = test::read_file(dir / "etc" / "metodmon.toml");
  EXPECT_NE(text.find("inbox = \"" + (dir / "var" / "inbox").string() + "\""), std::string::npos) << text;
  EXPECT_NE(text.find("definition = \"моя методика.toml\""), std::string::npos) << text;
}

// Every key of the written configuration has a Russian comment above it or
// beside it, and the configuration loads as it is (check runs on it).
TEST(InitCommandTest, EveryKeyIsExplainedInRussian) {
  test::TempDir dir;
  ASSERT_EQ(test::metodmon("init " + q(dir / "imc") + " --municipality Энск --method demo").exit_code, 0);
  std::istringstream in(test::read_file(dir / "imc" / "metodmon.toml"));
  std::string line, previous;
  int keys = 0;
  const auto cyrillic = [](const std::string& s) { return s.find("\xD0") != std::string::npos || s.find("\xD1") != std::string::npos; };
  while (std::getline(in, line)) {
    auto body = line;
    if (body.starts_with("# ")) body = body.substr(2);  // a key left commented out: explained all the same
    const auto eq = body.find(" = ");
    if (eq != std::string::npos && body.find_first_of(" #[") > 0 && body[0] >= 'a' && body[0] <= 'z' &&
        body.substr(0, eq).find(' ') == std::string::npos) {
      ++keys;
      const auto comment = body.find('#', eq);
      const bool beside = comment != std::string::npos && cyrillic(body.substr(comment));
      const bool above = previous.starts_with("#") && cyrillic(previous);
      EXPECT_TRUE(beside || above) << "no Russian comment for: " << line;
    }
    previous = line;
  }
  EXPECT_GE(keys, 60) << "every key of metodmon.toml(5), set or commented out";
}

TEST(CheckDeploymentTest, NamesEachProblemOnItsOwnLine) {
  test::TempDir dir;
  ASSERT_EQ(test::metodmon("init " + q(dir / "imc") + " --municipality Энск --method demo").exit_code, 0);
  const auto config = dir / "imc" / "metodmon.toml";
  fs::copy_file(test::source_dir() / "templates" / "demo_schools.csv", dir / "imc" / "schools.csv",
                fs::copy_options::overwrite_existing);
  // Filled, but one school without the director's address: said, as a thing to fix.
  std::ofstream(dir / "imc" / "schools.csv", std::ios::app) << "sch99;Школа № 99;Школа № 99;Сидоров Иван Петрович;\n";
  fs::remove(dir / "imc" / "inbox");
  fs::remove_all(dir / "imc" / "out");
  std::ofstream(dir / "imc" / "out") << "a file where the output folder should be";
  std::ofstream(dir / "imc" / "demo.toml", std::ios::app) << "\n[[indicator]]\nid = \n";
  const auto r = test::metodmon("check -c " + q(config), "METODMON_FORM_PASSWORD=x");
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_NE(r.out.find("методика: demo.toml:"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("папка присланных форм " + (dir / "imc" / "inbox").string() + " не найдена: создайте её"),
            std::string::npos) << r.out;
  EXPECT_NE(r.out.find("папка итогов " + (dir / "imc" / "out").string()), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("строка-пример"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("у школы «sch99» не указан e-mail директора"), std::string::npos) << r.out;
  // One line each: the heading, then the problems, each starting "  - ".
  for (const auto& l : test::split_lines(r.out)) {
    EXPECT_TRUE(l.starts_with("Установка ") || l.starts_with("  - ")) << l;
  }
}

// Mail and mailbox, when enabled: their passwords are had and their servers
// answer (a real SMTP server with STARTTLS and AUTH on loopback; a server
// that is not there), and the probe sends nothing.
TEST(CheckDeploymentTest, MailServerAnswersAndNothingIsSent) {
  test::TempDir dir;
  ASSERT_EQ(test::metodmon("init " + q(dir / "imc") + " --municipality Энск --method demo").exit_code, 0);
  fs::copy_file(test::source_dir() / "templates" / "demo_schools.csv", dir / "imc" / "schools.csv",
                fs::copy_options::overwrite_existing);
  const auto cert = test::make_test_cert(dir.path());
  test::SmtpSinkOptions o;
  o.tls_mode = "starttls";
  o.cert = cert.cert;
  o.key = cert.key;
  o.auth = "imc:smtp-secret";
  test::SmtpServer server(dir / "received", o);
  ASSERT_GT(server.port(), 0);
  const auto config = dir / "imc" / "metodmon.toml";
  // The configuration's [mail] section, enabled, for a server on `port`.
  const auto original = test::read_file(config);
  const auto with_mail = [&](int port) {
    auto text = original;
    const auto at = text.find("[mail]\n");
    const auto end = text.find("[collect]");
    text.replace(at, end - at,
                 "[mail]\nenabled = true\nhost = \"127.0.0.1\"\nport = " + std::to_string(port) +
                     "\nusername = \"imc\"\npassword_env = \"METODMON_SMTP_PASSWORD\"\nfrom = \"imc@ensk.example\"\n"
                     "methodist = \"metodist@ensk.example\"\nca_file = \"" + cert.cert.string() +
                     "\"\nretries = 0\nconnect_timeout_ms = 5000\n\n");
    std::ofstream(config, std::ios::binary) << text;
  };
  with_mail(server.port());
  const std::string env = "METODMON_FORM_PASSWORD=x METODMON_SMTP_PASSWORD=smtp-secret";
  const auto ok = test::metodmon("check -c " + q(config), env);
  EXPECT_EQ(ok.exit_code, 0) << ok.out;
  EXPECT_NE(ok.out.find("почтовый сервер отвечает"), std::string::npos) << ok.out;
  const auto commands = server.commands();
  std::string all;
  for (const auto& c : commands) all += c + "\n";
  EXPECT_NE(all.find("NOOP"), std::string::npos) << all;
  EXPECT_EQ(all.find("MAIL FROM"), std::string::npos) << "the probe sends nothing:\n" << all;
  EXPECT_TRUE(server.received().empty());

  const auto no_password = test::metodmon("check -c " + q(config), "METODMON_FORM_PASSWORD=x");
  EXPECT_EQ(no_password.exit_code, 2) << no_password.out;
  EXPECT_NE(no_password.out.find("METODMON_SMTP_PASSWORD"), std::string::npos) << no_password.out;

  const auto wrong = test::metodmon("check -c " + q(config), "METODMON_FORM_PASSWORD=x METODMON_SMTP_PASSWORD=wrong");
  EXPECT_EQ(wrong.exit_code, 2) << wrong.out;
  EXPECT_NE(wrong.out.find("  - почта: "), std::string::npos) << wrong.out;

  with_mail(test::free_port());
  const auto gone = test::metodmon("check -c " + q(config), env);
  EXPECT_EQ(gone.exit_code, 2) << gone.out;
  EXPECT_NE(gone.out.find("  - почта: "), std::string::npos) << gone.out;
}

// The mailbox, when [collect] is enabled: Dovecot on loopback, the right
// and a wrong password.
TEST(CheckDeploymentTest, MailboxOpensWithItsPassword) {
  test::TempDir dir;
  ASSERT_EQ(test::metodmon("init " + q(dir / "imc") + " --municipality Энск --method demo").exit_code, 0);
  fs::copy_file(test::source_dir() / "templates" / "demo_schools.csv", dir / "imc" / "schools.csv",
                fs::copy_options::overwrite_existing);
  test::ImapServer server(dir / "imap");
  ASSERT_TRUE(server.running()) << server.log();
  const auto config = dir / "imc" / "metodmon.toml";
  auto text = test::read_file(config);
  const auto at = text.find("[collect]\n");
  const auto end = text.find("[documents]");
  text.replace(at, end - at,
               "[collect]\nenabled = true\nurl = \"imaps://127.0.0.1:" + std::to_string(server.imaps_port()) +
                   "/INBOX\"\nusername = \"" + server.user() + "\"\npassword_env = \"METODMON_IMAP_PASSWORD\"\n"
                   "ca_file = \"" + server.cert().string() + "\"\nconnect_timeout_seconds = 5\n\n");
  std::ofstream(config, std::ios::binary) << text;
  const auto ok = test::metodmon("check -c " + q(config),
                                 "METODMON_FORM_PASSWORD=x METODMON_IMAP_PASSWORD=" + shell_quote(server.password()));
  EXPECT_EQ(ok.exit_code, 0) << ok.out;
  EXPECT_NE(ok.out.find("почтовый ящик открывается"), std::string::npos) << ok.out;
  const auto wrong = test::metodmon("check -c " + q(config), "METODMON_FORM_PASSWORD=x METODMON_IMAP_PASSWORD=wrong");
  EXPECT_EQ(wrong.exit_code, 2) << wrong.out;
  EXPECT_NE(wrong.out.find("  - почтовый ящик: "), std::string::npos) << wrong.out;
  const auto unset = test::metodmon("check -c " + q(config), "METODMON_FORM_PASSWORD=x");
  EXPECT_EQ(unset.exit_code, 2) << unset.out;
  EXPECT_NE(unset.out.find("METODMON_IMAP_PASSWORD"), std::string::npos) << unset.out;
}

}  // namespace

namespace {

// The package's example registry (/etc/metodmon/schools.csv) is the one init
// writes, so `check -c` recognises its example row there too.
TEST(InitCommandTest, PackagedExampleRegistryIsInits) {
  test::TempDir dir;
  ASSERT_EQ(test::metodmon("init " + q(dir / "imc") + " --municipality Энск --method demo").exit_code, 0);
  EXPECT_EQ(test::read_file(dir / "imc" / "schools.csv"),
            test::read_file(test::source_dir() / "scripts" / "package" / "schools.csv"));
}

}  // namespace
