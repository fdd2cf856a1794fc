// The mailer against a real SMTP server speaking TLS on loopback
// (tests/support/smtp_sink.py with --starttls / --smtps) and a throwaway
// self-signed certificate for 127.0.0.1 (tests/support/test_cert.h).
#include <gtest/gtest.h>
#include <stdlib.h>

#include <string>

#include "mail/mailer.h"
#include "support/smtp_server.h"
#include "support/temp_dir.h"
#include "support/test_cert.h"

namespace {

namespace fs = std::filesystem;

constexpr const char* k_password_env = "METODMON_TEST_TLS_SMTP_PASSWORD";
constexpr const char* k_password = "Tls-пароль-42";

std::string binary_bytes(std::size_t n) {
  std::string s;
  for (std::size_t i = 0; i < n; ++i) s += static_cast<char>((i * 13 + i / 512) % 256);
  return s;
}

mail::MailMessage report_mail() {
  mail::MailMessage m;
  m.from = {"ИМЦ Энского округа", "imc@ensk.example.ru"};
  m.to = {{"Директор МБОУ СОШ № 5", "school5@ensk.example.ru"}};
  m.subject = "Итоги мониторинга за декабрь 2026 года — МБОУ СОШ № 5";
  m.body = "Уважаемый директор!\n\nВо вложении итоги за декабрь 2026.\nС уважением, ИМЦ";
  m.attachments.push_back({"Итоги МБОУ СОШ № 5 за декабрь 2026.xlsx", {}, binary_bytes(100'000)});
  return m;
}

// A TLS sink requiring AUTH imc:k_password, and a mailer config for it that
// trusts nothing extra yet (ca_file empty) and does not retry.
class MailerTlsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    m_cert = test::make_test_cert(m_dir / "pki");
    ASSERT_TRUE(m_cert.ok());
    ::setenv(k_password_env, k_password, 1);
  }
  void TearDown() override { ::unsetenv(k_password_env); }

  test::SmtpSinkOptions sink_options(std::string tls_mode) const {
    test::SmtpSinkOptions o;
    o.auth = std::string("imc:") + k_password;
    o.tls_mode = std::move(tls_mode);
    o.cert = m_cert.cert;
    o.key = m_cert.key;
    return o;
  }

  static mail::MailConfig config(int port, mail::SmtpSecurity security) {
    auto c = test::loopback_mail_config(port);  // 127.0.0.1: the certificate names that IP
    c.security = security;
    c.username = "imc";
    c.password_env = k_password_env;
    c.retries = 0;
    c.connect_timeout_ms = 5000;
    return c;
  }

  static mail::SendResult send(const mail::MailConfig& c) {
    const auto mailer = mail::Mailer::create(c);
    if (!mailer) return {false, 0, "create: " + model::to_string(mailer.error()), 0};
    return mailer->send(report_mail());
  }

  static void expect_delivered_intact(const test::SmtpServer& server) {
    const auto got = server.wait_for(1);
    ASSERT_EQ(got.size(), 1u);
    const auto& mail = got[0];
    const auto m = report_mail();
    EXPECT_EQ(mail.tls.rfind("TLSv1.", 0), 0u) << "came over «" << mail.tls << "»";
    EXPECT_EQ(mail.defects, "");
    EXPECT_EQ(mail.mail_from, "imc@ensk.example.ru");
    EXPECT_EQ(mail.rcpt_to, std::vector<std::string>{"school5@ensk.example.ru"});
    EXPECT_EQ(mail.subject, m.subject);
    EXPECT_EQ(mail.body, "Уважаемый директор!\r\n\r\nВо вложении итоги за декабрь 2026.\r\nС уважением, ИМЦ");
    ASSERT_EQ(mail.attachments.size(), 1u);
    EXPECT_EQ(mail.attachments[0].first, "Итоги МБОУ СОШ № 5 за декабрь 2026.xlsx");
    EXPECT_TRUE(mail.attachments[0].second == m.attachments[0].bytes) << "attachment bytes differ";
  }

  test::TempDir m_dir;
  test::TestCert m_cert;
};

TEST_F(MailerTlsTest, StarttlsWithAuthDeliversWhenCaFileTrustsTheServer) {
  test::SmtpServer server(m_dir / "received", sink_options("starttls"));
  ASSERT_GT(server.port(), 0);
  auto c = config(server.port(), mail::SmtpSecurity::starttls);
  c.ca_file = m_cert.cert;
  const auto r = send(c);
  ASSERT_TRUE(r.sent) << r.error;
  EXPECT_EQ(r.attempts, 1);
  EXPECT_EQ(r.smtp_code, 250);
  expect_delivered_intact(server);
}

TEST_F(MailerTlsTest, SmtpsWithAuthDeliversWhenCaFileTrustsTheServer) {
  test::SmtpServer server(m_dir / "received", sink_options("smtps"));
  ASSERT_GT(server.port(), 0);
  auto c = config(server.port(), mail::SmtpSecurity::smtps);
  c.ca_file = m_cert.cert;
  const auto r = send(c);
  ASSERT_TRUE(r.sent) << r.error;
  EXPECT_EQ(r.attempts, 1);
  EXPECT_EQ(r.smtp_code, 250);
  expect_delivered_intact(server);
}

TEST_F(MailerTlsTest, WrongPasswordOverTlsIsRefusedOnceAndNotLeaked) {
  test::SmtpServer server(m_dir / "received", sink_options("smtps"));
  ASSERT_GT(server.port(), 0);
  ::setenv(k_password_env, "wrong-tls-password", 1);
  auto c = config(server.port(), mail::SmtpSecurity::smtps);
  c.ca_file = m_cert.cert;
  c.retries = 1;
  const auto r = send(c);
  EXPECT_FALSE(r.sent);
  EXPECT_EQ(r.smtp_code, 535) << r.error;
  EXPECT_EQ(r.attempts, 1);  // 5xx is final
  EXPECT_EQ(r.error.find("wrong-tls-password"), std::string::npos) << r.error;
  EXPECT_TRUE(server.received().empty());
}

// The STARTTLS sink really refuses clear text, so a delivery above did use TLS.
TEST_F(MailerTlsTest, StarttlsSinkRefusesMailInClearText) {
  test::SmtpServer server(m_dir / "received", sink_options("starttls"));
  ASSERT_GT(server.port(), 0);
  auto c = config(server.port(), mail::SmtpSecurity::none);
  c.username.clear();  // AUTH is not even offered before STARTTLS
  const auto r = send(c);
  EXPECT_FALSE(r.sent);
  EXPECT_EQ(r.smtp_code, 530) << r.error;
  EXPECT_TRUE(server.received().empty());
}

TEST_F(MailerTlsTest, SelfSignedCertificateNotInCaFileIsRefused) {
  test::SmtpServer server(m_dir / "received", sink_options("starttls"));
  ASSERT_GT(server.port(), 0);
  const auto r = send(config(server.port(), mail::SmtpSecurity::starttls));  // system CA store
  EXPECT_FALSE(r.sent);
  EXPECT_EQ(r.attempts, 1);
  EXPECT_NE(r.error.find("сертификат почтового сервера не прошёл проверку"), std::string::npos) << r.error;
  EXPECT_NE(r.error.find("укажите его или сертификат выпустившего центра в ca_file"), std::string::npos)
      << r.error;
  EXPECT_EQ(r.error.find("ответ сервера 220"), std::string::npos) << r.error;  // 220 was "go ahead"
  EXPECT_EQ(r.error.find(k_password), std::string::npos);
  EXPECT_TRUE(server.received().empty());
}

TEST_F(MailerTlsTest, CertificateFailureIsNotRetried) {
  test::SmtpServer server(m_dir / "received", sink_options("starttls"));
  ASSERT_GT(server.port(), 0);
  auto c = config(server.port(), mail::SmtpSecurity::starttls);  // system CA store: untrusted
  c.retries = 3;
  const auto r = send(c);
  EXPECT_FALSE(r.sent);
  EXPECT_EQ(r.attempts, 1);  // a set-up problem: retrying would only wait
  EXPECT_TRUE(r.permanent);
  EXPECT_TRUE(server.received().empty());
}

TEST_F(MailerTlsTest, AnotherCertificateAsCaFileIsRefused) {
  const auto other = test::make_test_cert(m_dir / "other-pki", "other");
  ASSERT_TRUE(other.ok());
  test::SmtpServer server(m_dir / "received", sink_options("smtps"));
  ASSERT_GT(server.port(), 0);
  auto c = config(server.port(), mail::SmtpSecurity::smtps);
  c.ca_file = other.cert;  // same names, different key: an impostor to the mailer
  const auto r = send(c);
  EXPECT_FALSE(r.sent);
  EXPECT_EQ(r.error.rfind("попытка 1 из 1: не удалось отправить письмо через smtps://127.0.0.1:", 0), 0u)
      << r.error;
  EXPECT_NE(r.error.find("сертификат почтового сервера не прошёл проверку"), std::string::npos) << r.error;
  EXPECT_TRUE(server.received().empty());
}

TEST_F(MailerTlsTest, CertificateForAnotherHostNameIsRefused) {
  const auto foreign = test::make_test_cert(m_dir / "foreign-pki", "foreign", "DNS:mail.ensk.example.ru");
  ASSERT_TRUE(foreign.ok());
  auto options = sink_options("starttls");
  options.cert = foreign.cert;
  options.key = foreign.key;
  test::SmtpServer server(m_dir / "received", options);
  ASSERT_GT(server.port(), 0);
  auto c = config(server.port(), mail::SmtpSecurity::starttls);
  c.ca_file = foreign.cert;  // trusted, but issued for another name than 127.0.0.1
  const auto r = send(c);
  EXPECT_FALSE(r.sent);
  EXPECT_NE(r.error.find("сертификат почтового сервера не прошёл проверку"), std::string::npos) << r.error;
  EXPECT_NE(r.error.find("проверьте, что host «127.0.0.1» совпадает с именем в сертификате"), std::string::npos)
      << r.error;
  EXPECT_TRUE(server.received().empty());
}

TEST_F(MailerTlsTest, MissingCaFileIsNamedInTheError) {
  test::SmtpServer server(m_dir / "received", sink_options("smtps"));
  ASSERT_GT(server.port(), 0);
  auto c = config(server.port(), mail::SmtpSecurity::smtps);
  c.ca_file = m_dir / "pki" / "no-such-ca.pem";
  const auto r = send(c);
  EXPECT_FALSE(r.sent);
  EXPECT_NE(r.error.find("не удалось прочитать файл сертификатов ca_file " + c.ca_file.string()),
            std::string::npos)
      << r.error;
  EXPECT_TRUE(server.received().empty());
}

// mailer_test.cpp checks that nothing is sent when the server offers no
// STARTTLS; here: the reason is told in Russian.
TEST_F(MailerTlsTest, ServerWithoutStarttlsIsRefusedWithTheReason) {
  test::SmtpServer server(m_dir / "received", sink_options(""));  // clear text only
  ASSERT_GT(server.port(), 0);
  const auto r = send(config(server.port(), mail::SmtpSecurity::starttls));
  EXPECT_FALSE(r.sent);
  EXPECT_NE(r.error.find("сервер не предлагает STARTTLS"), std::string::npos) << r.error;
  EXPECT_TRUE(server.received().empty());
}

TEST_F(MailerTlsTest, SmtpsToAStarttlsPortIsRefusedWithTheReason) {
  test::SmtpServer server(m_dir / "received", sink_options("starttls"));
  ASSERT_GT(server.port(), 0);
  const auto r = send(config(server.port(), mail::SmtpSecurity::smtps));
  EXPECT_FALSE(r.sent);
  EXPECT_NE(r.error.find("не удалось установить TLS-соединение"), std::string::npos) << r.error;
  EXPECT_TRUE(server.received().empty());
}

}  // namespace
