// Private to history_store.cpp and history_queries.cpp: the open database
// and the error helper. Not for other users.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "deliver/history_store.h"
#include "deliver/sqlite_db.h"

namespace deliver {

struct HistoryStore::Impl {
  std::filesystem::path path;
  sql::DbPtr db;

  model::Diagnostic error(std::string_view doing, const std::string& why,
                          std::string hint = "проверьте место на диске и права на запись в "
                                             "папку состояния; повторите запуск") const {
    if (why.find("not a database") != std::string::npos ||
        why.find("malformed") != std::string::npos) {
      hint = "файл повреждён или не является базой SQLite; переименуйте его, и metodmon создаст "
             "новую историю (старые результаты останутся в переименованном файле)";
    }
    return model::Diagnostic::error({path.string(), {}, {}, {}, {}},
                                    "ошибка базы истории (" + std::string(doing) + "): " + why,
                                    std::move(hint));
  }
  model::Expected<sql::Statement> prepare(std::string_view text, std::string_view doing) const {
    auto s = sql::Statement::prepare(db.get(), text);
    if (!s) return std::unexpected(error(doing, s.error()));
    return std::move(*s);
  }
};

}  // namespace deliver
