// The yearly rubric computed over the year's monitorings, end to end with the
// real binary: Krymsk's deployment (scripts/samples/krymsk_system.toml, with
// the test's folders, four schools and without the August monitoring M8)
// holds some of its monitorings of the 2025/26 school year on forms filled by
// scripts/fill_samples.py, then the yearly rubric on self-assessment forms
// with chosen answers (tests/support/fill_answers.py). The points read back
// from the published «Рейтинг» are checked against an independent count from
// the TOML texts (tests/support/year_rubric_points.py); missing monitorings
// are reported in Russian on the console, the sheet «Мониторинги года» and
// in the methodist's letter.
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <optional>
#include <sstream>

#include "ingest/workbook.h"
#include "support/docx_dump.h"
#include "support/metodmon_cli.h"
#include "support/temp_dir.h"

namespace fs = std::filesystem;

namespace {

std::string q(const fs::path& p) { return test::shell_quote(p.string()); }

void replace_all(std::string& text, const std::string& from, const std::string& to) {
  for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
}

// kr01..kr04 of the Krymsk registry, with their short names.
std::map<std::string, std::string> write_registry(const fs::path& file) {
  std::ifstream in(test::source_dir() / "templates/krymsk_schools.csv");
  std::ofstream out(file);
  std::map<std::string, std::string> names;
  std::string line;
  for (int i = 0; i < 5 && std::getline(in, line); ++i) {
    out << line << "\n";
    if (i > 0) names[line.substr(0, line.find(';'))] = line.substr(5, line.find(';', 5) - 5);
  }
  return names;
}

// The sample deployment with the test's folders and registry, forms settled at
// once, and the [[monitoring]] of M8 (kadrovye potrebnosti) left out.
fs::path write_config(const fs::path& dir) {
  std::string text = test::read_file(test::source_dir() / "scripts/samples/krymsk_system.toml");
  replace_all(text, "\"../../out/krymsk_system/", "\"" + dir.string() + "/");
  replace_all(text, "\"../../templates/krymsk_schools.csv\"", "\"" + (dir / "schools.csv").string() + "\"");
  replace_all(text, "\"../../templates/", "\"" + (test::source_dir() / "templates").string() + "/");
  replace_all(text, "settle_seconds = 60", "settle_seconds = 0");
  const auto m8 = text.find("[[monitoring]]\nid = \"m8\"");
  const auto next = text.find("[[monitoring]]", m8 + 1);
  if (m8 == std::string::npos || next == std::string::npos) return {};
  text.erase(m8, next - m8);
  std::ofstream(dir / "metodmon.toml") << text;
  return dir / "metodmon.toml";
}

// A monitoring of the deployment held in 2025/26: its config id, definition
// file, [[source]] id in the rubric, and the schools whose forms it accepts.
struct Held {
  std::string id;
  std::string file;
  std::string source;
  std::vector<std::string> schools;
};

// The yearly forms: school -> the questions it answers «Нет» (all else «Да»).
// kr01 denies only the dates of the effectiveness analysis, kr02 five
// questions; kr03 and kr04 send no yearly form.
const std::vector<std::pair<std::string, std::string>> k_yearly_forms = {
    {"kr01", "rub_ef_ae_dates"},
    {"kr02", "rub_mon_m1_usage,rub_rec_m4_addressed,rub_mer_e7_present,rub_ef_ae_problem,rub_ef_ae_dates"},
};

// subject ("kr01", "_municipality") -> block title or "total" -> points.
using Points = std::map<std::string, std::map<std::string, double>>;

class YearRubricRunTest : public ::testing::Test {
 protected:
  void SetUp() override {
    names = write_registry(dir / "schools.csv");
    config = write_config(dir.path());
    ASSERT_FALSE(config.empty()) << "scripts/samples/krymsk_system.toml has no [[monitoring]] m8";
  }

  test::ProcessResult run(const std::string& monitoring, const std::string& flags = "-q") {
    return test::metodmon("run " + flags + " -c " + q(config) + " --monitoring " + monitoring + " --period 2025-2026");
  }

