// Adding and listing the workspace's exchange rates (admins only, checked at the edges).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/status.hpp"
#include "base/time.hpp"
#include "domain/actor.hpp"
#include "domain/exchange_rate.hpp"
#include "domain/repositories.hpp"

namespace pipecrm::reports {

struct RateInput {
    std::string currency;
    std::optional<Date> date;
    std::string rate;
};

/// Adds a version of the rate of `currency` on `date` into the workspace's base currency.
/// kInvalidArgument naming currency (unknown, or the base currency itself), date (missing) or
/// rate (ParseRate).
Result<domain::ExchangeRate> AddExchangeRate(domain::Repositories& repos,
                                             const domain::Actor& actor,
                                             const RateInput& input,
                                             Instant now);

/// The workspace's base currency and the versions of its rates in force: for each currency
/// and date, the latest entered one.
struct CurrentRates {
    std::string base_currency;
    std::vector<domain::ExchangeRate> rates;  ///< by currency, then date
};
Result<CurrentRates> ListExchangeRates(domain::Repositories& repos, Id workspace_id);

}  // namespace pipecrm::reports
