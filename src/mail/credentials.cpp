#include "mail/credentials.h"

#include <sys/stat.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>

namespace mail {

namespace {

model::Diagnostic config_error(std::string message, std::string hint, std::string key) {
  model::Diagnostic d = model::Diagnostic::error({}, std::move(message), std::move(hint));
  d.where.key = std::move(key);
  return d;
}

}  // namespace

model::Expected<std::string> load_password(const Credentials& credentials, std::string_view section) {
  if (credentials.username.empty()) return std::string{};
  const std::string in_section = " в разделе [" + std::string(section) + "]";
  if (!credentials.password_env.empty()) {
    const char* value = std::getenv(credentials.password_env.c_str());
    if (value == nullptr || *value == '\0') {
      return std::unexpected(config_error(
          "переменная окружения " + credentials.password_env + " с паролем почты не задана",
          "задайте её в файле окружения службы (EnvironmentFile= в metodmon.service)",
          "password_env"));
    }
    return std::string(value);
  }
  const auto& file = credentials.password_file;
  if (file.empty()) {
    return std::unexpected(config_error("для почтового пользователя " + credentials.username +
                                            " не указан пароль",
                                        "укажите password_env или password_file" + in_section,
                                        "password_file"));
  }
  struct stat st{};
  if (::stat(file.c_str(), &st) != 0) {
    return std::unexpected(config_error(
        "файл с паролем " + file.string() + " не найден: " + std::strerror(errno),
        "проверьте путь password_file" + in_section, "password_file"));
  }
  if ((st.st_mode & 077) != 0) {
    return std::unexpected(config_error(
        "файл с паролем доступен другим пользователям; выполните chmod 600 " + file.string(),
        "пароль должен читать только пользователь, от имени которого работает metodmon",
        "password_file"));
  }
  std::ifstream in(file, std::ios::binary);
  std::string line;
  if (!in || !std::getline(in, line)) {
    return std::unexpected(config_error("не удалось прочитать файл с паролем " + file.string(),
                                        "проверьте права доступа: владелец файла — пользователь metodmon",
                                        "password_file"));
  }
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

}  // namespace mail
