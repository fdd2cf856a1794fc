// `metodmon method` and a method a methodist writes herself: the empty
// workbook from `method new`, filled the way a person fills it (openpyxl,
// Debian's python3-openpyxl, finds rows by their labels, deletes the example
// rows, types codes, picks kinds by their shown names), checked, named in the
// configuration, and run end to end: forms, filled forms, results, documents.
// Then she changes it, and the forms of the old edition are told what changed.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <string>

#include "support/metodmon_cli.h"
#include "support/temp_dir.h"

namespace {

namespace fs = std::filesystem;

// 2027-03-01 09:00 in Moscow: `method new` writes targets from 2027 on.
constexpr std::string_view k_env = "SOURCE_DATE_EPOCH=1803967200 TZ=Europe/Moscow";

std::string q(const fs::path& p) { return test::shell_quote(p.string()); }

// The methodist's own method, typed into the workbook `method new` wrote.
constexpr std::string_view k_fill_method = R"py(
import sys, openpyxl
path = sys.argv[1]
wb = openpyxl.load_workbook(path)

def row_of(ws, label):
    for r in range(2, ws.max_row + 1):
        if ws.cell(r, 1).value == label:
            return r
    raise SystemExit('no row ' + label)

def put(sheet, label, value):
    ws = wb[sheet]
    ws.cell(row_of(ws, label), 2).value = value

def table(sheet, rows):
    ws = wb[sheet]
    ws.delete_rows(2, ws.max_row)
    for r, values in enumerate(rows, start=2):
        for c, v in enumerate(values, start=1):
            ws.cell(r, c).value = v

put('Общее', 'Идентификатор методики', 'ensk-mentoring')
put('Общее', 'Версия', '2027.1')
put('Общее', 'Название мониторинга', 'Мониторинг наставничества в образовательных организациях')
put('Общее', 'Муниципалитет', 'Энский муниципальный округ')
put('Общее', 'Периодичность', 'раз в год')
put('Общее', 'Рубрика: название', 'Оценка наставничества')
table('Направления', [['D1', 'Молодые педагоги и наставничество'], ['D2', 'Локальные акты']])
table('Поля формы', [
    ['teachers_total', 'Всего педагогических работников (чел.)', 'количество', 'Да', None, 500, None, 'D1'],
    ['young_total', 'Молодые педагоги (чел.)', 'количество', 'Да', None, None, 'teachers_total', 'D1'],
    ['young_mentored', 'Из них закреплены за наставником (чел.)', 'количество', 'Да', None, None, 'young_total', 'D1'],
    ['doc_mentoring', 'Есть Положение о наставничестве', 'да/нет', 'Да', None, None, None, 'D2'],
    ['contact', 'Ответственный за заполнение (ФИО)', 'текст', 'Нет'],
])
table('Показатели', [
    ['young_share', '1.1', 'Доля молодых педагогов, закреплённых за наставником', 'доля', 'young_mentored',
     'young_total', None, 'выше', 'D1', 'M1'],
    ['doc_share', '2.1', 'Наличие Положения о наставничестве', 'да/нет', None, None, 'doc_mentoring', 'выше',
     'D2', 'M2'],
])
ws = wb['Цели']
assert [ws.cell(1, c).value for c in (3, 4, 5)] == [2027, 2028, 2029], [ws.cell(1, c).value for c in (3, 4, 5)]
table('Цели', [['young_share', None, 80, 90], ['doc_share', None, 100, 100]])
table('Блоки рубрики', [['indicators', 'Показатели', 'по показателям', 4],
                        ['docs', 'Локальные акты', 'одно условие', 1]])
table('Рубрика', [['indicators', 'M1', 'наставничество'], ['indicators', 'M2', 'локальные акты'],
                  ['docs', 'ACT', 'Положение о наставничестве', 'met', 'Положение утверждено', 1, 'doc_mentoring']])
table('Рекомендации', [
    ['ниже цели года', 'young_share', None, None,
     '{indicator}: {value} при цели {target}. Закрепить наставников за всеми молодыми педагогами.'],
    ['нет документа', None, 'doc_mentoring', None, 'Нет Положения о наставничестве: утвердить Положение.'],
])
wb.save(path)
)py";

