// What the coming months will bring: open deals by expected close month, raw and weighted,
// beside the value won per month.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>

#include "reports/report_context.hpp"
#include "reports/report_table.hpp"

namespace pipecrm::reports {

/// One row per month ("YYYY-MM"): open deals expected to close in it (expected_close_date),
/// their value, the value weighted by each deal's probability or else its stage's configured
/// one, and weighted by the stage's empirical probability (of the closed deals that were ever
/// in the stage, the share won; the configured one when none closed); then the deals won in
/// the month (won_time, in the time zone) and their value. Months in the period, or every
/// month with figures; open deals with no expected close date are the row "none".
ReportTable Forecast(ReportContext& context);

/// One month's figures (the snapshot columns are added by ForecastTable).
struct ForecastMonth {
    std::int64_t open = 0;
    std::int64_t open_value = 0;
    std::int64_t weighted_value = 0;
    std::int64_t empirical_value = 0;
    std::int64_t won = 0;
    std::int64_t won_value = 0;
};
/// By month "YYYY-MM", or "none".
using ForecastMonths = std::map<std::string, ForecastMonth>;
/// Per stage id: the closed deals in scope that were ever in it, and how many are won.
struct StageCloses {
    std::int64_t closed = 0;
    std::int64_t won = 0;
};
using StageCloseMap = std::unordered_map<Id, StageCloses>;

/// "YYYY-MM" of a day.
std::string ForecastMonthOf(Date day);
/// The stage's empirical probability: won ÷ closed, or its configured one with none closed.
double EmpiricalProbability(const domain::Stage& stage, const StageCloseMap& closes);
/// Adds one open deal to its month: `configured` is the percent its weighted value uses,
/// `empirical` its stage's empirical probability (nothing for a deal whose stage is gone: its
/// whole value counts).
void AddOpenDeal(ForecastMonth& month,
                 std::int64_t value,
                 int configured,
                 const std::optional<double>& empirical);
/// The forecast table of `months` (with the snapshots' forecast of each month in the period)
/// and the chosen pipeline's probabilities in the summary.
ReportTable ForecastTable(ReportContext& context,
                          ForecastMonths months,
                          const StageCloseMap& closes);

}  // namespace pipecrm::reports
