// «Сдача форм»: how the schools returned their forms in a calendar cycle —
// one row per school of the registry: when its form went out, every file
// received with its date and verdict, the reminders sent, and its state
// (принята / прислана после срока / отклонена / не прислана), with a line of
// counts above. Written only when ReportInput::returns is set. Internal to
// src/report.
#pragma once

#include <string>
#include <vector>

#include "model/diagnostic.h"
#include "model/submission_log.h"
#include "report/book_context.h"

namespace report {

// The cells' words, shared with `metodmon status`: each letter "15.09.2026"
// (with "(после срока, копия методисту)", "— нет адреса в реестре" …), each
// file "12.09.2026 10:30 — kr01_2026.xlsx (от school1@…) — принята", one per
// line (the sender of a file that came by mail in brackets); "—" for none.
std::string sent_letters_text(const std::vector<model::SentLetter>& letters);
std::string received_files_text(const std::vector<model::ReceivedForm>& files);

model::Expected<void> write_returns_sheet(const BookContext& ctx);

}  // namespace report
