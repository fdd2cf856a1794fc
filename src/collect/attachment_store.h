// Putting one attachment into the inbox: never over another file, never
// twice for the same message.
//
// store_attachment(journal, folder, key, name, bytes):
//   1. the journal already has this content (SHA-256) for this message key
//      -> nothing is written; the earlier file is returned (already = true),
//      even if the methodist has since moved it away;
//   2. otherwise the names "<name>", "<stem> (2)<ext>", "<stem> (3)<ext>" …
//      are tried in turn: a free name gets the file (written atomically and
//      never replacing anything, util::write_new_file_atomic); a taken name
//      whose file has exactly these bytes is taken as this file, written by
//      a run that crashed before it could record it (already = true); a
//      taken name with other bytes is passed over;
//   3. a new file gets `sent_at` (when the school sent the letter) as its
//      modification time, when that is known and not in the future: the
//      inbox scan then sees a settled file at once, and "the newer of two
//      forms" means the one sent later;
//   4. the result is recorded in the journal, with `origin` (who sent it,
//      whether it is held apart), before returning.
// So a message fetched again after a crash gives no second copy, whether
// the crash came before or after the journal row.
//
// `name` must already be safe (file_naming.h); `folder` is created if missing.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string_view>

#include "collect/collect_journal.h"
#include "model/diagnostic.h"

namespace collect {

struct StoredFile {
  std::filesystem::path path;
  bool already = false;  // saved by an earlier run; nothing written now
};

// Steps 2 and 3 alone, without the journal: `bytes` put into `folder` as
// `name` or the first free "<stem> (n)<ext>", never over another file; a
// file of that name with these very bytes is taken as it (already = true).
// `metodmon accept` puts a held form into its inbox with it.
model::Expected<StoredFile> put_file(const std::filesystem::path& folder, std::string_view name,
                                     std::string_view bytes, std::int64_t now, std::int64_t sent_at);

model::Expected<StoredFile> store_attachment(CollectJournal& journal, const std::filesystem::path& folder,
                                             std::string_view message_key, std::string_view name,
                                             std::string_view bytes, std::int64_t now, std::int64_t sent_at,
                                             const Provenance& origin = {});

}  // namespace collect
