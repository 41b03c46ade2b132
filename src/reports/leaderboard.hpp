// Who is doing well: per owner and per team, activities done, deals added, won and lost.
#pragma once

#include "reports/report_context.hpp"
#include "reports/report_table.hpp"

namespace pipecrm::reports {

/// One row per active user in scope (and any other owner with figures), then one per team
/// (its members' sums). In the period: activities done by type (marked_as_done_time), deals
/// added (add_time), won (won_time), lost (lost_time), win rate won ÷ (won + lost), won value,
/// average won deal, average days from add to won. Deals count for their current owner.
/// Users, then teams, by won value, most first.
ReportTable Leaderboard(ReportContext& context);

}  // namespace pipecrm::reports
