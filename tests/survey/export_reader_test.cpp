#include "survey/export_reader.h"

#include <gtest/gtest.h>

#include "survey_fixture.h"

namespace fs = std::filesystem;

namespace {

constexpr std::size_t k_satisfied = 0, k_digital = 1, k_sharing = 2, k_assessed = 3, k_mentoring = 4;

// A Google Forms CSV: rows 2-10 as the comments say.
const std::string k_google_csv =
    "\"Отметка времени\",\"Адрес электронной почты\",\"Ваша образовательная организация\","
    "\"Оцените, насколько вы удовлетворены методической поддержкой\",\"Как часто вы применяете цифровые ресурсы?\","
    "\"На каких уровнях вы транслируете опыт?\",\"Прошли ли вы независимую оценку компетенций?\","
    "\"Участвуете ли вы в наставничестве?\"\n"
    // 2: s01, everything counts — replaced by row 5 (same address, later)
    "14.05.2025 9:00:00,a@school.example,МБОУ СОШ №1,5,Регулярно,\"Школьный, Районный\",\"Да, успешно\",Да\n"
    // 3: s01, nothing counts
    "14.05.2025 9:05:00,b@school.example,Балахтинская школа № 1,3,Иногда,Не транслирую,Нет,Нет\n"
    // 4: s03 by its alias; satisfied, digital, mentoring; the checkbox left empty
    "15.05.2025 10:00:00,c@school.example,КСОШ,4,Регулярно,,\"Да, но не успешно\",Да\n"
    // 5: s01 again from a@ (upper case): only sharing counts
    "16.05.2025 11:00:00,A@School.example,МБОУ СОШ №1,2,Иногда,Районный,Нет,Нет\n"
    // 6: January: the previous collection's answer
    "16.01.2025 12:00:00,d@school.example,Кедровская СОШ,5,Регулярно,Школьный,\"Да, успешно\",Да\n"
    // 7: two schools № 5
    "17.05.2025 8:00:00,e@school.example,СОШ № 5,5,Регулярно,Школьный,\"Да, успешно\",Да\n"
    // 8: not in the registry
    "17.05.2025 8:30:00,f@school.example,Степановская СОШ,5,Регулярно,Школьный,\"Да, успешно\",Да\n"
    // 9: a 6 on a scale of 5
    "18.05.2025 9:00:00,g@school.example,Приозёрная ООШ,6,Регулярно,Школьный,Нет,Да\n"
    // 10: s04 with a comment spanning lines elsewhere? no: plain; satisfied, sharing, mentoring
    "18.05.2025 9:30:00,h@school.example,Приозерная основная школа,4,Не применяю,Региональный,Нет,Да\n";

class ExportReaderTest : public ::testing::Test {
 protected:
  test::SurveyWorld world;
  test::TempDir dir;

