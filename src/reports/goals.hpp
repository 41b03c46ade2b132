// Goals and their progress: each goal's target beside what was achieved in its periods.
#pragma once

#include <vector>

#include "base/time.hpp"
#include "domain/goal.hpp"
#include "reports/report_context.hpp"
#include "reports/report_table.hpp"

namespace pipecrm::reports {

/// The first days of a goal's periods that overlap [from, to] (both included), and the day
/// after the last: periods.size() - 1 periods, at most `limit`.
std::vector<Date> GoalPeriods(const domain::Goal& goal, Date from, Date to, std::size_t limit);

/// One row per goal and period: the periods overlapping the report's period, or the one
/// holding today without one. `actual` is the won value (deals won in the period, their value
/// in the base currency), the deals won, or the activities marked done in the period, by the
/// goal's user, its team's members or anyone; `progress` is actual ÷ target.
ReportTable Goals(ReportContext& context);

}  // namespace pipecrm::reports
