#include "definition/registry_loader.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "support/temp_dir.h"

namespace {

using Strings = std::vector<std::string>;

Strings texts(const std::vector<model::Diagnostic>& ds) {
  Strings out;
  for (const auto& d : ds) out.push_back(model::to_string(d));
  return out;
}

Strings errors_of(std::string_view csv) {
  const auto loaded = definition::parse_registry(csv, "schools.csv");
  return loaded ? Strings{} : texts(loaded.error());
}

constexpr std::string_view k_good =
    "id;short_name;full_name;director;email\n"
    "sch01;МБОУ СОШ № 1;Муниципальное бюджетное общеобразовательное учреждение «СОШ № 1»;"
    "Иванова Мария Петровна;sch01@edu.ru\n"
    "sch02;МБОУ СОШ № 2;\"МБОУ «Школа; № 2»\";Петров П. П.;director2@school2.ru\n";

TEST(RegistryLoaderTest, LoadsSemicolonFile) {
  const auto loaded = definition::parse_registry(k_good, "schools.csv");
  ASSERT_TRUE(loaded.has_value()) << texts(loaded.error())[0];
  EXPECT_TRUE(loaded->warnings.empty());
  const auto& schools = loaded->registry.schools;
  ASSERT_EQ(schools.size(), 2u);
  EXPECT_EQ(schools[0].id, "sch01");
  EXPECT_EQ(schools[0].short_name, "МБОУ СОШ № 1");
  EXPECT_EQ(schools[0].director, "Иванова Мария Петровна");
  EXPECT_EQ(schools[0].email, "sch01@edu.ru");
  EXPECT_EQ(schools[1].full_name, "МБОУ «Школа; № 2»");
  EXPECT_EQ(loaded->registry.find("sch02"), &schools[1]);
}

TEST(RegistryLoaderTest, LoadsCommaFileWithBomCrlfRussianHeaderAndQuotedNewline) {
  const std::string csv =
      "\xEF\xBB\xBF"
      "Код,Краткое наименование,Полное наименование,Директор,E-mail\r\n"
      " sch01 ,\"МБОУ \"\"Лицей\"\"\",\"Лицей,\r\nкорпус 2\",Иванова,a@b.ru\r\n";
  const auto loaded = definition::parse_registry(csv, "schools.csv");
  ASSERT_TRUE(loaded.has_value()) << texts(loaded.error())[0];
  ASSERT_EQ(loaded->registry.schools.size(), 1u);
  const auto& s = loaded->registry.schools[0];
  EXPECT_EQ(s.id, "sch01");  // trimmed
  EXPECT_EQ(s.short_name, "МБОУ \"Лицей\"");
  EXPECT_EQ(s.full_name, "Лицей,\nкорпус 2");
  EXPECT_EQ(s.email, "a@b.ru");
}

TEST(RegistryLoaderTest, AddressWithALineBreakIsClearedWithAWarning) {
  // A quoted field may hold a line break; in an e-mail it would become an SMTP command.
  const auto loaded = definition::parse_registry(
      "id;short_name;email\nsch01;Ш1;\"dir@sch1.example\r\nRSET\"\nsch02;Ш2;b@sch2.example\n", "r.csv");
  ASSERT_TRUE(loaded.has_value());
  ASSERT_EQ(loaded->registry.schools.size(), 2u);
  EXPECT_EQ(loaded->registry.schools[0].email, "");
  EXPECT_EQ(loaded->registry.schools[1].email, "b@sch2.example");
  ASSERT_EQ(loaded->warnings.size(), 1u);
  EXPECT_NE(loaded->warnings[0].message.find("у школы «sch01» e-mail директора записан с ошибкой"),
            std::string::npos);
}

TEST(RegistryLoaderTest, ColumnsInAnyOrderAndOptionalOnesMissing) {
  const auto loaded =
      definition::parse_registry("почта;краткое_наименование;код\nx@y.ru;Школа;s-1\n", "r.csv");
  ASSERT_TRUE(loaded.has_value());
  ASSERT_EQ(loaded->registry.schools.size(), 1u);
  EXPECT_EQ(loaded->registry.schools[0].id, "s-1");
  EXPECT_EQ(loaded->registry.schools[0].email, "x@y.ru");
  EXPECT_EQ(loaded->registry.schools[0].full_name, "");
}

TEST(RegistryLoaderTest, ConvertsWindows1251WithWarning) {
  // "id;short_name\ns1;Школа" with the name in Windows-1251.
  const auto loaded = definition::parse_registry("id;short_name\ns1;\xD8\xEA\xEE\xEB\xE0\n", "r.csv");
  ASSERT_TRUE(loaded.has_value());
  EXPECT_EQ(loaded->registry.schools[0].short_name, "Школа");
  EXPECT_EQ(texts(loaded->warnings),
            (Strings{"r.csv:1: файл реестра сохранён не в UTF-8; прочитан как Windows-1251. Как "
                     "исправить: проверьте названия школ; надёжнее сохранить файл в Excel как «CSV "
                     "UTF-8»",
                     "r.csv:1 [email]: в реестре нет столбца email: письма директорам отправляться "
                     "не будут. Как исправить: добавьте столбец email с адресами директоров"}));
}

TEST(RegistryLoaderTest, RefusesUtf16) {
  EXPECT_EQ(errors_of(std::string_view("\xFF\xFEi\0d\0", 6)),
            Strings{"schools.csv:1: файл реестра сохранён в кодировке UTF-16 («Текст Юникод»). Как "
                    "исправить: сохраните его в Excel как «CSV UTF-8» или «CSV (разделители — "
                    "точка с запятой)»"});
}

TEST(RegistryLoaderTest, ReportsDuplicateId) {
  EXPECT_EQ(errors_of(std::string(k_good) + "sch01;Другая;;;x@y.ru\n"),
            Strings{"schools.csv:4 [id]: id школы «sch01» уже встречался в строке 2. Как "
                    "исправить: у каждой школы должен быть свой id"});
}

TEST(RegistryLoaderTest, ReportsEmptyAndBadIds) {
  EXPECT_EQ(errors_of("id;short_name;email\n;Школа;a@b.ru\nшкола 1;Школа;a@b.ru\n"),
            (Strings{"schools.csv:2 [id]: не указан id школы. Как исправить: заполните столбец: "
                     "латинские буквы, цифры, «_» или «-»",
                     "schools.csv:3 [id]: недопустимый id школы, найдено «школа 1». Как исправить: "
                     "используйте латинские буквы, цифры, «_» и «-» (не длиннее 64 символов): id "
                     "входит в имена файлов форм"}));
}

TEST(RegistryLoaderTest, ReportsMissingRequiredColumn) {
  EXPECT_EQ(errors_of("id,name,email\ns1,Школа,a@b.ru\n"),
            Strings{"schools.csv:1 [short_name]: в заголовке реестра нет обязательного столбца "
                    "«short_name», найдено «id,name,email». Как исправить: первая строка должна "
                    "содержать названия столбцов: id;short_name;full_name;director;email (или "
                    "код;краткое_наименование;полное_наименование;директор;почта)"});
}

TEST(RegistryLoaderTest, ReportsDuplicateColumn) {
  EXPECT_EQ(errors_of("id;short_name;email;почта\ns1;Ш;a@b.ru;a@b.ru\n"),
            Strings{"schools.csv:1 [почта]: столбец «почта» повторяет столбец «email». Как "
                    "исправить: оставьте в заголовке один из них"});
}

TEST(RegistryLoaderTest, ReportsWrongFieldCountButAcceptsTrailingEmptyCells) {
  EXPECT_EQ(errors_of("id;short_name;email\ns1;МБОУ; СОШ;a@b.ru\n"),
            Strings{"schools.csv:2: число значений в строке (4) не совпадает с числом столбцов в "
                    "заголовке (3). Как исправить: значения, содержащие разделитель «;» или "
                    "перенос строки, заключите в двойные кавычки"});
  EXPECT_TRUE(errors_of("id;short_name;email\ns1;Ш;a@b.ru;;\n").empty());
}

TEST(RegistryLoaderTest, ReportsEmptyShortName) {
  EXPECT_EQ(errors_of("id;short_name\ns1; \n"),
            Strings{"schools.csv:2 [short_name]: не указано краткое наименование школы «s1». Как "
                    "исправить: заполните столбец: наименование выводится в отчётах"});
}

TEST(RegistryLoaderTest, ReportsUnclosedQuoteEmptyFileAndNoSchools) {
  EXPECT_EQ(errors_of("id;short_name\ns1;\"Школа\ns2;x\n"),
            Strings{"schools.csv:2: кавычка, открытая в этой строке, не закрыта до конца файла. "
                    "Как исправить: закройте кавычку; кавычка внутри значения записывается двумя "
                    "кавычками \"\""});
  EXPECT_EQ(errors_of("").size(), 1u);
  EXPECT_EQ(errors_of("id;short_name;email\n\n"),
            Strings{"schools.csv:1: в реестре нет ни одной школы. Как исправить: после строки "
                    "заголовка добавьте по строке на каждую школу"});
}

TEST(RegistryLoaderTest, WarnsAboutBadOrMissingEmailAndKeepsSchool) {
  const auto loaded = definition::parse_registry(
      "id;short_name;email;телефон\ns1;Ш1;director(at)school.ru;1\ns2;Ш2;;2\ns3;Ш3;a@школа.рф;3\n",
      "r.csv");
  ASSERT_TRUE(loaded.has_value());
  ASSERT_EQ(loaded->registry.schools.size(), 3u);
  EXPECT_EQ(loaded->registry.schools[0].email, "");  // cleared: no mail is attempted
  EXPECT_EQ(loaded->registry.schools[2].email, "a@школа.рф");
  EXPECT_EQ(texts(loaded->warnings),
            (Strings{"r.csv:1 [телефон]: столбец «телефон» не используется и пропущен. Как "
                     "исправить: известные столбцы: id, код, short_name, краткое_наименование, "
                     "full_name, полное_наименование, director, директор, email, e_mail, почта, "
                     "электронная_почта, senders, адреса_отправителей, другие_адреса, … (всего 22)",
                     "r.csv:2 [email]: у школы «s1» e-mail директора записан с ошибкой: письма школе "
                     "(итоги, формы на заполнение, напоминания, ответы на её письма) отправлены не будут, "
                     "найдено «director(at)school.ru». Как исправить: укажите один адрес вида имя@домен.ru",
                     "r.csv:3 [email]: у школы «s2» не указан e-mail директора: письма школе (итоги, формы "
                     "на заполнение, напоминания, ответы на её письма) отправлены не будут. Как исправить: "
                     "впишите адрес в столбец"}));
}

// Issue 25: a school may send its forms from several addresses (the column
// senders); an address two schools share, or two addresses in the email
// cell, is said with what it means for the letters.
TEST(RegistryLoaderTest, OtherAddressesOfASchoolAndAddressesThatCannotBeMailed) {
  const auto loaded = definition::parse_registry(
      "id;short_name;email;senders\n"
      "s1;Ш1;dir1@s1.ru;\"zam1@s1.ru, office@s1.ru;  dir1@s1.ru\"\n"
      "s2;Ш2;Dir1@S1.ru;\n"
      "s3;Ш3;\"dir3@s3.ru, zam3@s3.ru\";не-адрес\n",
      "r.csv");
  ASSERT_TRUE(loaded.has_value()) << texts(loaded.error())[0];
  const auto& schools = loaded->registry.schools;
  ASSERT_EQ(schools.size(), 3u);
  EXPECT_EQ(schools[0].email, "dir1@s1.ru");
  EXPECT_EQ(schools[0].senders, (Strings{"zam1@s1.ru", "office@s1.ru"}));  // email itself not repeated
  EXPECT_EQ(schools[1].email, "Dir1@S1.ru");  // kept: it can be mailed, and it is warned about
  EXPECT_EQ(schools[2].email, "");
  EXPECT_TRUE(schools[2].senders.empty());
  EXPECT_EQ(texts(loaded->warnings),
            (Strings{"r.csv:3 [email]: адрес Dir1@S1.ru указан у двух школ: «s1» (строка 2) и «s2»: письма обеим "
                     "школам (итоги, формы, напоминания) уйдут на один адрес, по адресу отправителя не понять, "
                     "какая из них написала, и форма с него засчитывается той школе, которая названа в форме, "
                     "найдено «Dir1@S1.ru». Как исправить: если у школ разные директора, укажите каждой её "
                     "собственный адрес",
                     "r.csv:4 [email]: у школы «s3» e-mail директора записан с ошибкой (несколько адресов или адрес "
                     "с запятой): письма школе (итоги, формы на заполнение, напоминания, ответы на её письма) "
                     "отправлены не будут, найдено «dir3@s3.ru, zam3@s3.ru». Как исправить: в столбце email — "
                     "один адрес, на него уходят письма; другие адреса школы, с которых она присылает формы, "
                     "впишите в столбец senders",
                     "r.csv:4 [senders]: у школы «s3» адрес в столбце senders записан с ошибкой: формы с него "
                     "засчитываться не будут, найдено «не-адрес». Как исправить: укажите адреса вида имя@домен.ru "
                     "через запятую"}));
}

TEST(RegistryLoaderTest, SuggestsColumnForTypo) {
  const auto loaded = definition::parse_registry("id;short_name;emial\ns1;Ш;a@b.ru\n", "r.csv");
  ASSERT_TRUE(loaded.has_value());
  ASSERT_FALSE(loaded->warnings.empty());
  EXPECT_NE(model::to_string(loaded->warnings[0]).find("возможно, имелось в виду «email»"),
            std::string::npos)
      << model::to_string(loaded->warnings[0]);
}

TEST(RegistryLoaderTest, RejectsMalformedEmails) {
  for (const char* bad : {"a@b", "@b.ru", "a@@b.ru", "a b@c.ru", "a@b.ru; c@d.ru", "a@.ru", "a@b..ru",
                          "a.@b.ru"}) {
    const auto loaded =
        definition::parse_registry("id,short_name,email\ns1,Ш,\"" + std::string(bad) + "\"\n", "r.csv");
    ASSERT_TRUE(loaded.has_value()) << bad;
    EXPECT_EQ(loaded->registry.schools[0].email, "") << bad;
    EXPECT_EQ(loaded->warnings.size(), 1u) << bad;
  }
}

TEST(RegistryLoaderTest, LoadsFromFileAndReportsMissingFile) {
  const test::TempDir dir;
  const auto loaded = definition::load_registry(dir.write("schools.csv", k_good));
  ASSERT_TRUE(loaded.has_value());
  EXPECT_EQ(loaded->registry.schools.size(), 2u);
  const auto missing = definition::load_registry(dir / "none.csv");
  ASSERT_FALSE(missing.has_value());
  EXPECT_EQ(texts(missing.error()),
            Strings{"none.csv: не удалось открыть файл реестра школ. Как исправить: проверьте путь: " +
                    (dir / "none.csv").string()});
}

TEST(RegistryLoaderTest, ReadsTeachersCountsAndAliasesForQuestionnaires) {
  const auto loaded = definition::parse_registry(
      "id;short_name;педагогов;псевдонимы\n"
      "s1;МБОУ «Кедровская СОШ»;31;\"КСОШ | Школа у озера\nКедровка\"\n"
      "s2;МБОУ СОШ № 2; ;\n",
      "schools.csv");
  ASSERT_TRUE(loaded.has_value()) << texts(loaded.error())[0];
  const auto& s = loaded->registry.schools;
  EXPECT_EQ(s[0].teachers, 31);
  EXPECT_EQ(s[0].aliases, (Strings{"КСОШ", "Школа у озера", "Кедровка"}));
  EXPECT_FALSE(s[1].teachers);
  EXPECT_TRUE(s[1].aliases.empty());
}

TEST(RegistryLoaderTest, ReportsATeachersCountThatIsNotAWholeNumber) {
  EXPECT_EQ(errors_of("id;short_name;teachers\ns1;СОШ 1;около 30\ns2;СОШ 2;-3\ns3;СОШ 3;12,5\n"),
            (Strings{"schools.csv:2 [teachers]: число педагогов школы «s1» должно быть целым числом от 0, найдено "
                     "«около 30». Как исправить: впишите число педагогических работников цифрами, без пробелов и "
                     "букв, или оставьте ячейку пустой",
                     "schools.csv:3 [teachers]: число педагогов школы «s2» должно быть целым числом от 0, найдено «-3». "
                     "Как исправить: впишите число педагогических работников цифрами, без пробелов и букв, или "
                     "оставьте ячейку пустой",
                     "schools.csv:4 [teachers]: число педагогов школы «s3» должно быть целым числом от 0, найдено "
                     "«12,5». Как исправить: впишите число педагогических работников цифрами, без пробелов и букв, "
                     "или оставьте ячейку пустой"}));
}

}  // namespace
