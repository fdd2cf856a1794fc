// [schedule] of a definition: months it is collected in, optional days.
#include "definition/schedule_loader.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "definition/definition_loader.h"

namespace {

// A minimal valid definition; `periodicity` and the [schedule] lines vary.
// [schedule] starts on line 7, its first key is on line 8.
std::string definition_with(std::string_view periodicity, std::string_view schedule) {
  return std::string(R"([definition]
id = "t"
version = "1"
title = "Тест"
periodicity = ")") + std::string(periodicity) + R"("

)" + std::string(schedule) + R"(

[[input]]
id = "teachers_total"
label = "Педагоги"
kind = "count"

[[indicator]]
id = "teachers"
name = "Педагоги"
kind = "count"
input = "teachers_total"
)";
}

using Strings = std::vector<std::string>;

Strings errors_of(std::string_view periodicity, std::string_view schedule) {
  const auto loaded = definition::parse_definition(definition_with(periodicity, schedule), "t.toml");
  EXPECT_FALSE(loaded.has_value()) << schedule;
  Strings out;
  if (!loaded) {
    for (const auto& d : loaded.error()) out.push_back(model::to_string(d));
  }
  return out;
}

std::optional<model::Schedule> schedule_of(std::string_view periodicity, std::string_view schedule) {
  const auto loaded = definition::parse_definition(definition_with(periodicity, schedule), "t.toml");
  EXPECT_TRUE(loaded.has_value()) << (loaded ? "" : model::to_string(loaded.error().front()));
  if (!loaded) return std::nullopt;
  return loaded->definition.schedule;
}

TEST(ScheduleLoaderTest, NoScheduleMeansEveryMonth) {
  EXPECT_FALSE(schedule_of("month", "").has_value());
}

TEST(ScheduleLoaderTest, YearlyMonitoringInSeptember) {
  const auto s = schedule_of("year", "[schedule]\nmonths = [9]");
  ASSERT_TRUE(s);
  EXPECT_EQ(s->months, (std::vector<int>{9}));
  EXPECT_FALSE(s->open_day);
  EXPECT_FALSE(s->deadline_day);
  EXPECT_EQ(s->line, 7);
  EXPECT_TRUE(s->collects_in(9));
  EXPECT_FALSE(s->collects_in(10));
}

TEST(ScheduleLoaderTest, HalfYearlyInMayAndJanuaryKeepsTheOrderAndDays) {
  const auto s = schedule_of("half_year", "[schedule]\nmonths = [5, 1]\nopen_day = 1\ndeadline_day = 20");
  ASSERT_TRUE(s);
  EXPECT_EQ(s->months, (std::vector<int>{5, 1}));
  EXPECT_EQ(s->open_day, 1);
  EXPECT_EQ(s->deadline_day, 20);
}

TEST(ScheduleLoaderTest, MonthThirteenIsRefused) {
  EXPECT_EQ(errors_of("year", "[schedule]\nmonths = [13]"),
            Strings{"t.toml:8 [schedule.months]: нет месяца с номером 13: номер месяца — от 1 до 12, "
                    "найдено «13». Как исправить: 1 — январь, 12 — декабрь"});
  EXPECT_EQ(errors_of("month", "[schedule]\nmonths = [0, 5]").size(), 1u);
}

TEST(ScheduleLoaderTest, EmptyListIsRefused) {
  EXPECT_EQ(errors_of("year", "[schedule]\nmonths = []"),
            Strings{"t.toml:8 [schedule.months]: в [schedule] список месяцев пуст, найдено «[]». "
                    "Как исправить: укажите хотя бы один месяц: months = [9] (1 — январь … 12 — декабрь)"});
}

TEST(ScheduleLoaderTest, WrongTypesAreRefused) {
  EXPECT_EQ(errors_of("year", "[schedule]\nmonths = 9"),
            Strings{"t.toml:8 [schedule.months]: значение ключа «months» должно быть списком номеров "
                    "месяцев, найдено «9». Как исправить: запишите в квадратных скобках: months = [9] "
                    "или months = [5, 1]"});
  EXPECT_EQ(errors_of("year", "[schedule]\nmonths = [\"сентябрь\"]"),
            Strings{"t.toml:8 [schedule.months]: месяц должен быть записан номером — целым числом от 1 "
                    "до 12, найдено «сентябрь». Как исправить: запишите номер без кавычек: 9 — сентябрь"});
  EXPECT_EQ(errors_of("year", "[schedule]\nmonths = [9.5]").size(), 1u);
  EXPECT_EQ(errors_of("year", "[[schedule]]\nmonths = [9]"),
            Strings{"t.toml:7 [schedule]: «schedule» должен быть разделом [schedule]. Как исправить: "
                    "запишите строку [schedule], под ней months = [9]"});
}

