// Balakhta end to end from its questionnaire exports (sample_workbooks/balakhta:
// Yandex XLSX and a later CSV download, Google CSV, XLSX and an Excel re-save
// in Windows-1251, made by scripts/survey_exports.py) and the administrative
// teams' forms: the real binary, the results workbook read back, the Справка
// through python-docx, a director's letter from the dry-run outbox. Every
// figure below is computed here, by hand, from the generator's plan (its
// PLAN table: respondents and counted answers per school) and the registry's
// teachers — not copied from a run.
//
// Registry teachers: bl01 42, bl02 35, bl03 18, bl04 22, bl05 9, bl06 16,
// bl07 20, bl08 8, bl09 24, bl10 6 (200). Respondents: 31, 26, 15, 17, 7, 12,
// 16, 6, 19, 2 (151). Indicator 1 (satisfied, 4-5 of 5): 25, 20, 13, 12, 5,
// 9, 14, 4, 15, 2. Indicator 7 (sharing, any level): 14, 10, 9, 6, 2, 5, 8,
// 2, 7, 1. bl10: 2 of 6 = 33 % < 50 %: its questionnaire values are left out.
#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <memory>
#include <sstream>

#include "ingest/workbook.h"
#include "support/docx_dump.h"
#include "support/metodmon_cli.h"
#include "support/russian_text.h"
#include "support/temp_dir.h"

namespace fs = std::filesystem;

