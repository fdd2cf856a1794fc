// A loopback Dovecot with a fresh mailbox per test, and collect settings that
// point at it (implicit TLS, the test certificate trusted, password from an
// environment variable), with the inbox and state inside the test folder.
#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "collect/collector.h"
#include "letters/sender_replies.h"
#include "support/imap_server.h"
#include "support/temp_dir.h"

namespace test {

class CollectFixture : public ::testing::Test {
 protected:
  static constexpr std::int64_t k_now = 1793950000;  // 2026-11-06

  void SetUp() override {
    ASSERT_TRUE(m_server.running()) << m_server.log();
    setenv("METODMON_TEST_IMAP_PASSWORD", m_server.password().c_str(), 1);
    setenv("TZ", "Europe/Moscow", 1);
    tzset();
  }
  void TearDown() override {
    unsetenv("TZ");
    tzset();
  }

  collect::CollectSettings settings() const {
    collect::CollectSettings s;
    s.enabled = true;
    s.imap.host = "127.0.0.1";
    s.imap.port = m_server.imaps_port();
    s.imap.credentials = {m_server.user(), "METODMON_TEST_IMAP_PASSWORD", {}};
    s.imap.ca_file = m_server.cert();
    s.imap.connect_timeout_ms = 5000;
    s.imap.timeout_ms = 20000;
    return s;
  }

  collect::CollectOptions options() const {
    collect::CollectOptions o;
    o.inbox = m_dir / "inbox";
    o.journal_file = m_dir / "state" / "collect.sqlite";
    // Every address of the municipality's domain stands for a school here;
    // the registry itself is the command's business (cli/phases/collect_routing.h).
    o.reply = {{"ИМЦ Энского округа", "imc@ensk.example.ru"}, "metodist@ensk.example.ru", 50,
               [](std::string_view a) { return a.ends_with("@ensk.example.ru"); }};
    o.compose = letters::compose_reply;
    o.now = k_now;
    return o;
  }

  // File names in the inbox, sorted; empty when there is no inbox yet.
  std::vector<std::string> inbox_files() const {
    std::vector<std::string> out;
    std::error_code ec;
    for (const auto& e : std::filesystem::directory_iterator(m_dir / "inbox", ec)) {
      out.push_back(e.path().filename().string());
    }
    std::sort(out.begin(), out.end());
    return out;
  }

  static bool has_flag(const MailboxEntry& e, std::string_view flag) {
    return (" " + e.flags + " ").find(" " + std::string(flag) + " ") != std::string::npos;
  }

  TempDir m_dir;
  ImapServer m_server{m_dir / "imap"};
};

}  // namespace test
