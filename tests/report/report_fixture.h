// A small monitoring built by hand for the report tests: 5 schools with
// forms and 1 without, a share with a zero denominator, a yes/no indicator,
// a better = lower share, a share without target, a count, a rejected file
// with two problems, a school named like a formula and one like a phone
// number, and two long, nearly equal names (sheet-name clash).
// All figures are hand-computed; see the comments.
#pragma once

#include <string>

#include "aggregate/summary.h"
#include "model/definition.h"
#include "model/run.h"
#include "model/school.h"
#include "report/results_workbook.h"

namespace test {

inline constexpr const char* k_formula_name = "=HYPERLINK(\"http://evil.example\",\"x\")";
inline constexpr const char* k_phone_name = "+79991234567";
inline constexpr const char* k_long_a =
    "Муниципальное бюджетное общеобразовательное учреждение СОШ № 4 (корпус А)";
inline constexpr const char* k_long_b =
    "Муниципальное бюджетное общеобразовательное учреждение СОШ № 4 (корпус Б)";

struct ReportFixture {
  model::Definition definition;
  model::Registry registry;
  aggregate::Summary summary;
  model::RunInfo run;

  report::ReportInput input() const { return {definition, registry, summary, run}; }

  ReportFixture() {
    build_definition();
    build_registry();
    build_summary();
    build_run();
  }

 private:
  static model::IndicatorDef share(std::string id, std::string code, std::string dir,
                                   std::string name, std::string num, std::string den) {
    model::IndicatorDef d;
    d.id = std::move(id);
    d.code = std::move(code);
    d.direction = std::move(dir);
    d.name = std::move(name);
    d.kind = model::IndicatorKind::share;
    d.numerator = std::move(num);
    d.denominator = std::move(den);
    return d;
  }

  void build_definition() {
    auto& d = definition;
    d.id = "test-def";
    d.version = "2026.1";
    d.title = "Мониторинг методической работы (тест)";
    d.municipality = "Тестовый муниципальный округ";
    d.organisation = "МКУ «ИМЦ»";
    d.source = "Положение о мониторинге (тест)";
    d.periodicity = model::Periodicity::month;
    d.notes = {"В документе нет значения 2022 года для показателя 3.2."};
    d.directions = {{"D1", "Выявление профессиональных дефицитов"},
                    {"D2", "Молодые педагоги и наставничество"}};
    const auto input = [](std::string id, std::string label, model::InputKind kind) {
      model::InputDef i;
      i.id = std::move(id);
      i.label = std::move(label);
      i.kind = kind;
      return i;
    };
    d.inputs = {input("teachers", "Всего педагогов", model::InputKind::count),
                input("diag", "Прошли диагностику", model::InputKind::count),
                input("deficits", "Выявлены дефициты", model::InputKind::count),
                input("act", "Локальный акт", model::InputKind::yesno),
                input("young", "Молодые педагоги", model::InputKind::count),
                input("mentored", "Закреплены за наставником", model::InputKind::count),
                input("events", "Сетевые мероприятия", model::InputKind::count)};

    auto diag = share("diag_share", "1.1", "D1", "Доля педагогов, прошедших диагностику", "diag",
                      "teachers");
    diag.targets = {{2025, 70}, {2026, 80}};
    auto deficit = share("deficit_share", "1.2", "D1", "Доля педагогов с дефицитами", "deficits",
                         "diag");
    deficit.better = model::Better::lower;
    deficit.targets = {{2026, 30}};
    model::IndicatorDef act;
    act.id = "act";
    act.code = "1.3";
    act.direction = "D1";
    act.name = "Наличие локального акта";
    act.kind = model::IndicatorKind::yesno;
    act.input = "act";
    act.targets = {{2026, 100}};
    auto mentored = share("mentored_share", "2.1", "D2", "Доля молодых педагогов с наставником",
                          "mentored", "young");  // no target: coloured by median
    model::IndicatorDef events;
    events.id = "events";
    events.code = "2.2";
    events.direction = "D2";
    events.name = "Число сетевых мероприятий";
    events.kind = model::IndicatorKind::count;
    events.input = "events";
    events.targets = {{2026, 20}};
    d.indicators = {diag, deficit, act, mentored, events};
  }

