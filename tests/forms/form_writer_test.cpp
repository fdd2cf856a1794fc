#include "forms/form_writer.h"

#include <gtest/gtest.h>

#include "definition/definition_loader.h"
#include "ingest/form_reader.h"
#include "ingest/workbook.h"
#include "model/form_layout.h"
#include "support/key_values.h"
#include "support/openpyxl_check.h"
#include "support/russian_text.h"
#include "support/temp_dir.h"

namespace {

const model::Definition& demo_definition() {
  static const model::Definition def = [] {
    auto loaded = definition::load_definition(test::source_dir() / "templates" / "demo.toml");
    if (!loaded) throw std::runtime_error(model::to_string(loaded.error().front()));
    return loaded->definition;
  }();
  return def;
}

const model::School k_school{"sch01", "МБОУ СОШ № 1", "Муниципальное бюджетное ... № 1",
                             "Петрова А. В.", "a@example.org"};

}  // namespace

class FormWriterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(forms::write_form(demo_definition(), k_school, period, file,
                                  {"secret", "2026-11-01 09:00", "20 ноября 2026 г.", "imc@example.ru",
                                   "МКУ ИМЦ, методист А.А. Иванова, 8 (86131) 0-00-00"}));
  }
  test::TempDir dir;
  model::Period period = *model::parse_period("2026-11");
  std::filesystem::path file = dir / forms::form_file_name(k_school, *model::parse_period("2026-11"));
};

TEST_F(FormWriterTest, EveryInputIsADefinedNameOnTheFormSheet) {
  const auto wb = ingest::read_workbook(file);
  ASSERT_TRUE(wb) << model::to_string(wb.error());
  for (const auto& in : demo_definition().inputs) {
    const auto at = wb->resolve_name(model::form::input_name(in.id));
    ASSERT_TRUE(at) << in.id;
    EXPECT_EQ(at->first->name, "Форма");
    EXPECT_EQ(at->second.col, 2u) << in.id;  // column C
    EXPECT_EQ(at->first->find(at->second), nullptr) << in.id << " must start empty";
  }
  EXPECT_TRUE(wb->resolve_name(model::form::k_filled_on_name));
}

// The school learns from the form itself when it is due, where to send it
// and whom to ask: under the title and again below the table.
TEST_F(FormWriterTest, TellsTheDeadlineWhereToSendItAndWhomToAsk) {
  const auto wb = ingest::read_workbook(file);
  ASSERT_TRUE(wb);
  const auto* form = wb->sheet("Форма");
  ASSERT_NE(form, nullptr);
  std::string text;
  for (const auto& c : form->cells) text += c.text + "\n";
  EXPECT_NE(text.find("срок сдачи — 20 ноября 2026 г."), std::string::npos) << text;
  EXPECT_NE(text.find("Как сдать форму"), std::string::npos) << text;
  EXPECT_NE(text.find("отправьте вложением на адрес imc@example.ru."), std::string::npos) << text;
  EXPECT_NE(text.find("не позднее 20 ноября 2026 г."), std::string::npos) << text;
  EXPECT_NE(text.find("МКУ ИМЦ, методист А.А. Иванова, 8 (86131) 0-00-00"), std::string::npos) << text;
  for (const auto& line : test::split_lines(text)) EXPECT_EQ(test::describe_faults(line), "") << line;
}

// Without an address the school is told to hand the form to the methodical
// service by name; without a deadline none is invented.
TEST(FormWriterReturn, WithoutAddressOrDeadlineSaysWhatIsKnown) {
  test::TempDir dir;
  const auto file = dir / "form.xlsx";
  ASSERT_TRUE(forms::write_form(demo_definition(), k_school, *model::parse_period("2026-11"), file,
                                {"", "2026-11-01 09:00", "", "", ""}));
  const auto wb = ingest::read_workbook(file);
  ASSERT_TRUE(wb);
  std::string text;
  for (const auto& c : wb->sheet("Форма")->cells) text += c.text + "\n";
  EXPECT_NE(text.find("отправьте в методическую службу (МКУ «Информационно-методический центр»)."),
            std::string::npos)
      << text;
  EXPECT_EQ(text.find("срок сдачи"), std::string::npos) << text;
  EXPECT_EQ(text.find("Срок сдачи"), std::string::npos) << text;
}

