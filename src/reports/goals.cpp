#include "reports/goals.hpp"

#include <set>

namespace pipecrm::reports {
namespace {

using domain::GoalAssignee;
using domain::GoalMetric;

constexpr std::size_t kMaxPeriodsPerGoal = 120;

// The same day `months` later, clamped to the month's length (Jan 31 + 1 month = Feb 28).
Date AddMonths(Date day, int months) {
    std::chrono::year_month_day ymd =
        std::chrono::year_month_day{day} + std::chrono::months{months};
    if (!ymd.ok()) {
        ymd =
            std::chrono::year_month_day_last{ymd.year(), std::chrono::month_day_last{ymd.month()}};
    }
    return std::chrono::sys_days{ymd};
}

int MonthsOf(domain::GoalPeriod period) {
    switch (period) {
        case domain::GoalPeriod::kMonth:
            return 1;
        case domain::GoalPeriod::kQuarter:
            return 3;
        case domain::GoalPeriod::kYear:
            return 12;
    }
    return 1;
}

}  // namespace

std::vector<Date> GoalPeriods(const domain::Goal& goal, Date from, Date to, std::size_t limit) {
    const int step = MonthsOf(goal.period);
    auto start_of = [&](int k) { return AddMonths(goal.start_date, k * step); };
    int k = 0;
    while (start_of(k + 1) <= from) {
        ++k;
    }
    std::vector<Date> starts;
    while (start_of(k) <= to && starts.size() < limit) {
        starts.push_back(start_of(k));
        ++k;
    }
    if (!starts.empty()) {
        starts.push_back(start_of(k));
    }
    return starts;
}

ReportTable Goals(ReportContext& context) {
    ReportTable table =
        context.StartTable("goals",
                           {"goal_id", "assignee_type", "assignee_id", "assignee", "metric",
                            "period", "period_start", "period_end", "target", "actual", "progress"},
                           ReportContext::Scope::kAllPipelines);
    const Date today = context.LocalDay(context.request().now);
    const Date from = context.request().from.value_or(context.request().to.value_or(today));
    const Date to = context.request().to.value_or(context.request().from.value_or(today));
    for (const domain::Goal& goal : context.data().goals) {
        std::optional<std::set<Id>> people;
        std::string name = "workspace";
        if (goal.assignee == GoalAssignee::kUser && goal.assignee_id) {
            people = std::set<Id>{*goal.assignee_id};
            name = context.UserName(*goal.assignee_id);
        } else if (goal.assignee == GoalAssignee::kTeam && goal.assignee_id) {
            people.emplace();
            for (const domain::TeamMembership& m : context.data().memberships) {
                if (m.team_id == *goal.assignee_id) {
                    people->insert(m.user_id);
                }
            }
            name = "team " + std::to_string(*goal.assignee_id);
            for (const domain::Team& team : context.data().teams) {
                if (team.id == *goal.assignee_id) {
                    name = team.name;
                }
            }
        }
        auto counts = [&](Id owner) {
            return (!people || people->count(owner) > 0) && context.OwnerInScope(owner);
        };
        const std::vector<Date> starts = GoalPeriods(goal, from, to, kMaxPeriodsPerGoal);
        for (std::size_t i = 0; i + 1 < starts.size(); ++i) {
            const Instant begin = context.StartOfDay(starts[i]);
            const Instant end = context.StartOfDay(starts[i + 1]);
            auto within = [&](const std::optional<Instant>& t) {
                return t && *t >= begin && *t < end;
            };
            std::int64_t actual = 0;
            if (goal.metric == GoalMetric::kActivitiesDone) {
                for (const domain::ActivityFacts& a : context.data().activities) {
                    actual += a.done && counts(a.owner_id) && within(a.marked_as_done_time);
                }
            } else {
                for (const DealHistory& history : context.histories()) {
                    const domain::Deal& deal = *history.deal;
                    if (deal.status != domain::DealStatus::kWon || !within(deal.won_time) ||
                        !counts(deal.owner_id) ||
                        (goal.pipeline_id && deal.pipeline_id != *goal.pipeline_id)) {
                        continue;
                    }
                    actual +=
                        goal.metric == GoalMetric::kDealsWon ? 1 : context.Value(deal).value_or(0);
                }
            }
            const bool money = goal.metric == GoalMetric::kWonValue;
            table.rows.push_back(
                {Cell::Int(goal.id), Cell::Text(std::string(GoalAssigneeName(goal.assignee))),
                 goal.assignee_id ? Cell::Int(*goal.assignee_id) : Cell::Null(), Cell::Text(name),
                 Cell::Text(std::string(GoalMetricName(goal.metric))),
                 Cell::Text(std::string(GoalPeriodName(goal.period))),
                 Cell::Text(FormatDate(starts[i])),
                 Cell::Text(FormatDate(starts[i + 1] - std::chrono::days{1})),
                 money ? Cell::Money(goal.target) : Cell::Int(goal.target),
                 money ? Cell::Money(actual) : Cell::Int(actual), Ratio(actual, goal.target)});
        }
    }
    context.FinishTable(table);
    return table;
}

}  // namespace pipecrm::reports