  void build_registry() {
    registry.schools = {
        {"s1", "МБОУ СОШ № 1", "Муниципальное бюджетное общеобразовательное учреждение "
                               "«Средняя общеобразовательная школа № 1»",
         "Иванова Мария Петровна", "s1@example.ru"},
        {"s2", k_formula_name, "", "Петров П. П.", "s2@example.ru"},
        {"s3", k_phone_name, "", "Сидоров С. С.", "s3@example.ru"},
        {"s4", k_long_a, "", "", ""},
        {"s5", k_long_b, "", "", ""},
        {"s6", "Школа без формы", "", "", ""},
    };
  }

  void put(const std::string& school, const std::string& ind, std::optional<double> num,
           std::optional<double> den, std::optional<double> value, aggregate::Missing missing,
           std::optional<int> rank, std::optional<double> deviation,
           std::optional<double> target, aggregate::TargetStatus status,
           std::optional<double> gap) {
    summary.values[school][ind] = {num, den, value, missing, rank, deviation, target, status, gap};
  }

  void build_summary() {
    using aggregate::Missing;
    using aggregate::TargetStatus;
    summary.period = *model::parse_period("2026-11");
    summary.school_ids = {"s1", "s2", "s3", "s4", "s5"};
    summary.missing_school_ids = {"s6"};
    const auto none = Missing::none;
    // 1.1 diag_share, target 80: 40/50 = 80, 30/60 = 50, 0/0, 45/50 = 90, 20/25 = 80.
    // Values 50, 80, 80, 90: median 80, Q1 72.5, Q3 82.5; municipal 135/185 = 72.97 %.
    put("s1", "diag_share", 40, 50, 80, none, 2, 0, 80, TargetStatus::met, 0);
    put("s2", "diag_share", 30, 60, 50, none, 4, -30, 80, TargetStatus::not_met, -30);
    put("s3", "diag_share", 0, 0, std::nullopt, Missing::zero_denominator, std::nullopt,
        std::nullopt, 80, TargetStatus::no_data, std::nullopt);
    put("s4", "diag_share", 45, 50, 90, none, 1, 10, 80, TargetStatus::met, 10);
    put("s5", "diag_share", 20, 25, 80, none, 2, 0, 80, TargetStatus::met, 0);
    summary.indicators.push_back({"diag_share", 4, 1, 135, 185, 135.0 / 185.0 * 100, 80, 72.5,
                                  82.5, 50, 90, 80, TargetStatus::not_met,
                                  135.0 / 185.0 * 100 - 80, 3});
    // 1.2 deficit_share, lower is better, target 30: 10/40 = 25, 15/30 = 50, s3 0/0,
    // 9/45 = 20, s5 not filled. Values 20, 25, 50: median 25.
    put("s1", "deficit_share", 10, 40, 25, none, 2, 0, 30, TargetStatus::met, -5);
    put("s2", "deficit_share", 15, 30, 50, none, 3, 25, 30, TargetStatus::not_met, 20);
    put("s3", "deficit_share", 0, 0, std::nullopt, Missing::zero_denominator, std::nullopt,
        std::nullopt, 30, TargetStatus::no_data, std::nullopt);
    put("s4", "deficit_share", 9, 45, 20, none, 1, -5, 30, TargetStatus::met, -10);
    put("s5", "deficit_share", std::nullopt, std::nullopt, std::nullopt, Missing::not_filled,
        std::nullopt, std::nullopt, 30, TargetStatus::no_data, std::nullopt);
    summary.indicators.push_back({"deficit_share", 3, 2, 34, 115, 34.0 / 115.0 * 100, 25, 22.5,
                                  37.5, 20, 50, 30, TargetStatus::met,
                                  34.0 / 115.0 * 100 - 30, 2});
    // 1.3 act (yes/no), target 100: Да, Нет, Да, Да, Нет -> 60 % «Да».
    const double yes[] = {100, 0, 100, 100, 0};
    for (int i = 0; i < 5; ++i) {
      const std::string id = "s" + std::to_string(i + 1);
      put(id, "act", yes[i] / 100, std::nullopt, yes[i], none, yes[i] > 0 ? 1 : 4, std::nullopt,
          100, yes[i] > 0 ? TargetStatus::met : TargetStatus::not_met, yes[i] - 100);
    }
    summary.indicators.push_back({"act", 5, 0, 3, 5, 60, 100, 0, 100, 0, 100, 100,
                                  TargetStatus::not_met, -40, 3});
    // 2.1 mentored_share, no target: 3/4 = 75, 1/2 = 50, 2/2 = 100, 0/3 = 0, 1/1 = 100.
    const double num[] = {3, 1, 2, 0, 1};
    const double den[] = {4, 2, 2, 3, 1};
    const int rank[] = {3, 4, 1, 5, 1};
    for (int i = 0; i < 5; ++i) {
      const std::string id = "s" + std::to_string(i + 1);
      const double v = num[i] / den[i] * 100;
      put(id, "mentored_share", num[i], den[i], v, none, rank[i], v - 75, std::nullopt,
          TargetStatus::no_target, std::nullopt);
    }
    summary.indicators.push_back({"mentored_share", 5, 1, 7, 12, 7.0 / 12.0 * 100, 75, 50, 100,
                                  0, 100, std::nullopt, TargetStatus::no_target, std::nullopt, 0});
    // 2.2 events (count), municipal target 20: 5 + 3 + 0 + 7 + 2 = 17.
    const double events[] = {5, 3, 0, 7, 2};
    const int erank[] = {2, 3, 5, 1, 4};
    for (int i = 0; i < 5; ++i) {
      const std::string id = "s" + std::to_string(i + 1);
      put(id, "events", events[i], std::nullopt, events[i], none, erank[i], events[i] - 3,
          std::nullopt, TargetStatus::no_target, std::nullopt);
    }
    summary.indicators.push_back({"events", 5, 1, 17, std::nullopt, 17, 3, 2, 5, 0, 7, 20,
                                  TargetStatus::not_met, -3, 0});
  }

