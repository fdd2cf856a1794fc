#include "collect/imap_session.h"

#include <gtest/gtest.h>

#include "collect/collect_fixture.h"

namespace {

using ImapSessionTest = test::CollectFixture;

TEST_F(ImapSessionTest, SearchFetchAndMarkOneLetterAtATime) {
  m_server.append("INBOX", R"([{"message_id": "<s1@x>", "subject": "первое"},
                               {"message_id": "<s2@x>", "subject": "второе"}])");
  auto session = collect::ImapSession::open(settings().imap);
  ASSERT_TRUE(session) << session.error().message;
  const auto all = session->search("ALL");
  ASSERT_TRUE(all) << all.error().message;
  ASSERT_EQ(all->size(), 2u);
  EXPECT_LT((*all)[0], (*all)[1]);
  const auto raw = session->fetch((*all)[1], true);
  ASSERT_TRUE(raw) << raw.error().message;
  EXPECT_NE(raw->find("Message-ID: <s2@x>\r\n"), std::string::npos) << *raw;
  EXPECT_TRUE(raw->ends_with("\r\n"));
  const auto header = session->fetch_header((*all)[0], true);
  ASSERT_TRUE(header);
  EXPECT_NE(header->find("Message-ID: <s1@x>"), std::string::npos);
  EXPECT_EQ(header->find("Добрый день"), std::string::npos) << "only the header block";

  ASSERT_TRUE(session->add_keyword((*all)[0], "$MetodmonProcessed"));
  const auto left = session->search("UNKEYWORD $MetodmonProcessed");
  ASSERT_TRUE(left);
  EXPECT_EQ(*left, std::vector<std::uint32_t>{(*all)[1]});
  const auto unseen = session->search("UNSEEN");
  ASSERT_TRUE(unseen);
  EXPECT_EQ(unseen->size(), 2u) << "fetching put \\Seen back";
}

TEST_F(ImapSessionTest, ALetterThatIsGoneIsNotAMailboxFailure) {
  auto session = collect::ImapSession::open(settings().imap);
  ASSERT_TRUE(session);
  const auto raw = session->fetch(4242, false);
  ASSERT_FALSE(raw);
  EXPECT_EQ(raw.error().kind, collect::ImapError::Kind::gone) << raw.error().message;
  EXPECT_FALSE(raw.error().fatal());
  // The session is still usable afterwards.
  EXPECT_TRUE(session->search("ALL"));
}

TEST_F(ImapSessionTest, MoveCreatesTheFolderOnce) {
  m_server.append("INBOX", R"([{"message_id": "<m1@x>"}, {"message_id": "<m2@x>"}])");
  auto session = collect::ImapSession::open(settings().imap);
  ASSERT_TRUE(session);
  const auto all = session->search("ALL");
  ASSERT_TRUE(all);
  ASSERT_EQ(all->size(), 2u);
  for (const auto uid : *all) {
    const auto moved = session->move(uid, "Формы & ответы");
    ASSERT_TRUE(moved) << moved.error().message;
  }
  const auto names = m_server.folders();
  EXPECT_NE(std::find(names.begin(), names.end(), "Формы & ответы"), names.end());
  EXPECT_TRUE(m_server.list("INBOX").empty());
}

}  // namespace
