// A dated exchange rate into the workspace's base currency (docs/reports.md, "Money").
#pragma once

#include <string>

#include "base/ids.hpp"
#include "base/time.hpp"

namespace pipecrm::domain {

/// One version of a rate: `rate` units of the base currency buy one unit of `currency` on
/// `rate_date`. Versions are never changed; a newer entered_time supersedes an older one.
struct ExchangeRate {
    Id id = 0;
    Id workspace_id = 0;
    std::string currency;
    Date rate_date;
    std::string rate;  ///< decimal text, checked by reports::ParseRate
    OptionalId entered_by;
    Instant entered_time;
};

}  // namespace pipecrm::domain
