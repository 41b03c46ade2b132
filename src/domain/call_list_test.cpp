#include "domain/call_list.hpp"

#include <gtest/gtest.h>

namespace pipecrm::domain {
namespace {

using std::chrono::day;
using std::chrono::month;
using std::chrono::year;

Date Day(int y, unsigned m, unsigned d) {
    return std::chrono::sys_days(year(y) / month(m) / day(d));
}

TEST(CallList, RoundRobinSpreadsCallsOverWorkingDays) {
    // Friday 2026-11-27: two calls a day per rep -> Fri, Fri, Mon, Mon, Tue.
    const auto plan =
        PlanCalls(10, {{7, 0}, {8, 50}}, CallStrategy::kRoundRobin, Day(2026, 11, 27), 2);
    ASSERT_EQ(plan.size(), 10u);
    EXPECT_EQ(plan[0].user_id, 7);
    EXPECT_EQ(plan[1].user_id, 8);
    EXPECT_EQ(plan[8].user_id, 7);
    EXPECT_EQ(plan[8].position, 5);
    EXPECT_EQ(plan[0].due_date, Day(2026, 11, 27));
    EXPECT_EQ(plan[2].due_date, Day(2026, 11, 27));
    EXPECT_EQ(plan[4].due_date, Day(2026, 11, 30));  // the weekend is skipped
    EXPECT_EQ(plan[8].due_date, Day(2026, 12, 1));
}

TEST(CallList, LeastOpenLoadFillsTheLighterRepFirst) {
    const auto plan =
        PlanCalls(5, {{7, 3}, {8, 0}}, CallStrategy::kLeastOpen, Day(2026, 11, 28), 10);
    std::vector<Id> reps;
    for (const auto& a : plan) {
        reps.push_back(a.user_id);
    }
    EXPECT_EQ(reps, (std::vector<Id>{8, 8, 8, 7, 8}));
    EXPECT_EQ(plan[0].due_date, Day(2026, 11, 30));  // a Saturday start moves to Monday
}

TEST(CallList, NthWorkingDayCountsOnlyWeekdays) {
    EXPECT_EQ(NthWorkingDay(Day(2026, 11, 26), 0), Day(2026, 11, 26));
    EXPECT_EQ(NthWorkingDay(Day(2026, 11, 26), 2), Day(2026, 11, 30));
    EXPECT_EQ(NthWorkingDay(Day(2026, 11, 29), 5), Day(2026, 12, 7));
}

}  // namespace
}  // namespace pipecrm::domain