  // Forms of the monitoring for every school (template), filled as schools
  // fill them, kept only for its schools; then its results of 2025/26.
  void hold(const Held& m) {
    const auto blank = dir / "blank" / m.id;
    const auto t = test::metodmon("template -q -c " + q(config) + " --monitoring " + m.id +
                                  " --period 2025-2026 --out " + q(blank));
    ASSERT_EQ(t.exit_code, 0) << t.out;
    const auto inbox = dir / "inbox" / m.id;
    const auto filled = test::run_command("/usr/bin/python3 " + q(test::source_dir() / "scripts/fill_samples.py") +
                                          " --definition " + q(test::source_dir() / "templates/krymsk" / m.file) +
                                          " " + q(blank) + " " + q(inbox) + " 2>&1");
    ASSERT_EQ(filled.exit_code, 0) << filled.out;
    for (const auto& e : fs::directory_iterator(inbox)) {
      const auto school = e.path().filename().string().substr(0, 4);
      if (std::find(m.schools.begin(), m.schools.end(), school) == m.schools.end()) fs::remove(e.path());
    }
    const auto r = run(m.id);
    ASSERT_EQ(r.exit_code, 0) << r.out;  // every form accepted
    held.push_back(m);
  }

  void answer_yearly_forms() {
    const auto blank = dir / "blank" / "year";
    const auto t = test::metodmon("template -q -c " + q(config) + " --monitoring year --period 2025-2026 --out " + q(blank));
    ASSERT_EQ(t.exit_code, 0) << t.out;
    std::string specs;
    for (const auto& [school, no] : k_yearly_forms) specs += " " + school + ":" + no;
    const auto filled = test::run_command("/usr/bin/python3 " + q(test::source_dir() / "tests/support/fill_answers.py") +
                                          " " + q(rubric_file()) + " 2025-2026 " + q(blank) + " " +
                                          q(dir / "inbox" / "year") + specs + " 2>&1");
    ASSERT_EQ(filled.exit_code, 0) << filled.out;
  }

  // The independent count over the monitorings held so far and the forms.
  Points expected() const {
    std::string args;
    for (const auto& m : held) {
      std::string schools;
      for (const auto& s : m.schools) schools += (schools.empty() ? "" : ",") + s;
      args += " --took-part " + m.source + ":" + schools;
    }
    for (const auto& [school, no] : k_yearly_forms) args += " --form " + school + ":" + no;
    const auto r = test::run_command("/usr/bin/python3 " +
                                     q(test::source_dir() / "tests/support/year_rubric_points.py") + " " +
                                     q(rubric_file()) + args + " 2>&1");
    EXPECT_EQ(r.exit_code, 0) << r.out;
    Points out;
    std::istringstream lines(r.out);
    std::string line;
    while (std::getline(lines, line)) {
      const auto a = line.find('\t');
      const auto b = line.rfind('\t');
      out[line.substr(0, a)][line.substr(a + 1, b - a - 1)] = std::stod(line.substr(b + 1));
    }
    return out;
  }

  // Points per subject as «Рейтинг» shows them: the columns whose heading
  // begins with a block title ("Мониторинг (12)") or "Итого баллов".
  Points rating(const ingest::Sheet& sheet, const Points& like) const {
    std::map<std::uint32_t, std::string> columns;
    std::map<std::uint32_t, std::string> subjects;  // row -> subject
    for (const auto& c : sheet.cells) {
      if (c.type != ingest::CellType::string) continue;
      for (const auto& [title, _] : like.begin()->second) {
        const auto head = title == "total" ? std::string("Итого баллов (") : title + " (";
        if (c.text.starts_with(head)) columns[c.ref.col] = title;
      }
      for (const auto& [id, name] : names) {
        if (c.text == name) subjects[c.ref.row] = id;
      }
      if (c.text.ends_with(" (по муниципальным значениям)")) subjects[c.ref.row] = "_municipality";
    }
    Points out;
    for (const auto& c : sheet.cells) {
      if (c.type == ingest::CellType::number && subjects.contains(c.ref.row) && columns.contains(c.ref.col)) {
        out[subjects[c.ref.row]][columns[c.ref.col]] = c.number;
      }
    }
    return out;
  }

  // The аналитическая справка of the rubric's results: its table of blocks,
  // block title -> the municipality's points as shown.
  std::map<std::string, std::string> spravka_points() const {
    std::map<std::string, std::string> out;
    for (const auto& e : fs::directory_iterator(dir / "out" / "year" / "2025-2026")) {
      if (!e.path().filename().string().starts_with("Справка_")) continue;
      const auto d = test::dump_docx(e.path());
      for (const auto& table : d.tables) {
        if (table.empty() || table[0].empty() || table[0][0] != "Блок") continue;
        for (const auto& row : table) {
          if (row.size() > 1) out[row[0]] = row[1];
        }
      }
    }
    return out;
  }