TEST_F(FormWriterTest, MetaSheetIsVeryHiddenAndIdentifiesTheForm) {
  const auto wb = ingest::read_workbook(file);
  ASSERT_TRUE(wb);
  const auto* meta = wb->sheet("_meta");
  ASSERT_NE(meta, nullptr);
  EXPECT_EQ(meta->state, ingest::SheetState::very_hidden);
  std::map<std::string, std::string> kv;
  for (const auto& c : meta->cells) {
    if (c.ref.col == 0) kv[c.text] = meta->find({c.ref.row, 1})->text;
  }
  EXPECT_EQ(kv["form_id"], "metodmon-form");
  EXPECT_EQ(kv["definition_id"], "demo-ensk");
  EXPECT_EQ(kv["definition_version"], demo_definition().version);
  EXPECT_EQ(kv["school_id"], "sch01");
  EXPECT_EQ(kv["period"], "2026-11");
  EXPECT_EQ(kv["input:teachers_total"],
            model::to_string(wb->resolve_name("in_teachers_total")->second));
}

TEST_F(FormWriterTest, SchoolAndPeriodArePrefilled) {
  const auto wb = ingest::read_workbook(file);
  ASSERT_TRUE(wb);
  const auto* form = wb->sheet("Форма");
  ASSERT_NE(form, nullptr);
  bool school = false, period_shown = false;
  for (const auto& c : form->cells) {
    school = school || c.text == "МБОУ СОШ № 1";
    period_shown = period_shown || c.text == "ноябрь 2026";
  }
  EXPECT_TRUE(school);
  EXPECT_TRUE(period_shown);
}

TEST_F(FormWriterTest, BlankFormIsReadAsMissingRequiredValues) {
  const auto wb = ingest::read_workbook(file);
  ASSERT_TRUE(wb);
  model::Registry reg;
  reg.schools.push_back(k_school);
  const auto r = ingest::read_form(*wb, demo_definition(), reg, period, {file, file.filename().string(), "", 0, 0});
  EXPECT_FALSE(r.submission);
  EXPECT_EQ(r.school_id, "sch01");
  std::size_t required = 0;
  for (const auto& in : demo_definition().inputs) required += in.required ? 1 : 0;
  // Said once that the form is empty, then each missing field, row by row.
  ASSERT_EQ(r.diagnostics.size(), required + 1);
  EXPECT_FALSE(r.diagnostics[0].where.cell);
  EXPECT_EQ(r.diagnostics[0].message,
            "форма не заполнена: пусты все обязательные поля (" + std::to_string(required) + ")");
  for (std::size_t i = 2; i < r.diagnostics.size(); ++i) {
    EXPECT_LT(r.diagnostics[i - 1].where.cell->row, r.diagnostics[i].where.cell->row);
    EXPECT_TRUE(r.diagnostics[i].hint.empty()) << "the advice is given once, above";
  }
}

// Wrapped labels and rules would spill into the rows below in LibreOffice
// (a protected form cannot be resized by the school): every row of the
// table is as tall as its longest text needs.
TEST_F(FormWriterTest, RowsAreAsTallAsTheirWrappedText) {
  const auto out = test::openpyxl_eval(file, R"(
import math
ws = wb["Форма"]
widths = {"B": ws.column_dimensions["B"].width, "D": ws.column_dimensions["D"].width}
bad = []
checked = 0
for row in range(9, ws.max_row + 1):
    if ws.cell(row, 1).value is None:
        continue
    checked += 1
    height = ws.row_dimensions[row].height or 15
    for col in ("B", "D"):
        text = str(ws[col + str(row)].value or "")
        # A line holds at most this many characters per unit of width
        # (LibreOffice's PDF: ~77 in B, 10 pt; ~60 in D, 9 pt).
        per_unit = {"B": 1.24, "D": 1.36}[col]
        lines = math.ceil(len(text) / (widths[col] * per_unit))
        if height < 12 * lines:
            bad.append((row, col, height, lines))
print(checked > 10, bad)
)");
  EXPECT_EQ(out, "True []\n");
}