// Fills a blank form by its cells' names (in_<field>), as a school does.
constexpr std::string_view k_fill_form = R"py(
import sys, datetime, openpyxl
src, dst = sys.argv[1], sys.argv[2]
values = dict(a.split('=', 1) for a in sys.argv[3:])
wb = openpyxl.load_workbook(src)
names = {dn.name: next(dn.destinations) for dn in wb.defined_names.definedName}
def cell(name):
    sheet, ref = names[name]
    return wb[sheet][ref.replace('$', '')]
for key, value in values.items():
    cell('in_' + key).value = int(value) if value.isdigit() else value
cell('meta_filled_on').value = datetime.datetime(2027, 12, 10)
wb.save(dst)
)py";

struct Person {
  test::TempDir dir;
  fs::path book = dir / "Методика.xlsx";
  fs::path config = dir / "metodmon.toml";

  test::ProcessResult mm(const std::string& args) const { return test::metodmon(args, k_env); }

  void write_config() const {
    std::ofstream(config) << "[monitoring]\ndefinition = \"Методика.xlsx\"\nschools = \"schools.csv\"\n"
                             "period = \"2027\"\n\n[paths]\ninbox = \"inbox\"\noutput = \"out\"\nstate = \"state\"\n\n"
                             "[forms]\npassword = \"ensk\"\n\n[inbox]\nsettle_seconds = 0\n";
    std::ofstream(dir / "schools.csv")
        << "id;short_name;full_name;director;email\n"
           "s1;СОШ № 1;МБОУ «Средняя школа № 1»;Петрова Анна Викторовна;s1@ensk.example\n"
           "s2;СОШ № 2;МБОУ «Средняя школа № 2»;Сидоров Игорь Николаевич;s2@ensk.example\n"
           "s3;СОШ № 3;МБОУ «Средняя школа № 3»;Орлова Мария Павловна;s3@ensk.example\n";
  }

  void fill(const std::string& school, const std::vector<std::string>& values) const {
    std::vector<std::string> args{(dir / "forms" / (school + "_2027.xlsx")).string(),
                                  (dir / "inbox" / (school + "_2027.xlsx")).string()};
    args.insert(args.end(), values.begin(), values.end());
    const auto r = test::run_python(k_fill_form, args);
    ASSERT_EQ(r.exit_code, 0) << r.out;
  }
};

