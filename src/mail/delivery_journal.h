// The delivery journal of one period: what became of each message. Stored
// as <outbox>/<period>/journal.tsv; the format is described in outbox.h.
// Pure text <-> entries; the Outbox does the file I/O.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/diagnostic.h"

namespace mail {

// What became of a letter; the meaning of each state is in outbox.h.
enum class DeliveryStatus { pending, sent, failed, dry_run, superseded, invalid };

// "pending", "sent", "failed", "dry-run", "superseded", "invalid" (journal keys).
std::string status_key(DeliveryStatus s);
// «ожидает отправки», «отправлено», «не отправлено», «пробный запуск, не отправлялось»,
// «заменено более новым письмом, не отправлялось», «неверный адрес, не отправляется».
std::string status_name(DeliveryStatus s);
// pending or failed: `metodmon send` will try it.
bool is_waiting(DeliveryStatus s);

struct JournalEntry {
  int number = 0;
  std::string recipients;   // "a@x.ru,b@y.ru"
  std::string subject;
  std::string attachments;  // "Итоги СОШ 3.xlsx; Сводка.xlsx"
  std::string eml_file;     // file name inside the period folder
  std::string key;          // content key, see above
  DeliveryStatus status = DeliveryStatus::pending;
  int attempts = 0;         // over all runs
  std::string last_error;
  std::string updated;      // local time "YYYY-MM-DD HH:MM:SS"
  std::string kind;         // letter kind (letter.h); empty in journals written before kinds
  std::string topic;        // what the letter is about, e.g. a school id; may be empty
  std::string figures;      // SHA-256 of the letter's figures (letter.h); empty: none

  friend bool operator==(const JournalEntry&, const JournalEntry&) = default;
};

// Header line plus one line per entry, '\n' line ends. parse_journal() also
// reads the 10-column journals of earlier versions (no kind, topic, figures).
std::string format_journal(const std::vector<JournalEntry>& entries);

// Parses format_journal() output. Errors name `file_name` and the line.
model::Expected<std::vector<JournalEntry>> parse_journal(std::string_view text,
                                                         const std::string& file_name);

}  // namespace mail