  fs::path rubric_file() const { return test::source_dir() / "templates/krymsk/year_rubric.toml"; }
  fs::path results() const { return dir / "out" / "year" / "2025-2026" / "Итоги_krymsk-year_2025-2026.xlsx"; }

  test::TempDir dir;
  fs::path config;
  std::map<std::string, std::string> names;  // school id -> short name
  std::vector<Held> held;
};

// Cells of the row of `sheet` holding a cell with exactly `text`: column -> shown text.
std::map<int, std::string> row_with(const ingest::Sheet& sheet, const std::string& text) {
  std::optional<std::uint32_t> row;
  for (const auto& c : sheet.cells) {
    if (c.type == ingest::CellType::string && c.text == text) row = c.ref.row;
  }
  std::map<int, std::string> out;
  for (const auto& c : sheet.cells) {
    if (c.ref.row != row) continue;
    out[c.ref.col] = c.type == ingest::CellType::number ? std::to_string(static_cast<int>(c.number)) : c.text;
  }
  return out;
}

void expect_points(const Points& got, const Points& want) {
  ASSERT_FALSE(want.empty());
  for (const auto& [subject, blocks] : want) {
    ASSERT_TRUE(got.contains(subject)) << subject << " is not on «Рейтинг»";
    for (const auto& [block, points] : blocks) {
      EXPECT_DOUBLE_EQ(got.at(subject).at(block), points) << subject << ", " << block;
    }
  }
  EXPECT_EQ(got.size(), want.size()) << "subjects on «Рейтинг»";
}

const Held k_m7{"m7", "m7_network.toml", "krymsk-m7-network", {"kr01"}};
const Held k_m6{"m6", "m6_mentoring.toml", "krymsk-m6-mentoring", {"kr01", "kr02"}};
const Held k_m1{"m1", "m1_deficits.toml", "krymsk-m1-deficits", {"kr01", "kr02"}};
const Held k_m5{"m5", "m5_shmo.toml", "krymsk-m5-shmo", {"kr01", "kr03"}};

}  // namespace