TEST(MethodCommandTest, AMethodWrittenInTheEmptyWorkbookRunsEndToEnd) {
  Person p;
  // 1. The empty workbook, filled in by hand and checked.
  auto r = p.mm("method new --out " + q(p.book));
  ASSERT_EQ(r.exit_code, 0) << r.out;
  r = p.mm("method check " + q(p.book));
  EXPECT_EQ(r.exit_code, 0) << r.out;  // the examples alone are a valid method
  auto filled = test::run_python(k_fill_method, {p.book.string()});
  ASSERT_EQ(filled.exit_code, 0) << filled.out;
  r = p.mm("method check " + q(p.book));
  ASSERT_EQ(r.exit_code, 0) << r.out;
  const auto lines = test::split_lines(r.out);
  ASSERT_EQ(lines.size(), 9u) << r.out;
  EXPECT_TRUE(lines[0].starts_with("Методика.xlsx: методика «Мониторинг наставничества в образовательных "
                                   "организациях» (ensk-mentoring), версия 2027.1, редакция формы "))
      << lines[0];
  EXPECT_EQ(lines[1], "  периодичность: раз в год; месяцы сбора: декабрь");
  EXPECT_EQ(lines[2], "  направления: 2");
  EXPECT_EQ(lines[3], "  поля формы: 5 (количество — 3, да/нет — 1, текст — 1)");
  EXPECT_EQ(lines[4], "  показатели: 2 (доля — 1, да/нет — 1)");
  EXPECT_EQ(lines[5], "  цели по годам: 2027 — 2 показателя, 2028 — 2 показателя");
  EXPECT_EQ(lines[6], "  рубрика «Оценка наставничества»: 2 блока, 3 позиции оценивания, максимум 5 баллов "
                      "(Показатели — 4, Локальные акты — 1)");
  EXPECT_EQ(lines[7], "  рекомендации: 2 правила");
  EXPECT_EQ(lines[8], "ошибок нет, предупреждений нет");

  // 2. Named in the configuration: forms, filled by three schools, a run, documents.
  p.write_config();
  r = p.mm("template -q -c " + q(p.config) + " --out " + q(p.dir / "forms"));
  ASSERT_EQ(r.exit_code, 0) << r.out;
  ASSERT_TRUE(fs::exists(p.dir / "forms/s1_2027.xlsx"));
  fs::create_directories(p.dir / "inbox");
  p.fill("s1", {"teachers_total=40", "young_total=10", "young_mentored=8", "doc_mentoring=Да", "contact=Иванова"});
  p.fill("s2", {"teachers_total=30", "young_total=5", "young_mentored=2", "doc_mentoring=Нет"});
  p.fill("s3", {"teachers_total=20", "young_total=4", "young_mentored=4", "doc_mentoring=Да"});
  r = p.mm("check -c " + q(p.config) + " " + q(p.dir / "inbox/s2_2027.xlsx"));
  EXPECT_EQ(r.exit_code, 0) << r.out;
  r = p.mm("run -q --dry-run -c " + q(p.config));
  ASSERT_EQ(r.exit_code, 0) << r.out;
  const auto results = p.dir / "out/2027/Итоги_ensk-mentoring_2027.xlsx";
  ASSERT_TRUE(fs::exists(results)) << r.out;
  // Figures worked out by hand: municipal share Σ/Σ = 14 / 19 = 73.68 %, the
  // schools' 80 %, 40 %, 100 %; the Положение at 2 of 3 schools.
  const auto sheet = test::openpyxl_eval(results, R"py(
wb2 = openpyxl.load_workbook(path, data_only=True)
def numbers(ws):
    return [c.value for row in ws.iter_rows() for c in row if isinstance(c.value, (int, float))]
nums = numbers(wb2['Сводка'])
def has(v):
    return any(abs(x - v) < 0.01 or abs(x * 100 - v) < 0.01 for x in nums)
print(has(14 / 19 * 100), has(80), has(40), has(100), has(2 / 3 * 100))
texts = [str(c.value) for row in wb2['Рекомендации'].iter_rows() for c in row if c.value is not None]
print(any('Закрепить наставников' in t for t in texts), any('Нет Положения о наставничестве' in t for t in texts))
m = wb2['Методика']
cells = {str(c.value) for row in m.iter_rows() for c in row if c.value is not None}
# The methodist's page names no file of the machine (issue 23: not the method's
# own workbook, no path), only the form's edition; the forms received are listed
# by their names (issue 25: each traced to its sender).
print(not any('Методика.xlsx' in t or '/tmp/' in t for t in cells), any('редакция формы' in t for t in cells))
)py");
  EXPECT_EQ(sheet, "True True True True True\nTrue True\nTrue True\n");
  r = p.mm("documents -q -c " + q(p.config));
  ASSERT_EQ(r.exit_code, 0) << r.out;
  const auto spravka = p.dir / "out/2027/Справка_ensk-mentoring_2027.docx";
  ASSERT_TRUE(fs::exists(spravka));
  const auto words = test::docx_eval(spravka, R"py(
text = '\n'.join(p.text for p in doc.paragraphs) + '\n'.join(c.text for t in doc.tables for row in t.rows for c in row.cells)
print('Доля молодых педагогов, закреплённых за наставником' in text, 'Энский муниципальный округ' in text)
)py");
  EXPECT_EQ(words, "True True\n");

  // 3. She changes the method during the collection: a limit and a new field.
  // The forms already filled are of the old edition: refused, with what changed.
  const auto edit = test::run_python(R"py(
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb['Поля формы']
assert ws['A3'].value == 'young_total'
ws['F3'] = 100
ws.append(['mentors', 'Педагоги-наставники (чел.)', 'количество', 'Да', None, None, 'teachers_total', 'D1'])
wb.save(sys.argv[1])
)py",
                                     {p.book.string()});
  ASSERT_EQ(edit.exit_code, 0) << edit.out;
  r = p.mm("check -c " + q(p.config) + " " + q(p.dir / "inbox/s2_2027.xlsx"));
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_NE(r.out.find("форма составлена по прежней редакции методики (редакция "), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("с тех пор в форме изменилось: поле «Молодые педагоги (чел.)»: наибольшее значение было "
                       "не задано, стало 100; добавлено поле «Педагоги-наставники (чел.)»"),
            std::string::npos)
      << r.out;
}

