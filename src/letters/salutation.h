// How a letter greets a director, from the registry's «director» column
// (Фамилия Имя Отчество, or Имя Отчество Фамилия):
//   «Смирнова Людмила Петровна»  -> «Уважаемая Людмила Петровна!»   (-вна, -чна, -шна; -кызы, -гызы)
//   «Сидоров Иван Петрович»      -> «Уважаемый Иван Петрович!»      (-вич, -ич; -оглы, -улы)
//   «Ким Ольга Сергеевна», «ИВАНОВ ИВАН ИВАНОВИЧ» (capitals are made ordinary)
//   a name and something that is not a patronymic («Ли Мария Хо»)
//                                 -> «Здравствуйте, Мария Хо!»
//   initials, one word or nothing («Иванова М. П.», «»)
//                                 -> «Здравствуйте!»
// Never guesses the gender from anything but the patronymic.
#pragma once

#include <string>
#include <string_view>

namespace letters {

std::string salutation(std::string_view director);

}  // namespace letters