  model::SourceFile file(const fs::path& path) {
    model::SourceFile f;
    f.path = path;
    f.name = path.filename().string();
    return f;
  }
  static std::string text_of(const model::FileOutcome& o) {
    std::string out;
    for (const auto& d : o.diagnostics) out += model::severity_name(d.severity) + " " + model::to_string(d) + "\n";
    return out;
  }
  std::vector<int> counts_of(const survey::ExportReader& reader, std::string_view school) {
    const auto results = reader.results();
    const auto& c = results.front().schools[world.index_of(school)];
    std::vector<int> out{c.respondents};
    out.insert(out.end(), c.counted.begin(), c.counted.end());
    return out;
  }
};

TEST_F(ExportReaderTest, CountsAGoogleExportPerSchoolAndQuestion) {
  survey::ExportReader reader(world.definition, world.registry, world.period);
  const auto read = reader.read(file(dir.write("google.csv", k_google_csv)));
  EXPECT_EQ(read.outcome.outcome, model::Outcome::accepted) << text_of(read.outcome);
  ASSERT_EQ(read.survey, &world.survey());
  EXPECT_EQ(read.map.service, survey::Service::google);
  // respondents, then satisfied, digital, sharing, assessed, mentoring — from the rows above:
  // s01: rows 3 and 5 (5 replaced 2); s03: row 4; s04: row 10.
  EXPECT_EQ(counts_of(reader, "s01"), (std::vector<int>{2, 0, 0, 1, 0, 0}));
  EXPECT_EQ(counts_of(reader, "s03"), (std::vector<int>{1, 1, 1, 0, 0, 1}));
  EXPECT_EQ(counts_of(reader, "s04"), (std::vector<int>{1, 1, 0, 1, 0, 1}));
  EXPECT_EQ(counts_of(reader, "s05"), (std::vector<int>{0, 0, 0, 0, 0, 0}));
  const auto& r = read.report;
  EXPECT_EQ(r.rows, 9);
  EXPECT_EQ(r.counted, 5);
  EXPECT_EQ(r.other_period, 1);
  EXPECT_EQ(r.other_periods.at("2024-H2"), 1);
  EXPECT_EQ(r.ambiguous, 1);
  EXPECT_EQ(r.unmatched, 1);
  EXPECT_EQ(r.invalid, 1);
  EXPECT_EQ(r.duplicates, 1);
  EXPECT_EQ(r.schools.at(world.index_of("s01")).at("МБОУ СОШ №1"), 2);
  (void)k_satisfied, (void)k_digital, (void)k_sharing, (void)k_assessed, (void)k_mentoring;
}

TEST_F(ExportReaderTest, ListsEveryRowItDidNotCountWithItsCellAndText) {
  survey::ExportReader reader(world.definition, world.registry, world.period);
  const auto read = reader.read(file(dir.write("google.csv", k_google_csv)));
  EXPECT_EQ(text_of(read.outcome),
            "сведения google.csv: выгрузка анкеты «Анкета педагога» (Google Формы, CSV, UTF-8, разделитель «,»): "
            "учтено 5 ответов из 9; за другие периоды — 1; не учтены из-за ошибок — 3; повторов, учтённых один раз, — 1\n"
            "предупреждение google.csv:B5: повторный ответ с того же адреса, что в строке 2: учтён один раз — этот, "
            "более поздний, найдено «a@school.example». Как исправить: если это два разных педагога, проверьте адреса в "
            "форме\n"
            "ошибка google.csv:C7: название подходит нескольким школам (МБОУ «Черёмуховская СОШ № 5»; МБОУ «Таёжная СОШ "
            "№ 5»): ответ не учтён, найдено «СОШ № 5». Как исправить: добавьте это название в столбец aliases строки "
            "нужной школы в реестре и запустите снова\n"
            "ошибка google.csv:C8: школа не найдена в реестре: ответ не учтён, найдено «Степановская СОШ». Как "
            "исправить: если это школа района, добавьте это название в столбец aliases её строки реестра школ (несколько "
            "названий — через «|») и запустите снова\n"
            "ошибка google.csv:D9: ответ на вопрос «Оцените, насколько вы удовлетворены методической поддержкой» "
            "должен быть целым числом от 1 до 5: ответ не учтён, найдено «6». Как исправить: если вариант в форме "
            "переименован или добавлен, внесите его в choices вопроса «satisfied» в методике\n");
}

// Yandex's export: an answer id, a column per checkbox option.
std::vector<test::XlsxRow> yandex_rows() {
  using S = std::string;
  const lxw_datetime d20 = {2025, 5, 20, 10, 0, 0}, d21 = {2025, 5, 21, 9, 0, 0};
  const S q = "На каких уровнях вы транслируете опыт?";
  return {
      {S("ID"), S("Время создания"), S("Ваша образовательная организация *"),
       S("Оцените, насколько вы удовлетворены методической поддержкой *"), S("Как часто вы применяете цифровые ресурсы? *"),
       q + " / Школьный", q + " / Районный", q + " / Региональный", q + " / Не транслирую",
       S("Прошли ли вы независимую оценку компетенций? *"), S("Участвуете ли вы в наставничестве? *")},
      {1001.0, d20, S("s02"), 4.0, S("Регулярно"), S(""), S("Районный"), S(""), S(""), S("Да, успешно"), S("Да")},
      {1002.0, d20, S("СОШ 2"), 2.0, S("Иногда"), S(""), S(""), S(""), S("Не транслирую"), S("Нет"), S("Нет")},
      {1003.0, d21, S("Черёмуховская СОШ № 5"), 5.0, S("Регулярно"), S("1"), S(""), S(""), S(""), S("Нет"), S("Да")},
  };
}

TEST_F(ExportReaderTest, CountsAYandexWorkbookWithAColumnPerOption) {
  test::write_xlsx(dir / "yandex.xlsx", yandex_rows());
  survey::ExportReader reader(world.definition, world.registry, world.period);
  const auto read = reader.read(file(dir / "yandex.xlsx"));
  EXPECT_EQ(read.outcome.outcome, model::Outcome::accepted) << text_of(read.outcome);
  EXPECT_EQ(read.map.service, survey::Service::yandex);
  EXPECT_EQ(counts_of(reader, "s02"), (std::vector<int>{2, 1, 1, 1, 1, 1}));
  EXPECT_EQ(counts_of(reader, "s05"), (std::vector<int>{1, 1, 1, 1, 0, 1}));
}

TEST_F(ExportReaderTest, TheSameAnswersDownloadedTwiceCountOnce) {
  test::write_xlsx(dir / "yandex.xlsx", yandex_rows());
  // A later CSV download of the same form: the three answers again and one more.
  const std::string later =
      "ID;Время создания;Ваша образовательная организация;Оцените, насколько вы удовлетворены методической поддержкой;"
      "Как часто вы применяете цифровые ресурсы?;На каких уровнях вы транслируете опыт? / Школьный;На каких уровнях вы "
      "транслируете опыт? / Районный;На каких уровнях вы транслируете опыт? / Региональный;На каких уровнях вы "
      "транслируете опыт? / Не транслирую;Прошли ли вы независимую оценку компетенций?;Участвуете ли вы в "
      "наставничестве?\n"
      "1001;2025-05-20 10:00:00;s02;4;Регулярно;;Районный;;;Да, успешно;Да\n"
      "1002;2025-05-20 10:00:00;СОШ 2;2;Иногда;;;;Не транслирую;Нет;Нет\n"
      "1003;2025-05-21 09:00:00;Черёмуховская СОШ № 5;5;Регулярно;1;;;;Нет;Да\n"
      "1004;2025-05-22 09:00:00;Черёмуховская СОШ № 5;1;Не применяю;;;;Не транслирую;Нет;Нет\n";
  survey::ExportReader reader(world.definition, world.registry, world.period);
  reader.read(file(dir / "yandex.xlsx"));
  const auto read = reader.read(file(dir.write("yandex later.csv", later)));
  EXPECT_EQ(read.outcome.outcome, model::Outcome::accepted) << text_of(read.outcome);
  EXPECT_EQ(read.report.duplicates, 3);
  EXPECT_NE(text_of(read.outcome).find("предупреждение yandex later.csv: 3 ответов этой выгрузки есть и в выгрузке "
                                       "«yandex.xlsx» (те же ID): каждый учтён один раз"),
            std::string::npos)
      << text_of(read.outcome);
  EXPECT_EQ(counts_of(reader, "s02"), (std::vector<int>{2, 1, 1, 1, 1, 1}));
  EXPECT_EQ(counts_of(reader, "s05"), (std::vector<int>{2, 1, 1, 1, 0, 1}));
}

TEST_F(ExportReaderTest, AnExportOfAnotherPeriodOnlyIsNotCounted) {
  const std::string january = test::google_header().front() + ",Ваша образовательная организация," +
                              "\"Оцените, насколько вы удовлетворены методической поддержкой\",Как часто вы применяете "
                              "цифровые ресурсы?,На каких уровнях вы транслируете опыт?,Прошли ли вы независимую оценку "
                              "компетенций?,Участвуете ли вы в наставничестве?\n"
                              "16.01.2025 12:00:00,КСОШ,5,Регулярно,Школьный,Нет,Да\n";
  survey::ExportReader reader(world.definition, world.registry, world.period);
  const auto read = reader.read(file(dir.write("january.csv", january)));
  EXPECT_EQ(read.outcome.outcome, model::Outcome::other_period);
  EXPECT_EQ(text_of(read.outcome),
            "сведения january.csv: все ответы выгрузки — за другие периоды (2-е полугодие 2024: 1); за 1-е полугодие "
            "2025 ответов нет: выгрузка не учитывается\n");
  EXPECT_EQ(counts_of(reader, "s03"), (std::vector<int>{0, 0, 0, 0, 0, 0}));
}

TEST_F(ExportReaderTest, BadFilesGetAClearErrorAndTheOthersGoOn) {
  survey::ExportReader reader(world.definition, world.registry, world.period);
  std::string header_only = k_google_csv.substr(0, k_google_csv.find('\n') + 1);
  const auto big = dir.write("big.csv", header_only);
  fs::resize_file(big, 200ull << 20);
  const std::vector<std::pair<fs::path, std::string>> bad = {
      {dir.write("empty.csv", ""), "empty.csv: файл пустой (0 байт): в нём нет ответов анкеты"},
      {dir.write("header.csv", header_only), "header.csv: в выгрузке нет ни одного ответа (только строка заголовков)"},
      {dir.write("other.csv", "Отметка времени,Ваш возраст,Ваш стаж,Ваша образовательная организация\n1,2,3,4\n"),
       "other.csv: это не выгрузка ответов анкеты «Анкета педагога»: в первой строке найдено вопросов анкеты 0 из 5 — "
       "похоже на выгрузку другой анкеты или другой файл, найдено «Отметка времени; Ваш возраст; Ваш стаж; Ваша "
       "образовательная организация»"},
      {dir.write("schools.csv", test::k_survey_registry),
       "schools.csv: это не выгрузка ответов анкеты «Анкета педагога»: в первой строке найдено вопросов анкеты 0 из 5, "
       "вопроса о школе нет"},
      {dir.write("note.txt", "Анкеты пришлю завтра.\nИванова"), "note.txt: это не выгрузка ответов анкеты"},
      {big, "big.csv: файл больше 100 МБ (200 МБ)"},
      {dir.write("cut.csv", header_only + "14.05.2025 9:00:00,a@school.example,КСОШ,5,Регулярно,\"Школьный\n"),
       "cut.csv:2: кавычка, открытая в этой строке, не закрыта до конца файла"},
  };
  for (const auto& [path, message] : bad) {
    const auto read = reader.read(file(path));
    EXPECT_EQ(read.outcome.outcome, model::Outcome::rejected) << path;
    ASSERT_FALSE(read.outcome.diagnostics.empty()) << path;
    EXPECT_EQ(read.outcome.diagnostics.front().severity, model::Severity::error);
    const auto said = model::to_string(read.outcome.diagnostics.front());
    EXPECT_NE(said.find(message), std::string::npos) << "said: " << said;
  }
  const auto good = reader.read(file(dir.write("google.csv", k_google_csv)));
  EXPECT_EQ(good.outcome.outcome, model::Outcome::accepted);
  // Only the good file counted: the cut one's row is not there.
  EXPECT_EQ(counts_of(reader, "s03"), (std::vector<int>{1, 1, 1, 0, 0, 1}));
}

TEST_F(ExportReaderTest, AnExportMissingAQuestionIsRefusedNamingIt) {
  std::string csv = k_google_csv;
  const std::string q = "\"Участвуете ли вы в наставничестве?\"";
  csv.replace(csv.find(q), q.size(), "\"Участвуете ли вы в работе ШМО?\"");
  survey::ExportReader reader(world.definition, world.registry, world.period);
  const auto read = reader.read(file(dir.write("renamed.csv", csv)));
  EXPECT_EQ(read.outcome.outcome, model::Outcome::rejected);
  EXPECT_EQ(text_of(read.outcome),
            "ошибка renamed.csv: в выгрузке нет столбца вопроса «Участвуете ли вы в наставничестве?»; похожий столбец H "
            "— «Участвуете ли вы в работе ШМО?». Как исправить: если вопрос в форме переформулирован, укажите заголовок "
            "его столбца в column = \"…\" у вопроса в методике; ответы выгрузки не учтены\n");
  EXPECT_EQ(counts_of(reader, "s03"), (std::vector<int>{0, 0, 0, 0, 0, 0}));
}

TEST_F(ExportReaderTest, AWindows1251CopySavedByExcelReadsAlike) {
  std::string semicolons;
  bool quoted = false;
  for (const char c : k_google_csv) {
    if (c == '"') quoted = !quoted;
    semicolons += c == ',' && !quoted ? ';' : c;
  }
  test::write_cp1251(dir, semicolons, dir / "excel.csv");
  survey::ExportReader reader(world.definition, world.registry, world.period);
  const auto read = reader.read(file(dir / "excel.csv"));
  EXPECT_EQ(read.outcome.outcome, model::Outcome::accepted) << text_of(read.outcome);
  EXPECT_EQ(survey::describe(read.info), "CSV, Windows-1251, разделитель «;»");
  EXPECT_EQ(counts_of(reader, "s01"), (std::vector<int>{2, 0, 0, 1, 0, 0}));
  EXPECT_EQ(counts_of(reader, "s04"), (std::vector<int>{1, 1, 0, 1, 0, 1}));
}

TEST_F(ExportReaderTest, AFileCutShortTakesBackWhatItsRowsChanged) {
  survey::ExportReader reader(world.definition, world.registry, world.period);
  reader.read(file(dir.write("google.csv", k_google_csv)));
  const std::string header = k_google_csv.substr(0, k_google_csv.find('\n') + 1);
  // c@ answers again later (it would replace row 4), a new teacher too; then the file breaks.
  const std::string cut = header +
                          "20.05.2025 9:00:00,c@school.example,КСОШ,1,Не применяю,Не транслирую,Нет,Нет\n"
                          "20.05.2025 9:10:00,z@school.example,КСОШ,5,Регулярно,Школьный,Нет,Да\n"
                          "20.05.2025 9:20:00,y@school.example,КСОШ,5,Регулярно,\"Школьный\n";
  const auto read = reader.read(file(dir.write("cut.csv", cut)));
  EXPECT_EQ(read.outcome.outcome, model::Outcome::rejected);
  EXPECT_EQ(counts_of(reader, "s03"), (std::vector<int>{1, 1, 1, 0, 0, 1}));
  // The same rows in a whole file do count: the later answer replaces row 4.
  const auto whole = reader.read(file(dir.write("whole.csv", cut.substr(0, cut.rfind("20.05.2025 9:20")))));
  EXPECT_EQ(whole.outcome.outcome, model::Outcome::accepted);
  EXPECT_EQ(counts_of(reader, "s03"), (std::vector<int>{2, 1, 1, 1, 0, 1}));
}

}  // namespace