TEST(MethodCommandTest, ExportWritesAnyDefinitionAndCheckNamesItsMistakes) {
  test::TempDir dir;
  const auto book = dir / "demo.xlsx";
  auto r = test::metodmon("method export " + q(test::source_dir() / "templates/demo.toml") + " --out " + q(book));
  ASSERT_EQ(r.exit_code, 0) << r.out;
  EXPECT_EQ(r.out, "методика «Мониторинг методической работы в образовательных организациях» (demo-ensk) "
                   "записана в " + book.string() + ": 18 полей, 11 показателей\n");
  // An existing file is not overwritten, unless asked.
  r = test::metodmon("method export " + q(test::source_dir() / "templates/demo.toml") + " --out " + q(book));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.out.find("уже есть: программа его не перезаписывает"), std::string::npos) << r.out;
  r = test::metodmon("method new --out " + q(book) + " --force");
  EXPECT_EQ(r.exit_code, 0) << r.out;
  r = test::metodmon("method export " + q(test::source_dir() / "templates/demo.toml") + " --out " + q(book) +
                     " --force");
  ASSERT_EQ(r.exit_code, 0) << r.out;
  r = test::metodmon("method check " + q(book));
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_NE(r.out.find("предупреждение: demo.xlsx, лист «Показатели», строка 3, «Код показателя»: показатель "
                       "«deficit_share»: не заданы целевые значения (лист «Цели»)"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("  цели по годам: 2025 — 8 показателей, 2026 — 9 показателей, 2027 — 8 показателей, "
                       "2028 — 8 показателей\n"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("максимум 18 баллов (Показатели — 6, Мониторинг — 6, Локальные акты — 3, Результаты — 3)"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("ошибок нет, предупреждений: 3"), std::string::npos) << r.out;
  // A mistake: named by sheet, row and column; nothing runs on it.
  const auto broken = test::run_python("import sys, openpyxl\nwb = openpyxl.load_workbook(sys.argv[1])\n"
                                       "wb['Показатели']['E2'] = 'teachers_x'\nwb.save(sys.argv[1])\n",
                                       {book.string()});
  ASSERT_EQ(broken.exit_code, 0) << broken.out;
  r = test::metodmon("method check " + q(book));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out, "ошибка: demo.xlsx, лист «Показатели», строка 2, «Числитель»: поля «teachers_x» нет на листе "
                   "«Поля формы». Как исправить: коды на листе «Поля формы»: teachers_total, diag_participated, "
                   "deficits_found, doc_deficits_act, iom_total, doc_iom_act, young_total, young_mentored, mentors, "
                   "doc_mentoring_regulation, network_participants, courses_passed, retraining_passed, "
                   "contact_person, mon_mentoring_dates, … (всего 18)\n"
                   "demo.xlsx: методика не загружена, ошибок: 1\n");
  // A TOML definition is checked the same way.
  r = test::metodmon("method check " + q(test::source_dir() / "templates/lk_roadmap.toml"));
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_NE(r.out.find("цели по годам: 2022 — 8 показателей, 2023 — 9 показателей"), std::string::npos) << r.out;
}

TEST(MethodCommandTest, HelpIsRussianAndNoConfigurationIsNeeded) {
  test::TempDir dir;
  const auto r = test::run_command("cd " + q(dir.path()) + " && " + std::string(METODMON_BINARY) + " method --help");
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_NE(r.out.find("методика в книге Excel"), std::string::npos) << r.out;
  for (const char* english : {"Usage", "Options", "SUBCOMMAND", "REQUIRED"}) {
    EXPECT_EQ(r.out.find(english), std::string::npos) << r.out;
  }
  // No metodmon.toml in this folder: `method` does not look for one.
  const auto made = test::run_command("cd " + q(dir.path()) + " && " + std::string(METODMON_BINARY) +
                                      " method new --out m.xlsx 2>&1");
  EXPECT_EQ(made.exit_code, 0) << made.out;
  EXPECT_TRUE(fs::exists(dir / "m.xlsx"));
}

}  // namespace
