#include "reports/leaderboard.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace pipecrm::reports {
void LeaderFigures::Add(const LeaderFigures& other) {
    for (const auto& [type, count] : other.activities) {
        activities[type] += count;
    }
    added += other.added;
    won += other.won;
    lost += other.lost;
    won_value += other.won_value;
    seconds_to_win += other.seconds_to_win;
}

ReportTable Leaderboard(ReportContext& context) {
    std::map<Id, LeaderFigures> by_user;
    std::set<std::string> types;
    for (const domain::ActivityFacts& a : context.data().activities) {
        if (a.done && context.OwnerInScope(a.owner_id) && context.InPeriod(a.marked_as_done_time)) {
            ++by_user[a.owner_id].activities[a.type];
            types.insert(a.type);
        }
    }
    for (const DealHistory& history : context.histories()) {
        const domain::Deal& deal = *history.deal;
        if (!context.DealInPipelineScope(deal)) {
            continue;
        }
        LeaderFigures& f = by_user[deal.owner_id];
        if (context.InPeriod(deal.add_time)) {
            ++f.added;
        }
        if (deal.status == domain::DealStatus::kWon && context.InPeriod(deal.won_time)) {
            ++f.won;
            f.won_value += context.Value(deal).value_or(0);
            f.seconds_to_win += (*deal.won_time - deal.add_time).count();
        }
        if (deal.status == domain::DealStatus::kLost && context.InPeriod(deal.lost_time)) {
            ++f.lost;
        }
    }
    return LeaderboardTable(context, std::move(by_user), types);
}

ReportTable LeaderboardTable(ReportContext& context,
                             std::map<Id, LeaderFigures> by_user,
                             const std::set<std::string>& types) {
    for (const domain::User& u : context.data().users) {
        if (u.active && context.OwnerInScope(u.id)) {
            by_user.try_emplace(u.id);
        }
    }
    std::vector<std::string> columns{"kind", "id", "name", "activities_done"};
    for (const std::string& type : types) {
        columns.push_back("activities_" + type);
    }
    for (const char* c : {"deals_added", "won", "lost", "win_rate", "won_value", "avg_won_value",
                          "avg_days_to_win"}) {
        columns.emplace_back(c);
    }
    ReportTable table =
        context.StartTable("leaderboard", std::move(columns), ReportContext::Scope::kAllPipelines);
    auto row = [&](const char* kind, Id id, std::string name, const LeaderFigures& f) {
        std::int64_t done = 0;
        std::vector<Cell> cells{Cell::Text(kind), Cell::Int(id), Cell::Text(std::move(name)),
                                Cell::Null()};
        for (const std::string& type : types) {
            const auto it = f.activities.find(type);
            const std::int64_t count = it == f.activities.end() ? 0 : it->second;
            done += count;
            cells.push_back(Cell::Int(count));
        }
        cells[3] = Cell::Int(done);
        cells.push_back(Cell::Int(f.added));
        cells.push_back(Cell::Int(f.won));
        cells.push_back(Cell::Int(f.lost));
        cells.push_back(Ratio(f.won, f.won + f.lost));
        cells.push_back(Cell::Money(f.won_value));
        cells.push_back(f.won ? Cell::Money(f.won_value / f.won) : Cell::Null());
        cells.push_back(f.won ? Cell::Number(Days(f.seconds_to_win) / static_cast<double>(f.won))
                              : Cell::Null());
        return cells;
    };
    auto by_won_value = [](const auto& a, const auto& b) {
        return a.second.won_value > b.second.won_value;
    };
    std::vector<std::pair<Id, LeaderFigures>> users(by_user.begin(), by_user.end());
    std::stable_sort(users.begin(), users.end(), by_won_value);
    for (const auto& [id, f] : users) {
        table.rows.push_back(row("user", id, context.UserName(id), f));
    }
    std::vector<std::pair<Id, LeaderFigures>> teams;
    for (const domain::Team& team : context.data().teams) {
        if (context.request().team_id && *context.request().team_id != team.id) {
            continue;
        }
        LeaderFigures sum;
        for (const domain::TeamMembership& m : context.data().memberships) {
            const auto it = by_user.find(m.user_id);
            if (m.team_id == team.id && it != by_user.end()) {
                sum.Add(it->second);
            }
        }
        teams.emplace_back(team.id, sum);
    }
    std::stable_sort(teams.begin(), teams.end(), by_won_value);
    for (const auto& [id, f] : teams) {
        std::string name;
        for (const domain::Team& team : context.data().teams) {
            if (team.id == id) {
                name = team.name;
            }
        }
        table.rows.push_back(row("team", id, name, f));
    }
    context.FinishTable(table);
    return table;
}

}  // namespace pipecrm::reports
