#include "ingest/form_reader.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "model/form_fields.h"
#include "model/form_layout.h"

using ingest::Cell;
using ingest::CellType;

namespace {

// A filled form as the readers would hand it over: "Форма" with inputs in
// column C, "_meta" with the identity rows and the input map.
class FormBuilder {
 public:
  FormBuilder() {
    m_wb.format = "xlsx";
    m_wb.sheets.push_back({"Форма", ingest::SheetState::visible, {}, {}});
    m_wb.sheets.push_back({"_meta", ingest::SheetState::hidden, {}, {}});
    meta("form_id", "metodmon-form");
    meta("definition_id", "t");
    meta("definition_version", "1");
    meta("school_id", "s1");
    meta("period", "2026-11");
    row("teachers_total", 10, number(30));
    row("young_total", 11, number(5));
    row("young_mentored", 12, number(4));
    row("doc", 13, text("Да"));
    row("contact", 14, std::nullopt);
    define_names();
  }
  static Cell number(double v) {
    Cell c;
    c.type = CellType::number;
    c.number = v;
    return c;
  }
  static Cell text(std::string s) {
    Cell c;
    c.type = CellType::string;
    c.text = std::move(s);
    return c;
  }
  FormBuilder& meta(const std::string& key, const std::string& value) {
    auto& cells = m_wb.sheets[1].cells;
    std::erase_if(cells, [&](const Cell& c) { return c.ref.col == 0 && c.text == key; });
    const auto r = static_cast<std::uint32_t>(m_meta_rows++);
    auto k = text(key);
    k.ref = {r, 0};
    auto v = text(value);
    v.ref = {r, 1};
    cells.push_back(k);
    cells.push_back(v);
    return *this;
  }
  // Sets the value cell of an input (nullopt clears it).
  FormBuilder& set(const std::string& input, std::optional<Cell> value) {
    const auto r = m_rows.at(input);
    auto& cells = m_wb.sheets[0].cells;
    std::erase_if(cells, [&](const Cell& c) { return c.ref == model::CellRef{r, 2}; });
    if (value) {
      value->ref = {r, 2};
      cells.push_back(*value);
    }
    sort();
    return *this;
  }
  FormBuilder& drop_names() {
    m_wb.names.clear();
    return *this;
  }
  const ingest::Workbook& workbook() {
    sort();
    return m_wb;
  }

 private:
  void row(const std::string& input, std::uint32_t r, std::optional<Cell> value) {
    m_rows[input] = r;
    meta("input:" + input, "C" + std::to_string(r + 1));
    set(input, value);
  }
  void define_names() {
    for (const auto& [input, r] : m_rows) {
      m_wb.names.push_back({model::form::input_name(input), std::nullopt,
                            "'Форма'!$C$" + std::to_string(r + 1)});
    }
  }
  void sort() {
    for (auto& s : m_wb.sheets) {
      std::sort(s.cells.begin(), s.cells.end(),
                [](const Cell& a, const Cell& b) { return a.ref < b.ref; });
    }
  }
  ingest::Workbook m_wb;
  std::map<std::string, std::uint32_t> m_rows;
  int m_meta_rows = 0;
};

model::Definition definition() {
  model::Definition d;
  d.id = "t";
  d.version = "1";
  d.title = "Тестовый мониторинг";
  const auto add = [&](const char* id, const char* label, model::InputKind kind, const char* whole,
                       bool required) {
    model::InputDef in;
    in.id = id;
    in.label = label;
    in.kind = kind;
    in.not_more_than = whole;
    in.required = required;
    if (kind == model::InputKind::count) in.min = 0;
    d.inputs.push_back(in);
  };
  add("teachers_total", "Всего педагогов", model::InputKind::count, "", true);
  add("young_total", "Молодые педагоги", model::InputKind::count, "teachers_total", true);
  add("young_mentored", "Молодые с наставником", model::InputKind::count, "young_total", true);
  add("doc", "Положение о наставничестве", model::InputKind::yesno, "", true);
  add("contact", "Ответственный", model::InputKind::text, "", false);
  return d;
}

model::Registry registry() {
  model::Registry r;
  r.schools.push_back({"s1", "СОШ № 1", "МБОУ СОШ № 1", "", ""});
  return r;
}

std::vector<std::string> messages(const ingest::FormReadResult& r) {
  std::vector<std::string> out;
  for (const auto& d : r.diagnostics) out.push_back(model::to_string(d));
  return out;
}

}  // namespace

