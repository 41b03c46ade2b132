// Calendar days in a user's time zone (ICU's zone database): where a local day begins in UTC.
#pragma once

#include <string_view>

#include "base/status.hpp"
#include "base/time.hpp"

namespace pipecrm::text {

/// True when ICU knows the IANA zone name ("Asia/Ho_Chi_Minh", "Europe/Berlin", "UTC").
bool IsKnownTimeZone(std::string_view zone);

/// The instant local midnight of `day` happens in `zone`, daylight saving included. When the
/// clocks skip midnight, the first local instant of the day. Fails with kInvalidArgument for
/// an unknown zone. Safe for concurrent use.
Result<Instant> StartOfLocalDay(Date day, std::string_view zone);

/// The local calendar day of `t` in `zone`. Fails with kInvalidArgument for an unknown zone.
Result<Date> LocalDay(Instant t, std::string_view zone);

}  // namespace pipecrm::text
