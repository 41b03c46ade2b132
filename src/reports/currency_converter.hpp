// Converts deal values into the workspace's base currency with dated exchange rates
// (docs/reports.md, "Money"). Pure: the rates are handed in.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "base/money.hpp"
#include "base/status.hpp"
#include "base/time.hpp"
#include "domain/exchange_rate.hpp"

namespace pipecrm::reports {

/// A positive decimal rate as digits and a count of decimals: 25400.5 is {254005, 1}.
struct Rate {
    std::int64_t digits = 0;
    int decimals = 0;
};

/// Parses a rate: a positive decimal number with at most 18 digits, 12 of them after the
/// point. kInvalidArgument naming "rate" otherwise.
Result<Rate> ParseRate(std::string_view text);

/// The rate as canonical decimal text: no leading or trailing zeros ("025400.50" -> "25400.5").
std::string FormatRate(const Rate& rate);

/// `minor_units` of `from` in minor units of `to` at `rate` (units of `to` per unit of
/// `from`), rounded half away from zero.
std::int64_t ConvertMinorUnits(std::int64_t minor_units,
                               std::string_view from,
                               std::string_view to,
                               const Rate& rate);

/// When a closed deal closed: the instant, and its calendar day in the report's time zone.
struct ClosedOn {
    Instant at;
    Date day;
};

/// Not safe for concurrent use (it remembers the currencies it could not convert).
class CurrencyConverter {
  public:
    /// `rates` may be in any order; unparsable ones are skipped (they are checked on entry).
    CurrencyConverter(std::string base_currency, const std::vector<domain::ExchangeRate>& rates);

    const std::string& base_currency() const { return base_; }

    /// The value in base minor units, or nullopt when there is no rate for its currency.
    /// An open deal (`closed` empty) uses the latest rate. A closed deal uses the rate dated
    /// its close day, or else the latest dated before it, or else the earliest there is; of
    /// that date's versions, the last one entered before the second the deal closed (or, if
    /// none was, the first one entered), so later edits never change a closed deal's value.
    std::optional<std::int64_t> ToBase(const Money& value, const std::optional<ClosedOn>& closed);

    /// The currencies ToBase had no rate for, so far.
    const std::set<std::string>& missing() const { return missing_; }

  private:
    struct Version {
        Date day;
        Instant entered;
        Id id;
        Rate rate;
    };
    std::string base_;
    std::map<std::string, std::vector<Version>> versions_;  ///< by (day, entered, id)
    std::set<std::string> missing_;
};

}  // namespace pipecrm::reports