class FormReaderTest : public ::testing::Test {
 protected:
  ingest::FormReadResult read(FormBuilder& b) {
    return ingest::read_form(b.workbook(), def, reg, period, source);
  }
  model::Definition def = definition();
  model::Registry reg = registry();
  model::Period period = *model::parse_period("2026-11");
  model::SourceFile source{"/in/s1.xlsx", "s1.xlsx", "", 0, 0};
  FormBuilder form;
};

TEST_F(FormReaderTest, GoodFormBecomesASubmission) {
  const auto r = read(form);
  ASSERT_TRUE(r.submission) << ::testing::PrintToString(messages(r));
  EXPECT_TRUE(r.diagnostics.empty());
  EXPECT_EQ(r.submission->school_id, "s1");
  EXPECT_EQ(r.submission->number("teachers_total"), 30);
  EXPECT_EQ(r.submission->number("young_mentored"), 4);
  EXPECT_EQ(r.submission->yes("doc"), true);
  EXPECT_TRUE(std::holds_alternative<std::monostate>(r.submission->values.at("contact").value));
  EXPECT_EQ(r.submission->values.at("young_total").cell, (model::CellRef{11, 2}));
}

TEST_F(FormReaderTest, TextInANumberCell) {
  form.set("young_total", FormBuilder::text("пять"));
  const auto r = read(form);
  EXPECT_FALSE(r.submission);
  EXPECT_EQ(messages(r), std::vector<std::string>{
      "s1.xlsx:Форма!C12: поле «Молодые педагоги»: ожидалось число, а в ячейке текст, "
      "найдено «пять». Как исправить: введите целое число без букв и пояснений, например 25"});
}

TEST_F(FormReaderTest, DecimalCommaInACountCell) {
  form.set("teachers_total", FormBuilder::text("12,5"));
  const auto r = read(form);
  EXPECT_FALSE(r.submission);
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_EQ(r.diagnostics[0].message, "поле «Всего педагогов»: дробное число: ожидалось целое количество");
  EXPECT_EQ(r.diagnostics[0].found, "12,5");
  EXPECT_EQ(r.diagnostics[0].where.cell, (model::CellRef{10, 2}));
}

TEST_F(FormReaderTest, NegativeCount) {
  form.set("young_mentored", FormBuilder::number(-1));
  const auto r = read(form);
  EXPECT_FALSE(r.submission);
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_EQ(r.diagnostics[0].found, "-1");
  EXPECT_NE(r.diagnostics[0].message.find("отрицательное"), std::string::npos);
}

TEST_F(FormReaderTest, PartGreaterThanWhole) {
  form.set("young_mentored", FormBuilder::number(7));
  const auto r = read(form);
  EXPECT_FALSE(r.submission);
  EXPECT_EQ(messages(r), std::vector<std::string>{
      "s1.xlsx:Форма!C13: часть больше целого: «Молодые с наставником» (7) больше, чем "
      "«Молодые педагоги» (5, ячейка C12), найдено «7». Как исправить: проверьте оба числа: "
      "часть не может превышать общее количество"});
}

TEST_F(FormReaderTest, EmptyRequiredCellButOptionalIsFine) {
  form.set("doc", std::nullopt);
  form.set("contact", std::nullopt);
  const auto r = read(form);
  EXPECT_FALSE(r.submission);
  EXPECT_EQ(messages(r), std::vector<std::string>{
      "s1.xlsx:Форма!C14: не заполнено обязательное поле «Положение о наставничестве». "
      "Как исправить: выберите «Да» или «Нет» из списка"});
}

TEST_F(FormReaderTest, HintOfAnEmptyCountFitsTheField) {
  // A total is never "none"; a part of it may be 0.
  form.set("teachers_total", std::nullopt);
  form.set("young_total", std::nullopt);
  const auto r = read(form);
  EXPECT_EQ(messages(r), (std::vector<std::string>{
      "s1.xlsx:Форма!C11: не заполнено обязательное поле «Всего педагогов». "
      "Как исправить: введите число — целое, без пробелов и букв",
      "s1.xlsx:Форма!C12: не заполнено обязательное поле «Молодые педагоги». "
      "Как исправить: введите число; если таких нет, введите 0"}));
}

