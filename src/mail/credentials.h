// The password of a mail account, for the SMTP server ([mail]) and the IMAP
// mailbox ([collect]) alike.
//
// The password comes from the environment variable named by `password_env`
// or from `password_file` (its first line, a trailing CR dropped). A password
// file that the group or others may read (mode & 077) is REFUSED:
// «файл с паролем доступен другим пользователям; выполните chmod 600 …».
// Errors name the variable or the file and the configuration section, never
// the password.
//
// Example:
//   const mail::Credentials who{"imc", "METODMON_IMAP_PASSWORD", {}};
//   auto password = mail::load_password(who, "collect");
//   if (!password) return fail(password.error());
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "model/diagnostic.h"

namespace mail {

struct Credentials {
  std::string username;                 // empty: no login, no password needed
  std::string password_env;             // name of the variable holding the password
  std::filesystem::path password_file;  // or a file, mode 600; used when password_env is empty
};

// The password, or an empty string when username is empty. `section` is the
// configuration section named in the hints ("mail", "collect").
model::Expected<std::string> load_password(const Credentials& credentials, std::string_view section);

}  // namespace mail
