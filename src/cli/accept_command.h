// `metodmon accept -c CONFIG [FILE…]`: forms the collection from the mailbox
// held apart — their letter came from an address that may not speak for the
// school the form names (cli/phases/collect_routing.h) — taken into the
// inbox they belong to, on the methodist's word.
//
// Without FILE: the held forms are listed (date, sender, subject, the school
// the form names, why it was held, the file and the command that takes it
// in). With FILEs (paths in <state>/held/, or copies of them: a file is
// recognised by its content): each is moved into its inbox under its name
// (never over another file; its time stays the time it was sent) and the
// collection's journal notes that the methodist took it in, so every later
// run shows its sender as "… (принята методистом)". Moving a held file into
// the inbox by hand does the same for the runs.
//
// Exit 0 when every FILE was taken in (or the list was shown), 1 when one is
// not a held form or could not be moved, 75 when a run holds the lock.
#pragma once

#include <string>
#include <vector>

#include "cli/config/config.h"

namespace cli {

struct AcceptOptions {
  std::vector<std::string> files;  // empty: list the held forms
};

int accept_command(const Config& config, const AcceptOptions& options);

}  // namespace cli