TEST_F(FormReaderTest, BlankFormIsSaidOnceThenMissingFieldsInRowOrder) {
  // Rows on the sheet in another order than the definition's inputs.
  FormBuilder blank;
  for (const auto* id : {"teachers_total", "young_total", "young_mentored", "doc", "contact"}) {
    blank.set(id, std::nullopt);
  }
  def.inputs = {def.inputs[3], def.inputs[0], def.inputs[2], def.inputs[1], def.inputs[4]};
  const auto r = read(blank);
  EXPECT_FALSE(r.submission);
  EXPECT_EQ(messages(r), (std::vector<std::string>{
      "s1.xlsx:Форма: форма не заполнена: пусты все обязательные поля (4). Как исправить: "
      "заполните жёлтые ячейки формы (перечислены ниже) и пришлите форму снова",
      "s1.xlsx:Форма!C11: не заполнено обязательное поле «Всего педагогов»",
      "s1.xlsx:Форма!C12: не заполнено обязательное поле «Молодые педагоги»",
      "s1.xlsx:Форма!C13: не заполнено обязательное поле «Молодые с наставником»",
      "s1.xlsx:Форма!C14: не заполнено обязательное поле «Положение о наставничестве»"}));
}

TEST_F(FormReaderTest, ErrorsFollowTheCellsOfTheSheet) {
  // The part-of-whole check runs after reading, yet its cell C13 is above C14.
  form.set("young_mentored", FormBuilder::number(7));
  form.set("doc", FormBuilder::text("частично"));
  const auto r = read(form);
  ASSERT_EQ(r.diagnostics.size(), 2u);
  EXPECT_EQ(model::to_string(*r.diagnostics[0].where.cell), "C13");
  EXPECT_EQ(model::to_string(*r.diagnostics[1].where.cell), "C14");
}

TEST_F(FormReaderTest, ReportsEveryBadCellAtOnce) {
  form.set("teachers_total", FormBuilder::text("n/a"));
  form.set("doc", FormBuilder::text("частично"));
  form.set("young_total", std::nullopt);
  const auto r = read(form);
  EXPECT_FALSE(r.submission);
  EXPECT_EQ(r.diagnostics.size(), 3u);
}

TEST_F(FormReaderTest, WrongSchool) {
  form.meta("school_id", "s99");
  const auto r = read(form);
  EXPECT_FALSE(r.submission);
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_EQ(r.diagnostics[0].message,
            "школа с кодом «s99» не найдена в реестре образовательных организаций");
  EXPECT_EQ(r.school_id, "s99");
}

TEST_F(FormReaderTest, OldFormVersion) {
  form.meta("definition_version", "0.9");
  const auto r = read(form);
  EXPECT_FALSE(r.submission);
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_EQ(r.diagnostics[0].message, "устаревшая версия формы: 0.9, действует версия 1");
  EXPECT_EQ(r.diagnostics[0].where.sheet, "_meta");
  EXPECT_EQ(r.school_id, "s1");  // known, so the school can be told which form to use
}

// A form made from an edition of the method whose fields were different:
// the _meta rows a form of this version keeps (model/form_fields.h).
void made_from(FormBuilder& form, const model::Definition& was, const std::string& revision) {
  form.meta("form_revision", revision);
  for (const auto& in : was.inputs) {
    form.meta("field:" + in.id, model::form::to_text(model::form::field_spec(in)));
  }
}

TEST_F(FormReaderTest, AFormOfTheSameRevisionIsRead) {
  def.form_revision = "0000aaaa";
  made_from(form, def, "0000aaaa");
  const auto r = read(form);
  EXPECT_TRUE(r.submission) << ::testing::PrintToString(messages(r));
}

TEST_F(FormReaderTest, AFormOfAnEarlierRevisionIsRefusedWithWhatChanged) {
  const auto was = def;
  made_from(form, was, "0000aaaa");
  // Since the form was made: a limit raised, a field added, one dropped, one
  // made optional, a text reworded.
  def.form_revision = "1111bbbb";
  def.inputs[0].max = 3000;
  def.inputs[2].label = "Молодые педагоги, закреплённые за наставником";
  def.inputs[3].required = false;
  def.inputs.erase(def.inputs.begin() + 4);
  model::InputDef mentors;
  mentors.id = "mentors";
  mentors.label = "Педагоги-наставники";
  mentors.min = 0;
  def.inputs.push_back(mentors);
  const auto r = read(form);
  EXPECT_FALSE(r.submission);
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_EQ(r.diagnostics[0].message,
            "форма составлена по прежней редакции методики (редакция 0000aaaa, действует 1111bbbb); с тех пор "
            "в форме изменилось: поле «Всего педагогов»: наибольшее значение было не задано, стало 3000; "
            "поле «Молодые педагоги, закреплённые за наставником»: текст на форме был «Молодые с наставником»; "
            "поле «Положение о наставничестве»: было обязательным, стало необязательным; добавлено поле "
            "«Педагоги-наставники»; убрано поле «Ответственный»");
  EXPECT_EQ(r.diagnostics[0].found, "0000aaaa");
  EXPECT_EQ(r.diagnostics[0].where.sheet, "_meta");
  EXPECT_EQ(r.school_id, "s1");
}

