// What the coming months will bring: open deals by expected close month, raw and weighted,
// beside the value won per month.
#pragma once

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

}  // namespace pipecrm::reports