// openpyxl, an independent reader, sees protection, validation and unlocked inputs.
TEST_F(FormWriterTest, ProtectionAndValidationSeenByOpenpyxl) {
  const auto r = test::run_python(R"(
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb["Форма"]
print("protected=%s" % ws.protection.sheet)
print("has_password=%s" % bool(ws.protection.password))
print("sheet_password=%s" % ws.protection.password)
print("meta_state=%s" % wb["_meta"].sheet_state)
print("meta_protected=%s" % wb["_meta"].protection.sheet)
print("structure_locked=%s" % wb.security.lockStructure)
print("structure_password=%s" % wb.security.workbookPassword)
names = {}
for dn in wb.defined_names.definedName:
    for sheet, coord in dn.destinations:
        names[dn.name] = coord.replace("$", "")
unlocked = sorted(c.coordinate for row in ws.iter_rows() for c in row if c.protection.locked is False)
inputs = sorted(v for k, v in names.items() if k.startswith("in_") or k == "meta_filled_on")
print("unlocked_are_inputs=%s" % (unlocked == inputs))
print("inputs=%d" % len([k for k in names if k.startswith("in_")]))
dv = ws.data_validations.dataValidation
print("validations=%d" % len(dv))
print("list_validations=%d" % len([d for d in dv if d.type == "list"]))
whole = [d for d in dv if d.type == "whole"]
print("whole_validations=%d" % len(whole))
print("formula_max=%d" % len([d for d in whole if d.formula2 and d.formula2.startswith("$")]))
print("prompts=%d" % len([d for d in dv if d.prompt]))
)", {file.string()});
  ASSERT_EQ(r.exit_code, 0) << r.out;
  EXPECT_EQ(test::value_of(r.out, "protected"), "True");
  EXPECT_EQ(test::value_of(r.out, "has_password"), "True");
  EXPECT_EQ(test::value_of(r.out, "meta_state"), "veryHidden");
  EXPECT_EQ(test::value_of(r.out, "structure_locked"), "True");
  // Excel's 16-bit hash of "secret", the same as the sheets' (worksheet_protect).
  EXPECT_EQ(test::value_of(r.out, "structure_password"), test::value_of(r.out, "sheet_password"));
  EXPECT_EQ(test::value_of(r.out, "meta_protected"), "True");
  EXPECT_EQ(test::value_of(r.out, "unlocked_are_inputs"), "True");
  const auto& def = demo_definition();
  int counts = 0, yesno = 0, bounded = 0;
  for (const auto& in : def.inputs) {
    counts += in.kind == model::InputKind::count;
    yesno += in.kind == model::InputKind::yesno;
    bounded += in.kind == model::InputKind::count && !in.not_more_than.empty() && !in.max;
  }
  EXPECT_EQ(test::value_of(r.out, "inputs"), std::to_string(def.inputs.size()));
  EXPECT_EQ(test::value_of(r.out, "validations"), std::to_string(def.inputs.size() + 1));  // + date
  EXPECT_EQ(test::value_of(r.out, "list_validations"), std::to_string(yesno));
  EXPECT_EQ(test::value_of(r.out, "whole_validations"), std::to_string(counts));
  EXPECT_EQ(test::value_of(r.out, "formula_max"), std::to_string(bounded));
  EXPECT_EQ(test::value_of(r.out, "prompts"), std::to_string(def.inputs.size() + 1));
}

// A hint and the rule after it are two sentences: «…на дату заполнения. Целое число от 0.»
TEST_F(FormWriterTest, PromptsAreSentencesWithCapitalLetters) {
  const auto r = test::run_python(R"(
import sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1])["Форма"]
for d in ws.data_validations.dataValidation:
    if d.prompt:
        print(d.prompt.replace("\n", " "))
)", {file.string()});
  ASSERT_EQ(r.exit_code, 0) << r.out;
  int with_hint = 0;
  for (const auto& line : test::split_lines(r.out)) {
    EXPECT_EQ(test::describe_faults(line), "") << line;
    with_hint += line.find("на дату заполнения. Целое число от 0") != std::string::npos;
  }
  EXPECT_GT(with_hint, 0) << r.out;
}

TEST(FormWriterErrors, UnwritableFolderIsAnErrorNotACrash) {
  test::TempDir dir;
  dir.write("blocker", "x");
  const auto r = forms::write_form(demo_definition(), k_school, *model::parse_period("2026-11"),
                                   dir / "blocker" / "form.xlsx", {"", "", "", "", ""});
  EXPECT_FALSE(r);
}