TEST(ScheduleLoaderTest, MissingMonthsRepeatsAndUnknownKeysAreRefused) {
  EXPECT_EQ(errors_of("year", "[schedule]\nopen_day = 1"),
            Strings{"t.toml:7 [schedule.months]: в [schedule] не указаны месяцы проведения мониторинга. "
                    "Как исправить: добавьте строку months = [9] (номера месяцев: 1 — январь … 12 — декабрь)"});
  EXPECT_EQ(errors_of("month", "[schedule]\nmonths = [9, 10, 9]"),
            Strings{"t.toml:8 [schedule.months]: месяц 9 (сентябрь) указан дважды, найдено «[ 9, 10, 9 ]». "
                    "Как исправить: оставьте каждый месяц один раз"});
  const auto typo = errors_of("year", "[schedule]\nmonths = [9]\ndeadline = 20");
  ASSERT_EQ(typo.size(), 1u);
  EXPECT_EQ(typo[0].substr(0, typo[0].find(". Как")),
            "t.toml:9 [schedule.deadline]: неизвестный ключ «deadline» в [schedule]");
  EXPECT_NE(typo[0].find("допустимые ключи: months, open_day, deadline_day"), std::string::npos) << typo[0];
}

TEST(ScheduleLoaderTest, MonthsMustFitThePeriodicity) {
  EXPECT_EQ(errors_of("year", "[schedule]\nmonths = [3, 9]"),
            Strings{"t.toml:8 [schedule.months]: годовой мониторинг (periodicity = \"year\") проводится "
                    "один раз в год, а указано месяцев: 2 (март, сентябрь). Как исправить: оставьте один "
                    "месяц или задайте periodicity = \"half_year\" / \"month\""});
  // May and June both close the first half-year (April, May are in it).
  const auto same_half = errors_of("half_year", "[schedule]\nmonths = [5, 6]");
  ASSERT_EQ(same_half.size(), 1u);
  EXPECT_NE(same_half[0].find("оба месяца (май, июнь) подводят итоги одного и того же полугодия (1-го)"),
            std::string::npos)
      << same_half[0];
  EXPECT_EQ(errors_of("half_year", "[schedule]\nmonths = [1, 5, 9]").size(), 1u);
  // A monthly method may skip the summer.
  EXPECT_TRUE(schedule_of("month", "[schedule]\nmonths = [10, 11, 12, 1, 2, 3, 4, 5]"));
}

TEST(ScheduleLoaderTest, SchoolYearOnceAYearAndWhichOneItCloses) {
  const auto current = schedule_of("school_year", "[schedule]\nmonths = [9]");
  ASSERT_TRUE(current);
  EXPECT_FALSE(current->previous_school_year);
  const auto closing = schedule_of("school_year", "[schedule]\nmonths = [9]\nschool_year = \"previous\"");
  ASSERT_TRUE(closing);
  EXPECT_TRUE(closing->previous_school_year);
  EXPECT_EQ(errors_of("school_year", "[schedule]\nmonths = [9, 3]"),
            Strings{"t.toml:8 [schedule.months]: мониторинг учебного года (periodicity = \"school_year\") проводится "
                    "один раз в учебный год, а указано месяцев: 2 (сентябрь, март). Как исправить: оставьте один месяц"});
  const auto not_school = errors_of("year", "[schedule]\nmonths = [9]\nschool_year = \"previous\"");
  ASSERT_EQ(not_school.size(), 1u);
  EXPECT_TRUE(not_school[0].starts_with("t.toml:9 [schedule.school_year]: ключ school_year говорит, за какой учебный "
                                        "год собираются формы, а методика не по учебным годам"))
      << not_school[0];
  EXPECT_EQ(errors_of("school_year", "[schedule]\nmonths = [9]\nschool_year = \"next\"").size(), 1u);
}

TEST(ScheduleLoaderTest, DaysAreCheckedAgainstEveryMonthAndEachOther) {
  // 29..31: or the last day of a shorter month (issue 25).
  EXPECT_TRUE(schedule_of("year", "[schedule]\nmonths = [9]\nopen_day = 1\ndeadline_day = 31"));
  EXPECT_EQ(errors_of("year", "[schedule]\nmonths = [9]\nopen_day = 32"),
            Strings{"t.toml:9 [schedule.open_day]: день рассылки форм (open_day) должен быть целым числом "
                    "от 1 до 31 (29, 30 и 31 в более коротком месяце означают его последний день), найдено «32». "
                    "Как исправить: укажите число месяца от 1 до 31, например open_day = 10"});
  EXPECT_EQ(errors_of("year", "[schedule]\nmonths = [9]\ndeadline_day = \"20\"").size(), 1u);
  EXPECT_EQ(errors_of("year", "[schedule]\nmonths = [9]\nopen_day = 10\ndeadline_day = 10"),
            Strings{"t.toml:10 [schedule.deadline_day]: срок сдачи форм (deadline_day = 10) должен быть "
                    "позже дня рассылки (open_day = 10). Как исправить: укажите deadline_day больше open_day"});
}

TEST(ScheduleLoaderTest, ErrorsElsewhereDoNotHideScheduleErrors) {
  // An invalid periodicity skips the per-periodicity check but not the others.
  const auto errors = errors_of("weekly", "[schedule]\nmonths = [13, 9]");
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_NE(errors[0].find("[definition.periodicity]"), std::string::npos) << errors[0];
  EXPECT_NE(errors[1].find("нет месяца с номером 13"), std::string::npos) << errors[1];
}

}  // namespace
