// Private to the history_*.cpp files: the open database
// and the error helper. Not for other users.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "store/history_store.h"
#include "store/sqlite_db.h"

namespace store {

struct HistoryStore::Impl {
  std::filesystem::path path;
  sql::DbPtr db;
  std::string monitoring;  // the scope: set_monitoring()

  model::Diagnostic error(std::string_view doing, const std::string& why,
                          std::string hint = "проверьте место на диске и права на запись в "
                                             "папку состояния") const {
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

// Every row of a prepared query, made into Row by `make`; then resets it.
template <class Row, class Make>
model::Expected<std::vector<Row>> collect_rows(const HistoryStore::Impl& m, sql::Statement& s,
                                               std::string_view doing, Make make) {
  std::vector<Row> out;
  for (;;) {
    const auto row = s.step();
    if (!row) return std::unexpected(m.error(doing, row.error()));
    if (!*row) break;
    out.push_back(make(s));
  }
  s.reset();
  return out;
}

// Brings the file's schema to k_history_schema_version (history_schema.cpp).
model::Expected<void> migrate_history(HistoryStore::Impl& impl);

}  // namespace store
