// «Сдача форм»: how the schools returned their forms in a calendar cycle —
// one row per school of the registry: when its form went out, every file
// received with its date and verdict, the reminders sent, and its state
// (принята / прислана после срока / отклонена / не прислана), with a line of
// counts above. Written only when ReportInput::returns is set. Internal to
// src/report.
#pragma once

#include "model/diagnostic.h"
#include "report/book_context.h"

namespace report {

model::Expected<void> write_returns_sheet(const BookContext& ctx);

}  // namespace report
