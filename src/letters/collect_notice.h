// The letter to the methodist about what a collection from the mailbox did
// not take: forms held apart because their letter came from an address that
// may not speak for the school the form names (collect/sender_trust.h), and
// letters from addresses that are in no registry, which are never answered.
// One letter per collection that met any; nothing otherwise. Each held form
// is named with its sender, the school the form names, the date, where the
// file lies and the one command that takes it in (`metodmon accept`).
//
// Example:
//   if (auto letter = letters::collect_notice(result.messages, context)) round.post("collect", std::move(*letter));
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "collect/collector.h"
#include "mail/letter.h"

namespace letters {

struct CollectNoticeContext {
  mail::MailAddress from;   // our address (the [mail] sender)
  std::string methodist;    // the recipient; empty: no letter
  std::string mailbox;      // "imc@ensk.example.ru" (the [collect] username), for the first line
  std::string config_file;  // for the `metodmon accept -c …` line
  // "МБОУ СОШ № 2" for "sch02"; empty when the registry does not know it.
  std::function<std::string(const std::string& school_id)> school_name;
};

// nullopt when no letter of `messages` is held or from a stranger.
std::optional<mail::Letter> collect_notice(const std::vector<collect::MessageReport>& messages,
                                           const CollectNoticeContext& context);

// The command that takes a held file into its inbox: "metodmon accept -c '<config>' '<file>'".
std::string accept_command(const std::string& config_file, const std::string& file);

}  // namespace letters