  void build_run() {
    run.run_time = "2026-11-23 09:00:00";
    run.tool_version = "metodmon 0.1.0";
    run.definition_file = "templates/test.toml";
    run.registry_file = "registry.csv";
    run.inbox = "/srv/metodmon/inbox";
    const auto file = [](std::string name, std::string sha, model::Outcome o, std::string school) {
      model::FileOutcome f;
      f.file.name = name;
      f.file.path = "/srv/metodmon/inbox/" + name;
      f.file.sha256 = std::move(sha);
      f.file.size = 20480;
      f.file.mtime = 1'795'000'000;
      f.outcome = o;
      f.school_id = std::move(school);
      return f;
    };
    auto s1 = file("s1.xlsx", std::string(64, 'a'), model::Outcome::accepted, "s1");
    auto s2 = file("s2.xlsx", std::string(64, 'b'), model::Outcome::accepted, "s2");
    s2.diagnostics.push_back(model::Diagnostic::warning(
        {"s2.xlsx", "Форма", model::CellRef{8, 2}, {}, {}},
        "молодых педагогов больше половины всех педагогов", "проверьте значение", "40"));
    auto s6 = file("s6.xlsx", std::string(64, 'c'), model::Outcome::rejected, "s6");
    s6.diagnostics.push_back(model::Diagnostic::error(
        {"s6.xlsx", "Форма", model::CellRef{6, 2}, {}, {}}, "ожидалось целое число",
        "введите число без букв и пробелов", "12,5"));
    s6.diagnostics.push_back(model::Diagnostic::error(
        {"s6.xlsx", "Форма", model::CellRef{8, 2}, {}, {}},
        "прошедших диагностику больше, чем всего педагогов",
        "проверьте значения в ячейках C7 и C9", "70"));
    auto lock = file("~$s1.xlsx", std::string(64, 'd'), model::Outcome::skipped, "");
    run.files = {s1, s2, s6, lock};
    run.definition_notes.push_back(model::Diagnostic::warning(
        {"test.toml", {}, {}, 12, "indicator.targets"}, "цель 2022 года не задана",
        "впишите цель, когда она появится"));
  }
};

}  // namespace test
