// The sums behind Pipedrive's deal summary and deal timeline: deal values and weighted values
// kept per currency (never added across currencies), and deals bucketed into periods by one
// of their date fields. No I/O: storage sums or lists the deals, the API renders the result.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/time.hpp"
#include "domain/deal.hpp"

namespace pipecrm::domain {

/// value × probability ÷ 100 in minor units, rounded down; the probability is the deal's own
/// when set, else its stage's. The weighted value every report and the v1 deal shape use.
std::int64_t WeightedMinorUnits(const Deal& deal, int stage_probability);

/// The deal date fields a timeline can group by. Their names are the API's field keys and
/// the storage column names.
enum class DealDateField {
    kAddTime,
    kUpdateTime,
    kStageChangeTime,
    kWonTime,
    kLostTime,
    kCloseTime,
    kExpectedCloseDate,
};

std::string_view DealDateFieldName(DealDateField field);
std::optional<DealDateField> ParseDealDateField(std::string_view key);
/// True for expected_close_date, a calendar date; the others are instants.
bool IsCalendarDate(DealDateField field);
/// The field's value as it is compared with period bounds: unix seconds for instants, the day
/// number for expected_close_date; nullopt when the deal has no such date.
std::optional<std::int64_t> DateFieldKey(const Deal& deal, DealDateField field);

enum class TimelineInterval { kDay, kWeek, kMonth, kQuarter };

std::optional<TimelineInterval> ParseTimelineInterval(std::string_view text);

/// The first day of each of `amount` periods from `start`, then the day after the last
/// period: amount + 1 dates. Months and quarters keep start's day of the month, clamped to
/// the month's length (Jan 31, Feb 28, Mar 31, ...).
std::vector<Date> PeriodStarts(Date start, TimelineInterval interval, int amount);

/// Minor units per currency code.
using CurrencyAmounts = std::map<std::string, std::int64_t>;

/// Count, value and weighted value of deals in one currency (minor units).
struct CurrencyTotals {
    std::string currency;
    std::int64_t count = 0;
    std::int64_t value = 0;
    std::int64_t weighted_value = 0;
};

/// The totals of one timeline period (Pipedrive's `totals` object).
struct PeriodTotals {
    std::int64_t count = 0;
    CurrencyAmounts values;
    CurrencyAmounts weighted_values;
    std::int64_t open_count = 0;
    CurrencyAmounts open_values;
    CurrencyAmounts weighted_open_values;
    std::int64_t won_count = 0;
    CurrencyAmounts won_values;
};

struct TimelinePeriod {
    std::vector<std::size_t> deals;  ///< indexes into the deals given to BuildTimeline
    PeriodTotals totals;
};

/// Puts each deal into the period whose bounds hold DateFieldKey(deal, field): period i is
/// [bounds[i], bounds[i + 1]). Deals outside every period, or without the date, are left out.
/// `stage_probability` maps stage ids to their win probability (missing: 100).
std::vector<TimelinePeriod> BuildTimeline(const std::vector<Deal>& deals,
                                          DealDateField field,
                                          const std::vector<std::int64_t>& bounds,
                                          const std::map<Id, int>& stage_probability);

}  // namespace pipecrm::domain
