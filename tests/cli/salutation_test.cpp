#include "cli/salutation.h"

#include <gtest/gtest.h>

namespace {

TEST(SalutationTest, FemalePatronymicsTakeUvazhaemaya) {
  EXPECT_EQ(cli::salutation("Смирнова Людмила Петровна"), "Уважаемая Людмила Петровна!");
  EXPECT_EQ(cli::salutation("Иванова Мария Ильинична"), "Уважаемая Мария Ильинична!");    // -чна
  EXPECT_EQ(cli::salutation("Фомина Анна Саввишна"), "Уважаемая Анна Саввишна!");        // -шна
  EXPECT_EQ(cli::salutation("Алиева Айгюль Рашид кызы"), "Уважаемая Айгюль Рашид кызы!");
}

TEST(SalutationTest, MalePatronymicsTakeUvazhaemyi) {
  EXPECT_EQ(cli::salutation("Сидоров Иван Петрович"), "Уважаемый Иван Петрович!");
  EXPECT_EQ(cli::salutation("Ульянов Владимир Ильич"), "Уважаемый Владимир Ильич!");     // -ич
  EXPECT_EQ(cli::salutation("Мамедов Рашид Ахмед оглы"), "Уважаемый Рашид Ахмед оглы!");
}

TEST(SalutationTest, NameFirstOrderAndCapitalsAndSpaces) {
  EXPECT_EQ(cli::salutation("Людмила Петровна Смирнова"), "Уважаемая Людмила Петровна!");
  EXPECT_EQ(cli::salutation("СМИРНОВА ЛЮДМИЛА ПЕТРОВНА"), "Уважаемая Людмила Петровна!");
  EXPECT_EQ(cli::salutation("  Сидоров   Иван\tПетрович "), "Уважаемый Иван Петрович!");
  EXPECT_EQ(cli::salutation("Кузнецова Анна-Мария Сергеевна"), "Уважаемая Анна-Мария Сергеевна!");
}

TEST(SalutationTest, UnknownPatronymicIsGreetedWithoutGuessingTheGender) {
  EXPECT_EQ(cli::salutation("Ли Мария Хо"), "Здравствуйте, Мария Хо!");
  EXPECT_EQ(cli::salutation("Smith John Paul"), "Здравствуйте, John Paul!");
}

TEST(SalutationTest, InitialsOneWordOrNothingGetAPlainGreeting) {
  EXPECT_EQ(cli::salutation("Иванова М. П."), "Здравствуйте!");
  EXPECT_EQ(cli::salutation("Петров П.П."), "Здравствуйте!");
  EXPECT_EQ(cli::salutation("Директор"), "Здравствуйте!");
  EXPECT_EQ(cli::salutation(""), "Здравствуйте!");
  EXPECT_EQ(cli::salutation("Иванов Иван"), "Здравствуйте!");
}

}  // namespace
