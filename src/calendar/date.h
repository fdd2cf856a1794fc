// Calendar days for the monitoring calendar: parsing, printing in Russian and
// the local day of a moment. A day is std::chrono::sys_days (days since
// 1970-01-01), so "three days before" is plain arithmetic.
//
//   const auto day = calendar::parse_date("2026-09-01");        // nullopt when not a real date
//   calendar::date_text(*day - std::chrono::days{3})             // "29.08.2026"
//   calendar::long_date_text(*day)                               // "1 сентября 2026 г."
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace calendar {

using Date = std::chrono::sys_days;

// "YYYY-MM-DD" (years 2000..2100), a real day of the calendar; nullopt otherwise.
std::optional<Date> parse_date(std::string_view text);

// Day `day` of the month; days past the month's end give its last day
// (31 in February -> 28 or 29).
Date make_date(int year, int month, int day);

int year_of(Date d);
int month_of(Date d);
int day_of(Date d);

std::string iso_text(Date d);        // "2026-09-01"
std::string date_text(Date d);       // "01.09.2026"
std::string long_date_text(Date d);  // "1 сентября 2026 г."
std::string weekday_text(Date d);    // "вт"

// The day a moment falls on in the machine's local time zone (TZ).
Date local_date(std::int64_t epoch);
// A moment of that local day: `hour`:00:00 local time.
std::int64_t local_epoch(Date d, int hour);

}  // namespace calendar
