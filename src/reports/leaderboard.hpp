// Who is doing well: per owner and per team, activities done, deals added, won and lost.
#pragma once

#include <cstdint>
#include <map>
#include <set>
#include <string>

#include "reports/report_context.hpp"
#include "reports/report_table.hpp"

namespace pipecrm::reports {

/// One row per active user in scope (and any other owner with figures), then one per team
/// (its members' sums). In the period: activities done by type (marked_as_done_time), deals
/// added (add_time), won (won_time), lost (lost_time), win rate won ÷ (won + lost), won value,
/// average won deal, average days from add to won. Deals count for their current owner.
/// Users, then teams, by won value, most first.
ReportTable Leaderboard(ReportContext& context);

/// One user's (or team's) leaderboard figures in the period.
struct LeaderFigures {
    std::map<std::string, std::int64_t> activities;  ///< done, by type
    std::int64_t added = 0;
    std::int64_t won = 0;
    std::int64_t lost = 0;
    std::int64_t won_value = 0;
    std::int64_t seconds_to_win = 0;

    void Add(const LeaderFigures& other);
};

/// The leaderboard table from the figures of each user with any (however they were added up:
/// by going through the deals, or from derived sums) and the activity types done. Active users
/// in scope without figures get a row of zeros; teams sum their members.
ReportTable LeaderboardTable(ReportContext& context,
                             std::map<Id, LeaderFigures> by_user,
                             const std::set<std::string>& types);

}  // namespace pipecrm::reports
