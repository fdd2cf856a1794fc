// The аналитическая справка and the draft приказ of the shipped methods, end to
// end: the real binary on the sample municipalities (scripts/samples/), the
// .docx files read back with python-docx and converted to PDF by LibreOffice.
// Leninsk-Kuznetsky's справка states the 2022 facts of seed 000 exactly;
// Balakhta's and Krymsk's speak of a район; no text has the faults of
// support/russian_text.h; `metodmon documents` rebuilds the same files from
// the history without the inbox.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>
#include <sstream>
#include <regex>
#include <memory>

#include "support/docx_dump.h"
#include "support/libreoffice.h"
#include "support/metodmon_cli.h"
#include "support/openpyxl_check.h"
#include "support/russian_text.h"
#include "support/temp_dir.h"

namespace fs = std::filesystem;

namespace {

constexpr const char* k_epoch = "SOURCE_DATE_EPOCH=1795424400 TZ=Europe/Moscow";

struct Case {
  std::string method, id, period;
};

struct Run {
  test::TempDir dir;
  test::ProcessResult result;
  fs::path config;
  fs::path spravka, prikaz;
};

std::string config_args(const Run& r) {
  return "--config " + test::shell_quote(r.config.string()) + " --output " +
         test::shell_quote((r.dir / "out").string()) + " --state " + test::shell_quote((r.dir / "state").string());
}

// One run per method, shared by the tests of that method.
const Run& run_of(const Case& c) {
  static std::map<std::string, std::unique_ptr<Run>> runs;
  auto& slot = runs[c.method];
  if (!slot) {
    slot = std::make_unique<Run>();
    slot->config = test::source_dir() / "scripts" / "samples" / (c.method + ".toml");
    slot->result = test::metodmon("run -q " + config_args(*slot), k_epoch);
    const auto out = slot->dir / "out" / c.period;
    slot->spravka = out / ("Справка_" + c.id + "_" + c.period + ".docx");
    slot->prikaz = out / ("Приказ_" + c.id + "_" + c.period + ".docx");
  }
  return *slot;
}

const Case k_lk{"lk_roadmap", "lk-roadmap", "2022"};
const Case k_balakhta{"balakhta", "balakhta", "2025-H1"};
const Case k_krymsk{"krymsk", "krymsk", "2025"};
// The demo (scripts/demo.toml): forms rejected and schools that sent nothing.
const Case k_demo{"../demo", "demo-ensk", "2026-11"};

void expect_no_faults(const test::DocxDump& d) {
  for (const auto& p : d.paragraphs) EXPECT_EQ(test::describe_faults(p.text), "") << p.text;
  for (const auto& t : d.tables) {
    for (const auto& r : t) {
      for (const auto& c : r) EXPECT_EQ(test::describe_faults(c), "") << c;
    }
  }
}

TEST(DocumentsRunTest, LeninskKuznetskySpravkaStatesTheSeed000Facts) {
  const auto& r = run_of(k_lk);
  ASSERT_EQ(r.result.exit_code, 0) << r.result.out;
  ASSERT_TRUE(fs::exists(r.spravka));
  const auto d = test::dump_docx(r.spravka);
  EXPECT_EQ(d.page, "210x297 Times New Roman 28");
  // A one-page summary under bold run-in titles, then the appendices.
  for (const char* part : {"Что изучено", "Основные результаты", "Основные проблемы", "Предлагаемые решения"}) {
    EXPECT_NE(d.paragraph_starting(part), "") << part;
  }
  EXPECT_EQ(d.headings(1), (std::vector<std::string>{"Значения показателей", "Адресные рекомендации ОО",
                                                     "Группы образовательных организаций"}));
  ASSERT_FALSE(d.tables.empty());
  EXPECT_EQ(d.header_rows[0], 1);
  EXPECT_EQ(d.tables[0][0][2], "Значение по округу");
  // Seed 000: the 2022 facts; 3.2 has no 2022 target.
  const std::map<std::string, std::pair<std::string, std::string>> facts = {
      {"1.1", {"10,0 %", "10 %"}}, {"1.2", {"50,0 %", "50 %"}}, {"1.3", {"30,0 %", "30 %"}},
      {"2.1", {"20,0 %", "20 %"}}, {"2.2", {"10,0 %", "10 %"}}, {"2.3", {"65,0 %", "65 %"}},
      {"3.1", {"10,0 %", "10 %"}}, {"3.2", {"70,0 %", "—"}},   {"4.1", {"10,0 %", "10 %"}}};
  for (const auto& [code, fact] : facts) {
    const auto row = d.row(0, code);
    ASSERT_GE(row.size(), 5u) << code;
    EXPECT_EQ(row[2], fact.first) << code;
    EXPECT_EQ(row[4], fact.second) << code;
  }
  EXPECT_NE(d.all_text().find("Все целевые значения 2022 года по округу достигнуты (8 показателей)."),
            std::string::npos);
  EXPECT_NE(d.all_text().find("Результаты удовлетворительные (все показатели достигают целевых значений, а без "
                              "целевых — не хуже медианы по ОО более чем на 5 п.п.) по всем 4 направлениям."),
            std::string::npos);
  // An indicator is named by its few words once on the first page, then by its code.
  EXPECT_NE(d.all_text().find("Цели 2022 года достигли не все ОО: 1.1 (доля методических продуктов с лучшими "
                              "практиками) — 6 из 12 ОО; 1.2 (доля получивших методическую помощь) — 6 из 12 ОО"),
            std::string::npos);
  EXPECT_NE(d.all_text().find("опыт ОО с лучшими значениями: по 1.3 — МБОУ «Школа-интернат № 20» (38,5 %)"),
            std::string::npos);
  EXPECT_NE(d.all_text().find("Дорожная карта по развитию и сопровождению методических объединений"),
            std::string::npos);  // основание from the definition
  // The full name of an indicator is written once: in the table that is the codes' legend.
  const std::string name_1_3 = "Доля педагогов, которым обеспечено методическое сопровождение";
  std::size_t times = 0;
  for (auto pos = d.all_text().find(name_1_3); pos != std::string::npos; pos = d.all_text().find(name_1_3, pos + 1)) {
    ++times;
  }
  EXPECT_EQ(times, 1u);
  expect_no_faults(d);
}

TEST(DocumentsRunTest, LeninskKuznetskyPrikazHasTheShapeOfSeed002) {
  const auto& r = run_of(k_lk);
  ASSERT_EQ(r.result.exit_code, 0) << r.result.out;
  const auto d = test::dump_docx(r.prikaz);
  const std::string text = d.all_text();
  // Issued by the department, which may order school heads; the справка is the НМЦ's.
  EXPECT_TRUE(text.starts_with("УПРАВЛЕНИЕ ОБРАЗОВАНИЯ\nАДМИНИСТРАЦИИ ЛЕНИНСК-КУЗНЕЦКОГО ГОРОДСКОГО ОКРУГА\n"))
      << text;
  EXPECT_TRUE(test::dump_docx(r.spravka).all_text().starts_with("МБОУ ДПО «Научно-методический центр»")); 
  EXPECT_NE(text.find("\nПРИКАЗ\n"), std::string::npos);
  EXPECT_NE(text.find("О результатах мониторинга реализации Дорожной карты"), std::string::npos);
  EXPECT_NE(text.find("п р и к а з ы в а ю:"), std::string::npos);
  EXPECT_NE(d.paragraph_starting("1. Считать удовлетворительными результаты методического сопровождения по "
                                 "направлениям «1. Обеспечение"),
            "");
  // Positive results noted, by the indicators' words, never bare codes.
  EXPECT_NE(d.paragraph_starting("2. Отметить достижение целевых значений 2022 года по показателям «доля "
                                 "методических продуктов с лучшими практиками» (10,0 % при цели 10 %)"),
            "");
  EXPECT_EQ(std::regex_search(text, std::regex("(показател[а-я]+|по) [0-9]\\.[0-9]")), false) << text;
  EXPECT_NE(text.find("Руководителям ОО:"), std::string::npos);
  EXPECT_NE(text.find("Контроль за исполнением приказа оставляю за собой."), std::string::npos);
  // Number, date, the person answering and signatory are left to a person, marked as such;
  // the sample's deadline (01.03.2023) passed before the run: left to fill, never printed.
  EXPECT_EQ(text.find("01.03.2023"), std::string::npos);
  const std::vector<std::string> expected_first = {"«___» ____________ 20__ г.", "________",
                                                   "[Ф.И.О., должность ответственного]"};
  ASSERT_GE(d.highlighted.size(), 4u);
  EXPECT_EQ(std::vector<std::string>(d.highlighted.begin(), d.highlighted.begin() + 3), expected_first);
  EXPECT_EQ(d.highlighted.back(), "[И.О. Фамилия]");
  const auto deadlines = std::count(d.highlighted.begin(), d.highlighted.end(), "«___» ____________ 20__ г.");
  EXPECT_GE(deadlines, 4);  // the order's date and each measure's deadline
  EXPECT_NE(r.result.out.find("срок «01.03.2023» из [documents] deadline уже прошёл на дату обработки"),
            std::string::npos)
      << r.result.out;
  expect_no_faults(d);
}

// With rejected forms, the приказ counts the schools that sent a form and those
// accepted as the справка does, never the accepted ones as «представили».
TEST(DocumentsRunTest, PrikazAndSpravkaCountTheSameSchools) {
  const auto& r = run_of(k_demo);
  ASSERT_EQ(r.result.exit_code, 2) << r.result.out;  // the demo's faulty forms
  const std::string spravka = test::dump_docx(r.spravka).all_text();
  const std::regex counted("представили формы (\\d+) из (\\d+) ОО, приняты к обработке формы (\\d+) ОО");
  std::smatch s;
  ASSERT_TRUE(std::regex_search(spravka, s, counted)) << spravka;
  ASSERT_NE(s[1], s[3]);  // the case this test is about: some forms were not accepted
  const std::string prikaz = test::dump_docx(r.prikaz).all_text();
  EXPECT_NE(prikaz.find("формы представили " + s[1].str() + " из " + s[2].str() + " ОО"), std::string::npos)
      << prikaz;
  EXPECT_NE(prikaz.find("приняты к обработке формы " + s[3].str() + " ОО"), std::string::npos) << prikaz;
}

// Every method: wherever the справка or the приказ says how many schools sent a
// form and how many were accepted, it is the same pair of figures (the issue's
// «16 из 18» in one section and «12 из 18» in the conclusions).
TEST(DocumentsRunTest, EveryCountOfParticipationIsTheSameEverywhere) {
  const std::regex sent("(?:представили формы|формы представили) (\\d+) из (\\d+) ОО");
  const std::regex accepted("приняты к обработке формы (\\d+) ОО");
  for (const auto* c : {&k_lk, &k_balakhta, &k_krymsk, &k_demo}) {
    const auto& r = run_of(*c);
    ASSERT_TRUE(fs::exists(r.spravka)) << c->method << r.result.out;
    std::set<std::string> sent_pairs, accepted_counts;
    for (const auto& file : {r.spravka, r.prikaz}) {
      const std::string text = test::dump_docx(file).all_text();
      for (std::sregex_iterator it(text.begin(), text.end(), sent), end; it != end; ++it) {
        sent_pairs.insert((*it)[1].str() + " из " + (*it)[2].str());
      }
      for (std::sregex_iterator it(text.begin(), text.end(), accepted), end; it != end; ++it) {
        accepted_counts.insert((*it)[1].str());
      }
    }
    EXPECT_EQ(sent_pairs.size(), 1u) << c->method << ": " << ::testing::PrintToString(sent_pairs);
    EXPECT_LE(accepted_counts.size(), 1u) << c->method << ": " << ::testing::PrintToString(accepted_counts);
  }
}

// The sentences of a document, from its paragraphs and table cells.
std::vector<std::string> sentences(const test::DocxDump& d) {
  std::vector<std::string> out;
  auto split = [&](const std::string& text) {
    std::size_t from = 0;
    for (std::size_t at = text.find(". "); ; at = text.find(". ", at + 2)) {
      const std::size_t end = at == std::string::npos ? text.size() : at + 1;
      std::string s = text.substr(from, end - from);
      while (!s.empty() && s.front() == ' ') s.erase(0, 1);
      if (!s.empty()) out.push_back(s);
      if (at == std::string::npos) break;
      from = at + 2;
    }
  };
  for (const auto& p : d.paragraphs) split(p.text);
  // A table row is read as one text: two indicators whose lists of schools
  // happen to carry the same values are two rows, not a repetition.
  for (const auto& t : d.tables) {
    for (const auto& row : t) {
      std::string text;
      for (const auto& cell : row) text += (text.empty() ? "" : " | ") + cell;
      split(text);
    }
  }
  return out;
}

// One recommendation names all the schools it concerns: no sentence of the
// справка or the приказ long enough to be advice is printed twice (LK printed
// the same sentence once per school, 17 times).
TEST(DocumentsRunTest, NoSentenceIsRepeatedInADocument) {
  for (const auto* c : {&k_lk, &k_balakhta, &k_krymsk, &k_demo}) {
    const auto& r = run_of(*c);
    for (const auto& file : {r.spravka, r.prikaz}) {
      ASSERT_TRUE(fs::exists(file)) << file;
      std::map<std::string, int> seen;
      for (const auto& s : sentences(test::dump_docx(file))) {
        if (s.size() >= 80) ++seen[s];  // 80 bytes: some forty Cyrillic letters, a clause at least
      }
      for (const auto& [s, n] : seen) EXPECT_EQ(n, 1) << c->method << " " << file.filename() << ": " << s;
    }
  }
}

// The справка opens with a summary and keeps the detail in appendices (seed
// 000 is one page; the issue measured some 2,500 words in all): the summary,
// all before the first appendix, is at most 750 words — LibreOffice prints
// some 250 of them a page in Times New Roman 14 at 1.5 spacing (the demo's
// 665 words fill 2.7 pages), so three pages at most — and Leninsk-Kuznetsky's
// (about 400 words) leaves the appendices to page 3.
// What stands behind the summary is in the appendices, not on its pages:
// values from small denominators and rubric parameters not assessed (demo).
TEST(DocumentsRunTest, SpravkaDetailIsInTheAppendices) {
  const auto d = test::dump_docx(run_of(k_demo).spravka);
  std::string summary;
  for (const auto& p : d.paragraphs) {
    if (p.style == "Heading 1") break;
    summary += p.text + "\n";
  }
  const std::string all = d.all_text();
  // The workbook's «Справка» sheet has no page to keep: the details follow its summary.
  const auto& r = run_of(k_demo);
  const auto book = r.spravka.parent_path() / ("Итоги_" + k_demo.id + "_" + k_demo.period + ".xlsx");
  const std::string sheet = test::openpyxl_eval(book, R"(
for row in wb['Справка'].iter_rows(values_only=True):
    for v in row:
        if isinstance(v, str): print(v)
)");
  EXPECT_NE(sheet.find("Подробнее о результатах"), std::string::npos) << sheet;
  for (const char* detail : {"Мало данных (знаменатель меньше", "Не оценивается (нет данных за предыдущий период",
                             "Наименьшая доля баллов"}) {
    EXPECT_EQ(summary.find(detail), std::string::npos) << detail;
    EXPECT_NE(all.find(detail), std::string::npos) << detail;
    EXPECT_NE(sheet.find(detail), std::string::npos) << detail;
  }
}

TEST(DocumentsRunTest, SpravkaSummaryIsAtMostThreePages) {
  for (const auto* c : {&k_lk, &k_balakhta, &k_krymsk, &k_demo}) {
    const auto& r = run_of(*c);
    const auto d = test::dump_docx(r.spravka);
    std::size_t words = 0;
    for (const auto& p : d.paragraphs) {
      if (p.style == "Heading 1") break;
      std::istringstream in(p.text);
      for (std::string w; in >> w;) {
        if (std::any_of(w.begin(), w.end(), [](char ch) { return std::isalnum(static_cast<unsigned char>(ch)) ||
                                                                  static_cast<unsigned char>(ch) >= 0x80; })) {
          ++words;
        }
      }
    }
    EXPECT_GT(words, 100u) << c->method;  // it does say something
    EXPECT_LE(words, 620u) << c->method;  // 665 on the demo before the detail moved to the appendices
  }
  if (!test::have_libreoffice()) GTEST_SKIP() << "soffice not installed";
  test::TempDir dir;
  const std::string pdf = test::pdf_text(run_of(k_lk).spravka, dir);
  const std::regex appendix("\\n\\s*Значения показателей\\s*\\n");
  std::smatch m;
  ASSERT_TRUE(std::regex_search(pdf, m, appendix)) << pdf;
  const auto pages_before = std::count(pdf.begin(), pdf.begin() + m.position(0), '\f');
  EXPECT_LE(pages_before, 2) << pdf.substr(0, static_cast<std::size_t>(m.position(0)));
}

// The method's documents are named as titled, in the nominative, where the
// grammar allows it: after a dash, never after «на основании» («на основании
// «Положение …»» needed «Положения»). Every shipped method names its basis.
TEST(DocumentsRunTest, TheBasisIsNamedInItsOwnWords) {
  for (const auto* c : {&k_lk, &k_balakhta, &k_krymsk, &k_demo}) {
    const auto d = test::dump_docx(run_of(*c).spravka);
    std::string all;
    for (const auto& p : d.paragraphs) all += p.text + "\n";
    for (std::size_t at; (at = all.find("\u00a0")) != std::string::npos;) all.replace(at, 2, " ");
    EXPECT_EQ(all.find("на основании «"), std::string::npos) << c->method;
    const auto at = all.find("проведения мониторинга — ");
    ASSERT_NE(at, std::string::npos) << c->method << "\n" << all.substr(0, 1500);
    const std::string next = all.substr(at + std::string("проведения мониторинга — ").size(), 40);
    EXPECT_TRUE(next.rfind("Положение", 0) == 0 || next.rfind("Муниципальная", 0) == 0 ||
                next.rfind("Дорожная", 0) == 0 || next.rfind("Приказ", 0) == 0)
        << c->method << ": " << next;
  }
}

// One set of facts: every share («68,8 %») and every difference («21,2 п.п.»)
// the справка and the приказ print is a figure of the results workbook, read
// by openpyxl (a number rounded half up to one decimal, as printed, or a
// figure inside a cell's text).
TEST(DocumentsRunTest, EveryFigureOfTheDocumentsIsInTheResultsWorkbook) {
  for (const auto* c : {&k_lk, &k_balakhta, &k_krymsk, &k_demo}) {
    const auto& r = run_of(*c);
    const auto book = r.spravka.parent_path() / ("Итоги_" + c->id + "_" + c->period + ".xlsx");
    ASSERT_TRUE(fs::exists(book)) << book;
    const auto lines = test::split_lines(test::openpyxl_eval(book, R"(
import re
from decimal import Decimal, ROUND_HALF_UP
seen = set()
for ws in wb.worksheets:
    for row in ws.iter_rows():
        for cell in row:
            v = cell.value
            if v is None or isinstance(v, bool):
                continue
            if isinstance(v, (int, float)):
                for d in (Decimal(repr(v)), Decimal(repr(v)) * 100, -Decimal(repr(v))):
                    seen.add(str(d.quantize(Decimal('0.1'), rounding=ROUND_HALF_UP)).replace('.', ','))
            else:
                seen.update(re.findall(r'\d+,\d', str(v)))
print('\n'.join(sorted(seen)))
)"));
    const std::set<std::string> figures(lines.begin(), lines.end());
    ASSERT_GT(figures.size(), 10u) << c->method;
    const std::regex printed("(\\d+,\\d) (?:%|п\\.п\\.)");
    for (const auto& file : {r.spravka, r.prikaz}) {
      const std::string text = test::dump_docx(file).all_text();
      for (std::sregex_iterator it(text.begin(), text.end(), printed), end; it != end; ++it) {
        const std::string figure = (*it)[1].str();
        const auto at = static_cast<std::size_t>(it->position(0));
        EXPECT_TRUE(figures.contains(figure))
            << c->method << " " << file.filename() << ": " << figure << " in «"
            << text.substr(at > 120 ? at - 120 : 0, 160) << "»";
      }
    }
  }
}

// Balakhta and Krymsk are районы: «по району», never «округ»; yes/no as schools.
TEST(DocumentsRunTest, BalakhtaSpeaksOfARayonAndOfSchools) {
  const auto& r = run_of(k_balakhta);
  ASSERT_EQ(r.result.exit_code, 2) << r.result.out;
  for (const auto& file : {r.spravka, r.prikaz}) {
    const auto d = test::dump_docx(file);
    const std::string text = d.all_text();
    EXPECT_EQ(text.find("округ"), std::string::npos) << file;
    expect_no_faults(d);
  }
  const auto d = test::dump_docx(r.spravka);
  EXPECT_EQ(d.tables[0][0][2], "Значение по району");
  const auto yes = d.row(0, "12");
  ASSERT_GE(yes.size(), 3u);
  EXPECT_NE(yes[2].find(" из 8 ОО"), std::string::npos) << yes[2];
  EXPECT_NE(d.all_text().find("Формы 2 ОО не приняты из-за ошибок заполнения (МБОУ «Приозёрная СОШ», МБОУ «Заозёрная ООШ»)"), std::string::npos);
  EXPECT_NE(d.all_text().find("цель — получение объективной информации"), std::string::npos);
  const auto prikaz = test::dump_docx(r.prikaz);
  EXPECT_NE(prikaz.all_text().find("Руководитель управления образования\tК.А. Кузьмин"), std::string::npos);
}

TEST(DocumentsRunTest, KrymskRubricAndGroupsNeverContradictEachOther) {
  const auto& r = run_of(k_krymsk);
  ASSERT_EQ(r.result.exit_code, 2) << r.result.out;
  const auto d = test::dump_docx(r.spravka);
  const std::string text = d.all_text();
  EXPECT_EQ(text.find("округ"), std::string::npos);
  EXPECT_NE(text.find("По рубрике «Оценка муниципальной системы методической работы» район набрал 38 из 71 "
                      "балла (53,5 %), уровень «средний» (в методике заявлен максимум 74, сумма баллов по "
                      "строкам — 71; используется сумма по строкам)."),
            std::string::npos)
      << text;
  // «Показатели» is 8 of 8 at every school: the method's, said so.
  EXPECT_NE(text.find("Блок «Показатели» (8 из 8 баллов) у всех ОО одинаков: он оценивает методику района"),
            std::string::npos);
  // Groups are profiles, never named like levels.
  for (const char* level : {"«высокий уровень»", "«средний уровень»", "«низкий уровень»", "Опережающ",
                            "опережающ", "Группа поддержки", "группы поддержки", "Основная группа"}) {
    EXPECT_EQ(text.find(level), std::string::npos) << level;
  }
  expect_no_faults(d);
  const auto prikaz = test::dump_docx(r.prikaz);
  EXPECT_NE(prikaz.all_text().find(
                "Контроль за исполнением приказа возложить на заместителя начальника управления образования "
                "З.А. Резник."),
            std::string::npos);
  EXPECT_NE(prikaz.all_text().find("А.А. Пацюк, директору МКУ ИМЦ, обеспечить организационное"), std::string::npos);
  // The methodical centre's measures under its director, by name.
  EXPECT_NE(prikaz.all_text().find(". А.А. Пацюк, директору МКУ ИМЦ:\n"), std::string::npos) << prikaz.all_text();
  expect_no_faults(prikaz);
}

// LibreOffice (a second reader) opens both documents without complaint and prints them.
TEST(DocumentsRunTest, LibreOfficePrintsBothDocuments) {
  if (!test::have_libreoffice()) GTEST_SKIP() << "soffice not installed";
  const auto& r = run_of(k_krymsk);
  ASSERT_TRUE(fs::exists(r.spravka));
  test::TempDir dir;
  const std::string spravka = test::pdf_text(r.spravka, dir);
  EXPECT_NE(spravka.find("Аналитическая справка"), std::string::npos);
  EXPECT_NE(spravka.find("Значения показателей"), std::string::npos);
  EXPECT_GE(std::count(spravka.begin(), spravka.end(), '\f'), 3);  // pages
  const std::string prikaz = test::pdf_text(r.prikaz, dir);
  EXPECT_NE(prikaz.find("Василенко"), std::string::npos);
}

// `metodmon documents` rebuilds the same files from the history and the
// archive of forms, without the inbox.
TEST(DocumentsRunTest, DocumentsCommandRebuildsTheSameFilesFromHistory) {
  const auto& r = run_of(k_lk);
  ASSERT_EQ(r.result.exit_code, 0) << r.result.out;
  const std::string spravka = test::read_file(r.spravka);
  const std::string prikaz = test::read_file(r.prikaz);
  fs::remove(r.spravka);
  fs::remove(r.prikaz);
  // The same configuration with its inbox gone (documents has no --inbox).
  auto text = test::read_file(r.config);
  for (std::size_t at = 0; (at = text.find("\"../../", at)) != std::string::npos;) {
    text.replace(at, 7, "\"" + test::source_dir().string() + "/");
  }
  const auto inbox = text.find("inbox = \"");
  text.replace(inbox, text.find('\n', inbox) - inbox, "inbox = \"/nonexistent\"");
  const auto no_inbox = r.dir.write("no_inbox.toml", text);
  const auto again = test::metodmon("documents -q --config " + test::shell_quote(no_inbox.string()) + " --output " +
                                        test::shell_quote((r.dir / "out").string()) + " --state " +
                                        test::shell_quote((r.dir / "state").string()),
                                    k_epoch);
  ASSERT_EQ(again.exit_code, 0) << again.out;
  EXPECT_EQ(test::read_file(r.spravka), spravka);
  EXPECT_EQ(test::read_file(r.prikaz), prikaz);
  const auto none = test::metodmon("documents -q " + config_args(r) + " --period 2023", k_epoch);
  EXPECT_EQ(none.exit_code, 1);
  EXPECT_NE(none.out.find("в истории нет завершённого запуска за период 2023"), std::string::npos) << none.out;
}

// The methodist's letter carries both documents.
TEST(DocumentsRunTest, MethodistLetterCarriesBothDocuments) {
  test::TempDir dir;
  test::DemoConfig c;
  c.extra = "[mail]\nenabled = true\ndry_run = true\nfrom = \"imc@example.ru\"\nmethodist = \"m@example.ru\"\n";
  const auto config = test::write_demo_config(dir, c);
  const auto r = test::metodmon("run -q --config " + test::shell_quote(config.string()));
  ASSERT_EQ(r.exit_code, 2) << r.out;
  int letters_with_documents = 0;
  for (const auto& e : fs::directory_iterator(dir / "state/outbox/2026-11")) {
    if (e.path().extension() != ".eml") continue;
    const std::string eml = test::read_file(e.path());
    std::size_t docx = 0;
    for (auto pos = eml.find("wordprocessingml.document"); pos != std::string::npos;
         pos = eml.find("wordprocessingml.document", pos + 1)) {
      ++docx;
    }
    if (docx > 0) {
      EXPECT_EQ(docx, 2u);
      EXPECT_NE(eml.find("m@example.ru"), std::string::npos);
      ++letters_with_documents;
    }
  }
  EXPECT_EQ(letters_with_documents, 1);
}

}  // namespace
