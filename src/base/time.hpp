// Instants (UTC, whole seconds), calendar dates and their text forms used by the API and storage.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "base/status.hpp"

namespace pipecrm {

/// A point in time, UTC, whole seconds.
using Instant = std::chrono::sys_seconds;
/// A calendar date with no time zone (expected close date, due date).
using Date = std::chrono::sys_days;

inline std::int64_t ToUnixSeconds(Instant t) {
    return t.time_since_epoch().count();
}
inline Instant FromUnixSeconds(std::int64_t s) {
    return Instant{std::chrono::seconds{s}};
}
inline std::int64_t ToDayNumber(Date d) {
    return d.time_since_epoch().count();
}
inline Date FromDayNumber(std::int64_t n) {
    return Date{std::chrono::days{static_cast<std::chrono::days::rep>(n)}};
}

/// "2026-01-01T10:20:00Z" (Pipedrive v2).
std::string FormatRfc3339(Instant t);
/// "2026-01-01 10:20:00" (Pipedrive v1, UTC).
std::string FormatSqlTime(Instant t);
/// "2026-01-01".
std::string FormatDate(Date d);

/// Parses RFC 3339 ("2026-01-01T10:20:00Z", "...+07:00", fractional seconds dropped) and the
/// v1 form "2026-01-01 10:20:00" (UTC). Fails with kInvalidArgument.
Result<Instant> ParseInstant(std::string_view text);
/// Parses "YYYY-MM-DD" and checks the day exists. Fails with kInvalidArgument.
Result<Date> ParseDate(std::string_view text);

/// Where "now" comes from. Implementations say whether they are thread-safe.
class Clock {
  public:
    virtual ~Clock() = default;
    virtual Instant Now() const = 0;
};

/// The system clock. Thread-safe.
class SystemClock final : public Clock {
  public:
    Instant Now() const override {
        return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
    }
};

}  // namespace pipecrm
