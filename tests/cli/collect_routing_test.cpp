// One mailbox, several monitorings: a collected questionnaire export goes to
// the monitoring whose [[survey]] its header answers, a form by its _meta,
// anything else to the common inbox.
#include "cli/phases/collect_routing.h"

#include <gtest/gtest.h>

#include "definition/definition_loader.h"
#include "support/temp_dir.h"

namespace fs = std::filesystem;

namespace {

class CollectRoutingTest : public ::testing::Test {
 protected:
  test::TempDir dir;
  cli::Config base;
  std::vector<cli::CalendarMonitoring> monitorings;

  void SetUp() override {
    base.inbox = dir / "inbox";
    base.state = dir / "state";
    for (const auto& [id, file] : {std::pair{"balakhta", "balakhta.toml"}, std::pair{"demo", "demo.toml"}}) {
      cli::MonitoringSettings settings;
      settings.id = id;
      base.monitorings.push_back(settings);
      cli::CalendarMonitoring m;
      m.config = base;
      m.config.inbox = dir / "inbox" / id;
      auto loaded = definition::load_definition(test::source_dir() / "templates" / file);
      ASSERT_TRUE(loaded) << model::to_string(loaded.error().front());
      m.definition = std::move(*loaded);
      monitorings.push_back(std::move(m));
    }
  }

  // The attachment as the methodist mailed it: where it is placed (never held).
  fs::path route(const fs::path& sample) {
    base.mail.methodist = "metodist@example.ru";
    const auto place = cli::collect_placement(base, monitorings, cli::trusted_senders(base));
    EXPECT_TRUE(place);
    collect::MailPart part;
    part.file_name = sample.filename().string();
    part.bytes = test::read_file(sample);
    const auto placed = place(part, {"", "metodist@example.ru"});
    EXPECT_EQ(placed.held, "");
    EXPECT_EQ(placed.folder, placed.inbox);
    return placed.inbox;
  }
};

fs::path balakhta_sample(const char* name) { return test::source_dir() / "sample_workbooks/balakhta" / name; }

TEST_F(CollectRoutingTest, AnExportGoesToTheMonitoringWhoseQuestionnaireItAnswers) {
  EXPECT_EQ(route(balakhta_sample("Яндекс_Анкета педагога_20.05.2025.xlsx")), dir / "inbox" / "balakhta");
  EXPECT_EQ(route(balakhta_sample("Google_Анкета педагога_Рябиновская (Excel).csv")), dir / "inbox" / "balakhta");
}

TEST_F(CollectRoutingTest, AFormGoesByItsMethodAndAnythingElseToTheCommonInbox) {
  EXPECT_EQ(route(balakhta_sample("bl03_2025-H1.xlsx")), dir / "inbox" / "balakhta");
  const auto other = dir.write("родители.csv", "Отметка времени,Ваша школа,Довольны ли вы питанием?\n1,2,3\n");
  EXPECT_EQ(route(other), dir / "inbox");
}

// Issue 25 meets issue 24: an export names no one school, so it counts only
// from the methodist's or a registered school's address; a stranger's is held.
TEST_F(CollectRoutingTest, AnExportFromAnAddressOutsideTheRegistryIsHeld) {
  base.mail.methodist = "metodist@example.ru";
  const auto place = cli::collect_placement(base, monitorings, cli::trusted_senders(base));
  collect::MailPart part;
  const auto sample = balakhta_sample("Яндекс_Анкета педагога_20.05.2025.xlsx");
  part.file_name = sample.filename().string();
  part.bytes = test::read_file(sample);
  const auto placed = place(part, {"", "stranger@mail.example"});
  EXPECT_NE(placed.held.find("stranger@mail.example"), std::string::npos) << placed.held;
  EXPECT_EQ(placed.inbox, dir / "inbox" / "balakhta");
  EXPECT_EQ(placed.folder, dir / "state" / "held");
}

}  // namespace