TEST_F(FormReaderTest, AnOldVersionSaysWhatChangedWhenTheFormKeptItsFields) {
  made_from(form, def, "0000aaaa");
  form.meta("definition_version", "0.9");
  def.version = "2";
  def.form_revision = "1111bbbb";
  def.inputs[1].not_more_than.clear();
  const auto r = read(form);
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_EQ(r.diagnostics[0].message,
            "устаревшая версия формы: 0.9, действует версия 2; с тех пор в форме изменилось: поле «Молодые "
            "педагоги»: ограничение «не больше поля» было «teachers_total», стало не задано");
}

TEST_F(FormReaderTest, AFormMadeBeforeFormsKeptTheirRevisionIsJudgedByItsVersion) {
  def.form_revision = "1111bbbb";  // the form has no form_revision row
  EXPECT_TRUE(read(form).submission);
}

TEST_F(FormReaderTest, AFormOfAnotherPeriodIsSetAsideNotJudged) {
  form.meta("period", "2026-10").meta("definition_version", "0.9");  // last month's, older version
  const auto r = read(form);
  EXPECT_FALSE(r.submission);
  ASSERT_TRUE(r.other_period);
  EXPECT_EQ(r.other_period->id, "2026-10");
  EXPECT_EQ(r.school_id, "s1");
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_EQ(r.diagnostics[0].severity, model::Severity::info);
  EXPECT_EQ(r.diagnostics[0].message, "форма за другой период (октябрь 2026) — не учитывается");
  EXPECT_EQ(r.diagnostics[0].found, "2026-10");
}

TEST_F(FormReaderTest, AnUnreadablePeriodIsJudged) {
  form.meta("period", "ноябрь");
  const auto r = read(form);
  EXPECT_FALSE(r.other_period);
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_EQ(r.diagnostics[0].severity, model::Severity::error);
  EXPECT_EQ(r.diagnostics[0].message, "в форме не указан отчётный период или он не распознан");
}

TEST_F(FormReaderTest, AFormOfAnotherMonitoringSaysWhichFormToUseAndWhoseItIs) {
  form.meta("definition_id", "other").meta("period", "2025");
  const auto r = read(form);
  EXPECT_FALSE(r.other_period);  // another method is judged whatever its period
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_EQ(r.diagnostics[0].message,
            "форма другого мониторинга («other»), ожидалась форма мониторинга «Тестовый мониторинг»");
  EXPECT_EQ(r.diagnostics[0].hint,
            "заполните форму мониторинга «Тестовый мониторинг» за ноябрь 2026, которую прислал методист, "
            "и отправьте её вместо этой");
  EXPECT_EQ(r.school_id, "s1");
}

TEST_F(FormReaderTest, NotAFormAtAll) {
  ingest::Workbook wb;
  wb.sheets.push_back({"Лист1", ingest::SheetState::visible, {}, {}});
  const auto r = ingest::read_form(wb, def, reg, period, source);
  EXPECT_FALSE(r.submission);
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_EQ(r.diagnostics[0].where.file, "s1.xlsx");
  EXPECT_NE(r.diagnostics[0].message.find("нет служебного листа «_meta»"), std::string::npos);
}

TEST_F(FormReaderTest, FindsInputsThroughMetaWhenNamesAreGone) {
  // .xls read through FreeXL carries no defined names.
  form.drop_names();
  const auto r = read(form);
  ASSERT_TRUE(r.submission) << ::testing::PrintToString(messages(r));
  EXPECT_EQ(r.submission->number("young_total"), 5);
}

TEST_F(FormReaderTest, FillInDateFromSerialOrText) {
  auto wb = form.workbook();
  wb.names.push_back({"meta_filled_on", std::nullopt, "'Форма'!$C$6"});
  auto date = FormBuilder::number(46331);  // 2026-11-05
  date.ref = {5, 2};
  wb.sheets[0].cells.insert(wb.sheets[0].cells.begin(), date);
  auto r = ingest::read_form(wb, def, reg, period, source);
  ASSERT_TRUE(r.submission);
  EXPECT_EQ(r.submission->filled_on, "2026-11-05");
  wb.sheets[0].cells.front() = FormBuilder::text("вчера");
  wb.sheets[0].cells.front().ref = {5, 2};
  r = ingest::read_form(wb, def, reg, period, source);
  ASSERT_TRUE(r.submission);  // a bad date is a warning, not a reason to reject
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_EQ(r.diagnostics[0].severity, model::Severity::warning);
}
