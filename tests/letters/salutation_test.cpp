#include "letters/salutation.h"

#include <gtest/gtest.h>

namespace {

TEST(SalutationTest, FemalePatronymicsTakeUvazhaemaya) {
  EXPECT_EQ(letters::salutation("Смирнова Людмила Петровна"), "Уважаемая Людмила Петровна!");
  EXPECT_EQ(letters::salutation("Иванова Мария Ильинична"), "Уважаемая Мария Ильинична!");    // -чна
  EXPECT_EQ(letters::salutation("Фомина Анна Саввишна"), "Уважаемая Анна Саввишна!");        // -шна
  EXPECT_EQ(letters::salutation("Алиева Айгюль Рашид кызы"), "Уважаемая Айгюль Рашид кызы!");
}

TEST(SalutationTest, MalePatronymicsTakeUvazhaemyi) {
  EXPECT_EQ(letters::salutation("Сидоров Иван Петрович"), "Уважаемый Иван Петрович!");
  EXPECT_EQ(letters::salutation("Ульянов Владимир Ильич"), "Уважаемый Владимир Ильич!");     // -ич
  EXPECT_EQ(letters::salutation("Мамедов Рашид Ахмед оглы"), "Уважаемый Рашид Ахмед оглы!");
}

TEST(SalutationTest, NameFirstOrderAndCapitalsAndSpaces) {
  EXPECT_EQ(letters::salutation("Людмила Петровна Смирнова"), "Уважаемая Людмила Петровна!");
  EXPECT_EQ(letters::salutation("СМИРНОВА ЛЮДМИЛА ПЕТРОВНА"), "Уважаемая Людмила Петровна!");
  EXPECT_EQ(letters::salutation("  Сидоров   Иван\tПетрович "), "Уважаемый Иван Петрович!");
  EXPECT_EQ(letters::salutation("Кузнецова Анна-Мария Сергеевна"), "Уважаемая Анна-Мария Сергеевна!");
}

TEST(SalutationTest, UnknownPatronymicIsGreetedWithoutGuessingTheGender) {
  EXPECT_EQ(letters::salutation("Ли Мария Хо"), "Здравствуйте, Мария Хо!");
  EXPECT_EQ(letters::salutation("Smith John Paul"), "Здравствуйте, John Paul!");
}

TEST(SalutationTest, InitialsOneWordOrNothingGetAPlainGreeting) {
  EXPECT_EQ(letters::salutation("Иванова М. П."), "Здравствуйте!");
  EXPECT_EQ(letters::salutation("Петров П.П."), "Здравствуйте!");
  EXPECT_EQ(letters::salutation("Директор"), "Здравствуйте!");
  EXPECT_EQ(letters::salutation(""), "Здравствуйте!");
  EXPECT_EQ(letters::salutation("Иванов Иван"), "Здравствуйте!");
}

}  // namespace