TEST_F(YearRubricRunTest, IsComputedOverTheYearsMonitoringsAndSaysWhichWereMissing) {
  // Before any monitoring of the year has results: nothing to compute from.
  fs::create_directories(dir / "inbox" / "year");
  const auto early = run("year");
  EXPECT_EQ(early.exit_code, 1) << early.out;
  EXPECT_NE(early.out.find("годовая рубрика «Годовая оценка муниципальной системы методической работы по итогам "
                           "мониторингов» за 2025/26 учебный год: нет итогов ни одного из её мониторингов"),
            std::string::npos)
      << early.out;
  EXPECT_FALSE(fs::exists(dir / "out" / "year"));

  // March (M3), April (M1) and September (M4) held; kr04 takes part in none.
  hold(k_m7);
  hold(k_m6);
  hold(k_m1);

  // No self-assessment form yet: nothing is published (exit 4).
  EXPECT_EQ(run("year").exit_code, 4);
  EXPECT_FALSE(fs::exists(results()));

  // Without May's ШМО monitoring nobody covers M2.
  answer_yearly_forms();
  const auto without_m5 = run("year");
  ASSERT_EQ(without_m5.exit_code, 0) << without_m5.out;
  {
    const auto want = expected();
    const auto wb = ingest::read_workbook(results());
    ASSERT_TRUE(wb);
    const auto* sheet = wb->sheet("Рейтинг");
    ASSERT_NE(sheet, nullptr);
    expect_points(rating(*sheet, want), want);
  }

  // May's monitoring held after all: the rubric run again takes it in, and
  // kr03 (only in May's monitoring, no yearly form) is now scored too.
  const auto before = expected();
  hold(k_m5);
  const auto r = run("year", "");
  ASSERT_EQ(r.exit_code, 0) << r.out;
  const auto want = expected();
  EXPECT_GT(want.at("kr01").at("total"), before.at("kr01").at("total"));
  EXPECT_TRUE(want.contains("kr03"));
  EXPECT_FALSE(want.contains("kr04"));

  const auto wb = ingest::read_workbook(results());
  ASSERT_TRUE(wb);
  const auto* sheet = wb->sheet("Рейтинг");
  ASSERT_NE(sheet, nullptr);
  expect_points(rating(*sheet, want), want);

  // The console says which monitorings had no results of the year, and why.
  EXPECT_NE(r.out.find("Мониторинги года: итоги есть у 4 из 8; нет итогов (их показатели в рубрике не учтены):"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("krymsk-m4-experts «Мониторинг по вовлечению педагогов в экспертную деятельность» — "
                       "мониторинг m4 итогов за год не подводил"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("krymsk-m8-staffing «Мониторинг по выявлению кадровых потребностей"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("— нет в конфигурации"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Нет принятой формы у 2 из 4 школ; не прислали форму: 2 (kr03, kr04)"), std::string::npos)
      << r.out;

  // «Мониторинги года»: one row per source monitoring.
  const auto* sources = wb->sheet("Мониторинги года");
  ASSERT_NE(sources, nullptr);
  auto m4 = row_with(*sources, "Мониторинг по вовлечению педагогов в экспертную деятельность (krymsk-m4-experts)");
  EXPECT_EQ(m4[2], "июнь");
  EXPECT_EQ(m4[3], "m4 «экспертная деятельность»");
  EXPECT_EQ(m4[4], "нет");
  EXPECT_EQ(m4[7], "итоги за 2025/26 учебный год не подведены: показатели в рубрике не учтены, баллы по его позициям "
                   "начисляются только по другим мониторингам; подведите итоги и запустите рубрику снова");
  auto m5 = row_with(*sources, "Мониторинг по результату деятельности школьных методических объединений (krymsk-m5-shmo)");
  EXPECT_EQ(m5[4], "есть");
  EXPECT_EQ(m5[5], "2");  // kr01, kr03
  EXPECT_EQ(m5[6], "M2");
  int not_configured = 0;
  for (const auto& c : sources->cells) {
    not_configured += c.text.starts_with("в конфигурации нет мониторинга с этой методикой") ? 1 : 0;
  }
  EXPECT_EQ(not_configured, 1);  // M8

  // A director's workbook: which monitorings had its school's data.
  const auto kr03 = ingest::read_workbook(dir / "out" / "year" / "2025-2026" / "directors" / "kr03_2025-2026.xlsx");
  ASSERT_TRUE(kr03);
  const auto* own = kr03->sheet("Мониторинги года");
  ASSERT_NE(own, nullptr);
  EXPECT_EQ(row_with(*own, "Мониторинг по результату деятельности школьных методических объединений (krymsk-m5-shmo)")[6],
            "есть");
  EXPECT_EQ(row_with(*own, "Мониторинг по вовлечению педагогов в экспертную деятельность (krymsk-m4-experts)")[6],
            "—");  // with a note: no results of the year
  EXPECT_FALSE(fs::exists(dir / "out" / "year" / "2025-2026" / "directors" / "kr04_2025-2026.xlsx"));

  // The methodist's letter of this run names every missing monitoring and how to fix it.
  const auto letters = test::outbox_letters(dir / "state" / "outbox" / "year");
  const auto methodist = std::find_if(letters.begin(), letters.end(), [](const test::OutboxLetter& l) {
    return l.to.find("metodist@") != std::string::npos && l.body.find("Годовая оценка") != std::string::npos &&
           l.body.find("krymsk-m5-shmo") == std::string::npos;
  });
  ASSERT_NE(methodist, letters.end());
  EXPECT_NE(methodist->body.find("нет итогов мониторинга «Мониторинг по вовлечению педагогов в экспертную "
                                 "деятельность» (krymsk-m4-experts) — мониторинг m4 за этот год итогов не подводил"),
            std::string::npos)
      << methodist->body;
  EXPECT_NE(methodist->body.find("(krymsk-m8-staffing) — в конфигурации нет мониторинга с этой методикой"),
            std::string::npos)
      << methodist->body;
  EXPECT_NE(methodist->body.find("Нет принятой формы: МБОУ СОШ № 3 г. Крымска, МБОУ «Лицей № 4» г. Крымска."),
            std::string::npos)
      << methodist->body;

  // The справка states the district's points per block; `metodmon documents`
  // rebuilds it over the same monitorings' results.
  const auto stated = spravka_points();
  for (const auto& [block, points] : want.at("_municipality")) {
    if (block == "total") continue;
    ASSERT_TRUE(stated.contains(block)) << block << " is not in the справка";
    EXPECT_EQ(stated.at(block), std::to_string(static_cast<int>(points))) << block;
  }
  for (const auto& e : fs::directory_iterator(dir / "out" / "year" / "2025-2026")) {
    if (e.path().extension() == ".docx") fs::remove(e.path());
  }
  const auto rebuilt = test::metodmon("documents -q -c " + q(config) + " --monitoring year --period 2025-2026");
  ASSERT_EQ(rebuilt.exit_code, 0) << rebuilt.out;
  EXPECT_EQ(spravka_points(), stated);
}
