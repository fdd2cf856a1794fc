// «Сдача форм»: how the schools returned their forms in a calendar cycle —
// one row per school of the registry: when its form went out, every file
// received with its date and verdict, the reminders sent, and its state
// (принята / прислана после срока / отклонена / не прислана), with a line of
// counts above. Written only when ReportInput::returns is set; also as a
// workbook of its own (write_returns_workbook).
#pragma once

#include <filesystem>
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

// The school's state, with both facts when it corrected after the deadline:
// "принята в срок; исправлена после срока (22.09.2026)", "прислана в срок с
// ошибками; исправлена после срока (22.09.2026)"; else model::return_state_name().
std::string return_state_text(const model::SchoolReturn& s);

// "Формы разосланы 01.09.2026; срок сдачи — 20.09.2026. Школ: 11; принята: 6 (из них исправлена после
// срока: 1); прислана после срока: 2; отклонена: 1; не прислана: 2."
std::string returns_counts_line(const model::SubmissionLog& log);

model::Expected<void> write_returns_sheet(const BookContext& ctx);

// The sheet alone as a workbook of its own (published atomically), which the
// calendar keeps current in the monitoring's output folder; nothing when
// input.returns is null.
model::Expected<void> write_returns_workbook(const ReportInput& input, const std::filesystem::path& out_file);

}  // namespace report