namespace {

constexpr const char* k_epoch = "SOURCE_DATE_EPOCH=1748851200 TZ=Asia/Krasnoyarsk";  // 2 June 2025

// Balakhta's method and registry, inbox `inbox`, a dry-run [mail] so that
// directors' letters are written to the outbox.
fs::path write_config(const test::TempDir& dir, const fs::path& inbox) {
  const auto root = test::source_dir();
  std::ostringstream toml;
  toml << "[monitoring]\n"
       << "definition = \"" << (root / "templates/balakhta.toml").string() << "\"\n"
       << "schools = \"" << (root / "templates/balakhta_schools.csv").string() << "\"\n"
       << "period = \"2025-H1\"\n\n"
       << "[paths]\ninbox = \"" << inbox.string() << "\"\noutput = \"" << (dir / "out").string() << "\"\nstate = \""
       << (dir / "state").string() << "\"\n\n"
       << "[forms]\npassword = \"balakhta\"\n\n[inbox]\nsettle_seconds = 0\n\n"
       << "[mail]\nenabled = true\ndry_run = true\nfrom = \"uo@balakhta-edu.example\"\n"
       << "methodist = \"metodist@balakhta-edu.example\"\n";
  return dir.write("balakhta.toml", toml.str());
}

fs::path samples() { return test::source_dir() / "sample_workbooks/balakhta"; }

struct Run {
  test::TempDir dir;
  test::ProcessResult result;
  fs::path out;  // <output>/2025-H1
  std::map<std::string, std::string> inputs_before;
};

const Run& sample_run() {
  static std::unique_ptr<Run> run;
  if (!run) {
    run = std::make_unique<Run>();
    run->inputs_before = test::tree_hashes(samples());
    const auto config = write_config(run->dir, samples());
    run->result = test::metodmon("run -q --config " + test::shell_quote(config.string()), k_epoch);
    run->out = run->dir / "out" / "2025-H1";
  }
  return *run;
}

std::string all_text(const ingest::Sheet& s) {
  std::string text;
  for (const auto& cell : s.cells) text += cell.text + "\n";
  return text;
}

double percent(double num, double den) { return num / den * 100.0; }

// «Сводка»: the row of a school (column A) and the column of an indicator
// (headed "<code> <name>").
struct SummarySheet {
  const ingest::Sheet* sheet = nullptr;
  std::optional<std::uint32_t> row(const std::string& first_cell, bool prefix = false) const {
    for (const auto& c : sheet->cells) {
      if (c.ref.col == 0 && (prefix ? c.text.starts_with(first_cell) : c.text == first_cell)) return c.ref.row;
    }
    return std::nullopt;
  }
  std::optional<std::uint32_t> column(const std::string& code) const {
    for (const auto& c : sheet->cells) {
      if (c.type == ingest::CellType::string && c.text.starts_with(code + " ")) return c.ref.col;
    }
    return std::nullopt;
  }
  const ingest::Cell* at(std::uint32_t r, std::uint32_t c) const { return sheet->find({r, c}); }
};

TEST(SurveyRunTest, RunsFromTheExportsAndTheFormsLeavingTheInboxAsItWas) {
  const auto& r = sample_run();
  // bl04 and bl08 send forms with mistakes (fill_samples.py): 2, as ever.
  EXPECT_EQ(r.result.exit_code, 2) << r.result.out;
  EXPECT_TRUE(fs::exists(r.out / "Итоги_balakhta_2025-H1.xlsx")) << r.result.out;
  EXPECT_EQ(test::tree_hashes(samples()), r.inputs_before);
}

TEST(SurveyRunTest, SummaryHoldsTheHandComputedShares) {
  const auto& r = sample_run();
  const auto wb = ingest::read_workbook(r.out / "Итоги_balakhta_2025-H1.xlsx");
  ASSERT_TRUE(wb) << model::to_string(wb.error());
  const SummarySheet s{wb->sheet("Сводка")};
  ASSERT_NE(s.sheet, nullptr);
  const auto c1 = s.column("1"), c7 = s.column("7"), ca = s.column("А"), c2 = s.column("2");
  ASSERT_TRUE(c1 && c7 && ca && c2);
  const auto share = [&](const std::string& school, std::uint32_t col) -> double {
    const auto row = s.row(school);
    EXPECT_TRUE(row) << school;
    const auto* cell = row ? s.at(*row, col) : nullptr;
    EXPECT_TRUE(cell != nullptr && cell->type == ingest::CellType::number) << school << " col " << col;
    return cell != nullptr ? cell->number * 100.0 : -1.0;
  };
  EXPECT_NEAR(share("МБОУ «Кедровская СОШ»", *c1), percent(13, 18), 1e-9);       // 72.2 %
  EXPECT_NEAR(share("МБОУ «Кедровская СОШ»", *ca), percent(15, 18), 1e-9);       // coverage 83.3 %
  EXPECT_NEAR(share("МБОУ «Балахтинская СОШ № 1»", *c7), percent(14, 42), 1e-9);
  // bl07: a teacher answered twice (Google, same address): counted once, 16 of 20.
  EXPECT_NEAR(share("МБОУ «Ключевская СОШ»", *ca), percent(16, 20), 1e-9);
  // bl04's form is rejected, its teachers' answers count all the same.
  EXPECT_NEAR(share("МБОУ «Приозёрная СОШ»", *c1), percent(12, 22), 1e-9);
  const auto bl04 = s.row("МБОУ «Приозёрная СОШ»");
  ASSERT_TRUE(bl04);
  ASSERT_NE(s.at(*bl04, *c2), nullptr);
  EXPECT_EQ(s.at(*bl04, *c2)->text, "—");  // indicator 2 is the form's
  // bl10: 2 of 6 answered, below 50 %: no value for indicator 1, coverage shown.
  const auto bl10 = s.row("МБОУ «Рябиновская НОШ»");
  ASSERT_TRUE(bl10);
  ASSERT_NE(s.at(*bl10, *c1), nullptr);
  EXPECT_EQ(s.at(*bl10, *c1)->text, "—");
  EXPECT_NEAR(share("МБОУ «Рябиновская НОШ»", *ca), percent(2, 6), 1e-9);
  // The district: Σ counted / Σ teachers over the schools with a value (not bl10).
  const auto district = s.row("Муниципалитет", true);
  ASSERT_TRUE(district);
  ASSERT_NE(s.at(*district, *c1), nullptr);
  EXPECT_NEAR(s.at(*district, *c1)->number * 100, percent(25 + 20 + 13 + 12 + 5 + 9 + 14 + 4 + 15, 200 - 6), 1e-9);
  EXPECT_NEAR(s.at(*district, *c7)->number * 100, percent(14 + 10 + 9 + 6 + 2 + 5 + 8 + 2 + 7, 200 - 6), 1e-9);
  EXPECT_NEAR(s.at(*district, *ca)->number * 100, percent(151, 200), 1e-9);
}

TEST(SurveyRunTest, ErrorsSheetListsEveryAnswerNotCountedAndTheLowResponseSchool) {
  const auto& r = sample_run();
  const auto wb = ingest::read_workbook(r.out / "Итоги_balakhta_2025-H1.xlsx");
  ASSERT_TRUE(wb);
  const auto* errors = wb->sheet("Ошибки");
  ASSERT_NE(errors, nullptr);
  const auto text = all_text(*errors);
  for (const char* expected :
       {"школа не найдена в реестре: ответ не учтён", "МБОУ «Степановская СОШ»", "C13",
        "название подходит нескольким школам (МБОУ «Балахтинская СОШ № 1»; МБОУ «Балахтинская СОШ № 2»)",
        "повторный ответ с того же адреса", "55 ответов этой выгрузки есть и в выгрузке «Яндекс_Анкета педагога_20.05.2025.xlsx»",
        "МБОУ «Рябиновская НОШ»: ответили 2 из 6 педагогов (33 %) — меньше порога 50 %",
        "за другие периоды — 4", "Windows-1251", "выгрузка анкеты (ответы разных ОО)"}) {
    EXPECT_NE(text.find(expected), std::string::npos) << expected;
  }
  int rejected = 0;
  for (const auto& cell : errors->cells) rejected += cell.text == "отклонён";
  EXPECT_EQ(rejected, 2);  // the two forms; every export is accepted
}

TEST(SurveyRunTest, SpravkaStatesTheDistrictFiguresAndWhoAnswered) {
  const auto& r = sample_run();
  const auto d = test::dump_docx(r.out / "Справка_balakhta_2025-H1.docx");
  const auto text = d.all_text();
  EXPECT_NE(text.find("принял участие 151 педагог из 200 по реестру школ (75,5 %)"), std::string::npos) << text;
  EXPECT_NE(text.find("Ответили меньше 50 % педагогов (1 ОО): МБОУ «Рябиновская НОШ»"), std::string::npos);
  // Forms: bl04 and bl08 rejected, whatever their teachers answered.
  EXPECT_NE(text.find("Формы 2 ОО не приняты из-за ошибок заполнения"), std::string::npos) << text;
  EXPECT_NE(text.find("представили формы 10 из 10 ОО, приняты к обработке формы 8 ОО"), std::string::npos) << text;
  const auto one = d.row(0, "1");
  ASSERT_GE(one.size(), 3u);
  EXPECT_EQ(one[2], "60,3 %");  // 117 / 194
  const auto coverage = d.row(0, "А");
  ASSERT_GE(coverage.size(), 3u);
  EXPECT_EQ(coverage[2], "75,5 %");  // 151 / 200
  for (const auto& p : d.paragraphs) EXPECT_EQ(test::describe_faults(p.text), "") << p.text;
}

// A director's letter: the figures it states (mail::Figure, kept beside the
// letter in the outbox as <letter>.figures.tsv, which `send` compares when the
// results change) are its school's questionnaire values.
std::string letter_figures(const fs::path& outbox, const test::OutboxLetter& l) {
  const auto stem = l.file.substr(0, l.file.size() - std::string(".eml").size());
  return test::read_file(outbox / "2025-H1" / (stem + ".figures.tsv"));
}

TEST(SurveyRunTest, ADirectorsLetterStatesItsSchoolsAnswers) {
  const auto& r = sample_run();
  const auto outbox = r.dir / "state" / "outbox";
  const auto letters = test::outbox_letters(outbox);
  const test::OutboxLetter* kedrovka = nullptr;
  const test::OutboxLetter* ryabinovka = nullptr;
  for (const auto& l : letters) {
    if (l.to.find("kedrovka@") != std::string::npos) kedrovka = &l;
    if (l.to.find("ryabinovka@") != std::string::npos) ryabinovka = &l;
  }
  ASSERT_NE(kedrovka, nullptr);
  EXPECT_NE(kedrovka->body.find("МБОУ «Кедровская СОШ»"), std::string::npos) << kedrovka->body;
  EXPECT_EQ(kedrovka->attachments, 1);  // the school's workbook
  const auto k = letter_figures(outbox, *kedrovka);
  EXPECT_NE(k.find("72,2 % (13 из 18)"), std::string::npos) << k;  // indicator 1
  EXPECT_NE(k.find("83,3 % (15 из 18)"), std::string::npos) << k;  // coverage
  EXPECT_NE(k.find("50,0 % (9 из 18)"), std::string::npos) << k;   // indicator 7
  ASSERT_NE(ryabinovka, nullptr);
  const auto rb = letter_figures(outbox, *ryabinovka);
  EXPECT_NE(rb.find("нет значения: ответили меньше педагогов, чем требует порог охвата анкеты"), std::string::npos)
      << rb;
  EXPECT_NE(rb.find("33,3 % (2 из 6)"), std::string::npos) << rb;
}

// Bad files among the good ones: each gets a clear Russian error, the others
// are read as before (the district's figures do not move).
TEST(SurveyRunTest, BadExportsAreRefusedAndTheRestGoOn) {
  test::TempDir dir;
  const auto inbox = dir / "inbox";
  fs::create_directories(inbox);
  for (const auto& e : fs::directory_iterator(samples())) {
    fs::copy_file(e.path(), inbox / e.path().filename());
  }
  const auto header = [&] {
    std::string csv = test::read_file(samples() / "Google_Анкета педагога_Ключевская и Заозёрная.csv");
    return csv.substr(0, csv.find('\n') + 1);
  }();
  dir.write("inbox/пустая.csv", "");
  dir.write("inbox/только заголовок.csv", header);
  dir.write("inbox/анкета родителей.csv",
            "Отметка времени,Ваша образовательная организация,Довольны ли вы питанием?,Класс ребёнка\n"
            "15.05.2025 10:00:00,Кедровская СОШ,Да,5\n");
  dir.write("inbox/пояснение.txt", "Анкеты педагогов Таёжной школы пришлю в понедельник.\nИванова");
  const auto big = dir.write("inbox/огромная выгрузка.csv", header);
  fs::resize_file(big, 200ull << 20);
  const auto config = write_config(dir, inbox);
  const auto result = test::metodmon("run -q --config " + test::shell_quote(config.string()), k_epoch);
  EXPECT_EQ(result.exit_code, 2) << result.out;
  const auto wb = ingest::read_workbook(dir / "out/2025-H1/Итоги_balakhta_2025-H1.xlsx");
  ASSERT_TRUE(wb);
  const auto text = all_text(*wb->sheet("Ошибки"));
  for (const char* expected :
       {"файл пустой (0 байт): в нём нет ответов анкеты",
        "в выгрузке нет ни одного ответа (только строка заголовков)",
        "это не выгрузка ответов анкеты «Анкета педагога: методическая работа и профессиональное развитие»: в "
        "первой строке найдено вопросов анкеты 0 из 10",
        "файл больше 100 МБ (200 МБ) — выгрузка ответов не читается"}) {
    EXPECT_NE(text.find(expected), std::string::npos) << expected;
  }
  int rejected = 0;
  for (const auto& cell : wb->sheet("Ошибки")->cells) rejected += cell.text == "отклонён";
  EXPECT_EQ(rejected, 2 + 5);  // two forms, five bad files
  const SummarySheet s{wb->sheet("Сводка")};
  const auto district = s.row("Муниципалитет", true);
  const auto c1 = s.column("1");
  ASSERT_TRUE(district && c1);
  EXPECT_NEAR(s.at(*district, *c1)->number * 100, percent(117, 194), 1e-9);
}

TEST(SurveyRunTest, CheckSaysWhatItMappedAndWhatItDidNotCount) {
  test::TempDir dir;
  const auto config = write_config(dir, samples());
  const auto r = test::metodmon("check --config " + test::shell_quote(config.string()) + " " +
                                test::shell_quote((samples() / "Google_Анкета педагога_Ключевская и Заозёрная.csv").string()));
  EXPECT_EQ(r.exit_code, 2) << r.out;  // one answer not counted: a school not in the registry
  for (const char* expected :
       {"Google_Анкета педагога_Ключевская и Заозёрная.csv: выгрузка анкеты «Анкета педагога: методическая работа и "
        "профессиональное развитие» (Google Формы, CSV, UTF-8, разделитель «,»)",
        "    A «Отметка времени» — время ответа (по нему — период)",
        "    B «Адрес электронной почты» — адрес (ответы с одного адреса учитываются один раз)",
        "    C «Ваша образовательная организация» — школа",
        "— вопрос teachers_satisfied (шкала 1–5, засчитывается от 4)",
        "«Ваши предложения по методической работе» — не используется",
        "строк с ответами: 24; учтено: 23; школа не найдена: 1",
        "    bl07 МБОУ «Ключевская СОШ» — 17 ответов: ",
        "«Школа с. Ключи»",
        "ошибка: Google_Анкета педагога_Ключевская и Заозёрная.csv:C13: школа не найдена в реестре: ответ не учтён, "
        "найдено «МБОУ «Степановская СОШ»»",
        "предупреждение: Google_Анкета педагога_Ключевская и Заозёрная.csv:B24: повторный ответ с того же адреса, что "
        "в строке 21"}) {
    EXPECT_NE(r.out.find(expected), std::string::npos) << expected << "\n" << r.out;
  }
}

}  // namespace
